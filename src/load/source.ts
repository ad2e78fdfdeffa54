/**
 * Where record files come from: the work tree, or a git revision (src/git).
 * Loading only ever goes through this interface, so every command can read
 * the records as they were at any revision.
 */
export interface RecordSource {
  /** What to call the folder in messages. */
  readonly label: string;
  /** Paths of candidate record files (`*.yaml`, `*.yml`), relative, with `/`, sorted. */
  listRecordFiles(): Promise<string[]>;
  /** Folders the last listing could not read (relative, with `/`; `.` for the root), and why. */
  readonly unreadableFolders?: readonly { path: string; code?: string; detail: string }[];
  /**
   * Links with a record file's name that the last listing did not follow
   * (README, "Symbolic links"), for a warning: a plan linked in and then
   * moved must not drop out of the folder unnoticed.
   */
  readonly unreadLinks?: readonly UnreadLink[];
  /** The raw bytes of one file, by relative path. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * The same, without waiting, where the source can (the work tree): for
   * thousands of small files a blocking read is several times faster. The
   * bytes may lie in a buffer that the next call reads into again, so they
   * are to be used at once, never kept: a fresh buffer a file cost 0.08 s
   * of 2.5 at 10,000 plans (README, Performance).
   */
  readFileSync?(path: string): Uint8Array;
}

export interface UnreadLink {
  /** The link's path, relative, with `/`. */
  path: string;
  /** What the link holds, as written. */
  target: string;
  /** `missing`: nothing there; `outside`: out of the records folder (or absolute, in a revision); `loop`: links round a loop. */
  reason: 'missing' | 'outside' | 'loop';
}

export const RECORD_FILE = /\.ya?ml$/i;
/** Folders never searched: dot-folders (.git, .vscode…) and node_modules. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * A file name that holds records: `*.yaml`/`*.yml`, but not a dot-file, so a
 * records folder at a repository's root does not load `.gitlab-ci.yml` or
 * `.pre-commit-config.yaml`.
 */
export function isRecordFileName(name: string): boolean {
  return RECORD_FILE.test(name) && !name.startsWith('.');
}

/** Whether a path below the records folder (with `/`) is one the loader reads. */
export function isRecordPath(rel: string): boolean {
  const segments = rel.split('/');
  const name = segments.pop() ?? '';
  return isRecordFileName(name) && !segments.some(isSkippedFolder);
}
