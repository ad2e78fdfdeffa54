/**
 * What the repository cannot give as asked: git missing, no such revision,
 * a shallow or partial clone that lacks what is needed. The message is for
 * the clerk as it stands; the CLI prints it and exits 2 (bad usage), as for
 * its own UsageError. Kept here so that src/git does not reach up into src/cli.
 */
export class GitUsageError extends Error {}
