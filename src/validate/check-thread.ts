/**
 * What a checking thread does, for `validate` and the reports on a big work
 * tree: takes its share of the files as a parsing thread does
 * (thread-loop.ts) and checks each plan (check-plan.ts), posting back what it
 * found, the plan's stub and what a report keeps of it, never its records.
 * Config and parties files are left to the main thread.
 */
import { workerData } from 'node:worker_threads';
import { serveChunks } from '../load/thread-loop.js';
import type { Plan } from '../model/records.js';
import { type CheckedPlan, checkPlan, type FolderFacts } from './check-plan.js';

/** What checkFolder hands its checking threads: the folder's facts, and what `partOf` needs besides. */
export interface CheckJob {
  facts: FolderFacts;
  data?: unknown;
}

export function serveCheckedPlans(partOf?: (plan: Plan, facts: FolderFacts, data: unknown) => unknown): void {
  const { facts, data } = (workerData as { job: CheckJob }).job;
  const part = partOf && ((plan: Plan) => partOf(plan, facts, data));
  serveChunks((record): CheckedPlan | undefined => (record.kind === 'plan' ? checkPlan(record, facts, part) : undefined));
}
