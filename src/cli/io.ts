import type { ExitCode } from '../usage-error.js';

/** What the CLI may touch of the outside world; tests pass their own. */
export interface CliIO {
  /**
   * Text, or text already encoded as UTF-8 (a long report). The bytes may
   * be filled again once the promise returned, if any, settles: a writer
   * that keeps them beyond that must copy them.
   */
  stdout: (text: string | Uint8Array) => void | Promise<void>;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colour and tables may use it). */
  isTTY: boolean;
  /** The current instant, for "today"; tests may fix it. */
  now: () => number;
}

export { EXIT, type ExitCode, UsageError } from '../usage-error.js';

/** Ends a command early with an exit code, its output already written. */
export class ExitWith extends Error {
  constructor(readonly exitCode: ExitCode) {
    super(`exit ${exitCode}`);
  }
}
