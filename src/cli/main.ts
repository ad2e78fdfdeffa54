/**
 * The CLI as a function: arguments in, exit code out. Only this layer (and
 * bin/) writes to stdout or decides the exit code. The one exception is a
 * signal during a write the CLI asked to guard (`cleanupOnSignal`): the
 * temporary file is removed and the process ends as the signal would.
 */
import { CommanderError } from 'commander';
import { cliMessage } from '../i18n/cli.js';
import { isLang, type Lang } from '../i18n/lang.js';
import { systemError } from '../i18n/system-errors.js';
import { EXIT, ExitWith, type CliIO, UsageError } from './io.js';
import { helpLang, optionArgument } from './help-lang.js';
import { buildProgram, type RunState } from './program.js';
import { usageErrorMessage, usageHintMessage } from './usage-errors.js';

/**
 * Set when the reader of stdout has gone (`phoihop deadlines | head`): what
 * is left of the output is dropped, and the command still ends with its own
 * exit code (`--fail-on-overdue` is 1 whoever reads the list).
 */
let stdoutClosed = false;

export function closeStdout(): void {
  stdoutClosed = true;
}

export function processIO(): CliIO {
  return {
    // Bytes are lent (CliIO): done with once the stream has handed them on, which an asynchronous pipe may do later.
    stdout: (s) => {
      if (stdoutClosed) return typeof s === 'string' ? undefined : Promise.resolve();
      return typeof s === 'string' ? void process.stdout.write(s) : new Promise<void>((resolve) => process.stdout.write(s, () => resolve()));
    },
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
    process.stderr.write(`phoihop: ${cliMessage(requestedLang(argv), 'no-cwd', { detail: systemError(requestedLang(argv), error) })}\n`);
    return EXIT.USAGE;
  }
  const program = buildProgram(io, state, helpLang(io.cwd, argv));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help asked for and version are successes; help shown for a missing command, and every other commander error, is bad usage (contract: 2, not 1).
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.OK;
      if (error.exitCode === 0) return EXIT.OK;
      if (state.refusedBy !== undefined) {
        // Commander's usage error (its English line was held back): one line in the user's language, then where the help is.
        const lang = await usageErrorLang(io, argv);
        io.stderr(`phoihop: ${usageErrorMessage(lang, error.code, error.message, commandsWithOption(program))}\n${usageHintMessage(lang, state.refusedBy)}\n`);
      }
      return EXIT.USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr(`phoihop: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ExitWith) return error.exitCode;
    const detail = error instanceof Error ? error.message : String(error);
    const lang = await usageErrorLang(io, argv).catch(() => requestedLang(argv));
    io.stderr(`phoihop: ${cliMessage(lang, 'internal-error', { detail })}\n`);
    if (io.env.PHOIHOP_DEBUG && error instanceof Error && error.stack) io.stderr(error.stack + '\n');
    return EXIT.FAILURE;
  }
}

/** The commands that have a long option, by its name (`--plan` → deadlines, new): an option of another command is named as such. */
function commandsWithOption(program: ReturnType<typeof buildProgram>): (option: string) => string[] {
  return (option) => program.commands.filter((command) => command.options.some((o) => o.long === option)).map((command) => command.name());
}

/** The line to print when stdout cannot be written (a full disk, a closed file), in the language of --lang or the config. */
export async function writeFailedMessage(error: Error, argv: string[]): Promise<string> {
  const lang = await usageErrorLang(processIO(), argv).catch(() => requestedLang(argv));
  return `phoihop: ${cliMessage(lang, 'write-failed', { detail: systemError(lang, error) })}\n`;
}

/** `--lang en` or `--lang=en` from the raw arguments, for messages written before any session exists. */
function requestedLang(argv: string[]): Lang {
  return optionArgument(argv, '--lang') === 'en' ? 'en' : 'vi';
}

/**
 * The language of a usage error commander found before any option was read,
 * and of the lines written when output fails or phoihop has a bug:
 * `--lang` if valid, else the locale of -C's phoihop.yaml or of the nearest
 * one upward, else vi. The session module is loaded only here, so that
 * `--help` and `--version` stay fast.
 */
async function usageErrorLang(io: CliIO, argv: string[]): Promise<Lang> {
  const lang = optionArgument(argv, '--lang');
  if (isLang(lang)) return lang;
  const { configLocale } = await import('./session.js');
  return configLocale(io, optionArgument(argv, '--dir', '-C')) ?? 'vi';
}

