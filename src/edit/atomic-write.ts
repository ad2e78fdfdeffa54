/**
 * Writes that are never torn: the new content goes to a temporary file in the
 * same folder, is flushed to disk, and only then takes the target's name (a
 * rename replaces; a hard link creates without replacing). A failure at any
 * step removes the temporary file; Ctrl-C or a kill signal during the write
 * does too. A run killed outright (SIGKILL, power cut) may leave its
 * temporary file, which the next write to that file sweeps away.
 *
 * The new file takes the old one's permissions and, where the process may
 * set them, its owner (root only) and group (root, or a member of it). A hard link to the old file keeps the old content: the rename gives
 * the name a new file, as editors that save atomically do.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, unlinkSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { constants as osConstants } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** The file-system calls a write makes; tests replace some to fail or pause on purpose. */
export interface WriteFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  link: typeof fsp.link;
  unlink: typeof fsp.unlink;
  stat: typeof fsp.stat;
  realpath: typeof fsp.realpath;
  access: typeof fsp.access;
  readdir: (path: string) => Promise<string[]>;
}

export const nodeWriteFs: WriteFs = {
  open: fsp.open,
  rename: fsp.rename,
  link: fsp.link,
  unlink: fsp.unlink,
  stat: fsp.stat,
  realpath: fsp.realpath,
  access: fsp.access,
  readdir: (path) => fsp.readdir(path),
};

export interface WriteOptions {
  fs?: Partial<WriteFs>;
  /** Remove the temporary file and exit if SIGINT, SIGTERM or SIGHUP arrives mid-write (the CLI sets it). */
  cleanupOnSignal?: boolean;
}

const TEMP_SUFFIX = '.tmp';

/** `.<name>.phoihop-<pid>-<random>.tmp`: hidden, never a record file, and tells which process made it. */
export function tempNameFor(target: string, pid = process.pid): string {
  return join(dirname(target), `.${basename(target)}.phoihop-${pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
}

function tempPattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${escaped}\\.phoihop-(\\d+)-[0-9a-f]+\\.tmp$`);
}

/** The permissions and ownership a replaced file passes on to its replacement. */
interface Kept {
  mode: number;
  uid: number;
  gid: number;
}

/** The file to replace is one this process may not write itself. */
export class TargetNotWritable extends Error {
  constructor(readonly path: string) {
    super(`${path}: not writable`);
  }
}

/** Replaces `target` (which must exist) with `data`, keeping its permissions and, where it can, its owner and group. */
export async function writeFileAtomic(target: string, data: Uint8Array, options: WriteOptions = {}): Promise<void> {
  const fs = { ...nodeWriteFs, ...options.fs };
  // Write next to the real file, so a symlinked record stays a symlink and the rename stays on one file system.
  const real = await fs.realpath(target);
  // The rename needs only the folder to be writable: without this, a read-only file, or another user's, would be replaced.
  await fs.access(real, fsConstants.W_OK).catch(() => {
    throw new TargetNotWritable(real);
  });
  const { mode, uid, gid } = await fs.stat(real);
  // No write bit at all is a file made read-only on purpose (chmod a-w), which root could otherwise write.
  if ((mode & 0o222) === 0) throw new TargetNotWritable(real);
  await sweepStaleTemps(real, fs);
  await withTemp(real, data, { mode: mode & 0o7777, uid, gid }, fs, options, async (temp) => fs.rename(temp, real));
}

/** Creates `target` with `data`, refusing (EEXIST) if it exists, never leaving a partial file under its name. */
export async function writeFileExclusive(target: string, data: Uint8Array, options: WriteOptions = {}): Promise<void> {
  const fs = { ...nodeWriteFs, ...options.fs };
  await withTemp(target, data, undefined, fs, options, async (temp) => {
    try {
      await fs.link(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // File systems without hard links (FAT on a USB stick): an exclusive create is the next best thing.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
      const handle = await fs.open(target, 'wx', 0o666);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    await fs.unlink(temp);
  });
}

async function withTemp(
  target: string,
  data: Uint8Array,
  kept: Kept | undefined,
  fs: WriteFs,
  options: WriteOptions,
  commit: (temp: string) => Promise<void>,
): Promise<void> {
  const temp = tempNameFor(target);
  const stopWatching = options.cleanupOnSignal ? removeOnSignal(temp) : () => {};
  try {
    const handle = await fs.open(temp, 'wx', kept?.mode ?? 0o666);
    try {
      if (kept) await keepOwnerAndMode(handle, kept);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await commit(temp);
  } catch (error) {
    await fs.unlink(temp).catch(() => {});
    throw error;
  } finally {
    stopWatching();
  }
}

/** Errors of a chown that mean "not allowed or not supported here", not a failed write. */
const OWNER_NOT_SETTABLE = new Set(['EPERM', 'EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Gives the temporary file the replaced file's owner, group and permissions.
 * Owner first: a chown may clear set-id bits, which the chmod then restores;
 * and the chmod is needed anyway, as the umask may have narrowed the mode
 * given to open.
 */
async function keepOwnerAndMode(handle: fsp.FileHandle, kept: Kept): Promise<void> {
  const rethrowUnlessNotSettable = (error: unknown) => {
    if (!OWNER_NOT_SETTABLE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  };
  try {
    await handle.chown(kept.uid, kept.gid);
  } catch (error) {
    // Only root may give a file away, and some file systems (FAT) keep no owner: then the new file is ours, as any editor's save would make it.
    rethrowUnlessNotSettable(error);
    // But its group stays, where this user is in it: the colleagues a group-writable file was shared with can still write it.
    await handle.chown(-1, kept.gid).catch(rethrowUnlessNotSettable);
  }
  await handle.chmod(kept.mode);
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** While a write runs, a signal removes its temporary file before the process ends as the signal would. */
function removeOnSignal(temp: string): () => void {
  const handlers = SIGNALS.map((signal) => {
    const handler = () => {
      try {
        unlinkSync(temp);
      } catch {
        /* not created yet, or already renamed */
      }
      process.exit(128 + (osConstants.signals[signal] ?? 1));
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
}

/** Removes temporary files of `target` left by writes whose process no longer runs. */
export async function sweepStaleTemps(target: string, fs: Pick<WriteFs, 'readdir' | 'unlink'> = nodeWriteFs): Promise<string[]> {
  const pattern = tempPattern(basename(target));
  const dir = dirname(target);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m || isRunning(Number(m[1]))) continue;
    try {
      await fs.unlink(join(dir, name));
      removed.push(name);
    } catch {
      /* gone already, or not ours to remove */
    }
  }
  return removed;
}

/** Whether process `pid` runs on this machine (one we may not signal runs too); this process always does. */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true; // possibly a write of ours still under way
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
