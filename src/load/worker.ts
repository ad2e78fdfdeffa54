/**
 * A parsing thread: takes chunks of a work tree's files as it goes (the main
 * thread takes chunks too), reads, decodes and fast-parses them, and posts
 * back the ones that came out clean. Anything else
 * (unreadable, not UTF-8, not for the fast path, not a record) is left out,
 * and the main thread loads it the ordinary way, diagnostics and all.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { decodeUtf8 } from './decode.js';
import { fastParse } from './fast-parse.js';
import { KINDS } from './load.js';
import { CHUNK, claimChunk, type Parsed, type WorkerInput } from './worker-pool.js';
import { WorkTreeSource } from './worktree.js';

const { root, paths, next } = workerData as WorkerInput;
const source = new WorkTreeSource(root);
const counter = new Int32Array(next);

for (let start = claimChunk(counter, paths.length); start >= 0; start = claimChunk(counter, paths.length)) {
  const batch: Parsed[] = [];
  for (const path of paths.slice(start, start + CHUNK)) {
    const parsed = parseOne(path);
    if (parsed) batch.push(parsed);
  }
  parentPort!.postMessage(batch);
}
parentPort!.postMessage(null);

function parseOne(path: string): Parsed | undefined {
  let bytes: Uint8Array;
  try {
    bytes = source.readFileSync(path);
  } catch {
    return undefined;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return undefined;
  const data = fastParse(path, decoded.text)?.data as Record<string, unknown> | undefined;
  if (!data || !(KINDS as readonly unknown[]).includes(data.kind)) return undefined;
  return { path, text: decoded.text, data };
}
