/**
 * Parsing spread over worker threads, for big folders: each thread reads and
 * fast-parses a share of the files (src/load/worker.ts). Threads only speed
 * things up: a file a thread leaves out, or a thread that fails, is loaded on
 * the main thread the ordinary way, so the result is the same either way.
 */
import { availableParallelism, cpus } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface WorkerInput {
  /** The work tree's folder. */
  root: string;
  /** The files to share out, relative, with `/`. */
  paths: string[];
  /** The next index of `paths` to take, shared by every thread (see claimChunk). */
  next: SharedArrayBuffer;
  /** What a thread other than the parsing one needs besides (ThreadJob.data). */
  job?: unknown;
}

/**
 * Work for the threads other than parsing files for the main thread: a
 * module that takes chunks as worker.ts does and posts batches of results,
 * one for each file it handled (a file it leaves out is loaded on the main thread).
 */
export interface ThreadJob<T extends { path: string } = { path: string }> {
  script: URL;
  data: unknown;
  take: (result: T) => void;
}

/** Files taken at a time: small enough to end together, big enough that taking costs nothing. */
export const CHUNK = 32;

/**
 * The first index of the next chunk of files for this thread, or -1 when all
 * are taken. Threads take chunks as they go, so a thread that starts late or
 * runs on a busy core simply takes fewer: nobody waits for a fixed share.
 */
export function claimChunk(next: Int32Array, total: number): number {
  const start = Atomics.add(next, 0, CHUNK);
  return start < total ? start : -1;
}

/** A file a thread read and parsed cleanly: decoded text and the plain value (NFC). */
export interface Parsed {
  path: string;
  text: string;
  data: Record<string, unknown>;
}

/**
 * Below this many files, starting a thread (tens of milliseconds, with its
 * own module loading, and the copy of its results) costs more than it saves:
 * measured on 2 cores, a thread made 1,000 plans slower (1.0–1.1 → 1.1–1.2 s)
 * and 2,000 and 3,000 plans faster (1.8 → 1.65 s, 2.5 → 2.2 s).
 */
export const WORKER_THRESHOLD = 1500;

/**
 * How many threads to start: one for each other core that other programs
 * leave free. A core busy with other work is no help: on a shared 2-core
 * machine a second thread made runs slower, not faster (README,
 * Performance). How busy the cores are is measured from `since` (taken
 * before the folder was listed, so the listing's time is the sample), less
 * this process's own use: its compiler and collector threads are not
 * another program. `PHOIHOP_WORKERS=off`, or `on` (one thread per other
 * core, any folder size, any load), overrides all this.
 */
export async function workerCount(fileCount: number, since: CoreSample = sampleCores(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const setting = env.PHOIHOP_WORKERS;
  if (setting === 'off' || setting === '0') return 0;
  const cores = availableParallelism();
  if (setting === 'on') return Math.max(1, cores - 1);
  if (fileCount < WORKER_THRESHOLD || cores < 2) return 0;
  // The system counts in 10 ms ticks: a sample of several ticks a core is needed to tell one busy core from none.
  const waited = performance.now() - since.at;
  if (waited < MIN_SAMPLE_MS) await new Promise((resolve) => setTimeout(resolve, MIN_SAMPLE_MS - waited));
  return Math.max(0, Math.min(cores, Math.round(cores - coresBusyElsewhere(since))) - 1);
}

const MIN_SAMPLE_MS = 40;

/** A reading of the cores' time and this process's own, to measure from. */
export interface CoreSample {
  at: number;
  cores: { busy: number; total: number };
  own: NodeJS.CpuUsage;
}

export function sampleCores(): CoreSample {
  return { at: performance.now(), cores: coreTimes(), own: process.cpuUsage() };
}

/** How many cores' worth of time other programs used since `since`. */
function coresBusyElsewhere(since: CoreSample): number {
  const now = coreTimes();
  const total = now.total - since.cores.total;
  if (total <= 0) return 0;
  const own = process.cpuUsage(since.own);
  const ownMs = (own.user + own.system) / 1000;
  const elsewhere = Math.max(0, now.busy - since.cores.busy - ownMs);
  // total is milliseconds summed over the cores: total / cores of them passed.
  return (elsewhere * availableParallelism()) / total;
}

function coreTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    busy += all - times.idle;
    total += all;
  }
  return { busy, total };
}

export interface Pool {
  /** Takes the next chunk for the calling (main) thread: its first index, or -1. */
  claim: () => number;
  /** The files that came out clean, by path, once every thread has finished. */
  results: Promise<Map<string, Parsed>>;
}

/**
 * Starts `count` threads that take chunks of `paths`; the main thread takes
 * chunks too, with `claim`. The threads parse files for `results`, or do
 * `job` and hand each result to it as its batch comes (`results` is then empty).
 */
export function startWorkers(root: string, paths: string[], count: number, job?: ThreadJob): Pool {
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const parsed = new Map<string, Parsed>();
  const script = job?.script ?? new URL('./worker.js', import.meta.url);
  const take = job?.take ?? ((p: { path: string }) => parsed.set(p.path, p as Parsed));
  const input: WorkerInput = { root, paths, next, job: job?.data };
  const results = Promise.all(Array.from({ length: count }, () => runWorker(script, input, take))).then(() => parsed);
  return { claim: () => claimChunk(counter, paths.length), results };
}

function runWorker(script: URL, input: WorkerInput, take: (result: { path: string }) => void): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: input });
    } catch {
      resolve(); // no thread: the main thread takes every chunk
      return;
    }
    worker.on('message', (batch: { path: string }[] | null) => {
      if (batch === null) return resolve();
      for (const result of batch) take(result);
    });
    // A failed thread is not an error of the records: what it did not send is loaded on the main thread.
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
}
