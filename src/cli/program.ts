/**
 * The commander program: global options and one registration per command.
 * Only commander is loaded here; each command imports what it needs when it
 * runs, so `--version` and `--help` start fast.
 */
import { Command, type HelpConfiguration, Option } from 'commander';
import { type HelpText, helpText } from '../i18n/help.js';
import type { Lang } from '../i18n/lang.js';
import type { CliIO } from './io.js';
import { registerDeadlines } from './commands/deadlines.js';
import { registerDiff } from './commands/diff.js';
import { registerDone } from './commands/done.js';
import { registerInit } from './commands/init.js';
import { registerNew } from './commands/new.js';
import { registerSchema } from './commands/schema.js';
import { registerStatus } from './commands/status.js';
import { registerSummary } from './commands/summary.js';
import { registerValidate } from './commands/validate.js';
import { VERSION } from './version.js';

/** Sets the exit code of a run; commands report through it instead of process.exit. */
export interface RunState {
  exitCode: number;
  /**
   * The command whose usage commander refused (`phoihop`, `phoihop status`):
   * commander's English error line is not written; main() writes it in the
   * user's language, then where this command's help is.
   */
  refusedBy?: string;
}

export function buildProgram(io: CliIO, state: RunState, lang: Lang = 'vi'): Command {
  const words = helpText(lang);
  const program = new Command('phoihop');
  // The help option and the help's layout are set before any command is added: commands copy them as they are made.
  program
    .description(words.program)
    .version(VERSION, '-V, --version', words.global.version)
    .helpOption('-h, --help', words.global.help)
    .configureHelp(localHelp(words))
    .option('-C, --dir <path>', words.global.dir)
    .option('--as-of <date>', words.global.asOf)
    .option('--rev <git-rev>', words.global.rev)
    .option('--lang <vi|en>', words.global.lang)
    .option('--format <name>', words.global.format)
    .addOption(new Option('--no-color', words.global.noColor))
    .helpCommand(false)
    .exitOverride()
    .configureOutput(output(io, state, 'phoihop'));
  for (const register of [
    registerValidate,
    registerStatus,
    registerDeadlines,
    registerSummary,
    registerDiff,
    registerInit,
    registerNew,
    registerDone,
    registerSchema,
  ]) {
    const command = register(program, io, state, words);
    command.exitOverride().configureOutput(output(io, state, `phoihop ${command.name()}`));
  }
  registerHelp(program, words);
  return program;
}

/**
 * Commander's help in the user's language: its headings and placeholders translated, and each
 * description as written (commander would add `(default: [])` for a repeatable
 * option; the descriptions say in words what a default is).
 */
function localHelp(words: HelpText): HelpConfiguration {
  return {
    styleTitle: (title: string) => words.titles[title as keyof HelpText['titles']] ?? title,
    styleUsage: (usage: string) => placeholdersIn(usage, words),
    styleSubcommandTerm: (term: string) => placeholdersIn(term, words),
    optionDescription: (option) => option.description,
    argumentDescription: (argument) => argument.description ?? '',
  };
}

/** A usage line's placeholders in the user's words (commander measures the result, so columns stay aligned). */
function placeholdersIn(usage: string, words: HelpText): string {
  return usage
    .split(' ')
    .map((word) => words.placeholders[word as keyof HelpText['placeholders']] ?? word)
    .join(' ');
}

/**
 * `help [command]` as commander's own, except for a name that is no command:
 * commander then prints the whole help on stderr; this says, as for
 * `phoihop nope`, that there is no such command, with the nearest one.
 */
function registerHelp(program: Command, words: HelpText): void {
  program
    .command('help [command]')
    .description(words.global.helpCommand)
    .action(async (name?: string) => {
      if (name === undefined) program.help();
      const named = program.commands.find((command) => command.name() === name);
      if (named) named.help();
      const { closest } = await import('../validate/schema-check.js');
      const nearest = closest(name!, program.commands.map((command) => command.name()));
      program.error(`error: unknown command '${name}'${nearest ? `\n(Did you mean ${nearest}?)` : ''}`, { code: 'commander.unknownCommand', exitCode: 2 });
    });
}

/** Help and version to the given streams; a usage error only noted, for main() to write (see RunState.refusedBy). */
function output(io: CliIO, state: RunState, commandPath: string) {
  return {
    writeOut: (s: string) => io.stdout(s),
    writeErr: (s: string) => io.stderr(s),
    outputError: () => {
      state.refusedBy = commandPath;
    },
  };
}
