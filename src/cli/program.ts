/**
 * The commander program: global options and one registration per command.
 * Only commander is loaded here; each command imports what it needs when it
 * runs, so `--version` and `--help` start fast.
 */
import { Command, Option } from 'commander';
import type { CliIO } from './io.js';
import { registerDeadlines } from './commands/deadlines.js';
import { registerDiff } from './commands/diff.js';
import { registerDone } from './commands/done.js';
import { registerInit } from './commands/init.js';
import { registerNew } from './commands/new.js';
import { registerSchema } from './commands/schema.js';
import { registerStatus } from './commands/status.js';
import { registerSummary } from './commands/summary.js';
import { registerValidate } from './commands/validate.js';
import { VERSION } from './version.js';

/** Sets the exit code of a run; commands report through it instead of process.exit. */
export interface RunState {
  exitCode: number;
}

export function buildProgram(io: CliIO, state: RunState): Command {
  const program = new Command('phoihop');
  program
    .description('Theo dõi chương trình phối hợp — follow up coordination programs kept as YAML records')
    .version(VERSION, '-V, --version')
    .option('-C, --dir <path>', 'records folder / thư mục hồ sơ (default: nearest with phoihop.yaml)')
    .option('--as-of <date>', 'day the reports are computed for / ngày tính báo cáo')
    .option('--rev <git-rev>', 'read the records at a git revision / đọc hồ sơ tại một phiên bản git')
    .option('--lang <vi|en>', 'output language / ngôn ngữ')
    .option('--format <name>', 'output format / định dạng')
    .addOption(new Option('--no-color', 'plain output / không màu'))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
    });
  for (const register of [
    registerValidate,
    registerStatus,
    registerDeadlines,
    registerSummary,
    registerDiff,
    registerInit,
    registerNew,
    registerDone,
    registerSchema,
  ]) {
    const command = register(program, io, state);
    command.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  }
  return program;
}
