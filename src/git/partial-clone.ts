/**
 * Partial clones (`git clone --filter=blob:none`, a common CI checkout)
 * lack old files' contents until asked, and `cat-file --batch` fetches each
 * missing one in a connection of its own: 24 s instead of 3 for a fresh
 * clone's `diff` at 1,000 plans. Fetching the missing ones first, in one
 * request, is what git's own `diff` and `checkout` do.
 */
import { UsageError } from '../usage-error.js';
import { gitMessage } from '../i18n/diff.js';
import type { Lang } from '../i18n/lang.js';
import { firstLine, git, type RepoLocation } from './repo.js';

/** The remotes git may fetch missing objects from: `remote.<name>.promisor` and the older `extensions.partialClone`. */
export async function promisorRemotes(repo: RepoLocation, lang: Lang): Promise<string[]> {
  const r = await git(repo.toplevel, ['config', '--get-regexp', '^(remote\\..*\\.promisor|extensions\\.partialclone)$'], lang);
  if (r.code !== 0) return []; // 1: no such key, the usual full clone
  const remotes = new Set<string>();
  for (const line of r.stdout.toString('utf8').split('\n')) {
    if (line === '') continue;
    // A key written without a value is printed alone, and means true.
    const space = line.indexOf(' ');
    const key = space < 0 ? line : line.slice(0, space);
    const value = space < 0 ? undefined : line.slice(space + 1).trim();
    if (key === 'extensions.partialclone') remotes.add(value ?? '');
    else if (isGitTrue(value)) remotes.add(key.slice('remote.'.length, -'.promisor'.length));
  }
  return [...remotes].filter((name) => name !== '');
}

/** git's reading of a boolean setting: no value, `true`, `yes`, `on` or a non-zero number. */
function isGitTrue(value: string | undefined): boolean {
  if (value === undefined) return true;
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === 'yes' || lower === 'on') return true;
  return /^-?\d+$/.test(value) && Number(value) !== 0;
}

/**
 * Of `objects`, those under `tree` that the clone does not hold.
 * `rev-list --missing=print` lists them without fetching (`?<id>`).
 */
async function missingObjects(repo: RepoLocation, tree: string, objects: ReadonlySet<string>, lang: Lang): Promise<string[]> {
  const r = await git(repo.toplevel, ['rev-list', '--objects', '--no-walk', '--missing=print', tree], lang);
  if (r.code !== 0) return []; // cat-file will then fetch one by one, as before
  const missing: string[] = [];
  for (const line of r.stdout.toString('utf8').split('\n')) {
    if (line.startsWith('?') && objects.has(line.slice(1))) missing.push(line.slice(1));
  }
  return missing;
}

/**
 * Fetches in one request the objects of `tree` (a commit's records folder)
 * that a partial clone lacks. A failure (no network, remote gone) is a usage
 * error naming the remote: reading the files would fail the same way, file
 * by file.
 */
export async function prefetchMissing(repo: RepoLocation, tree: string, objects: ReadonlySet<string>, lang: Lang): Promise<void> {
  if (objects.size === 0) return;
  const remotes = await promisorRemotes(repo, lang);
  if (remotes.length === 0) return;
  const missing = await missingObjects(repo, tree, objects, lang);
  if (missing.length === 0) return;
  let lastError = '';
  for (const remote of remotes) {
    // The arguments git itself uses for a promisor fetch (promisor-remote.c).
    const r = await git(
      repo.toplevel,
      ['-c', 'fetch.negotiationAlgorithm=noop', 'fetch', remote, '--no-tags', '--no-write-fetch-head', '--recurse-submodules=no', '--filter=blob:none', '--stdin'],
      lang,
      missing.join('\n') + '\n',
    );
    if (r.code === 0) return;
    if (r.code === 129) return; // a git before 2.29 lacks these options: cat-file fetches one by one, slowly but surely
    lastError = firstLine(r.stderr);
  }
  const names = remotes.map((name) => `'${name}'`).join(', ');
  throw new UsageError(gitMessage(lang, 'partial-clone-fetch-failed', { count: missing.length, remotes: names, detail: lastError }));
}
