import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';
import type { GlobalOptions } from '../session.js';

export function registerDiff(program: Command, io: CliIO, state: RunState): Command {
  return program
    .command('diff')
    .description('what changed in the plans between two revisions / thay đổi kế hoạch giữa hai phiên bản (formats: text, markdown, json)')
    .argument('[range]', '<rev> (against the work tree) or <rev>..<rev>; default HEAD against the work tree')
    .action(async (range: string | undefined, _options: unknown, command: Command) => {
      const { runDiff } = await import('./diff-run.js');
      state.exitCode = await runDiff(io, command.optsWithGlobals<GlobalOptions>(), range);
    });
}
