/**
 * What every thread of the pool does (worker-pool.ts): takes chunks of the
 * work tree's files from the shared counter until none are left, reads,
 * decodes and fast-parses each, and posts one batch of results a chunk,
 * then null. A file that cannot be read, decoded or fast-parsed, or that
 * `handle` leaves out, is left to the main thread, which loads it the
 * ordinary way, diagnostics and all.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { decodeUtf8 } from './decode.js';
import { fastParse } from './fast-parse.js';
import { KINDS, type RecordFile } from './load.js';
import { CHUNK, claimChunk, type WorkerInput } from './worker-pool.js';
import { WorkTreeSource } from './worktree.js';

export function serveChunks<T>(handle: (record: RecordFile) => T | undefined): void {
  const { root, paths, next } = workerData as WorkerInput;
  const source = new WorkTreeSource(root);
  const counter = new Int32Array(next);
  for (let start = claimChunk(counter, paths.length); start >= 0; start = claimChunk(counter, paths.length)) {
    const batch: T[] = [];
    for (const path of paths.slice(start, start + CHUNK)) {
      const record = readClean(source, path);
      const result = record && handle(record);
      if (result) batch.push(result);
    }
    parentPort!.postMessage(batch);
  }
  parentPort!.postMessage(null);
}

/** A record file that the fast path takes, or undefined. */
function readClean(source: WorkTreeSource, path: string): RecordFile | undefined {
  let bytes: Uint8Array;
  try {
    bytes = source.readFileSync(path);
  } catch {
    return undefined;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return undefined;
  const outcome = fastParse(path, decoded.text);
  const data = outcome?.data as Record<string, unknown> | undefined;
  if (!outcome || !data || !(KINDS as readonly unknown[]).includes(data.kind)) return undefined;
  return { path, kind: data.kind as RecordFile['kind'], text: decoded.text, data, locate: outcome.locate };
}
