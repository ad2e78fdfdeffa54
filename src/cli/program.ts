/**
 * The commander program: global options and one registration per command.
 * Only commander is loaded here; each command imports what it needs when it
 * runs, so `--version` and `--help` start fast.
 */
import { Command, Option } from 'commander';
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

export function buildProgram(io: CliIO, state: RunState): Command {
  const program = new Command('phoihop');
  program
    .description('Theo dõi chương trình phối hợp — follow up coordination programs kept as YAML records')
    .version(VERSION, '-V, --version')
    .option('-C, --dir <path>', 'records folder / thư mục hồ sơ (default: nearest with phoihop.yaml)')
    .option('--as-of <date>', 'day the reports are computed for / ngày tính báo cáo')
    .option('--rev <git-rev>', 'read the records at a git revision / đọc hồ sơ tại một phiên bản git')
    .option('--lang <vi|en>', 'output language / ngôn ngữ')
    .option('--format <name>', 'output format / định dạng')
    .addOption(new Option('--no-color', 'plain output / không màu'))
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
    const command = register(program, io, state);
    command.exitOverride().configureOutput(output(io, state, `phoihop ${command.name()}`));
  }
  registerHelp(program);
  return program;
}

/**
 * `help [command]` as commander's own, except for a name that is no command:
 * commander then prints the whole help on stderr; this says, as for
 * `phoihop nope`, that there is no such command, with the nearest one.
 */
function registerHelp(program: Command): void {
  program
    .command('help [command]')
    .description('display help for command')
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
