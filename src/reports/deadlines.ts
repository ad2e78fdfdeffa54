/**
 * `deadlines`: items not done or cancelled that are overdue or fall due
 * within a window, soonest first. Pure: model and options in, data out.
 */
import type { Day } from '../model/dates.js';
import { expandItemsWhere, isDoneBy, type Item, type ItemFacts, itemState } from '../model/items.js';
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
  return expandItemsWhere([plan], mayBeListed(options.asOf, dueBy), dueBy).filter((item) => isListed(item, options, within));
}

/** The report of candidate items in compareItems order (every item, or what planDeadlineItems gave). */
export function deadlinesFromItems(candidates: readonly Item[], options: DeadlinesOptions, within: number): DeadlinesReport {
  const { asOf, party, plan, type } = options;
  const items: Deadline[] = [];
  // Overdue and due-soon items always have a due date, so daysLeft is a number.
  for (const item of candidates) if (isListed(item, options, within)) items.push(itemStatus(item, asOf, within) as Deadline);
  return { asOf, within, filters: { party, plan, type, overdueOnly: Boolean(options.overdueOnly) }, items, overdue: items.filter((d) => d.state === 'overdue').length };
}

/** Only items not done, not cancelled and due by the end of the window can be overdue or due soon (itemState). */
function mayBeListed(asOf: Day, dueBy: Day): (item: ItemFacts) => boolean {
  return (item) => !isDoneBy(item, asOf) && !item.cancelled && item.due !== null && item.due <= dueBy;
}

/** Whether the report lists the item: the options let it in, and it is overdue or due soon. */
function isListed(item: Item, options: DeadlinesOptions, within: number): boolean {
  const { plan, type, party } = options;
  if (plan !== undefined && item.plan !== plan) return false;
  if (type !== undefined && item.type !== type) return false;
  if (party !== undefined && item.lead !== party && !item.support.includes(party)) return false;
  const state = itemState(item, options.asOf, within);
  return state === 'overdue' || (state === 'due-soon' && !options.overdueOnly);
}
