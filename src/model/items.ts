/**
 * Items and their derived state (records.md "Derived state"). An item is a
 * one-off task, one occurrence of a recurring task, or an ongoing task; its
 * state is computed as of a day, never stored. Reports, diff and edits share
 * `expandItems` so that everyone counts the same items.
 */
import type { Day } from './dates.js';
import { dayOfLastMonth, periodContaining, periodsOverlapping, type Period } from './periods.js';
import { inForce, type LogEntry, type Model, type Plan, type RecurringSchedule, type Results, type Task, type TaskType } from './records.js';

/** One thing to be done by a day (or ongoing), with what the records say about its completion. */
export interface Item {
  plan: string;
  task: string;
  /** Occurrence key of a recurring task (`2022-Q3`), null for a one-off or ongoing task. */
  occurrence: string | null;
  /** The occurrence's period, when recurring. */
  period: Period | null;
  title: string;
  type: TaskType;
  lead: string;
  support: string[];
  /** Null for an ongoing task (thường xuyên). */
  due: Day | null;
  /** The recorded completion date, which may lie after the as-of date of a report. */
  done?: Day;
  cancelled: boolean;
  /** Results recorded with the completion. */
  results: Results;
  evidence?: string;
  note?: string;
}

export type ItemState = 'done' | 'cancelled' | 'overdue' | 'due-soon' | 'open';
export const ITEM_STATES: readonly ItemState[] = ['done', 'cancelled', 'overdue', 'due-soon', 'open'];
export type Timeliness = 'on-time' | 'late';
export type PlanState = 'upcoming' | 'active' | 'ended';

/** What a report can tell about an item before it is built: its due date and completion. */
export type ItemFacts = Pick<Item, 'due' | 'done' | 'cancelled'>;

/**
 * The items of one task, in occurrence order. With `keep`, only the items it
 * accepts are built: a report on a big folder leaves most occurrences out.
 * With `dueBy`, the caller promises that `keep` accepts no item due later
 * (nor one without a due date), and later occurrences are not even walked.
 */
export function expandTask(plan: Plan, task: Task, keep?: (facts: ItemFacts) => boolean, dueBy = Infinity): Item[] {
  const s = task.schedule;
  if (s.kind === 'one-off') {
    const facts: ItemFacts = { due: s.due ?? null, done: s.status === 'done' ? s.done : undefined, cancelled: s.status === 'cancelled' };
    if (keep && !keep(facts)) return [];
    return [makeItem(plan, task, null, facts, { results: s.results, evidence: s.evidence, note: task.note })];
  }
  const items: Item[] = [];
  const log = s.log;
  // The log is sorted by start, as the periods are: one walk pairs them (the last entry of a period wins).
  let next = 0;
  const facts: ItemFacts = { due: null, done: undefined, cancelled: false };
  // A due day lies in the period's last month, or `offset` days after its end: later periods are due later.
  for (const period of occurrencesOverlapping(s, -Infinity, s.day !== undefined ? dueBy : dueBy - s.offset)) {
    while (next < log.length && log[next].period.start < period.start) next++;
    let entry: LogEntry | undefined;
    while (next < log.length && log[next].period.start === period.start) entry = log[next++];
    facts.due = s.day !== undefined ? dayOfLastMonth(period, s.day) : period.end + s.offset;
    facts.done = entry && !entry.cancelled ? entry.done : undefined;
    facts.cancelled = entry?.cancelled ?? false;
    if (keep && !keep(facts)) continue;
    items.push(makeItem(plan, task, period, facts, entry));
  }
  return items;
}

/** An item: one-off (no period) or one occurrence, with what its record or log entry says of its completion. */
function makeItem(plan: Plan, task: Task, period: Period | null, facts: ItemFacts, record: Pick<LogEntry, 'results' | 'evidence' | 'note'> | undefined): Item {
  // Properties written out, not spread: this runs for every occurrence a report keeps.
  return {
    plan: plan.id,
    task: task.id,
    title: task.title,
    type: task.type,
    lead: task.lead,
    support: task.support,
    occurrence: period ? period.key : null,
    period,
    due: facts.due,
    done: facts.done,
    cancelled: facts.cancelled,
    results: record?.results ?? {},
    evidence: record?.evidence,
    note: record?.note,
  };
}


/** Every item of one plan, sorted (see compareItems). */
export function expandPlan(plan: Plan): Item[] {
  return plan.tasks.flatMap((task) => expandTask(plan, task)).sort(compareItems);
}

/** Every item of every plan of the model (or of the plans given), sorted. */
export function expandItems(source: Model | readonly Plan[]): Item[] {
  return expandItemsWhere(source, () => true);
}

/**
 * The plans to walk, and each item's plan rank for sortItems: its plan's place
 * among them, when their ids strictly ascend (the model keeps its plans so).
 */
function walkPlans(source: Model | readonly Plan[]): { plans: readonly Plan[]; ranks: number[] | undefined } {
  const plans = 'plans' in source ? source.plans : source;
  const ascending = plans.every((plan, p) => p === 0 || plans[p - 1].id < plan.id);
  return { plans, ranks: ascending ? [] : undefined };
}

/**
 * The items of every plan (or of the plans given) that `keep` accepts, sorted:
 * the same list as `expandItems(source).filter(keep)`, without sorting the
 * items a report leaves out (most of them, on a big folder).
 */
export function expandItemsWhere(source: Model | readonly Plan[], keep: (facts: ItemFacts) => boolean, dueBy = Infinity): Item[] {
  const { plans, ranks } = walkPlans(source);
  const kept: Item[] = [];
  for (let p = 0; p < plans.length; p++) {
    for (const task of plans[p].tasks) {
      for (const item of expandTask(plans[p], task, keep, dueBy)) {
        kept.push(item);
        ranks?.push(p);
      }
    }
  }
  return sortItems(kept, ranks);
}

/** A span of days, both ends included. */
export interface Span {
  start: Day;
  end: Day;
}

const within = (day: Day | null | undefined, span: Span): boolean => day !== null && day !== undefined && span.start <= day && day <= span.end;

/**
 * The items due in `due` or done in `done`, sorted: what `summary` counts.
 * The same list as `expandItemsWhere` with that test, without walking every
 * occurrence of every recurring task: only the occurrences whose due date
 * can fall in `due`, and those the log records as done in `done`.
 */
export function itemsDueOrDoneIn(source: Model | readonly Plan[], due: Span, done: Span): Item[] {
  const { plans, ranks } = walkPlans(source);
  const keep = (facts: ItemFacts) => within(facts.due, due) || within(facts.done, done);
  const kept: Item[] = [];
  for (let p = 0; p < plans.length; p++) {
    const plan = plans[p];
    for (const task of plan.tasks) {
      const s = task.schedule;
      const items = s.kind === 'one-off' ? expandTask(plan, task, keep) : occurrencesDueOrDone(s, due, done).flatMap((period) => expandOccurrence(plan, task, s, period, keep));
      for (const item of items) {
        kept.push(item);
        ranks?.push(p);
      }
    }
  }
  return sortItems(kept, ranks);
}

/**
 * The occurrences of a recurring schedule (the periods that overlap its
 * `from`..`until`) that also overlap [lo, hi]. Not periodsOverlapping of the
 * two spans' intersection: a period can overlap both when they do not meet
 * (`from` on the 25th, `day: 1`, so the first occurrence is due before `from`).
 */
function occurrencesOverlapping(s: RecurringSchedule, lo: Day, hi: Day): Period[] {
  if (s.until < s.from) return [];
  const first = periodContaining(s.every, s.from);
  const last = periodContaining(s.every, s.until);
  return periodsOverlapping(s.every, Math.max(first.start, lo), Math.min(last.end, hi));
}

/** The occurrences of a recurring schedule that may be due in `due` or were done in `done`. */
function occurrencesDueOrDone(s: RecurringSchedule, due: Span, done: Span): Period[] {
  const found = new Map<Day, Period>();
  // A due day is a day of the period's last month, so the period overlaps `due`; or it is the
  // period's last day plus the offset, so the period overlaps `due` moved back by the offset.
  const shift = s.day !== undefined ? 0 : s.offset;
  for (const period of occurrencesOverlapping(s, due.start - shift, due.end - shift)) found.set(period.start, period);
  for (const entry of s.log) {
    if (within(entry.done, done) && !entry.cancelled && entry.period.start <= s.until && entry.period.end >= s.from) found.set(entry.period.start, entry.period);
  }
  return [...found.values()];
}

/** One occurrence as an item (when `keep` accepts it): what expandTask builds for it. */
function expandOccurrence(plan: Plan, task: Task, s: RecurringSchedule, period: Period, keep: (facts: ItemFacts) => boolean): Item[] {
  let entry: LogEntry | undefined;
  // The last entry of the period wins, as in expandTask.
  for (const e of s.log) if (e.period.start === period.start) entry = e;
  const due = s.day !== undefined ? dayOfLastMonth(period, s.day) : period.end + s.offset;
  const facts: ItemFacts = { due, done: entry && !entry.cancelled ? entry.done : undefined, cancelled: entry?.cancelled ?? false };
  return keep(facts) ? [makeItem(plan, task, period, facts, entry)] : [];
}

/**
 * The items in compareItems order, as a stable sort would give them. A long
 * list is placed by due day (days are whole numbers in a short span), which
 * keeps each day's items in the order they came; then each day is checked,
 * and sorted if it needs it. With `planRanks` (item i's plan is the
 * planRanks[i]-th in id order, no two plans sharing an id), two items of
 * different plans are checked without reading them: at 85,000 items, a read
 * is mostly a cache miss. 12 ms against 45 for a comparison sort.
 */
export function sortItems(items: Item[], planRanks?: readonly number[]): Item[] {
  const n = items.length;
  if (n < 256) return items.sort(compareItems);
  const dues = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const due = items[i].due;
    dues[i] = due ?? Infinity;
    if (due !== null && due < min) min = due;
    if (due !== null && due > max) max = due;
  }
  // A slot a day: when the days spread far wider than the list is long (and than 180 years), compare instead.
  const days = max >= min ? max - min + 1 : 0;
  if (days > 4 * n + 65_536) return items.sort(compareItems);
  // Slot `days` holds the items without a due date, which come last.
  const slots = new Int32Array(n);
  const starts = new Int32Array(days + 2);
  for (let i = 0; i < n; i++) starts[(slots[i] = dues[i] === Infinity ? days : dues[i] - min) + 1]++;
  for (let d = 1; d < starts.length; d++) starts[d] += starts[d - 1];
  const next = starts.slice(0, days + 1);
  const sorted: Item[] = new Array<Item>(n);
  const ranks = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const at = next[slots[i]]++;
    sorted[at] = items[i];
    if (planRanks) ranks[at] = planRanks[i];
  }
  const inOrder = (a: number, b: number) => (ranks[a] !== ranks[b] && ranks[a] >= 0 ? ranks[a] < ranks[b] : compareItems(sorted[a], sorted[b]) <= 0);
  for (let d = 0; d <= days; d++) {
    const from = starts[d];
    const to = starts[d + 1];
    for (let i = from + 1; i < to; i++) {
      if (inOrder(i - 1, i)) continue;
      const day = sorted.slice(from, to).sort(compareItems);
      for (let j = 0; j < day.length; j++) sorted[from + j] = day[j];
      break;
    }
  }
  return sorted;
}

/** Due date, then plan id, task id, occurrence; items without a due date last. */
export function compareItems(a: Item, b: Item): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due - b.due;
  }
  return cmp(a.plan, b.plan) || cmp(a.task, b.task) || cmp(a.period?.start ?? 0, b.period?.start ?? 0);
}

function cmp<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether the item was completed on or before `asOf` (a later completion is not yet true then). */
export function isDoneBy(item: Pick<Item, 'done'>, asOf: Day): boolean {
  return item.done !== undefined && item.done <= asOf;
}

/** The state of an item as of a day, with `soon` days ahead counting as due soon (inclusive). */
export function itemState(item: ItemFacts, asOf: Day, soon: number): ItemState {
  if (isDoneBy(item, asOf)) return 'done';
  if (item.cancelled) return 'cancelled';
  if (item.due === null) return 'open';
  if (item.due < asOf) return 'overdue';
  if (item.due <= asOf + soon) return 'due-soon';
  return 'open';
}

/** On time or late, for a completed item; an item with no due date is on time. */
export function timeliness(item: Item): Timeliness | undefined {
  if (item.done === undefined) return undefined;
  return item.due === null || item.done <= item.due ? 'on-time' : 'late';
}

/** Days from `asOf` to the due date: negative when overdue, null without a due date. */
export function daysLeft(item: Item, asOf: Day): number | null {
  return item.due === null ? null : item.due - asOf;
}

/** Whether a plan is upcoming, active or ended on a day, by its in-force span. */
export function planState(plan: Plan, asOf: Day): PlanState {
  const span = inForce(plan);
  // Past its period's end a plan is over, even one signed later still (never in force: signed-after-period).
  if (asOf > span.end) return 'ended';
  if (asOf < span.start) return 'upcoming';
  return 'active';
}
