import type { Command } from 'commander';
import type { HelpText } from '../../i18n/help.js';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';
import type { GlobalOptions } from '../session.js';
import type { SummaryCommandOptions } from './summary-run.js';

export function registerSummary(program: Command, io: CliIO, state: RunState, words: HelpText): Command {
  return program
    .command('summary')
    .description(words.summary.about)
    .option('--period <expr>', words.summary.period)
    .action(async (_options: SummaryCommandOptions, command: Command) => {
      const { runSummary } = await import('./summary-run.js');
      state.exitCode = await runSummary(io, command.optsWithGlobals<GlobalOptions & SummaryCommandOptions>());
    });
}
