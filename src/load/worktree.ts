import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isSkippedFolder, RECORD_FILE, type RecordSource } from './source.js';

/** True when `inner` is `outer` or lies below it (both real paths). */
function isInside(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

/**
 * The records folder on disk. Symlinks are followed only while they stay
 * inside the folder, and each real folder is visited once, so a link out of
 * the folder or round a loop is never walked.
 */
export class WorkTreeSource implements RecordSource {
  readonly label: string;

  constructor(readonly root: string) {
    this.label = root;
  }

  async listRecordFiles(): Promise<string[]> {
    const realRoot = await realpath(this.root);
    const visited = new Set<string>([realRoot]);
    const found: string[] = [];
    const walk = async (dir: string, relDir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return; // unreadable folder: nothing we can load from it
      }
      for (const entry of entries) {
        const full = join(dir, entry.name);
        const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          let target: string;
          try {
            target = await realpath(full);
          } catch {
            continue; // dangling link
          }
          if (!isInside(realRoot, target)) continue;
          const st = await stat(target);
          isDir = st.isDirectory();
          isFile = st.isFile();
          if (isDir) {
            if (visited.has(target)) continue;
            visited.add(target);
          }
        } else if (isDir) {
          const real = await realpath(full);
          if (visited.has(real)) continue;
          visited.add(real);
        }
        if (isDir) {
          if (!isSkippedFolder(entry.name)) await walk(full, rel);
        } else if (isFile && RECORD_FILE.test(entry.name)) {
          found.push(rel);
        }
      }
    };
    await walk(this.root, '');
    return found.sort();
  }

  async readFile(path: string): Promise<Uint8Array> {
    return readFile(join(this.root, ...path.split('/')));
  }

  readFileSync(path: string): Uint8Array {
    return readFileSync(join(this.root, ...path.split('/')));
  }
}

/** Whether a path exists and is a folder (no throw). */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isDirectory() || (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
