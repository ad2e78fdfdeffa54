import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';
import type { GlobalOptions } from '../session.js';
import type { SummaryCommandOptions } from './summary-run.js';

export function registerSummary(program: Command, io: CliIO, state: RunState): Command {
  return program
    .command('summary')
    .description('period summary for a briefing or review / tổng hợp theo kỳ (formats: table, markdown, csv, json)')
    .option('--period <expr>', 'e.g. 2022-Q3, Q3/2022, 2022-H1, H1/2022, 5/2022, 2022, 2022..2026 (default: the quarter of --as-of)')
    .action(async (_options: SummaryCommandOptions, command: Command) => {
      const { runSummary } = await import('./summary-run.js');
      state.exitCode = await runSummary(io, command.optsWithGlobals<GlobalOptions & SummaryCommandOptions>());
    });
}
