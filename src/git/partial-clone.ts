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
  // `--bool` leaves the reading of `yes`, `1k`, `0x10` or a key without a value to git itself.
  const [promisors, partialClone] = await Promise.all([
    git(repo.toplevel, ['config', '--bool', '--get-regexp', '^remote\\..*\\.promisor$'], lang),
    git(repo.toplevel, ['config', '--get', 'extensions.partialclone'], lang),
  ]);
  const remotes = new Set<string>();
  // Exit 1: no such key, the usual full clone. A value git cannot read fails every git command that needs it, as ours would.
  if (promisors.code === 0) {
    for (const line of promisors.stdout.toString('utf8').split('\n')) {
      const [key, value] = line.split(' ');
      if (value === 'true') remotes.add(key.slice('remote.'.length, -'.promisor'.length));
    }
  }
  if (partialClone.code === 0) remotes.add(partialClone.stdout.toString('utf8').trim());
  return [...remotes].filter((name) => name !== '');
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
