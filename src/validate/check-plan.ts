/**
 * One plan checked on its own, as `validate` reads a big folder
 * (src/validate/stream.ts): its schema, its dates and periods, and every rule
 * as far as the plan alone can tell; then let go but for a stub, what rules
 * read of it from other plans. Runs on the main thread and on the checking
 * threads (check-worker.ts) alike, so where a plan is checked cannot change
 * what is found.
 */
import { createHash } from 'node:crypto';
import type { RecordFile } from '../load/load.js';
import { ownCopy } from '../load/own-copy.js';
import type { Day } from '../model/dates.js';
import type { Config, Plan } from '../model/records.js';
import type { Diagnostic } from './diagnostic.js';
import { normalizePlan, reporterFor } from './normalize.js';
import { list, record, type RuleContext } from './rules/context.js';
import { RULES } from './rules/index.js';
import { checkSchema } from './schema-check.js';

/** What every plan is checked against: the folder's config and the as-of date. */
export interface FolderFacts {
  config: Config;
  asOf: Day;
}

/** A schema-valid plan, let go but for what cross-file rules read of it. */
export interface Stub {
  path: string;
  /** Of the text checked, to tell whether the file read again is the same (textFingerprint). */
  fingerprint: string;
  /** `id`, `parent`, and every party the plan names, as `parties`: what the cross-file rules look up. */
  raw: Record<string, unknown>;
  /** Its model without tasks, contents or title (undefined when `signed` or `period` could not be read). */
  plan?: Plan;
  /** Diagnostics of the rules on this plan alone (undefined: none). */
  own?: Diagnostic[];
}

export interface CheckedPlan {
  path: string;
  /** The id it declares, schema-valid or not, so that references to it do not cascade. */
  id?: string;
  /** Undefined when the plan fails its schema. */
  stub?: Stub;
  /** What its schema and its dates and periods say: final, whatever other plans hold. */
  diagnostics: Diagnostic[];
  /** What a report keeps of it (checkFolder's `parts`), when its model could be read. */
  part?: unknown;
}

/** What a report keeps of one plan: computed where the plan is checked, while its model is at hand. */
export type PartOf = (plan: Plan, facts: FolderFacts) => unknown;

/** Every id: a plan checked alone cannot know which ids the folder lacks (the final pass does). */
const EVERY_ID = { has: () => true } as unknown as Set<string>;

export function checkPlan(file: RecordFile, facts: FolderFacts, partOf?: PartOf): CheckedPlan {
  const { config, asOf } = facts;
  const diagnostics: Diagnostic[] = [];
  const id = typeof file.data.id === 'string' ? ownCopy(file.data.id) : undefined;
  if (!checkSchema(file, diagnostics)) return { path: file.path, id, diagnostics };
  const plan = normalizePlan(file, reporterFor(file, diagnostics));
  const own: Diagnostic[] = [];
  const alone: RuleContext = {
    plans: [{ file, raw: file.data, plan, report: reporterFor(file, own) }],
    parties: [],
    configs: [],
    config,
    knownPlanIds: EVERY_ID,
    knownPartyIds: EVERY_ID,
    asOf,
  };
  for (const rule of RULES) rule(alone);
  const stub: Stub = { path: file.path, fingerprint: textFingerprint(file.text), raw: lookups(file.data), plan: plan && planStub(plan), own: own.length > 0 ? own : undefined };
  return { path: file.path, id, stub, diagnostics, part: plan && partOf?.(plan, facts) };
}

/** A text's fingerprint: the same for the same text, whichever thread reads it. */
export function textFingerprint(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/**
 * What the rules read of a plan they look up from another: its id, its
 * parent, and every party it names (as `parties`). Strings are copied
 * (ownCopy), so that the stubs of a big folder do not keep its texts.
 */
function lookups(raw: Record<string, unknown>): Record<string, unknown> {
  const named = new Set<string>(list(raw.parties).map(String));
  for (const s of list(raw.signatories)) named.add(String(record(s).party));
  for (const c of list(raw.contacts)) named.add(String(record(c).party));
  for (const t of list(raw.tasks)) {
    named.add(String(record(t).lead));
    for (const s of list(record(t).support)) named.add(String(s));
  }
  const stub: Record<string, unknown> = { id: copied(raw.id), parties: [...named].map(ownCopy) };
  if (raw.parent !== undefined) stub.parent = copied(raw.parent);
  return stub;
}

/** A plan's id, dates and period, without its tasks: what rules read of another plan. */
function planStub(plan: Plan): Plan {
  return { ...plan, id: ownCopy(plan.id), parent: copied(plan.parent), title: '', number: null, parties: [], contents: [], tasks: [] };
}

const copied = <T>(value: T): T => (typeof value === 'string' ? (ownCopy(value) as T) : value);
