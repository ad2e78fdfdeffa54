/**
 * The records folder as it was at a git revision, read from git objects
 * only: `ls-tree` lists the files, one `cat-file --batch` process reads them
 * all. The work tree and the index are never touched.
 */
import type { Lang } from '../i18n/lang.js';
import { isRecordPath, type RecordSource, type UnreadLink } from '../load/source.js';
import { splitNul } from './exec.js';
import { UsageError } from '../usage-error.js';
import { gitMessage } from '../i18n/diff.js';
import { prefetchMissing } from './partial-clone.js';
import { git, gitOk, locateRepo, type RepoLocation, resolveCommit, underPrefix } from './repo.js';

interface TreeEntry {
  path: string;
  object: string;
}

class GitRevisionSource implements RecordSource {
  private blobs: Map<string, Buffer> | undefined;

  constructor(
    readonly label: string,
    private readonly repo: RepoLocation,
    private readonly entries: Map<string, TreeEntry>,
    private readonly lang: Lang,
    readonly unreadLinks: readonly UnreadLink[],
    /** The revision has no records folder: an empty side of a diff. */
    readonly folderMissing: boolean,
  ) {}

  async listRecordFiles(): Promise<string[]> {
    return [...this.entries.keys()].sort();
  }

  async readFile(path: string): Promise<Uint8Array> {
    // The loader reads files one by one; all blobs are fetched on the first read, in one git process.
    this.blobs ??= await readBlobs(this.repo, [...this.entries.values()].map((e) => e.object), this.lang);
    const entry = this.entries.get(path);
    const bytes = entry && this.blobs.get(entry.object);
    if (!bytes) throw new Error(`${path}: not in ${this.label}`);
    return bytes;
  }
}

/**
 * The records at `rev`; an unknown revision, or a folder outside any
 * repository, is a usage error. So is a folder the revision does not have
 * (a mistyped -C would otherwise pass as an empty folder), unless
 * `folderMayBeMissing`: one side of a diff may predate the folder.
 */
export async function gitRevisionSource(dir: string, rev: string, lang: Lang, folderMayBeMissing = false): Promise<RecordSource & { folderMissing: boolean; commit: string }> {
  const repo = await locateRepo(dir, lang);
  const commit = await resolveCommit(repo, rev, lang);
  const folderMissing = !(await hasFolder(repo, commit, lang));
  if (folderMissing && !folderMayBeMissing) throw new UsageError(gitMessage(lang, 'no-folder-at-rev', { rev, dir }));
  const { entries, unreadLinks } = await listRecordBlobs(repo, commit, lang);
  const folderTree = repo.prefix === '' ? `${commit}^{tree}` : `${commit}:${repo.prefix.slice(0, -1)}`;
  await prefetchMissing(repo, folderTree, new Set([...entries.values()].map((e) => e.object)), lang);
  return Object.assign(new GitRevisionSource(`${dir}@${rev}`, repo, entries, lang, unreadLinks, folderMissing), { commit });
}

/** Whether the records folder is a folder at the commit (the top always is). */
async function hasFolder(repo: RepoLocation, commit: string, lang: Lang): Promise<boolean> {
  if (repo.prefix === '') return true;
  const r = await git(repo.toplevel, ['cat-file', '-t', `${commit}:${repo.prefix.slice(0, -1)}`], lang);
  return r.code === 0 && r.stdout.toString('utf8').trim() === 'tree';
}

/** No records at all: the side of a diff before a repository's first commit. */
export function emptySource(label: string): RecordSource {
  return {
    label,
    listRecordFiles: async () => [],
    readFile: async (path) => {
      throw new Error(`${path}: not in ${label}`);
    },
  };
}

/**
 * Record files under the prefix at a commit: regular blobs, and, as the work
 * tree reads them (README, "Symbolic links"), links to a regular file that
 * lies inside the records folder and is not read under its own name. A link
 * is a blob of mode 120000 holding its target; a submodule is a commit.
 */
async function listRecordBlobs(repo: RepoLocation, commit: string, lang: Lang): Promise<{ entries: Map<string, TreeEntry>; unreadLinks: UnreadLink[] }> {
  const pathspec = repo.prefix === '' ? [] : [repo.prefix];
  const out = await gitOk(repo.toplevel, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...pathspec], lang);
  const entries = new Map<string, TreeEntry>();
  // Every blob under the folder by its path there, record or not, and the links: what a link may end at.
  const files = new Map<string, string>();
  const links = new Map<string, string>();
  const linkedRecords: TreeEntry[] = [];
  for (const line of splitNul(out)) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, object] = line.slice(0, tab).split(' ');
    const rel = underPrefix(line.slice(tab + 1), repo.prefix);
    if (rel === undefined || type !== 'blob') continue;
    if (mode === '120000') {
      links.set(rel, object);
      if (isRecordPath(rel)) linkedRecords.push({ path: rel, object });
    } else if (mode === '100644' || mode === '100755') {
      files.set(rel, object);
      if (isRecordPath(rel)) entries.set(rel, { path: rel, object });
    }
  }
  const unreadLinks: UnreadLink[] = [];
  if (linkedRecords.length === 0) return { entries, unreadLinks };
  const targets = await readBlobs(repo, [...links.values()], lang);
  const written = (rel: string) => targets.get(links.get(rel) ?? '')?.toString('utf8');
  const targetOf = (rel: string) => {
    const target = written(rel);
    return target === undefined ? undefined : resolveLink(rel, target);
  };
  const claimed = new Set(entries.keys());
  for (const link of linkedRecords) {
    const target = followLinks(link.path, files, links, targetOf);
    if (typeof target !== 'string') {
      if (target.reason) unreadLinks.push({ path: link.path, target: written(link.path) ?? '?', reason: target.reason });
      continue;
    }
    if (claimed.has(target)) continue;
    claimed.add(target);
    entries.set(link.path, { path: link.path, object: files.get(target) as string });
  }
  return { entries, unreadLinks };
}

/** The path (under the records folder) that a link's target names, or undefined when it leaves the folder or is absolute. */
function resolveLink(linkPath: string, target: string): string | undefined {
  if (target.startsWith('/') || target === '') return undefined;
  const parts = linkPath.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/**
 * The regular file a chain of links ends at, within the folder; else why
 * not, as the work tree would say it: nothing there, a way out, or a loop
 * (a link to a folder has no reason to report).
 */
function followLinks(
  start: string,
  files: Map<string, string>,
  links: Map<string, string>,
  targetOf: (rel: string) => string | undefined,
): string | { reason?: UnreadLink['reason'] } {
  let at = start;
  // As the kernel does, a chain of links ends after 40 steps: a loop is not followed.
  for (let step = 0; step < 40; step++) {
    if (files.has(at)) return at;
    if (!links.has(at)) return { reason: isFolder(at, files) ? undefined : 'missing' };
    const next = targetOf(at);
    if (next === undefined) return { reason: 'outside' };
    at = next;
  }
  return { reason: 'loop' };
}

/** Whether some blob lies below `path`: a tree holds no empty folder, so that is whether `path` is a folder. */
function isFolder(path: string, files: Map<string, string>): boolean {
  const prefix = `${path}/`;
  for (const file of files.keys()) if (file.startsWith(prefix)) return true;
  return false;
}

/** Reads many blobs through one `git cat-file --batch`: `<id> blob <size>\n<bytes>\n` per object. */
export async function readBlobs(repo: RepoLocation, objects: string[], lang: Lang): Promise<Map<string, Buffer>> {
  const unique = [...new Set(objects)];
  const blobs = new Map<string, Buffer>();
  if (unique.length === 0) return blobs;
  const out = await gitOk(repo.toplevel, ['cat-file', '--batch'], lang, unique.join('\n') + '\n');
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const [object, type, size] = out.toString('utf8', at, eol).split(' ');
    at = eol + 1;
    if (type === undefined || size === undefined) continue; // `<id> missing`
    const length = Number(size);
    blobs.set(object, out.subarray(at, at + length));
    at += length + 1;
  }
  return blobs;
}
