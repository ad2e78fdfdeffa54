/** What stands on the way to a file about to be made: a file where one of its folders must go. */
import { lstat, stat } from 'node:fs/promises';
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
