/**
 * Where the records folder sits in its git repository, and what a revision
 * names. Every user-given revision passes through `resolveCommit`, which
 * refuses anything git could read as an option.
 */
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { UsageError } from '../usage-error.js';
import { type GitMessage, gitMessage } from '../i18n/diff.js';
import type { Lang } from '../i18n/lang.js';
import { GitMissingError, type GitResult, runGit } from './exec.js';

export interface RepoLocation {
  /** Absolute path of the work tree's top folder, as git prints it. */
  toplevel: string;
  /** The records folder relative to the top, with `/` and a trailing `/`; `''` at the top. */
  prefix: string;
}

/** Runs git, turning "git is not installed" into a usage error in the user's language. */
export async function git(cwd: string, args: readonly string[], lang: Lang, input?: string | Buffer): Promise<GitResult> {
  try {
    return await runGit(cwd, args, input);
  } catch (error) {
    if (error instanceof GitMissingError) throw new UsageError(gitMessage(lang, 'git-missing'));
    throw error;
  }
}

/** Fails unless git succeeded; the detail names the git command, for a bug report. */
export async function gitOk(cwd: string, args: readonly string[], lang: Lang, input?: string | Buffer): Promise<Buffer> {
  const r = await git(cwd, args, lang, input);
  if (r.code !== 0) {
    throw new UsageError(gitMessage(lang, 'git-failed', { command: `git ${args[0]}`, detail: firstLine(r.stderr) }));
  }
  return r.stdout;
}

/** The first non-blank line of git's stderr: its message, without the hints after it. */
export function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The repository holding `dir`. The folder need not exist in the work tree
 * (it may exist only at an older revision): git is asked from the nearest
 * existing folder above it and the missing tail is appended to the prefix.
 */
export async function locateRepo(dir: string, lang: Lang): Promise<RepoLocation> {
  const missing: string[] = [];
  let existing = dir;
  while (!isFolder(existing)) {
    if (dirname(existing) === existing) throw new UsageError(gitMessage(lang, 'not-a-repo', { dir }));
    missing.unshift(basename(existing));
    existing = dirname(existing);
  }
  const r = await git(existing, ['rev-parse', '--show-toplevel', '--show-prefix'], lang);
  if (r.code !== 0) {
    // git's own words where they say more than "not a repository": a folder owned by another user (safe.directory), a broken .git.
    if (/not a git repository/i.test(r.stderr) || r.stderr.trim() === '') throw new UsageError(gitMessage(lang, 'not-a-repo', { dir }));
    throw new UsageError(gitMessage(lang, 'git-refused', { dir, detail: r.stderr.trim() }));
  }
  const [toplevel, shownPrefix = ''] = r.stdout.toString('utf8').replace(/\n$/, '').split('\n');
  // --show-prefix is computed by git from real paths, so a symlinked temp folder cannot confuse it.
  const prefix = shownPrefix + missing.map((m) => `${m}/`).join('');
  return { toplevel, prefix };
}

/** Refuses a revision git could take as an option (`-h`, `--output=…`) before git ever sees it. */
export function assertNotOption(rev: string, lang: Lang): void {
  if (rev.startsWith('-')) throw new UsageError(gitMessage(lang, 'rev-is-option', { rev }));
  if (rev.trim() === '') throw new UsageError(gitMessage(lang, 'unknown-rev', { rev }));
}

/** The commit a revision names, as a full object id; an unknown revision is a usage error. */
export async function resolveCommit(repo: RepoLocation, rev: string, lang: Lang): Promise<string> {
  assertNotOption(rev, lang);
  const commit = await tryResolveCommit(repo, rev, lang);
  if (commit === undefined) {
    const why = await whyUnknown(repo, rev, lang);
    throw new UsageError(gitMessage(lang, why, { rev, examples: why === 'unknown-rev' || why === 'rev-not-commit' ? await revisionExamples(repo, lang) : '' }));
  }
  return commit;
}

/**
 * Revisions to give as examples: HEAD, HEAD~1 and a few of the repository's
 * own branches (`main` is no help where the branch is `master`), local ones first.
 */
async function revisionExamples(repo: RepoLocation, lang: Lang): Promise<string> {
  const r = await git(repo.toplevel, ['for-each-ref', '--count=20', '--format=%(refname:short)', 'refs/heads', 'refs/remotes'], lang);
  const branches = r.code === 0 ? r.stdout.toString('utf8').split('\n').filter((name) => name !== '' && !name.endsWith('/HEAD') && name !== 'HEAD') : [];
  return ['HEAD', 'HEAD~1', ...branches.slice(0, 3)].join(', ');
}

/** Why a revision names nothing, when the repository can tell more than "no such revision". */
async function whyUnknown(repo: RepoLocation, rev: string, lang: Lang): Promise<GitMessage> {
  if (rev === 'HEAD' && (await isUnbornHead(repo, lang))) return 'no-commit-yet';
  // `HEAD:plans` or a blob's id names an object, but not a commit whose records could be read. A full
  // object id passes rev-parse whether or not the object is there (a commit a shallow clone lacks).
  const named = await objectId(repo, ['--end-of-options', rev], lang);
  if (named !== undefined && (await git(repo.toplevel, ['cat-file', '-e', named], lang)).code === 0) return 'rev-not-commit';
  const shallow = await git(repo.toplevel, ['rev-parse', '--is-shallow-repository'], lang);
  return shallow.stdout.toString('utf8').trim() === 'true' ? 'unknown-rev-shallow' : 'unknown-rev';
}

/** Like resolveCommit, undefined when the revision names no commit. */
export async function tryResolveCommit(repo: RepoLocation, rev: string, lang: Lang): Promise<string | undefined> {
  assertNotOption(rev, lang);
  // Two steps, because a suffix would become part of a `:/message` search: name the object, then peel it to a commit.
  const named = await objectId(repo, ['--end-of-options', rev], lang);
  return named === undefined ? undefined : objectId(repo, [`${named}^{commit}`], lang);
}

async function objectId(repo: RepoLocation, revArgs: string[], lang: Lang): Promise<string | undefined> {
  const r = await git(repo.toplevel, ['rev-parse', '--verify', '--quiet', ...revArgs], lang);
  const id = r.stdout.toString('utf8').trim();
  return r.code === 0 && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(id) ? id : undefined;
}

/** True when HEAD names a branch that has no commit yet (a fresh repository). */
export async function isUnbornHead(repo: RepoLocation, lang: Lang): Promise<boolean> {
  const branch = await git(repo.toplevel, ['symbolic-ref', '--quiet', 'HEAD'], lang);
  if (branch.code !== 0) return false;
  return (await tryResolveCommit(repo, 'HEAD', lang)) === undefined;
}

/** `records/plans/a.yaml` → `plans/a.yaml` for prefix `records/`; undefined when outside it. */
export function underPrefix(path: string, prefix: string): string | undefined {
  if (!path.startsWith(prefix)) return undefined;
  const rel = path.slice(prefix.length);
  return rel === '' ? undefined : rel;
}
