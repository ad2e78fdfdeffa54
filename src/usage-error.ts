/**
 * The exit codes of cli.md, and the error that carries a message for the
 * clerk to one of them. Below src/cli so that src/git, which finds most such
 * problems (no revision, a shallow or partial clone lacking what is needed),
 * need not reach up into the CLI; only src/cli catches it and prints it.
 */
export const EXIT = { OK: 0, FAILURE: 1, USAGE: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A problem with how the command was called, or with what it was pointed at: printed as is, exit 2 unless given. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.USAGE,
  ) {
    super(message);
  }
}
