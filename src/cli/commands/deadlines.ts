import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';
import type { GlobalOptions } from '../session.js';
import type { DeadlinesCommandOptions } from './deadlines-run.js';

export function registerDeadlines(program: Command, io: CliIO, state: RunState): Command {
  return program
    .command('deadlines')
    .description('overdue and due-soon items / nhiệm vụ quá hạn, sắp đến hạn (formats: table, markdown, csv, json)')
    .option('--within <days>', "due-soon window in days (default: the config's soon) / số ngày tới")
    .option('--party <id>', 'items this party leads or supports / nhiệm vụ đơn vị chủ trì hoặc phối hợp')
    .option('--plan <id>', 'items of one plan / nhiệm vụ của một kế hoạch')
    .option('--type <type>', 'activity, report, briefing, interim-review, final-review or event / loại nhiệm vụ')
    .option('--overdue', 'only overdue items / chỉ nhiệm vụ quá hạn')
    .option('--fail-on-overdue', 'exit 1 when anything is overdue / thoát mã 1 khi có nhiệm vụ quá hạn')
    .action(async (_options: DeadlinesCommandOptions, command: Command) => {
      const { runDeadlines } = await import('./deadlines-run.js');
      state.exitCode = await runDeadlines(io, command.optsWithGlobals<GlobalOptions & DeadlinesCommandOptions>());
    });
}
