/**
 * Parsing spread over worker threads, for big folders: each thread reads and
 * fast-parses a share of the files (src/load/worker.ts). Threads only speed
 * things up: a file a thread leaves out, or a thread that fails, is loaded on
 * the main thread the ordinary way, so the result is the same either way.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface WorkerInput {
  /** The work tree's folder. */
  root: string;
  /** The files this thread parses, relative, with `/`. */
  paths: string[];
}

/** A file a thread read and parsed cleanly: decoded text and the plain value (NFC). */
export interface Parsed {
  path: string;
  text: string;
  data: Record<string, unknown>;
}

/**
 * Below this many files, starting a thread (tens of milliseconds, with its
 * own module loading) costs more than it saves.
 */
export const WORKER_THRESHOLD = 500;

/**
 * How many threads to start: one fewer than the cores, since the main
 * thread parses a share too. `PHOIHOP_WORKERS=off`, or `on` (any folder
 * size), overrides the threshold.
 */
export function workerCount(fileCount: number, env: NodeJS.ProcessEnv = process.env): number {
  const setting = env.PHOIHOP_WORKERS;
  if (setting === 'off' || setting === '0') return 0;
  const helpers = availableParallelism() - 1;
  if (setting === 'on') return Math.max(1, helpers);
  return fileCount >= WORKER_THRESHOLD ? helpers : 0;
}

export interface Pool {
  /** The files the threads were given; the main thread parses the others meanwhile. */
  assigned: Set<string>;
  /** The files that came out clean, by path, once every thread has finished. */
  results: Promise<Map<string, Parsed>>;
}

/** Starts `count` threads on all but a share of `paths`, the share the main thread keeps. */
export function startWorkers(root: string, paths: string[], count: number): Pool {
  const parts = count + 1;
  const shares = Array.from({ length: count }, (_, k) => paths.filter((_, i) => i % parts === k + 1));
  const parsed = new Map<string, Parsed>();
  const results = Promise.all(shares.map((share) => runWorker({ root, paths: share }, parsed))).then(() => parsed);
  return { assigned: new Set(shares.flat()), results };
}

function runWorker(input: WorkerInput, into: Map<string, Parsed>): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: input });
    } catch {
      resolve(); // no thread: the main thread loads these files
      return;
    }
    worker.on('message', (batch: Parsed[] | null) => {
      if (batch === null) return resolve();
      for (const p of batch) into.set(p.path, p);
    });
    // A failed thread is not an error of the records: what it did not send is loaded on the main thread.
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
}
