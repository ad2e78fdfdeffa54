/**
 * `deadlines`: items not done or cancelled that are overdue or fall due
 * within a window, soonest first. Pure: model and options in, data out.
 */
import type { Day } from '../model/dates.js';
import { expandItemsWhere, isDoneBy } from '../model/items.js';
import { type ItemStatus, itemStatus } from './status.js';
import type { Model, TaskType } from '../model/records.js';

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
  const { asOf, party, plan, type } = options;
  const items: Deadline[] = [];
  // Only items not done, not cancelled and due by the end of the window can be overdue or due soon (itemState).
  const dueBy = asOf + within;
  const candidates = expandItemsWhere(model, (item) => !isDoneBy(item, asOf) && !item.cancelled && item.due !== null && item.due <= dueBy, dueBy);
  for (const item of candidates) {
    if (plan !== undefined && item.plan !== plan) continue;
    if (type !== undefined && item.type !== type) continue;
    if (party !== undefined && item.lead !== party && !item.support.includes(party)) continue;
    const status = itemStatus(item, asOf, within);
    if (status.state !== 'overdue' && status.state !== 'due-soon') continue;
    if (options.overdueOnly && status.state !== 'overdue') continue;
    // Overdue and due-soon items always have a due date, so daysLeft is a number.
    items.push(status as Deadline);
  }
  return { asOf, within, filters: { party, plan, type, overdueOnly: Boolean(options.overdueOnly) }, items, overdue: items.filter((d) => d.state === 'overdue').length };
}
