/**
 * A checking thread, for `validate` on a big work tree: takes its share of
 * the files as a parsing thread does (thread-loop.ts) and checks each plan
 * (check-plan.ts), posting back what it found and the plan's stub, never its
 * records. Config and parties files are left to the main thread.
 */
import { workerData } from 'node:worker_threads';
import { serveChunks } from '../load/thread-loop.js';
import { type CheckedPlan, checkPlan, type FolderFacts } from './check-plan.js';

const facts = (workerData as { job: FolderFacts }).job;

serveChunks((record): CheckedPlan | undefined => (record.kind === 'plan' ? checkPlan(record, facts) : undefined));
