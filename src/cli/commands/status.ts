import type { Command } from 'commander';
import type { HelpText } from '../../i18n/help.js';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';
import type { GlobalOptions } from '../session.js';
import type { StatusCommandOptions } from './status-run.js';

export function registerStatus(program: Command, io: CliIO, state: RunState, words: HelpText): Command {
  return program
    .command('status')
    .description(words.status.about)
    .argument('[plan-id]', words.status.planId)
    .option('--party <id>', words.status.party)
    .option('--all', words.status.all)
    .action(async (planId: string | undefined, _options: StatusCommandOptions, command: Command) => {
      const { runStatus } = await import('./status-run.js');
      state.exitCode = await runStatus(io, command.optsWithGlobals<GlobalOptions & StatusCommandOptions>(), planId);
    });
}
