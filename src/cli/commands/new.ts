import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';
import type { GlobalOptions } from '../session.js';

export interface NewOptions {
  title?: string;
  type?: string;
  parties?: string;
  period?: string;
  signed?: string;
  parent?: string;
  number?: string;
}

export function registerNew(program: Command, io: CliIO, state: RunState): Command {
  return program
    .command('new')
    .description('write a new plan file plans/<plan-id>.yaml / tạo tệp kế hoạch mới')
    .argument('<plan-id>', 'id of the new program or plan, e.g. kh-bdv-btg-2027')
    .option('--title <text>', 'title (trích yếu) — required')
    .option('--type <type>', 'program | plan (default: plan with --parent, else program)')
    .option('--parties <ids>', 'two or more party ids, comma-separated — required')
    .option('--period <period>', 'period covered, e.g. 2027, 2022..2026, H1/2027 — required')
    .option('--signed <date>', 'date signed (default: today)')
    .option('--parent <plan-id>', 'the program this plan implements')
    .option('--number <symbol>', 'document number and symbol, e.g. 12-KH/BDVTU-BTGTU')
    .action(async (planId: string, _options: NewOptions, command: Command) => {
      const { runNew } = await import('./new-run.js');
      state.exitCode = await runNew(io, command.optsWithGlobals<GlobalOptions & NewOptions>(), planId);
    });
}
