/**
 * Items and their derived state (records.md "Derived state"). An item is a
 * one-off task, one occurrence of a recurring task, or an ongoing task; its
 * state is computed as of a day, never stored. Reports, diff and edits share
 * `expandItems` so that everyone counts the same items.
 */
import type { Day } from './dates.js';
import { dayOfLastMonth, periodsOverlapping, type Period } from './periods.js';
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
 */
export function expandTask(plan: Plan, task: Task, keep?: (facts: ItemFacts) => boolean): Item[] {
  const s = task.schedule;
  if (s.kind === 'one-off') {
    const item: Item = {
      plan: plan.id,
      task: task.id,
      title: task.title,
      type: task.type,
      lead: task.lead,
      support: task.support,
      occurrence: null,
      period: null,
      due: s.due ?? null,
      done: s.status === 'done' ? s.done : undefined,
      cancelled: s.status === 'cancelled',
      results: s.results,
      evidence: s.evidence,
      note: task.note,
    };
    return !keep || keep(item) ? [item] : [];
  }
  const items: Item[] = [];
  const log = s.log;
  // The log is sorted by start, as the periods are: one walk pairs them (the last entry of a period wins).
  let next = 0;
  const facts: ItemFacts = { due: null, done: undefined, cancelled: false };
  const { periods, dues } = occurrences(s);
  for (let k = 0; k < periods.length; k++) {
    const period = periods[k];
    while (next < log.length && log[next].period.start < period.start) next++;
    let entry: LogEntry | undefined;
    while (next < log.length && log[next].period.start === period.start) entry = log[next++];
    facts.due = dues[k];
    facts.done = entry && !entry.cancelled ? entry.done : undefined;
    facts.cancelled = entry?.cancelled ?? false;
    if (keep && !keep(facts)) continue;
    // Properties written out: this runs for every occurrence of every plan.
    items.push({
      plan: plan.id,
      task: task.id,
      title: task.title,
      type: task.type,
      lead: task.lead,
      support: task.support,
      occurrence: period.key,
      period,
      due: facts.due,
      done: facts.done,
      cancelled: facts.cancelled,
      results: entry?.results ?? {},
      evidence: entry?.evidence,
      note: entry?.note,
    });
  }
  return items;
}

/**
 * A recurring schedule's occurrences and their due days, kept: many tasks of
 * a folder recur over the same bounds. Shared, never changed.
 */
function occurrences(s: RecurringSchedule): { periods: readonly Period[]; dues: Int32Array } {
  const key = `${s.every}|${s.from}|${s.until}|${s.day ?? ''}|${s.offset}`;
  let known = occurrenceLists.get(key);
  if (!known) {
    const periods = periodsOverlapping(s.every, s.from, s.until);
    const dues = Int32Array.from(periods, (period) => (s.day !== undefined ? dayOfLastMonth(period, s.day) : period.end + s.offset));
    known = { periods, dues };
    if (occurrenceLists.size < 10_000) occurrenceLists.set(key, known);
  }
  return known;
}
const occurrenceLists = new Map<string, { periods: readonly Period[]; dues: Int32Array }>();

/** Every item of one plan, sorted (see compareItems). */
export function expandPlan(plan: Plan): Item[] {
  return plan.tasks.flatMap((task) => expandTask(plan, task)).sort(compareItems);
}

/** Every item of every plan of the model (or of the plans given), sorted. */
export function expandItems(source: Model | readonly Plan[]): Item[] {
  const plans = 'plans' in source ? source.plans : source;
  return plans.flatMap((plan) => plan.tasks.flatMap((task) => expandTask(plan, task))).sort(compareItems);
}

/**
 * The items of every plan (or of the plans given) that `keep` accepts, sorted:
 * the same list as `expandItems(source).filter(keep)`, without sorting the
 * items a report leaves out (most of them, on a big folder).
 */
export function expandItemsWhere(source: Model | readonly Plan[], keep: (facts: ItemFacts) => boolean): Item[] {
  const plans = 'plans' in source ? source.plans : source;
  const kept: Item[] = [];
  for (const plan of plans) for (const task of plan.tasks) for (const item of expandTask(plan, task, keep)) kept.push(item);
  return kept.sort(compareItems);
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
export function itemState(item: Item, asOf: Day, soon: number): ItemState {
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
  if (asOf < span.start) return 'upcoming';
  if (asOf > span.end) return 'ended';
  return 'active';
}

/** An item's identity as text, for maps and messages: `plan/task` or `plan/task@2022-Q3`. */
export function itemKey(item: Pick<Item, 'plan' | 'task' | 'occurrence'>): string {
  return `${item.plan}/${item.task}${item.occurrence === null ? '' : `@${item.occurrence}`}`;
}
