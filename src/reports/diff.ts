/**
 * What changed in the plans between two sets of records, in the plans' own
 * terms. Pure: two validated models (plus the raw plan data, for the few
 * fields the model does not carry) in, a list of changes out.
 *
 * Plans and tasks are matched by id and compared in normalised form, so a
 * renamed or moved file, reordered keys or tasks, or `22/5/2017` rewritten as
 * `2017-05-22` are not changes. Entries of lists without a unique id (basis,
 * signatories, contacts) are matched by content, and lists of ids or names
 * (parties, support, a contact's staff) compared sorted, so reordering them
 * is not a change either.
 */
import { maxOf, pushAll } from '../arrays.js';
import type { RecordFile } from '../load/load.js';
import { formatISO, parseDate } from '../model/dates.js';
import type { LogEntry, Model, Plan, Task, TaskStatus } from '../model/records.js';
import { diffOtherRecords, type RecordChange } from './diff-records.js';
import { cmp, diffTrees, type Json, sortedUnion, toJson, type Tree } from './json-tree.js';

export type { Json } from './json-tree.js';

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
  /** Any other field; `path` names it by ids from the plan (`tasks.bao-cao-nam.support`), or by content where a list entry has no unique id (`basis[Văn bản A].title`); `task` is null at plan level. */
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
  /** Each party's short name, else its name: a lead change names them for people (the JSON keeps the ids). */
  parties: Record<string, string>;
}

export interface DiffReport {
  /** The revision compared from, as the user wrote it. */
  from: string;
  /** The revision compared to, or `worktree`. */
  to: string;
  changes: Change[];
  /** What changed outside the plans (parties, the config): shown to people, not in the JSON (src/reports/diff-records.ts). */
  others: RecordChange[];
  titles: DiffTitles;
  /** The commits the revisions named when the diff was made (none for the work tree): a comment read later still says what it compared. */
  commits?: { from?: string; to?: string };
}

export function diffReport(from: string, to: string, before: DiffSide, after: DiffSide): DiffReport {
  const titles: DiffTitles = { plans: {}, tasks: {}, parties: {} };
  for (const plan of [...before.model.plans, ...after.model.plans]) {
    titles.plans[plan.id] = plan.title;
    titles.tasks[plan.id] = { ...titles.tasks[plan.id], ...Object.fromEntries(plan.tasks.map((t) => [t.id, t.title])) };
  }
  for (const [id, party] of [...before.model.parties, ...after.model.parties]) titles.parties[id] = party.short ?? party.name;
  return { from, to, changes: diffRecords(before, after), others: diffOtherRecords(before.model, after.model), titles };
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
    else pushAll(changes, diffPlan(a, b, before.raw.get(id) ?? {}, after.raw.get(id) ?? {}));
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


type Raw = Record<string, unknown>;

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
  const planTreeA = planTree(a);
  const planTreeB = planTree(b);
  // `2022..2026` and `2022-01-01..2026-12-31` name the same span: not a change.
  if (a.period.start === b.period.start && a.period.end === b.period.end) drop('period', planTreeA, planTreeB);
  for (const [path, from, to] of [...diffTrees(planTreeA, planTreeB, ''), ...diffLists(rawA, rawB)]) {
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
    else pushAll(changes, diffTask(a.id, ta, tb, rawTasksA.get(id) ?? {}, rawTasksB.get(id) ?? {}));
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

/** The plan's own fields (not its tasks, nor the lists `diffLists` compares), as a comparable tree keyed by ids. */
function planTree(plan: Plan): Tree {
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
  };
}

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined;
}

/** Drops undefined fields, so a tree is a plain JSON value. */
function compact(tree: Tree): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(tree)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * How to read one of a plan's lists whose natural key may be missing or
 * repeated: a basis document's number is optional, and nothing stops two
 * signatories or contacts of one party.
 */
interface ListSpec {
  /** The natural id (a number, a party), when the entry has one. */
  keyOf(item: Raw): string | undefined;
  /** What names the entry when its key does not (a title, a person). */
  labelOf(item: Raw): string | undefined;
  /** The rest of what it says, to name it when key and label do not. */
  detailsOf(item: Raw): Array<string | undefined>;
  /** The fields compared. */
  valueOf(item: Raw): { [key: string]: Json };
}

export const LISTS: Readonly<Record<'basis' | 'signatories' | 'contacts', ListSpec>> = {
  basis: {
    keyOf: (b) => text(b.number),
    labelOf: (b) => text(b.title),
    detailsOf: (b) => [rawDate(b.date)],
    valueOf: (b) => compact({ number: text(b.number), date: rawDate(b.date), title: text(b.title) }),
  },
  signatories: {
    keyOf: (s) => text(s.party),
    labelOf: (s) => text(s.name),
    detailsOf: (s) => [text(s.title)],
    valueOf: (s) => compact({ name: text(s.name), title: text(s.title) }),
  },
  contacts: {
    keyOf: (c) => text(c.party),
    labelOf: (c) => text(c.leader) ?? stringList(c.staff)?.join(', '),
    detailsOf: (c) => [text(c.leader) === undefined ? undefined : stringList(c.staff)?.join(', ')],
    // Sorted as parties are: the README promises that reordering any list is no change.
    valueOf: (c) => compact({ leader: text(c.leader), staff: stringList(c.staff)?.sort(cmp) }),
  },
};

export interface Entry {
  key: string | undefined;
  label: string | undefined;
  details: string[];
  value: { [key: string]: Json };
  /** Key and value as one text, for equality. */
  whole: string;
}

/** One entry of the older side and its counterpart in the newer; a missing side is an addition or a removal. */
export type Pair = [Entry, Entry | undefined] | [undefined, Entry];

export function entriesOf(items: unknown[], spec: ListSpec): Entry[] {
  return items.map((item) => {
    const raw = obj(item);
    const key = spec.keyOf(raw);
    const value = spec.valueOf(raw);
    const details = spec.detailsOf(raw).filter((d): d is string => d !== undefined);
    return { key, label: spec.labelOf(raw), details, value, whole: JSON.stringify([key ?? null, toJson(value)]) };
  });
}

/** Field changes of the plan's lists, entries matched by content rather than position (so reordering is not a change). */
function diffLists(rawA: Raw, rawB: Raw): Array<[string, Json, Json]> {
  const out: Array<[string, Json, Json]> = [];
  for (const [list, spec] of Object.entries(LISTS)) {
    const pairs = pairEntries(entriesOf(arr(rawA[list]), spec), entriesOf(arr(rawB[list]), spec));
    const names = pairNames(pairs);
    pairs.forEach(([a, b], i) => pushAll(out, diffTrees(a?.value, b?.value, `${list}${names[i]}.`)));
  }
  return out;
}

/**
 * Each pair's name in a path, from its entry as it was (as it is, if added),
 * as plainly as tells it from the others: `.key` when no other entry has that
 * key; else the label too, `.btg-tu[Nguyễn Văn Phó]` or `[Văn bản A]`; else
 * the rest of what it says, `[Văn bản A, 2021-08-02]`. Only identical copies
 * are numbered (`#1`, `#2`). Never a bare position: reordering renames nothing.
 */
function pairNames(pairs: Pair[]): string[] {
  const named = pairs.map(([a, b]) => a ?? b);
  const keyPart = (e: Entry) => (e.key === undefined ? '' : `.${e.key}`);
  const withLabel = (e: Entry) => `${keyPart(e)}[${e.label ?? ''}]`;
  const keys = countOf(named.map((e) => e.key));
  const labelled = countOf(named.map(withLabel));
  return numberRepeats(
    named.map((e) => {
      if (e.key !== undefined && keys.get(e.key) === 1) return keyPart(e);
      if (labelled.get(withLabel(e)) === 1) return withLabel(e);
      return `${keyPart(e)}[${[e.label ?? '', ...e.details].join(', ')}]`;
    }),
  );
}

/** `#1`, `#2`… after each name that occurs more than once, in order. */
function numberRepeats(names: string[]): string[] {
  const repeats = countOf(names);
  const seen = new Map<string, number>();
  return names.map((name) => {
    if (repeats.get(name) === 1) return name;
    seen.set(name, (seen.get(name) ?? 0) + 1);
    return `${name}#${seen.get(name)}`;
  });
}

function countOf<T>(values: T[]): Map<T, number> {
  const count = new Map<T, number>();
  for (const v of values) count.set(v, (count.get(v) ?? 0) + 1);
  return count;
}

/**
 * Matches the entries of two sides as a reviewer would: an unchanged entry
 * with its copy wherever it moved, then what is left by shared key, shared
 * label (a title, a name), more fields in common, then one for one in order.
 * Entries with different keys are never paired (another document, another
 * party), nor a keyed entry with an un-keyed one that shares nothing with it.
 * The pairs come in the older side's order, then the additions in the newer's.
 *
 * Two entries may pair when they have the same key (both none counts) or,
 * one keyed and the other not, a field in common. Such a pair ranks by, in
 * turn: being equal (`whole`), having the same key (not none), the same
 * label (not none), how many fields (of `value`) are equal. The result is
 * as if every pair that may pair were ranked, best first and among equals in
 * list order (the older side's index, then the newer's: the last resort is
 * one for one in order), and taken while both its entries are free. Ranking
 * every pair ran out of memory for 8,000 entries: copies are paired through
 * a map instead, and what is left one rank at a time (`pairByRank`).
 */
export function pairEntries(a: Entry[], b: Entry[]): Pair[] {
  const match: Match = { partner: new Array<number | undefined>(a.length).fill(undefined), taken: new Array<boolean>(b.length).fill(false) };
  // Equal entries rank above any other pair, and each rank is taken in list order: the n-th copy in `a` pairs with the n-th free copy in `b`.
  // Among equal entries, those with the same label rank higher (a contact's staff written in another order is another label, the same value).
  pairCopies(a, b, match, (e) => (e.label === undefined ? undefined : JSON.stringify([e.whole, e.label])));
  pairCopies(a, b, match, (e) => e.whole);
  pairByRank(a, b, match);
  const pairs = a.map((x, i): Pair => {
    const j = match.partner[i];
    return [x, j === undefined ? undefined : b[j]];
  });
  for (const [j, y] of b.entries()) if (!match.taken[j]) pairs.push([undefined, y]);
  return pairs;
}

/** The pairs made so far: each older entry's partner (an index in the newer side), and the newer entries taken. */
interface Match {
  partner: Array<number | undefined>;
  taken: boolean[];
}

/** Indexes of the newer side in list order, read from the front; taken ones are dropped as they reach it. */
interface Queue {
  items: number[];
  head: number;
}

function firstFree(queue: Queue | undefined, taken: readonly boolean[]): number | undefined {
  if (!queue) return undefined;
  while (queue.head < queue.items.length && taken[queue.items[queue.head]]) queue.head++;
  return queue.items[queue.head];
}

function enqueue(queues: Map<string, Queue>, key: string, index: number): void {
  const queue = queues.get(key);
  if (queue) queue.items.push(index);
  else queues.set(key, { items: [index], head: 0 });
}

/** Pairs the free entries with the same `keyOf` (none when undefined), in list order on both sides. */
function pairCopies(a: Entry[], b: Entry[], match: Match, keyOf: (e: Entry) => string | undefined): void {
  const free = new Map<string, Queue>();
  for (const [j, y] of b.entries()) {
    const key = match.taken[j] ? undefined : keyOf(y);
    if (key !== undefined) enqueue(free, key, j);
  }
  if (free.size === 0) return;
  for (const [i, x] of a.entries()) {
    const key = match.partner[i] === undefined ? keyOf(x) : undefined;
    const j = key === undefined ? undefined : firstFree(free.get(key), match.taken);
    if (j === undefined) continue;
    match.partner[i] = j;
    match.taken[j] = true;
  }
}

/**
 * What an entry is looked up by, each part as JSON (so that parts joined
 * with `|` read back one way): its key and label (`null` for none), and each
 * set of its compared fields, by size, as names and values: two entries
 * share at least `n` fields when they have a set of `n` in common.
 */
interface Facets {
  key: string;
  label: string;
  sets: string[][];
}

function facetsOf(e: Entry): Facets {
  // Three fields at most (LISTS), so eight sets.
  const fields = Object.keys(e.value)
    .sort(cmp)
    .map((k) => [k, JSON.stringify(e.value[k])]);
  const sets: string[][] = Array.from({ length: fields.length + 1 }, () => []);
  for (let mask = 0; mask < 1 << fields.length; mask++) {
    const chosen = fields.filter((_, f) => mask & (1 << f));
    sets[chosen.length].push(JSON.stringify(chosen));
  }
  return { key: JSON.stringify(e.key ?? null), label: JSON.stringify(e.label ?? null), sets };
}

/**
 * The pairs `pairEntries` describes, after the copies: one rank at a time,
 * best first, and for each free older entry in order the first free newer
 * entry of that rank. Once the better ranks are taken, no free pair ranks
 * above the current one (its older entry would have taken a partner there),
 * so "of that rank" is "at least that good", which is a lookup: the same key
 * (when the rank needs it), the same label (when it needs it), and a set of
 * that many fields in common; a keyed entry with an un-keyed one needs one
 * at least.
 */
function pairByRank(a: Entry[], b: Entry[], match: Match): void {
  let left = [...a.keys()].filter((i) => match.partner[i] === undefined);
  let right = [...b.keys()].filter((j) => !match.taken[j]);
  if (left.length === 0 || right.length === 0) return;
  const facetsA = new Map(left.map((i) => [i, facetsOf(a[i])]));
  const facetsB = new Map(right.map((j) => [j, facetsOf(b[j])]));
  const most = maxOf([...facetsA.values(), ...facetsB.values()].map((f) => f.sets.length - 1), 0);
  const setsOf = (f: Facets, size: number) => f.sets[size] ?? [];
  for (const sameKey of [true, false]) {
    for (const sameLabel of [true, false]) {
      for (let shared = most; shared >= 0; shared--) {
        // A keyed entry and an un-keyed one pair only with a field in common.
        const acrossKeys = Math.max(1, shared);
        // The label when the rank needs the same one (an entry without one has no such pair), else nothing to match.
        const labelOf = (e: Entry, f: Facets) => (!sameLabel ? 'null' : e.label === undefined ? undefined : f.label);
        const queues = new Map<string, Queue>();
        for (const j of right) {
          const y = b[j];
          const f = facetsB.get(j) as Facets;
          const label = labelOf(y, f);
          if (label === undefined) continue;
          if (sameKey) {
            if (y.key !== undefined) for (const set of setsOf(f, shared)) enqueue(queues, `key|${f.key}|${label}|${set}`, j);
          } else if (y.key !== undefined) {
            for (const set of setsOf(f, acrossKeys)) enqueue(queues, `keyed|${label}|${set}`, j);
          } else {
            for (const size of shared === acrossKeys ? [shared] : [shared, acrossKeys]) {
              for (const set of setsOf(f, size)) enqueue(queues, `un-keyed|${label}|${set}`, j);
            }
          }
        }
        if (queues.size === 0) continue;
        for (const i of left) {
          const x = a[i];
          const f = facetsA.get(i) as Facets;
          const label = labelOf(x, f);
          if (label === undefined) continue;
          const wanted: string[] = [];
          if (sameKey) {
            if (x.key !== undefined) for (const set of setsOf(f, shared)) wanted.push(`key|${f.key}|${label}|${set}`);
          } else if (x.key !== undefined) {
            for (const set of setsOf(f, acrossKeys)) wanted.push(`un-keyed|${label}|${set}`);
          } else {
            for (const set of setsOf(f, shared)) wanted.push(`un-keyed|${label}|${set}`);
            for (const set of setsOf(f, acrossKeys)) wanted.push(`keyed|${label}|${set}`);
          }
          let best: number | undefined;
          for (const key of wanted) {
            const j = firstFree(queues.get(key), match.taken);
            if (j !== undefined && (best === undefined || j < best)) best = j;
          }
          if (best === undefined) continue;
          match.partner[i] = best;
          match.taken[best] = true;
        }
        // Only the free entries go on to the lower ranks.
        left = left.filter((i) => match.partner[i] === undefined);
        right = right.filter((j) => !match.taken[j]);
        if (left.length === 0 || right.length === 0) return;
      }
    }
  }
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

const isEmptyObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;

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
      // An empty log is what a recurring task without one has: `log: (none) → {}` would report a field nobody wrote.
      if (isEmptyObject(tree.log)) delete tree.log;
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
