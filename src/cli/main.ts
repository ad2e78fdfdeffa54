/**
 * The CLI as a function: arguments in, exit code out. Only this layer (and
 * bin/) writes to stdout or decides the exit code.
 */
import { CommanderError } from 'commander';
import { cliMessage } from '../i18n/cli.js';
import { EXIT, ExitWith, type CliIO, UsageError } from './io.js';
import { buildProgram, type RunState } from './program.js';

export function processIO(): CliIO {
  return {
    // Bytes are lent (CliIO): done with once the stream has handed them on, which an asynchronous pipe may do later.
    stdout: (s) => (typeof s === 'string' ? void process.stdout.write(s) : new Promise<void>((resolve) => process.stdout.write(s, () => resolve()))),
    stderr: (s) => void process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    now: () => Date.now(),
  };
}

export async function main(argv: string[], givenIO?: CliIO): Promise<number> {
  const state: RunState = { exitCode: EXIT.OK };
  let io: CliIO;
  try {
    io = givenIO ?? processIO();
  } catch (error) {
    // process.cwd() fails when the current folder was deleted under the shell.
    process.stderr.write(`phoihop: ${cliMessage(requestedLang(argv), 'no-cwd', { detail: (error as Error).message })}\n`);
    return EXIT.USAGE;
  }
  const program = buildProgram(io, state);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help asked for and version are successes; help shown for a missing command, and every other commander error, is bad usage (contract: 2, not 1).
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.OK;
      if (error.exitCode === 0) return EXIT.OK;
      return EXIT.USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr(`phoihop: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ExitWith) return error.exitCode;
    const detail = error instanceof Error ? error.message : String(error);
    const lang = requestedLang(argv);
    io.stderr(`phoihop: ${cliMessage(lang, 'internal-error', { detail })}\n`);
    if (io.env.PHOIHOP_DEBUG && error instanceof Error && error.stack) io.stderr(error.stack + '\n');
    return EXIT.FAILURE;
  }
}

/** The line to print when stdout cannot be written (a full disk, a closed file), in the language asked for. */
export function writeFailedMessage(error: Error, argv: string[]): string {
  return `phoihop: ${cliMessage(requestedLang(argv), 'write-failed', { detail: error.message })}\n`;
}

/** `--lang en` or `--lang=en` from the raw arguments, for messages written before any session exists. */
function requestedLang(argv: string[]): 'vi' | 'en' {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return value === 'en' ? 'en' : 'vi';
}
