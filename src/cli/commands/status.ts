import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';
import type { GlobalOptions } from '../session.js';
import type { StatusCommandOptions } from './status-run.js';

export function registerStatus(program: Command, io: CliIO, state: RunState): Command {
  return program
    .command('status')
    .description('where every plan stands, or one plan\'s items / tình hình thực hiện (formats: table, markdown, csv, json)')
    .argument('[plan-id]', 'list the items of this plan / liệt kê nhiệm vụ của kế hoạch này')
    .option('--party <id>', 'only plans this party is in / chỉ các kế hoạch có đơn vị này')
    .option('--all', 'include ended plans / gồm cả kế hoạch đã kết thúc')
    .action(async (planId: string | undefined, _options: StatusCommandOptions, command: Command) => {
      const { runStatus } = await import('./status-run.js');
      state.exitCode = await runStatus(io, command.optsWithGlobals<GlobalOptions & StatusCommandOptions>(), planId);
    });
}
