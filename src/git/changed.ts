/**
 * `validate --changed [ref]`: the record files added or modified against a
 * revision, work tree and untracked files included, as paths relative to
 * the records folder. Deleted files are not reported: there is nothing left
 * to check.
 */
import type { Lang } from '../i18n/lang.js';
import { splitNul } from './exec.js';
import { gitOk, isUnbornHead, locateRepo, resolveCommit, underPrefix, assertNotOption } from './repo.js';
import { isRecordPath } from './source.js';

export async function changedRecordFiles(dir: string, ref: string, lang: Lang): Promise<Set<string>> {
  assertNotOption(ref, lang);
  const repo = await locateRepo(dir, lang);
  const pathspec = repo.prefix === '' ? [] : [repo.prefix];
  const paths: string[] = [];
  if (ref === 'HEAD' && (await isUnbornHead(repo, lang))) {
    // The first commit of a repository: everything staged counts as changed.
    paths.push(...splitNul(await gitOk(repo.toplevel, ['ls-files', '-z', '--cached', '--', ...pathspec], lang)));
  } else {
    const commit = await resolveCommit(repo, ref, lang);
    // --no-relative: a user's diff.relative setting must not change the paths we get back.
    const diff = ['diff', '--no-relative', '--no-ext-diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', commit, '--', ...pathspec];
    paths.push(...splitNul(await gitOk(repo.toplevel, diff, lang)));
  }
  paths.push(...splitNul(await gitOk(repo.toplevel, ['ls-files', '-z', '--others', '--exclude-standard', '--', ...pathspec], lang)));
  const changed = new Set<string>();
  for (const path of paths) {
    const rel = underPrefix(path, repo.prefix);
    if (rel !== undefined && isRecordPath(rel)) changed.add(rel);
  }
  return changed;
}
