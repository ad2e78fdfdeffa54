/**
 * `status`: where every plan stands as of a day (one row per plan), or, for
 * one plan, where each of its items stands. Pure: model and options in, data out.
 */
import type { Day } from '../model/dates.js';
import {
  daysLeft,
  expandPlan,
  type Item,
  type ItemState,
  itemState,
  type PlanState,
  planState,
  type Timeliness,
  timeliness,
} from '../model/items.js';
import type { Model, Plan } from '../model/records.js';

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
  plan: PlanStatus;
  items: ItemStatus[];
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

export function countStates(states: readonly ItemState[]): ItemCounts {
  const counts: ItemCounts = { total: states.length, done: 0, overdue: 0, dueSoon: 0, open: 0, cancelled: 0 };
  for (const state of states) {
    if (state === 'due-soon') counts.dueSoon++;
    else counts[state]++;
  }
  return counts;
}

/** One plan's row: state, counts, progress and next item. */
export function planStatus(plan: Plan, asOf: Day, soon: number): PlanStatus {
  const statuses = expandPlan(plan).map((item) => itemStatus(item, asOf, soon));
  const counts = countStates(statuses.map((s) => s.state));
  const countable = counts.total - counts.cancelled;
  // An ongoing task has no due date, so it cannot be "the item with the earliest due date".
  const next = statuses.find((s) => s.state !== 'done' && s.state !== 'cancelled' && s.item.due !== null) ?? null;
  return { plan, state: planState(plan, asOf), items: counts, progress: countable > 0 ? counts.done / countable : null, next };
}

export function statusReport(model: Model, options: StatusOptions): StatusReport {
  const soon = options.soon ?? model.config.soon;
  const plans = model.plans
    .filter((plan) => options.party === undefined || plan.parties.includes(options.party))
    // Ended plans are left out before their items are counted (a row's state is the plan's state).
    .filter((plan) => options.all || planState(plan, options.asOf) !== 'ended')
    .map((plan) => planStatus(plan, options.asOf, soon));
  return { asOf: options.asOf, party: options.party, all: Boolean(options.all), plans };
}

/** `status <plan-id>`: the plan's row and every one of its items. */
export function planItemsReport(model: Model, plan: Plan, options: StatusOptions): PlanItemsReport {
  const soon = options.soon ?? model.config.soon;
  const party = options.party;
  const items = expandPlan(plan)
    .filter((item) => party === undefined || item.lead === party || item.support.includes(party))
    .map((item) => itemStatus(item, options.asOf, soon));
  return { asOf: options.asOf, party, plan: planStatus(plan, options.asOf, soon), items };
}
