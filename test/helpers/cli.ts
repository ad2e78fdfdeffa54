/** Runs the built CLI (`bin/phoihop.js`) as a real subprocess. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
}

export function runCli(args: string[], options: RunOptions = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: env as NodeJS.ProcessEnv,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}
