/**
 * Runs git as a child process: an argument array, never a shell, and an
 * environment that keeps git from touching the work tree or the index (no
 * optional locks, so no index refresh is written back) or treating paths as
 * patterns. The one write is a partial clone's fetch of missing objects
 * into `.git`, which git itself would make on any read of them.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** git could not be started at all (not installed, not on PATH). */
export class GitMissingError extends Error {}

export function gitEnv(base: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): NodeJS.ProcessEnv {
  return {
    ...base,
    ...hookWorkTree(base, cwd),
    // Read-only use: `git diff` would otherwise write a refreshed index behind the user's back.
    GIT_OPTIONAL_LOCKS: '0',
    // Paths we pass are folder names, not patterns: a folder called `[2022]` must match itself.
    GIT_LITERAL_PATHSPECS: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
  };
}

/**
 * Git runs hooks of a linked work tree (`git worktree add`) with GIT_DIR set
 * and no GIT_WORK_TREE, meaning "the current folder is the top of the work
 * tree". Run with `-C <records folder>`, git would take the records folder
 * for the top; both are made explicit here, as git itself reads them.
 */
function hookWorkTree(base: NodeJS.ProcessEnv, cwd: string): NodeJS.ProcessEnv {
  if (!base.GIT_DIR || base.GIT_WORK_TREE) return {};
  return { GIT_DIR: resolve(cwd, base.GIT_DIR), GIT_WORK_TREE: cwd };
}

/**
 * `git -C <cwd> <args...>`, with optional bytes on stdin. Resolves with the
 * exit code whatever it is; rejects only when git cannot be run.
 */
export function runGit(cwd: string, args: readonly string[], input?: string | Buffer): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', cwd, ...args], {
      env: gitEnv(),
      shell: false,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new GitMissingError(error.message) : error);
    });
    // git may exit before reading all of stdin (e.g. a bad revision): that is not our failure.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(input ?? '');
  });
}

/** Splits NUL-terminated `-z` output into UTF-8 strings. */
export function splitNul(bytes: Buffer): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = bytes.indexOf(0, start); i !== -1; i = bytes.indexOf(0, start)) {
    parts.push(bytes.toString('utf8', start, i));
    start = i + 1;
  }
  if (start < bytes.length) parts.push(bytes.toString('utf8', start));
  return parts;
}
