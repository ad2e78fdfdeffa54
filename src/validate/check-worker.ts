/**
 * A checking thread, for `validate` on a big work tree: takes chunks of the
 * files as the main thread does, and checks each plan that parses cleanly on
 * the fast path (check-plan.ts), posting back what it found and the plan's
 * stub, never its records. Anything else (a config, a parties file, a file
 * that cannot be read, decoded or fast-parsed) is left to the main thread,
 * which loads it the ordinary way.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { decodeUtf8 } from '../load/decode.js';
import { fastParse } from '../load/fast-parse.js';
import { CHUNK, claimChunk, type WorkerInput } from '../load/worker-pool.js';
import { WorkTreeSource } from '../load/worktree.js';
import { type CheckedPlan, checkPlan, type FolderFacts } from './check-plan.js';

const { root, paths, next, job } = workerData as WorkerInput & { job: FolderFacts };
const source = new WorkTreeSource(root);
const counter = new Int32Array(next);

for (let start = claimChunk(counter, paths.length); start >= 0; start = claimChunk(counter, paths.length)) {
  const batch: CheckedPlan[] = [];
  for (const path of paths.slice(start, start + CHUNK)) {
    const checked = checkOne(path);
    if (checked) batch.push(checked);
  }
  parentPort!.postMessage(batch);
}
parentPort!.postMessage(null);

function checkOne(path: string): CheckedPlan | undefined {
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
  if (!outcome || !data || data.kind !== 'plan') return undefined;
  return checkPlan({ path, kind: 'plan', text: decoded.text, data, locate: outcome.locate }, job);
}
