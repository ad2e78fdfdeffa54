/**
 * `summary`: what a quarterly briefing, an interim review (sơ kết) or a final
 * review (tổng kết) is written from. Pure: model, period and as-of day in, data out.
 */
import type { Day } from '../model/dates.js';
import { isDoneBy, type Item, itemsDueOrDoneIn, planState, type PlanState, type Span } from '../model/items.js';
import { nextPeriod, overlaps, type Period } from '../model/periods.js';
import { type Config, inForce, type Model, type Plan, type Results, TASK_TYPES, type TaskType } from '../model/records.js';
import { type ItemStatus, itemStatus } from './status.js';

export interface SummaryOptions {
  asOf: Day;
  period: Period;
}

/** How the items due in a period ended up, as of the report's day (a due-soon item counts as open). */
export interface Tally {
  total: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  open: number;
  cancelled: number;
}
export type TallyKey = Exclude<keyof Tally, 'total'>;
export const TALLY_KEYS: readonly TallyKey[] = ['doneOnTime', 'doneLate', 'overdue', 'open', 'cancelled'];

export interface SummaryReport {
  asOf: Day;
  period: Period;
  /** Plans in force at some day of the period, with their state as of the report's day. */
  plans: { plan: Plan; state: PlanState }[];
  /** Items due in the period, in item order, with their state. */
  dueItems: ItemStatus[];
  due: Tally;
  /** Items completed in the period on or before the as-of day, whatever their due date, by completion date. */
  completed: ItemStatus[];
  /** Leads and types with some item due in the period, ordered by id / by the type list. */
  byLead: [string, Tally][];
  byType: [TaskType, Tally][];
  /** Sums of the completed items' results: configured metrics first, in the config's order. */
  results: [string, number][];
  next: { period: Period; items: ItemStatus[] };
}

export function emptyTally(): Tally {
  return { total: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0, cancelled: 0 };
}

/** Where an item due in the period falls in the tally. */
export function tallyKey(status: ItemStatus): TallyKey {
  switch (status.state) {
    case 'done':
      return status.timeliness === 'late' ? 'doneLate' : 'doneOnTime';
    case 'cancelled':
      return 'cancelled';
    case 'overdue':
      return 'overdue';
    default:
      return 'open';
  }
}

function add(tally: Tally, status: ItemStatus): void {
  tally.total++;
  tally[tallyKey(status)]++;
}

const inPeriod = (day: Day | null | undefined, period: Period) => day !== null && day !== undefined && period.start <= day && day <= period.end;

export function summaryReport(model: Model, options: SummaryOptions): SummaryReport {
  const rows: SummaryPlan[] = [];
  for (const plan of model.plans) {
    const row = summaryRow(plan, options);
    if (row) rows.push(row);
  }
  return summaryFromItems(model.config, rows, itemsDueOrDoneIn(model, ...counted(options.period)), options);
}

export type SummaryPlan = SummaryReport['plans'][number];

/** A plan's row, when it is in force at some day of the period. */
export function summaryRow(plan: Plan, { asOf, period }: SummaryOptions): SummaryPlan | undefined {
  const span = inForce(plan);
  return span.start <= span.end && overlaps(span, period) ? { plan, state: planState(plan, asOf) } : undefined;
}

/** One plan's items that the summary counts, sorted. */
export function planSummaryItems(plan: Plan, { period }: SummaryOptions): Item[] {
  return itemsDueOrDoneIn([plan], ...counted(period));
}

/**
 * Only items due in the period or the next one, or done in the period, are counted.
 * The following period starts the day after this one ends: together, one span of due days.
 */
function counted(period: Period): [due: Span, done: Span] {
  return [{ start: period.start, end: nextPeriod(period).end }, period];
}

/** The report of the plans' rows (in plan id order) and the items they count (in compareItems order). */
export function summaryFromItems(config: Config, plans: SummaryPlan[], items: readonly Item[], options: SummaryOptions): SummaryReport {
  const { asOf, period } = options;
  const soon = config.soon;
  const following = nextPeriod(period);
  const status = (item: Item) => itemStatus(item, asOf, soon);

  const dueItems = items.filter((item) => inPeriod(item.due, period)).map(status);
  const due = emptyTally();
  const byLead = new Map<string, Tally>();
  const byType = new Map<TaskType, Tally>();
  for (const s of dueItems) {
    add(due, s);
    add(getOr(byLead, s.item.lead), s);
    add(getOr(byType, s.item.type), s);
  }

  const completed = items
    .filter((item) => inPeriod(item.done, period) && isDoneBy(item, asOf))
    .sort((a, b) => (a.done as Day) - (b.done as Day))
    .map(status);

  const nextItems = items.filter((item) => inPeriod(item.due, following)).map(status).filter((s) => s.state !== 'done' && s.state !== 'cancelled');

  return {
    asOf,
    period,
    plans,
    dueItems,
    due,
    completed,
    byLead: [...byLead].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    byType: TASK_TYPES.filter((t) => byType.has(t)).map((t) => [t, byType.get(t) as Tally]),
    results: sumResults(completed.map((s) => s.item.results), Object.keys(config.metrics)),
    next: { period: following, items: nextItems },
  };
}

function getOr<K>(map: Map<K, Tally>, key: K): Tally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = emptyTally()));
  return tally;
}

/** Sums results by metric; configured metrics come first in their order, any others after, by id. */
export function sumResults(all: readonly Results[], metricOrder: readonly string[]): [string, number][] {
  const sums = new Map<string, number>();
  const places = new Map<string, number>();
  for (const results of all) {
    for (const [metric, value] of Object.entries(results)) {
      sums.set(metric, (sums.get(metric) ?? 0) + value);
      places.set(metric, Math.max(places.get(metric) ?? 0, decimalPlaces(value)));
    }
  }
  // Binary fractions drift (0.1 + 0.2 = 0.30000000000000004): a sum has no more decimals than its terms.
  for (const [metric, sum] of sums) sums.set(metric, Number(sum.toFixed(Math.min(places.get(metric) ?? 0, 20))));
  const rank = (id: string) => {
    const i = metricOrder.indexOf(id);
    return i < 0 ? metricOrder.length : i;
  };
  return [...sums].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Decimals written in a number's shortest form (`2.5` → 1); 20 for a tiny one written with an exponent. */
function decimalPlaces(value: number): number {
  const text = String(value);
  if (text.includes('e-')) return 20;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}
