/** Runs the built CLI (`bin/phoihop.js`) as a real subprocess. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/phoihop.js', import.meta.url));
export const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
/** The example records folders (those with a phoihop.yaml; examples/ci holds CI recipes, not records). */
export const EXAMPLE_FOLDERS = readdirSync(EXAMPLES)
  .filter((name) => existsSync(join(EXAMPLES, name, 'phoihop.yaml')))
  .sort();

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface RunOptions {
  cwd?: string;
  /** Extra environment; NO_COLOR is not set unless given, and stdout is a pipe (so no colour anyway). */
  env?: Record<string, string | undefined>;
  input?: string;
  /** A command the CLI runs under (e.g. setpriv to drop root), its arguments first. */
  prefix?: readonly string[];
  /** Milliseconds before the run is killed (a hang then fails the test, code -1, rather than stalling it). */
  timeout?: number;
}

/** The user id a test drops to when it runs as root: `nobody` on most systems. */
export const UNPRIVILEGED_UID = 65534;

/**
 * How to run the CLI as a user whom file permissions apply to: as is when the
 * tests are not root, under setpriv as UNPRIVILEGED_UID when they are (root
 * ignores permissions), or undefined when neither is possible.
 */
export function unprivilegedPrefix(): readonly string[] | undefined {
  if (process.getuid?.() !== 0) return [];
  const drop = ['setpriv', `--reuid=${UNPRIVILEGED_UID}`, `--regid=${UNPRIVILEGED_UID}`, '--clear-groups'];
  // That user must also reach node and this checkout (a clone under a private home folder it cannot read is skipped).
  return spawnSync(drop[0], [...drop.slice(1), process.execPath, BIN, '--version']).status === 0 ? drop : undefined;
}

export function runCli(args: string[], options: RunOptions = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const [command, ...prefixArgs] = [...(options.prefix ?? []), process.execPath];
  const r = spawnSync(command, [...prefixArgs, BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: env as NodeJS.ProcessEnv,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeout,
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

/** A diagnostic as `validate --format json` writes it. */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

/** `validate --format json` on the folder `cwd`, which must have errors (exit 1, nothing on stderr): its diagnostics. */
export function failingDiagnostics(cwd: string, lang: 'vi' | 'en', env: Record<string, string> = {}): JsonDiagnostic[] {
  const run = runCli(['validate', '--format', 'json', '--lang', lang], { cwd, env });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  return (JSON.parse(run.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
}
