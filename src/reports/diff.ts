/**
 * What changed in the plans between two sets of records, in the plans' own
 * terms. Pure: two validated models (plus the raw plan data, for the few
 * fields the model does not carry) in, a list of changes out.
 *
 * Plans and tasks are matched by id and compared in normalised form, so a
 * renamed or moved file, reordered keys or tasks, or `22/5/2017` rewritten as
 * `2017-05-22` are not changes.
 */
import type { RecordFile } from '../load/load.js';
import { formatISO, parseDate } from '../model/dates.js';
import type { LogEntry, Model, Plan, Task, TaskStatus } from '../model/records.js';

/** A JSON value, as field changes carry them. */
export type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

export type Change =
  | { change: 'plan-added'; plan: string }
  | { change: 'plan-removed'; plan: string }
  | { change: 'task-added'; plan: string; task: string }
  | { change: 'task-removed'; plan: string; task: string }
  /** A one-off task's due date moved; `days` is signed (later is positive). */
  | { change: 'due-moved'; plan: string; task: string; from: string; to: string; days: number }
  /** Any status change except to done (that is `done-recorded`); `occurrence` is null for a one-off. */
  | { change: 'status-changed'; plan: string; task: string; occurrence: string | null; from: TaskStatus; to: TaskStatus }
  /** A one-off became done, or an occurrence got a completion. */
  | { change: 'done-recorded'; plan: string; task: string; occurrence: string | null; date: string }
  | { change: 'lead-changed'; plan: string; task: string; from: string; to: string }
  /** Any other field; `path` names it by ids from the plan (`tasks.bao-cao-nam.support`); `task` is null at plan level. */
  | { change: 'field-changed'; plan: string; task: string | null; path: string; from: Json; to: Json };

export type ChangeKind = Change['change'];

/** The order of kinds within a plan: what appeared or went first, then moved deadlines, then the rest. (Markdown lifts moved deadlines to the top for reviewers.) */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  'plan-added',
  'plan-removed',
  'task-added',
  'task-removed',
  'due-moved',
  'status-changed',
  'done-recorded',
  'lead-changed',
  'field-changed',
];

/** The raw data of each plan file, by plan id: for fields the model leaves out (basis, signatories, contacts) or defaults (`from`, `until`). */
export type RawPlans = ReadonlyMap<string, Readonly<Record<string, unknown>>>;

/** The raw plan data of loaded files, by id (the first file wins; a duplicate id is a validation error anyway). */
export function rawPlansOf(files: readonly RecordFile[]): RawPlans {
  const raw = new Map<string, Record<string, unknown>>();
  for (const file of files) {
    const id = file.data.id;
    if (file.kind === 'plan' && typeof id === 'string' && !raw.has(id)) raw.set(id, file.data);
  }
  return raw;
}

export interface DiffSide {
  model: Model;
  raw: RawPlans;
}

/** Titles for the renderers, from the side where each plan or task last existed. */
export interface DiffTitles {
  plans: Record<string, string>;
  tasks: Record<string, Record<string, string>>;
}

export interface DiffReport {
  /** The revision compared from, as the user wrote it. */
  from: string;
  /** The revision compared to, or `worktree`. */
  to: string;
  changes: Change[];
  titles: DiffTitles;
}

export function diffReport(from: string, to: string, before: DiffSide, after: DiffSide): DiffReport {
  const titles: DiffTitles = { plans: {}, tasks: {} };
  for (const plan of [...before.model.plans, ...after.model.plans]) {
    titles.plans[plan.id] = plan.title;
    titles.tasks[plan.id] = { ...titles.tasks[plan.id], ...Object.fromEntries(plan.tasks.map((t) => [t.id, t.title])) };
  }
  return { from, to, changes: diffRecords(before, after), titles };
}

export function diffRecords(before: DiffSide, after: DiffSide): Change[] {
  const beforePlans = new Map(before.model.plans.map((p) => [p.id, p]));
  const afterPlans = new Map(after.model.plans.map((p) => [p.id, p]));
  const changes: Change[] = [];
  for (const id of sortedUnion(beforePlans.keys(), afterPlans.keys())) {
    const a = beforePlans.get(id);
    const b = afterPlans.get(id);
    if (!a) changes.push({ change: 'plan-added', plan: id });
    else if (!b) changes.push({ change: 'plan-removed', plan: id });
    else changes.push(...diffPlan(a, b, before.raw.get(id) ?? {}, after.raw.get(id) ?? {}));
  }
  return changes.sort(compareChanges);
}

/** A total order: plan id, kind (as CHANGE_KINDS), task id, occurrence, path. */
export function compareChanges(x: Change, y: Change): number {
  return (
    cmp(x.plan, y.plan) ||
    CHANGE_KINDS.indexOf(x.change) - CHANGE_KINDS.indexOf(y.change) ||
    cmp(taskOf(x) ?? '', taskOf(y) ?? '') ||
    cmp(occurrenceOf(x) ?? '', occurrenceOf(y) ?? '') ||
    cmp(x.change === 'field-changed' ? x.path : '', y.change === 'field-changed' ? y.path : '')
  );
}

export function taskOf(c: Change): string | null {
  return 'task' in c ? c.task : null;
}

export function occurrenceOf(c: Change): string | null {
  return 'occurrence' in c ? c.occurrence : null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedUnion(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort(cmp);
}

type Raw = Record<string, unknown>;
type Tree = { [key: string]: Json | undefined };

const obj = (v: unknown): Raw => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A raw date in canonical form, so `22/5/2017` and `2017-05-22` compare equal. */
function rawDate(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const r = parseDate(v);
  return r.ok ? formatISO(r.day) : v;
}

const iso = (d: number | undefined): string | undefined => (d === undefined ? undefined : formatISO(d));

function diffPlan(a: Plan, b: Plan, rawA: Raw, rawB: Raw): Change[] {
  const changes: Change[] = [];
  const planTreeA = planTree(a, rawA);
  const planTreeB = planTree(b, rawB);
  // `2022..2026` and `2022-01-01..2026-12-31` name the same span: not a change.
  if (a.period.start === b.period.start && a.period.end === b.period.end) drop('period', planTreeA, planTreeB);
  for (const [path, from, to] of diffTrees(planTreeA, planTreeB, '')) {
    changes.push({ change: 'field-changed', plan: a.id, task: null, path, from, to });
  }

  const tasksA = new Map(a.tasks.map((t) => [t.id, t]));
  const tasksB = new Map(b.tasks.map((t) => [t.id, t]));
  const rawTasksA = rawTasksById(rawA);
  const rawTasksB = rawTasksById(rawB);
  for (const id of sortedUnion(tasksA.keys(), tasksB.keys())) {
    const ta = tasksA.get(id);
    const tb = tasksB.get(id);
    if (!ta) changes.push({ change: 'task-added', plan: a.id, task: id });
    else if (!tb) changes.push({ change: 'task-removed', plan: a.id, task: id });
    else changes.push(...diffTask(a.id, ta, tb, rawTasksA.get(id) ?? {}, rawTasksB.get(id) ?? {}));
  }
  return changes;
}

function rawTasksById(raw: Raw): Map<string, Raw> {
  const byId = new Map<string, Raw>();
  for (const t of arr(raw.tasks)) {
    const id = text(obj(t).id);
    if (id !== undefined && !byId.has(id)) byId.set(id, obj(t));
  }
  return byId;
}

/** The plan's own fields (not its tasks), as a comparable tree keyed by ids. */
function planTree(plan: Plan, raw: Raw): Tree {
  return {
    type: plan.type,
    number: plan.number,
    title: plan.title,
    signed: iso(plan.signed),
    period: plan.period.key,
    parent: plan.parent,
    // Listing order of parties carries no meaning.
    parties: [...plan.parties].sort(cmp),
    contents: Object.fromEntries(plan.contents.map((c) => [c.id, { title: c.title }])),
    basis: keyedList(arr(raw.basis), (b) => text(b.number), (b) => compact({ number: text(b.number), date: rawDate(b.date), title: text(b.title) })),
    signatories: keyedList(arr(raw.signatories), (s) => text(s.party), (s) => compact({ name: text(s.name), title: text(s.title) })),
    contacts: keyedList(arr(raw.contacts), (c) => text(c.party), (c) => compact({ leader: text(c.leader), staff: stringList(c.staff) })),
  };
}

function stringList(v: unknown): Json | undefined {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined;
}

/** Drops undefined fields, so a tree is a plain JSON value. */
function compact(tree: Tree): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(tree)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * A list of entries as a map keyed by a natural id (a party, a document
 * number), so reordering is not a change; entries without a unique key fall
 * back to their position (`#2`).
 */
function keyedList(items: unknown[], keyOf: (item: Raw) => string | undefined, valueOf: (item: Raw) => Json): Json {
  const keys = items.map((i) => keyOf(obj(i)));
  const count = new Map<string, number>();
  for (const k of keys) if (k !== undefined) count.set(k, (count.get(k) ?? 0) + 1);
  const out: { [key: string]: Json } = {};
  items.forEach((item, index) => {
    const k = keys[index];
    out[k !== undefined && count.get(k) === 1 ? k : `#${index + 1}`] = valueOf(obj(item));
  });
  return out;
}

function results(r: Record<string, number>): Json | undefined {
  return Object.keys(r).length > 0 ? { ...r } : undefined;
}

/** A task's fields except its id and lead, as a comparable tree; log entries keyed by occurrence. */
function taskTree(task: Task, raw: Raw): Tree {
  const common: Tree = {
    title: task.title,
    type: task.type,
    content: task.content,
    support: [...task.support].sort(cmp),
    note: task.note,
  };
  const s = task.schedule;
  if (s.kind === 'one-off') {
    return { ...common, due: iso(s.due), status: s.status, done: iso(s.done), results: results(s.results), evidence: s.evidence };
  }
  return {
    ...common,
    every: s.every,
    offset: s.offset,
    day: s.day,
    // As written, not as defaulted: a new `signed` date is one change, not one per recurring task.
    from: rawDate(raw.from),
    until: rawDate(raw.until),
    log: Object.fromEntries(s.log.map((e) => [e.key, compact(entryTree(e))])),
  };
}

/** Removes a field already reported as a change of its own. */
function drop(key: string, ...trees: Tree[]): void {
  for (const tree of trees) delete tree[key];
}

function entryTree(e: LogEntry | undefined): Tree {
  if (!e) return {};
  return { status: e.cancelled ? 'cancelled' : undefined, done: iso(e.done), note: e.note, evidence: e.evidence, results: results(e.results) };
}

/** The status an occurrence had: one with no log entry is `planned`. */
function entryStatus(e: LogEntry | undefined): TaskStatus {
  if (!e) return 'planned';
  if (e.done !== undefined) return 'done';
  return e.cancelled ? 'cancelled' : 'planned';
}

function diffTask(plan: string, a: Task, b: Task, rawA: Raw, rawB: Raw): Change[] {
  const changes: Change[] = [];
  const task = a.id;
  if (a.lead !== b.lead) changes.push({ change: 'lead-changed', plan, task, from: a.lead, to: b.lead });
  const treeA = taskTree(a, rawA);
  const treeB = taskTree(b, rawB);
  const sa = a.schedule;
  const sb = b.schedule;

  if (sa.kind === 'one-off' && sb.kind === 'one-off') {
    if (sa.due !== undefined && sb.due !== undefined && sa.due !== sb.due) {
      changes.push({ change: 'due-moved', plan, task, from: formatISO(sa.due), to: formatISO(sb.due), days: sb.due - sa.due });
      drop('due', treeA, treeB);
    }
    const completion = statusChange(plan, task, null, sa.status, sb.status, sb.done);
    if (completion) {
      changes.push(completion);
      drop('status', treeA, treeB);
      // The completion date comes and goes with the status; only a re-dated completion is a field change.
      if (completion.change === 'done-recorded' || sa.status === 'done') drop('done', treeA, treeB);
    }
  }

  if (sa.kind === 'recurring' && sb.kind === 'recurring') {
    const logA = new Map(sa.log.map((e) => [e.key, e]));
    const logB = new Map(sb.log.map((e) => [e.key, e]));
    for (const key of sortedUnion(logA.keys(), logB.keys())) {
      const ea = logA.get(key);
      const eb = logB.get(key);
      const entryA = entryTree(ea);
      const entryB = entryTree(eb);
      const statusA = entryStatus(ea);
      const statusB = entryStatus(eb);
      const completion = statusChange(plan, task, key, statusA, statusB, eb?.done);
      if (completion && (completion.change === 'done-recorded' || statusA === 'done')) drop('done', entryA, entryB);
      if (completion) {
        changes.push(completion);
        drop('status', entryA, entryB);
      }
      for (const [path, from, to] of diffTrees(entryA, entryB, `tasks.${task}.log.${key}.`)) {
        changes.push({ change: 'field-changed', plan, task, path, from, to });
      }
    }
    drop('log', treeA, treeB);
  }
  if (sa.kind !== sb.kind) {
    // A one-off task made recurring (or back): a default that only one kind has, and nobody wrote, did not change.
    for (const tree of [treeA, treeB]) {
      if (tree.offset === 0) delete tree.offset;
      if (tree.status === 'planned') delete tree.status;
    }
  }

  for (const [path, from, to] of diffTrees(treeA, treeB, `tasks.${task}.`)) {
    changes.push({ change: 'field-changed', plan, task, path, from, to });
  }
  return changes;
}

/**
 * A status transition as one change: becoming done is `done-recorded` (it
 * implies the status, and says when); any other move is `status-changed`.
 */
function statusChange(
  plan: string,
  task: string,
  occurrence: string | null,
  from: TaskStatus,
  to: TaskStatus,
  doneDay: number | undefined,
): Change | undefined {
  if (from === to) return undefined;
  if (to === 'done' && doneDay !== undefined) return { change: 'done-recorded', plan, task, occurrence, date: formatISO(doneDay) };
  return { change: 'status-changed', plan, task, occurrence, from, to };
}

/**
 * Leaf differences of two trees: mappings are walked key by key (an absent
 * key is null), anything else (text, numbers, lists) is compared whole.
 */
function diffTrees(a: Json | Tree | undefined, b: Json | Tree | undefined, path: string): Array<[string, Json, Json]> {
  // Results are open maps of metrics: a first `results` is reported metric by metric, like later edits.
  if (path.endsWith('.results.') && (isMapping(a) || isMapping(b))) {
    a = isMapping(a) ? a : {};
    b = isMapping(b) ? b : {};
  }
  if (isMapping(a) && isMapping(b)) {
    const out: Array<[string, Json, Json]> = [];
    for (const key of sortedUnion(Object.keys(a), Object.keys(b))) out.push(...diffTrees(a[key], b[key], `${path}${key}.`));
    return out;
  }
  const from = toJson(a);
  const to = toJson(b);
  return JSON.stringify(from) === JSON.stringify(to) ? [] : [[path.replace(/\.$/, ''), from, to]];
}

function isMapping(v: Json | Tree | undefined): v is Tree {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A plain JSON value: absent is null, undefined fields dropped, mapping keys sorted (so equal values print equal). */
function toJson(v: Json | Tree | undefined): Json {
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.map(toJson);
  if (isMapping(v)) {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(v).sort(cmp)) if (v[key] !== undefined) out[key] = toJson(v[key]);
    return out;
  }
  return v;
}
