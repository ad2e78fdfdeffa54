/**
 * One writer at a time in a records folder. `done` reads the folder, edits a
 * plan in memory, checks the result and writes it. Two runs at once (a
 * script with `xargs -P`, two clerks on a shared folder) could both read a
 * file before either wrote it, and the later rename would drop the earlier
 * completion after it had been reported as recorded. A lock file, made with
 * an exclusive create, is held from the read to the rename, so runs take
 * turns and each reads the completions of those before it.
 *
 * A lock left by a run that died (SIGKILL, a power cut) is taken over: on
 * this machine as soon as its process no longer runs; from another machine
 * (a shared folder) once it is older than STALE_MS. A signal that ends the
 * run (Ctrl-C) removes the lock on the way out.
 */
import { readFileSync, unlinkSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { hostname, constants as osConstants } from 'node:os';
import { join } from 'node:path';

/** Hidden, and not a YAML file: never read as a record. */
export const LOCK_NAME = '.phoihop.lock';

/** How long a run waits for another to finish before giving up. */
export const DEFAULT_WAIT_MS = 60_000;

/** A lock this old is a dead run's, whichever machine made it: no edit holds one for minutes. */
export const STALE_MS = 10 * 60_000;

const POLL_MS = 50;

/** Who holds a lock, as its file says. */
export interface LockHolder {
  pid: number;
  host: string;
}

/** The folder stayed locked by another run for the whole wait. */
export class FolderLocked extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockHolder,
    readonly waitedMs: number,
  ) {
    super(`${lockPath}: held by process ${holder.pid} on ${holder.host}`);
  }
}

export interface LockOptions {
  waitMs?: number;
  /** Called once, when the lock is found held: the run is about to wait. */
  onWait?: (holder: LockHolder) => void;
}

/**
 * Runs `work` holding the folder's lock. A folder where the lock cannot be
 * made (read-only, or not ours) cannot be written either: `work` then runs
 * unlocked, and its own write reports why.
 */
export async function withFolderLock<T>(dir: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lockPath = join(dir, LOCK_NAME);
  const mine = `${process.pid} ${hostname()}\n`;
  const acquired = await acquire(lockPath, mine, options);
  if (!acquired) return work();
  const release = () => removeIfMine(lockPath, mine);
  process.on('exit', release);
  const stopWatching = exitOnSignal();
  try {
    return await work();
  } finally {
    stopWatching();
    process.removeListener('exit', release);
    release();
  }
}

async function acquire(lockPath: string, mine: string, options: LockOptions): Promise<boolean> {
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      const handle = await fsp.open(lockPath, 'wx', 0o644);
      try {
        await handle.writeFile(mine);
      } finally {
        await handle.close();
      }
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
    }
    const found = await readLock(lockPath);
    // Released between the create and the read: try again at once.
    if (found === undefined) continue;
    if (isStale(found)) {
      await fsp.unlink(lockPath).catch(() => {});
      continue;
    }
    const holder = found.holder ?? { pid: 0, host: '?' };
    const waited = Date.now() - started;
    if (waited >= waitMs) throw new FolderLocked(lockPath, holder, waited);
    if (!announced) options.onWait?.(holder);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

interface FoundLock {
  /** Undefined while its maker has not yet written it, or if it is not ours to read. */
  holder?: LockHolder;
  ageMs: number;
}

async function readLock(lockPath: string): Promise<FoundLock | undefined> {
  try {
    const [text, stat] = await Promise.all([fsp.readFile(lockPath, 'utf8'), fsp.stat(lockPath)]);
    const m = /^(\d+) (\S+)\n$/.exec(text);
    return { holder: m ? { pid: Number(m[1]), host: m[2] } : undefined, ageMs: Date.now() - stat.mtimeMs };
  } catch {
    return undefined;
  }
}

function isStale(found: FoundLock): boolean {
  if (found.ageMs > STALE_MS) return true;
  const holder = found.holder;
  // A lock still being written is young: wait for it (an old one was caught above).
  if (holder === undefined) return false;
  return holder.host === hostname() && !isRunning(holder.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the lock if it is still this run's (a run from another machine may have taken it over as stale). */
function removeIfMine(lockPath: string, mine: string): void {
  try {
    // Synchronous: it also runs in the 'exit' handler, where nothing asynchronous completes.
    if (readFileSync(lockPath, 'utf8') !== mine) return;
    unlinkSync(lockPath);
  } catch {
    /* gone already */
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * While the lock is held, a signal ends the run as the signal would, and the
 * 'exit' handler removes the lock. The exit waits a turn, so that a write
 * under way first removes its temporary file (src/edit/atomic-write.ts).
 */
function exitOnSignal(): () => void {
  const handlers = SIGNALS.map((signal) => {
    const handler = () => setImmediate(() => process.exit(128 + (osConstants.signals[signal] ?? 1)));
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
}
