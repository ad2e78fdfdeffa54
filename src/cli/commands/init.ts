import type { Command } from 'commander';
import type { HelpText } from '../../i18n/help.js';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';
import type { GlobalOptions } from '../session.js';

export interface InitOptions {
  locale?: string;
  timezone?: string;
}

export function registerInit(program: Command, io: CliIO, state: RunState, words: HelpText): Command {
  return program
    .command('init')
    .description(words.init.about)
    .argument('[dir]', words.init.dir)
    .option('--locale <vi|en>', words.init.locale)
    .option('--timezone <zone>', words.init.timezone)
    .action(async (dir: string | undefined, _options: InitOptions, command: Command) => {
      const { runInit } = await import('./init-run.js');
      state.exitCode = await runInit(io, command.optsWithGlobals<GlobalOptions & InitOptions>(), dir);
    });
}
