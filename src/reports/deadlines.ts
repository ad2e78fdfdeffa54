/**
 * `deadlines`: items not done or cancelled that are overdue or fall due
 * within a window, soonest first. Pure: model and options in, data out.
 */
import type { Day } from '../model/dates.js';
import { expandItemsWhere, isDoneBy, type Item, type ItemFacts } from '../model/items.js';
import { type ItemStatus, itemStatus } from './status.js';
import type { Model, Plan, TaskType } from '../model/records.js';

export interface DeadlinesOptions {
  asOf: Day;
  /** The due-soon window in days (inclusive); default the config's `soon`. */
  within?: number;
  /** Items this party leads or supports. */
  party?: string;
  plan?: string;
  type?: TaskType;
  /** Only overdue items. */
  overdueOnly?: boolean;
}

export interface Deadline extends ItemStatus {
  state: 'overdue' | 'due-soon';
  /** Days to the due date; negative when overdue. */
  daysLeft: number;
}

export interface DeadlinesReport {
  asOf: Day;
  within: number;
  /** The filters that were applied. */
  filters: { party?: string; plan?: string; type?: TaskType; overdueOnly: boolean };
  items: Deadline[];
  /** How many of the listed items are overdue (for --fail-on-overdue). */
  overdue: number;
}

export function deadlinesReport(model: Model, options: DeadlinesOptions): DeadlinesReport {
  const within = options.within ?? model.config.soon;
  const dueBy = options.asOf + within;
  return deadlinesFromItems(expandItemsWhere(model, mayBeListed(options.asOf, dueBy), dueBy), options, within);
}

/** One plan's items that `deadlines` lists, sorted. */
export function planDeadlineItems(plan: Plan, options: DeadlinesOptions, within: number): Item[] {
  if (options.plan !== undefined && plan.id !== options.plan) return [];
  const dueBy = options.asOf + within;
  return expandItemsWhere([plan], mayBeListed(options.asOf, dueBy), dueBy).filter((item) => listed(item, options, within) !== undefined);
}

/** The report of candidate items in compareItems order (every item, or what planDeadlineItems gave). */
export function deadlinesFromItems(candidates: readonly Item[], options: DeadlinesOptions, within: number): DeadlinesReport {
  const { asOf, party, plan, type } = options;
  const items: Deadline[] = [];
  for (const item of candidates) {
    const deadline = listed(item, options, within);
    if (deadline) items.push(deadline);
  }
  return { asOf, within, filters: { party, plan, type, overdueOnly: Boolean(options.overdueOnly) }, items, overdue: items.filter((d) => d.state === 'overdue').length };
}

/** Only items not done, not cancelled and due by the end of the window can be overdue or due soon (itemState). */
function mayBeListed(asOf: Day, dueBy: Day): (item: ItemFacts) => boolean {
  return (item) => !isDoneBy(item, asOf) && !item.cancelled && item.due !== null && item.due <= dueBy;
}

/** The item as the report lists it, or undefined when the options or its state leave it out. */
function listed(item: Item, options: DeadlinesOptions, within: number): Deadline | undefined {
  const { plan, type, party } = options;
  if (plan !== undefined && item.plan !== plan) return undefined;
  if (type !== undefined && item.type !== type) return undefined;
  if (party !== undefined && item.lead !== party && !item.support.includes(party)) return undefined;
  const status = itemStatus(item, options.asOf, within);
  if (status.state !== 'overdue' && status.state !== 'due-soon') return undefined;
  if (options.overdueOnly && status.state !== 'overdue') return undefined;
  // Overdue and due-soon items always have a due date, so daysLeft is a number.
  return status as Deadline;
}
