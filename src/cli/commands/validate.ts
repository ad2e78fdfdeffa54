import type { Command } from 'commander';
import type { HelpText } from '../../i18n/help.js';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';
import type { GlobalOptions } from '../session.js';

interface ValidateOptions {
  strict?: boolean;
  changed?: string | boolean;
}

export function registerValidate(program: Command, io: CliIO, state: RunState, words: HelpText): Command {
  return program
    .command('validate')
    .description(words.validate.about)
    .argument('[paths...]', words.validate.paths)
    .option('--strict', words.validate.strict)
    .option('--changed [ref]', words.validate.changed)
    .action(async (paths: string[], options: ValidateOptions, command: Command) => {
      const { runValidate } = await import('./validate-run.js');
      state.exitCode = await runValidate(io, command.optsWithGlobals<GlobalOptions & ValidateOptions>(), paths, options);
    });
}
