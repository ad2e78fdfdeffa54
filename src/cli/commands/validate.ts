import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';
import type { GlobalOptions } from '../session.js';

interface ValidateOptions {
  strict?: boolean;
  changed?: string | boolean;
}

export function registerValidate(program: Command, io: CliIO, state: RunState): Command {
  return program
    .command('validate')
    .description('check records against the schemas and rules / kiểm tra hồ sơ (formats: text, json, github)')
    .argument('[paths...]', 'only report on these files (references still resolve against the whole folder)')
    .option('--strict', 'treat warnings as errors / coi cảnh báo là lỗi')
    .option('--changed [ref]', 'only files changed against a git ref (default HEAD), work tree included')
    .action(async (paths: string[], options: ValidateOptions, command: Command) => {
      const { runValidate } = await import('./validate-run.js');
      state.exitCode = await runValidate(io, command.optsWithGlobals<GlobalOptions & ValidateOptions>(), paths, options);
    });
}
