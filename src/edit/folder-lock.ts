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
import { readFileSync, type Stats, unlinkSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { hostname, constants as osConstants } from 'node:os';
import { join } from 'node:path';
import { isRunning } from './atomic-write.js';

/** Hidden, and not a YAML file: never read as a record. */
export const LOCK_NAME = '.phoihop.lock';

/** How long a run waits for another to finish before giving up. */
export const DEFAULT_WAIT_MS = 60_000;

/** A lock this old is a dead run's, whichever machine made it: no edit holds one for minutes. */
export const STALE_MS = 10 * 60_000;

const POLL_MS = 50;

/** A lock still empty after this long was made by a run that died before writing it. */
const UNWRITTEN_STALE_MS = 5_000;

/** A breaker's lock (takeOver) is held for a moment: one this old was left by a run that died breaking. */
const BREAKER_STALE_MS = 10_000;

/** Who holds a lock, as its file says. */
export interface LockHolder {
  pid: number;
  host: string;
}

/** The folder stayed locked by another run for the whole wait. */
export class FolderLocked extends Error {
  constructor(
    readonly lockPath: string,
    /** Undefined when the lock cannot be read (another user's, or not a file). */
    readonly holder: LockHolder | undefined,
    readonly waitedMs: number,
  ) {
    super(`${lockPath}: held${holder ? ` by process ${holder.pid} on ${holder.host}` : ''}`);
  }
}

export interface LockOptions {
  waitMs?: number;
  /** Called once, when the lock is found held: the run is about to wait. */
  onWait?: (holder: LockHolder | undefined) => void;
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
    const made = await create(lockPath, mine);
    if (made !== 'exists') return made === 'made';
    const found = await readLock(lockPath);
    // Released since the create: try again at once.
    if (found === undefined) continue;
    if (isStale(found) && (await takeOver(lockPath, found, mine))) continue;
    const waited = Date.now() - started;
    if (waited >= waitMs) throw new FolderLocked(lockPath, found.holder, waited);
    if (!announced) options.onWait?.(found.holder);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** `unlockable`: the folder cannot take the file (read-only, full), and the run goes on without it. */
async function create(lockPath: string, mine: string): Promise<'made' | 'exists' | 'unlockable'> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(lockPath, 'wx', 0o644);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'exists' : 'unlockable';
  }
  try {
    await handle.writeFile(mine);
    await handle.close();
    return 'made';
  } catch {
    // An empty lock would hold every later run off until it is old: never leave one.
    await handle.close().catch(() => {});
    await fsp.unlink(lockPath).catch(() => {});
    return 'unlockable';
  }
}

interface FoundLock {
  /** Undefined while its maker has not yet written it, or when it cannot be read. */
  holder?: LockHolder;
  /** What identifies this lock among those that may take its name in turn. */
  identity: string;
  ageMs: number;
  regular: boolean;
}

/** The lock at `path`, read through one descriptor, so its content and identity are the same file's; undefined when there is none. */
async function readLock(path: string): Promise<FoundLock | undefined> {
  let stat: Stats;
  try {
    stat = await fsp.lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { identity: '?', ageMs: 0, regular: false };
  }
  // A folder or a link in its place is no lock of ours: it is waited on, never taken over.
  if (!stat.isFile()) return { identity: '?', ageMs: Date.now() - stat.mtimeMs, regular: false };
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { identity: `${stat.dev}:${stat.ino}:${stat.mtimeMs}`, ageMs: Date.now() - stat.mtimeMs, regular: true };
  }
  try {
    const opened = await handle.stat();
    const text = await handle.readFile('utf8');
    const m = /^(\d+) (\S+)\n$/.exec(text);
    return {
      holder: m ? { pid: Number(m[1]), host: m[2] } : undefined,
      identity: `${opened.dev}:${opened.ino}:${opened.mtimeMs}:${text}`,
      ageMs: Date.now() - opened.mtimeMs,
      regular: true,
    };
  } finally {
    await handle.close();
  }
}

function isStale(found: FoundLock): boolean {
  if (!found.regular) return false;
  if (found.ageMs > STALE_MS) return true;
  const holder = found.holder;
  // Empty (or not ours to read) and old: its maker died between making and writing it.
  if (holder === undefined) return found.ageMs > UNWRITTEN_STALE_MS;
  // A run removes its lock before it ends, so a lock whose process has ended was left by a run that died.
  return holder.host === hostname() && !isRunning(holder.pid);
}

/**
 * Removes a stale lock, and only that one. Judging and removing are two
 * steps, and between them the lock may have been released and another run's
 * made under the same name. So removing takes a second lock, for breakers
 * only: while it is held, the lock is read again and removed only if it is
 * still the one judged stale. Nothing else removes a lock that is not its
 * own, so that one cannot change between the read and the removal.
 * Returns false when another run is breaking it: wait a turn.
 */
async function takeOver(lockPath: string, stale: FoundLock, mine: string): Promise<boolean> {
  const breaker = `${lockPath}.break`;
  const made = await create(breaker, mine);
  if (made === 'exists') {
    // A breaker holds it for a moment; one this old died holding it.
    const other = await readLock(breaker);
    if (other !== undefined && other.ageMs > BREAKER_STALE_MS) await fsp.unlink(breaker).catch(() => {});
    return false;
  }
  if (made === 'unlockable') return false;
  try {
    const now = await readLock(lockPath);
    if (now !== undefined && now.identity === stale.identity) await fsp.unlink(lockPath).catch(() => {});
  } finally {
    await fsp.unlink(breaker).catch(() => {});
  }
  return true;
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
