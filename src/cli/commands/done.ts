import type { Command } from 'commander';
import type { HelpText } from '../../i18n/help.js';
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

export function registerDone(program: Command, io: CliIO, state: RunState, words: HelpText): Command {
  return program
    .command('done')
    .description(words.done.about)
    .argument('<plan-id/task-id>', words.done.target)
    .option('--date <date>', words.done.date)
    .option('--period <occurrence>', words.done.period)
    .option('--result <metric=number>', words.done.result, collect, [])
    .option('--note <text>', words.done.note)
    .option('--evidence <number>', words.done.evidence)
    .option('--force', words.done.force)
    .option('--dry-run', words.done.dryRun)
    .action(async (target: string, _options: DoneOptions, command: Command) => {
      const { runDone } = await import('./done-run.js');
      state.exitCode = await runDone(io, command.optsWithGlobals<GlobalOptions & DoneOptions>(), target);
    });
}
