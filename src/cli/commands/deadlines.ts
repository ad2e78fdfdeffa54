import type { Command } from 'commander';
import type { HelpText } from '../../i18n/help.js';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';
import type { GlobalOptions } from '../session.js';
import type { DeadlinesCommandOptions } from './deadlines-run.js';

export function registerDeadlines(program: Command, io: CliIO, state: RunState, words: HelpText): Command {
  return program
    .command('deadlines')
    .description(words.deadlines.about)
    .option('--within <days>', words.deadlines.within)
    .option('--party <id>', words.deadlines.party)
    .option('--plan <id>', words.deadlines.plan)
    .option('--type <type>', words.deadlines.type)
    .option('--overdue', words.deadlines.overdue)
    .option('--fail-on-overdue', words.deadlines.failOnOverdue)
    .action(async (_options: DeadlinesCommandOptions, command: Command) => {
      const { runDeadlines } = await import('./deadlines-run.js');
      state.exitCode = await runDeadlines(io, command.optsWithGlobals<GlobalOptions & DeadlinesCommandOptions>());
    });
}
