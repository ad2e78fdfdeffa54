import type { Command } from 'commander';
import type { HelpText } from '../../i18n/help.js';
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

export function registerNew(program: Command, io: CliIO, state: RunState, words: HelpText): Command {
  return program
    .command('new')
    .description(words.new.about)
    .argument('<plan-id>', words.new.planId)
    .option('--title <text>', words.new.title)
    .option('--type <type>', words.new.type)
    .option('--parties <ids>', words.new.parties)
    .option('--period <period>', words.new.period)
    .option('--signed <date>', words.new.signed)
    .option('--parent <plan-id>', words.new.parent)
    .option('--number <symbol>', words.new.number)
    .action(async (planId: string, _options: NewOptions, command: Command) => {
      const { runNew } = await import('./new-run.js');
      state.exitCode = await runNew(io, command.optsWithGlobals<GlobalOptions & NewOptions>(), planId);
    });
}
