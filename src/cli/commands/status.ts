import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';

// Not built yet: registered so the command list is complete; see the open issues.
export function registerStatus(program: Command, _io: CliIO, _state: RunState): Command {
  return program
    .command('status')
    .description('(not yet available)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(async () => {
      const { UsageError } = await import('../io.js');
      throw new UsageError('phoihop status is not implemented yet');
    });
}
