/**
 * `validate --changed [ref]`: the record files added or modified against a
 * revision, work tree and untracked files included, as paths relative to
 * the records folder. Deleted files are listed apart (`removed`): there is
 * nothing left of them to check, but what referred to them may now be broken.
 *
 * `git diff <ref>` would be the obvious command, but it writes a refreshed
 * index when file times are stale, even with GIT_OPTIONAL_LOCKS=0. So the
 * plumbing `diff-index` lists candidates (it trusts the index's stat data,
 * and so may list a file whose time changed but not its content), and their
 * content is then hashed (`hash-object`, which writes nothing) and compared
 * with the revision's.
 */
import { pushAll } from '../arrays.js';
import type { Lang } from '../i18n/lang.js';
import { splitNul } from './exec.js';
import { assertNotOption, gitOk, isUnbornHead, locateRepo, type RepoLocation, resolveCommit, underPrefix } from './repo.js';
import { isRecordPath } from '../load/source.js';
import { topLevelScalar } from '../load/top-level-scalar.js';
import { readBlobs } from './source.js';

/**
 * The record files changed against a revision; `removed`: those deleted since,
 * and `previousIds`: the id each changed file had at the revision, where it
 * had one (a deletion, or a plan's id changed, can break references elsewhere).
 */
export type ChangedFiles = Set<string> & { removed: string[]; previousIds: Map<string, string> };

export async function changedRecordFiles(dir: string, ref: string, lang: Lang): Promise<ChangedFiles> {
  assertNotOption(ref, lang);
  const repo = await locateRepo(dir, lang);
  const pathspec = repo.prefix === '' ? [] : [repo.prefix];
  const paths: string[] = [];
  const removed: string[] = [];
  const previousIds = new Map<string, string>();
  if (ref === 'HEAD' && (await isUnbornHead(repo, lang))) {
    // The first commit of a repository: everything staged counts as changed.
    pushAll(paths, splitNul(await gitOk(repo.toplevel, ['ls-files', '-z', '--cached', '--', ...pathspec], lang)));
  } else {
    const commit = await resolveCommit(repo, ref, lang);
    const candidates = splitNul(
      await gitOk(repo.toplevel, ['diff-index', '--name-only', '-z', '--no-renames', '--diff-filter=d', commit, '--', ...pathspec], lang),
    ).filter((p) => isRecord(p, repo.prefix));
    const { changed, atCommit } = await withChangedContent(repo, commit, candidates, lang);
    pushAll(paths, changed);
    const before = changed.filter((p) => atCommit.has(p));
    const blobs = await readBlobs(repo, before.map((p) => atCommit.get(p)!), lang);
    for (const path of before) {
      const id = topLevelScalar(blobs.get(atCommit.get(path)!)?.toString('utf8') ?? '', 'id');
      const rel = underPrefix(path, repo.prefix);
      if (id !== undefined && rel !== undefined) previousIds.set(rel, id);
    }
    const deleted = splitNul(await gitOk(repo.toplevel, ['diff-index', '--name-only', '-z', '--no-renames', '--diff-filter=D', commit, '--', ...pathspec], lang));
    pushAll(removed, deleted.flatMap((p) => (isRecord(p, repo.prefix) ? [underPrefix(p, repo.prefix) as string] : [])));
  }
  pushAll(paths, splitNul(await gitOk(repo.toplevel, ['ls-files', '-z', '--others', '--exclude-standard', '--', ...pathspec], lang)));
  const changed: ChangedFiles = Object.assign(new Set<string>(), { removed, previousIds });
  for (const path of paths) {
    const rel = underPrefix(path, repo.prefix);
    if (rel !== undefined && isRecordPath(rel)) changed.add(rel);
  }
  return changed;
}

function isRecord(path: string, prefix: string): boolean {
  const rel = underPrefix(path, prefix);
  return rel !== undefined && isRecordPath(rel);
}

/** The candidates whose work tree content differs from the commit's (a new file always does), and each file's blob at the commit. */
async function withChangedContent(repo: RepoLocation, commit: string, candidates: string[], lang: Lang): Promise<{ changed: string[]; atCommit: Map<string, string> }> {
  // A name with a line break cannot go through --stdin-paths: count it as changed rather than guess.
  const checkable = candidates.filter((p) => !p.includes('\n'));
  if (checkable.length === 0) return { changed: candidates, atCommit: new Map() };
  // The whole folder's listing, not one argument per file: a long list of paths could overflow the command line.
  const pathspec = repo.prefix === '' ? [] : [repo.prefix];
  const atCommit = new Map<string, string>();
  for (const line of splitNul(await gitOk(repo.toplevel, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...pathspec], lang))) {
    const tab = line.indexOf('\t');
    if (tab > 0) atCommit.set(line.slice(tab + 1), line.slice(0, tab).split(' ')[2]);
  }
  const hashes = (await gitOk(repo.toplevel, ['hash-object', '--stdin-paths'], lang, checkable.join('\n') + '\n')).toString('utf8').split('\n');
  const unchanged = new Set(checkable.filter((p, i) => atCommit.get(p) === hashes[i]));
  return { changed: candidates.filter((p) => !unchanged.has(p)), atCommit };
}
