/**
 * The config's `ignore` globs (records.md, config). The loader uses them
 * before any record is validated, so a glob here never throws: one it cannot
 * use leaves nothing out, and the config rules report it (unusableGlob).
 * A glob names files (`drafts/**`, `*.bak.yaml`) or folders (`drafts`,
 * `drafts/`: everything in them), from the records folder (a leading `/`
 * says so again); `!glob` takes back what an earlier one left out; the last
 * glob that matches a file decides, as in .gitignore.
 */
import picomatch from 'picomatch';

interface IgnoreGlob {
  negated: boolean;
  foldersOnly: boolean;
  matches: (path: string) => boolean;
}

/** Why a written glob cannot be used: nothing is left to match once `!` and slashes are taken off, or the matcher refuses it. */
export type UnusableGlob = 'empty' | 'refused';

function compile(written: string): IgnoreGlob | UnusableGlob {
  const negated = written.startsWith('!');
  const glob = (negated ? written.slice(1) : written).replace(/^\/+/, '');
  const bare = glob.replace(/\/+$/, '');
  if (bare === '') return 'empty';
  try {
    return { negated, foldersOnly: glob.endsWith('/'), matches: picomatch(bare, { dot: true }) };
  } catch {
    // picomatch refuses a pattern over its length limit (65,536 characters), among others.
    return 'refused';
  }
}

/** Why `written` cannot be used as an ignore glob, or undefined when it can. */
export function unusableGlob(written: string): UnusableGlob | undefined {
  const compiled = compile(written);
  return typeof compiled === 'string' ? compiled : undefined;
}

/** Whether a path (relative, with `/`) is left out by `ignore`, the config's list as written (anything else leaves nothing out). */
export function ignoredBy(ignore: unknown): (path: string) => boolean {
  if (!Array.isArray(ignore) || !ignore.every((g) => typeof g === 'string')) return () => false;
  const globs = (ignore as string[]).map(compile).filter((glob): glob is IgnoreGlob => typeof glob !== 'string');
  if (globs.length === 0) return () => false;
  return (path) => {
    const parts = path.split('/');
    const folders = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
    let ignored = false;
    for (const { negated, foldersOnly, matches } of globs) {
      if ((!foldersOnly && matches(path)) || folders.some((folder) => matches(folder))) ignored = !negated;
    }
    return ignored;
  };
}
