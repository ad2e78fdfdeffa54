import { closeSync, type Dirent, openSync, readSync } from 'node:fs';
import { lstat, readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import { join, relative, sep, isAbsolute } from 'node:path';
import { isRecordFileName, isSkippedFolder, type RecordSource, type UnreadLink } from './source.js';

/** True when `inner` is `outer` or lies below it (both real paths). */
function isInside(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

/**
 * The records folder on disk. A symbolic link to a folder is never walked:
 * a folder inside the records folder is read where it really is, and one
 * outside (or a loop) must not be read at all. A link to a file is read when
 * the file really lies inside the folder and is not already found under its
 * own name.
 */
export class WorkTreeSource implements RecordSource {
  readonly label: string;
  unreadableFolders: { path: string; code?: string; detail: string }[] = [];
  unreadLinks: UnreadLink[] = [];

  constructor(readonly root: string) {
    this.label = root;
  }

  async listRecordFiles(): Promise<string[]> {
    const realRoot = await realpath(this.root);
    this.unreadableFolders = [];
    this.unreadLinks = [];
    const found = new Map<string, string>(); // real path → relative path
    const links: { rel: string; full: string }[] = [];
    const walk = async (dir: string, relDir: string): Promise<void> => {
      let entries: Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        // Its files cannot be checked: a folder that passes without them would mislead (validate, CI).
        this.unreadableFolders.push({ path: relDir || '.', code: (error as NodeJS.ErrnoException).code, detail: (error as Error).message });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = join(dir, entry.name);
        const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!isSkippedFolder(entry.name)) await walk(full, rel);
        } else if (entry.isFile() && isRecordFileName(entry.name)) {
          found.set(full, rel);
        } else if (entry.isSymbolicLink() && isRecordFileName(entry.name)) {
          links.push({ rel, full });
        }
      }
    };
    await walk(realRoot, '');
    const paths = new Set(found.values());
    const realFiles = new Set(found.keys());
    for (const link of links) {
      const target = await fileTarget(link.full);
      const reason = typeof target !== 'string' ? target.reason : isInside(realRoot, target) ? undefined : 'outside';
      if (reason) this.unreadLinks.push({ path: link.rel, target: await readlink(link.full).catch(() => '?'), reason });
      if (typeof target !== 'string' || reason || realFiles.has(target)) continue;
      realFiles.add(target);
      paths.add(link.rel);
    }
    return [...paths].sort();
  }

  async readFile(path: string): Promise<Uint8Array> {
    return readFile(join(this.root, ...path.split('/')));
  }

  /** Into one buffer, grown as needed and read into again by the next call: see RecordSource.readFileSync. */
  readFileSync(path: string): Uint8Array {
    const fd = openSync(join(this.root, ...path.split('/')), 'r');
    try {
      let size = 0;
      for (;;) {
        if (size === this.buffer.length) this.buffer = grown(this.buffer);
        const read = readSync(fd, this.buffer, size, this.buffer.length - size, null);
        if (read === 0) return this.buffer.subarray(0, size);
        size += read;
      }
    } finally {
      closeSync(fd);
    }
  }

  private buffer: Buffer = Buffer.allocUnsafeSlow(64 * 1024);
}

function grown(buffer: Buffer): Buffer {
  const bigger = Buffer.allocUnsafeSlow(buffer.length * 2);
  buffer.copy(bigger);
  return bigger;
}

/**
 * The real path of a link that ends at a regular file; else why not: nothing
 * there, or a loop (a link to a folder or a device, not a record file
 * whatever its name, has no reason to report).
 */
async function fileTarget(link: string): Promise<string | { reason?: 'missing' | 'loop' }> {
  try {
    const target = await realpath(link);
    return (await stat(target)).isFile() ? target : {};
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: code === 'ELOOP' ? 'loop' : code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : undefined };
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
