import type { Command } from 'commander';
import type { HelpText } from '../../i18n/help.js';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';
import type { GlobalOptions } from '../session.js';

export function registerDiff(program: Command, io: CliIO, state: RunState, words: HelpText): Command {
  return program
    .command('diff')
    .description(words.diff.about)
    .argument('[range]', words.diff.range)
    .action(async (range: string | undefined, _options: unknown, command: Command) => {
      const { runDiff } = await import('./diff-run.js');
      state.exitCode = await runDiff(io, command.optsWithGlobals<GlobalOptions>(), range);
    });
}
