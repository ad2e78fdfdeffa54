/**
 * Items and their derived state (records.md "Derived state"). An item is a
 * one-off task, one occurrence of a recurring task, or an ongoing task; its
 * state is computed as of a day, never stored. Reports, diff and edits share
 * `expandItems` so that everyone counts the same items.
 */
import type { Day } from './dates.js';
import { dayOfLastMonth, periodsOverlapping, type Period } from './periods.js';
import { inForce, type Model, type Plan, type Results, type Task, type TaskType } from './records.js';

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

/** The items of one task, in occurrence order. */
export function expandTask(plan: Plan, task: Task): Item[] {
  const base = {
    plan: plan.id,
    task: task.id,
    title: task.title,
    type: task.type,
    lead: task.lead,
    support: task.support,
  };
  const s = task.schedule;
  if (s.kind === 'one-off') {
    return [
      {
        ...base,
        occurrence: null,
        period: null,
        due: s.due ?? null,
        done: s.status === 'done' ? s.done : undefined,
        cancelled: s.status === 'cancelled',
        results: s.results,
        evidence: s.evidence,
        note: task.note,
      },
    ];
  }
  const log = new Map(s.log.map((entry) => [entry.key, entry]));
  // Properties written out rather than spread from `base`: this runs for every occurrence of every plan.
  return periodsOverlapping(s.every, s.from, s.until).map((period): Item => {
    const entry = log.get(period.key);
    const due = s.day !== undefined ? dayOfLastMonth(period, s.day) : period.end + s.offset;
    return {
      plan: base.plan,
      task: base.task,
      title: base.title,
      type: base.type,
      lead: base.lead,
      support: base.support,
      occurrence: period.key,
      period,
      due,
      done: entry && !entry.cancelled ? entry.done : undefined,
      cancelled: entry?.cancelled ?? false,
      results: entry?.results ?? {},
      evidence: entry?.evidence,
      note: entry?.note,
    };
  });
}

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
export function expandItemsWhere(source: Model | readonly Plan[], keep: (item: Item) => boolean): Item[] {
  const plans = 'plans' in source ? source.plans : source;
  const kept: Item[] = [];
  for (const plan of plans) for (const task of plan.tasks) for (const item of expandTask(plan, task)) if (keep(item)) kept.push(item);
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
export function isDoneBy(item: Item, asOf: Day): boolean {
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
