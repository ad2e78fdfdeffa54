import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';
import type { GlobalOptions } from '../session.js';

export interface InitOptions {
  locale?: string;
  timezone?: string;
}

export function registerInit(program: Command, io: CliIO, state: RunState): Command {
  return program
    .command('init')
    .description('make a new records folder; never overwrites / tạo thư mục hồ sơ mới')
    .argument('[dir]', 'the folder to make (default: -C, else the current folder)')
    .option('--locale <vi|en>', 'language of the folder (default: --lang, else the system language)')
    .option('--timezone <zone>', 'IANA time zone (default: the system zone)')
    .action(async (dir: string | undefined, _options: InitOptions, command: Command) => {
      const { runInit } = await import('./init-run.js');
      state.exitCode = await runInit(io, command.optsWithGlobals<GlobalOptions & InitOptions>(), dir);
    });
}
