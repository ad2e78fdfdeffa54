/** The folders on the way to a file about to be made: what stands in their way, and making them. */
import { lstat, mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The nearest existing entry at or above `folder`, when it is not a folder
 * (a file, or a link to nothing): making `folder` would fail there with an
 * ENOTDIR or EEXIST that means nothing to a clerk. Undefined when the
 * nearest existing one is a folder (or a link to one).
 */
export async function fileInTheWay(folder: string): Promise<string | undefined> {
  for (let path = folder; ; path = dirname(path)) {
    const kind = await kindOf(path);
    if (kind === 'folder') return undefined;
    if (kind === 'other') return path;
    if (dirname(path) === path) return undefined;
  }
}

async function kindOf(path: string): Promise<'folder' | 'other' | undefined> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'other';
  } catch {
    // Nothing there, or a dangling link (which mkdir cannot go through either), or a path through a file.
    try {
      return (await lstat(path)).isSymbolicLink() ? 'other' : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * Makes `folder` and any missing folders above it, one at a time, and
 * returns the first one it made (undefined when `folder` was there), as
 * `mkdir -p` would. Node's own recursive mkdir loops for ever where making a
 * folder fails with ENOENT although its parent exists (inside /proc, say);
 * here every failure is thrown to the caller.
 */
export async function makeFolders(folder: string): Promise<string | undefined> {
  // Top-most first, the order they are made in.
  const missing: string[] = [];
  for (let path = folder; (await kindOf(path)) === undefined && dirname(path) !== path; path = dirname(path)) missing.unshift(path);
  for (const path of missing) await mkdir(path);
  return missing[0];
}
