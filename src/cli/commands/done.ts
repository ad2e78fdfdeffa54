import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';
import type { GlobalOptions } from '../session.js';

export interface DoneOptions {
  date?: string;
  period?: string;
  result: string[];
  note?: string;
  evidence?: string;
  force?: boolean;
  dryRun?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerDone(program: Command, io: CliIO, state: RunState): Command {
  return program
    .command('done')
    .description('record a completion in the plan file, keeping everything else / ghi nhận hoàn thành')
    .argument('<plan-id/task-id>', 'the task, e.g. btg-bdv-2022-2026/giao-ban-quy')
    .option('--date <date>', 'completion date (default: today) / ngày hoàn thành')
    .option('--period <occurrence>', 'occurrence of a recurring task, e.g. 2026-Q3 or Q3/2026 / kỳ')
    .option('--result <metric=number>', 'a result, repeatable / kết quả (lặp lại được)', collect, [])
    .option('--note <text>', 'note / ghi chú')
    .option('--evidence <number>', 'number of the document recording it / số văn bản ghi nhận')
    .option('--force', 'replace an existing completion, note, evidence or result / ghi đè')
    .option('--dry-run', 'show the change without writing / chỉ xem, không ghi')
    .action(async (target: string, _options: DoneOptions, command: Command) => {
      const { runDone } = await import('./done-run.js');
      state.exitCode = await runDone(io, command.optsWithGlobals<GlobalOptions & DoneOptions>(), target);
    });
}
