/**
 * `status`: where every plan stands as of a day (one row per plan), or, for
 * one plan, where each of its items stands. Pure: model and options in, data out.
 */
import type { Day } from '../model/dates.js';
import {
  compareItems,
  daysLeft,
  expandPlan,
  expandTask,
  type Item,
  type ItemState,
  itemState,
  type PlanState,
  planState,
  type Timeliness,
  timeliness,
} from '../model/items.js';
import type { Config, Model, Plan } from '../model/records.js';

export interface StatusOptions {
  asOf: Day;
  /** Days ahead that count as due soon; default the config's `soon`. */
  soon?: number;
  /** Only plans this party is in (and, for one plan, only items it leads or supports). */
  party?: string;
  /** Include ended plans (the default shows active and upcoming ones). */
  all?: boolean;
}

/** Counts of a plan's items by state; they add up to `total`. */
export interface ItemCounts {
  total: number;
  done: number;
  overdue: number;
  dueSoon: number;
  open: number;
  cancelled: number;
}

/** An item with its state as of the report's day. */
export interface ItemStatus {
  item: Item;
  state: ItemState;
  /** For a done item: on time or late. */
  timeliness?: Timeliness;
  /** Days to the due date (negative when overdue); null when done, cancelled or without a due date. */
  daysLeft: number | null;
}

export interface PlanStatus {
  plan: Plan;
  state: PlanState;
  items: ItemCounts;
  /** Done items over items not cancelled, 0..1; null when nothing is left to count. */
  progress: number | null;
  /** The not-done, not-cancelled item with the earliest due date (overdue ones included), or null. */
  next: ItemStatus | null;
}

export interface StatusReport {
  asOf: Day;
  /** The party filter, when one was given. */
  party?: string;
  all: boolean;
  plans: PlanStatus[];
}

export interface PlanItemsReport {
  asOf: Day;
  party?: string;
  /** The whole plan's row: its counts are of all its items, whatever the party filter. */
  plan: PlanStatus;
  items: ItemStatus[];
  /** With a party filter, the counts of the items listed (those the party leads or supports). */
  listed?: ItemCounts;
}

/** Counts of items by state. */
export function countItems(items: readonly ItemStatus[]): ItemCounts {
  const counts: ItemCounts = { total: items.length, done: 0, overdue: 0, dueSoon: 0, open: 0, cancelled: 0 };
  for (const { state } of items) {
    if (state === 'due-soon') counts.dueSoon++;
    else counts[state]++;
  }
  return counts;
}

export function itemStatus(item: Item, asOf: Day, soon: number): ItemStatus {
  const state = itemState(item, asOf, soon);
  return {
    item,
    state,
    timeliness: state === 'done' ? timeliness(item) : undefined,
    daysLeft: state === 'done' || state === 'cancelled' ? null : daysLeft(item, asOf),
  };
}

/**
 * One plan's row: state, counts, progress and next item. Counted as the
 * occurrences are walked, building only each task's first candidate for
 * `next`: a row of a plan with quarterly reports over five years need not
 * build twenty items (status on a big folder).
 */
export function planStatus(plan: Plan, asOf: Day, soon: number): PlanStatus {
  const counts: ItemCounts = { total: 0, done: 0, overdue: 0, dueSoon: 0, open: 0, cancelled: 0 };
  let next: Item | undefined;
  for (const task of plan.tasks) {
    let found = false;
    const [candidate] = expandTask(plan, task, (facts) => {
      const state = itemState(facts, asOf, soon);
      counts.total++;
      if (state === 'due-soon') counts.dueSoon++;
      else counts[state]++;
      // An ongoing task has no due date, so it cannot be "the item with the earliest due date".
      // A recurring task's occurrences fall due in order: its first candidate is its earliest.
      if (found || state === 'done' || state === 'cancelled' || facts.due === null) return false;
      return (found = true);
    });
    if (candidate && (next === undefined || compareItems(candidate, next) < 0)) next = candidate;
  }
  const countable = counts.total - counts.cancelled;
  return { plan, state: planState(plan, asOf), items: counts, progress: countable > 0 ? counts.done / countable : null, next: next ? itemStatus(next, asOf, soon) : null };
}

export function statusReport(model: Model, options: StatusOptions): StatusReport {
  const soon = options.soon ?? model.config.soon;
  const rows: PlanStatus[] = [];
  for (const plan of model.plans) {
    const row = statusRow(plan, options, soon);
    if (row) rows.push(row);
  }
  return statusFromRows(rows, options);
}

/** One plan's row, or undefined when the options leave the plan out. */
export function statusRow(plan: Plan, options: StatusOptions, soon: number): PlanStatus | undefined {
  if (options.party !== undefined && !plan.parties.includes(options.party)) return undefined;
  // Ended plans are left out before their items are counted (a row's state is the plan's state).
  if (!options.all && planState(plan, options.asOf) === 'ended') return undefined;
  return planStatus(plan, options.asOf, soon);
}

/** The report of the rows statusRow gave, in plan id order. */
export function statusFromRows(rows: PlanStatus[], options: StatusOptions): StatusReport {
  return { asOf: options.asOf, party: options.party, all: Boolean(options.all), plans: rows };
}

/** `status <plan-id>`: the plan's row and every one of its items. */
export function planItemsReport(config: Config, plan: Plan, options: StatusOptions): PlanItemsReport {
  const soon = options.soon ?? config.soon;
  const party = options.party;
  const items = expandPlan(plan)
    .filter((item) => party === undefined || item.lead === party || item.support.includes(party))
    .map((item) => itemStatus(item, options.asOf, soon));
  return { asOf: options.asOf, party, plan: planStatus(plan, options.asOf, soon), items, ...(party !== undefined && { listed: countItems(items) }) };
}
