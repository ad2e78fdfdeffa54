/**
 * Reports as JSON in the shapes of cli.md: English keys in every language,
 * ISO dates, ids rather than names. `status <plan-id>` has no shape in cli.md;
 * its shape is documented in the README: `{asOf, plan, items}`.
 */
import { formatISO, type Day } from '../model/dates.js';
import type { Period } from '../model/periods.js';
import type { DeadlinesReport } from '../reports/deadlines.js';
import type { ItemStatus, PlanItemsReport, PlanStatus, StatusReport } from '../reports/status.js';
import type { SummaryReport } from '../reports/summary.js';

const iso = (day: Day | null | undefined): string | null => (day === null || day === undefined ? null : formatISO(day));
const span = (p: Pick<Period, 'start' | 'end'>) => ({ start: formatISO(p.start), end: formatISO(p.end) });
const stringify = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

function planJson(row: PlanStatus) {
  const { plan } = row;
  return {
    id: plan.id,
    number: plan.number,
    title: plan.title,
    type: plan.type,
    period: span(plan.period),
    state: row.state,
    parties: plan.parties,
    items: row.items,
    next: row.next ? { task: row.next.item.task, occurrence: row.next.item.occurrence, due: iso(row.next.item.due) } : null,
  };
}

/** An item as deadlines lists it: plan, task, occurrence, title, type, due, daysLeft, state, lead, support. */
function deadlineJson(s: ItemStatus) {
  const { item } = s;
  return {
    plan: item.plan,
    task: item.task,
    occurrence: item.occurrence,
    title: item.title,
    type: item.type,
    due: iso(item.due),
    daysLeft: s.daysLeft,
    state: s.state,
    lead: item.lead,
    support: item.support,
  };
}

export function statusJson(report: StatusReport): string {
  return stringify({ asOf: iso(report.asOf), plans: report.plans.map(planJson) });
}

/** `status <plan-id>`: the plan's row, then every item with its state, completion date and timeliness. */
export function planItemsJson(report: PlanItemsReport): string {
  return stringify({
    asOf: iso(report.asOf),
    plan: planJson(report.plan),
    items: report.items.map((s) => ({
      ...deadlineJson(s),
      done: s.state === 'done' ? iso(s.item.done) : null,
      completion: s.timeliness ?? null,
    })),
  });
}

export function deadlinesJson(report: DeadlinesReport): string {
  return stringify({ asOf: iso(report.asOf), items: report.items.map(deadlineJson) });
}

export function summaryJson(report: SummaryReport): string {
  return stringify({
    asOf: iso(report.asOf),
    period: { key: report.period.key, ...span(report.period) },
    plans: report.plans.map((p) => p.plan.id),
    due: report.due,
    completed: report.completed.length,
    byLead: Object.fromEntries(report.byLead),
    byType: Object.fromEntries(report.byType),
    results: Object.fromEntries(report.results),
    next: {
      key: report.next.period.key,
      items: report.next.items.map((s) => ({ plan: s.item.plan, task: s.item.task, occurrence: s.item.occurrence, due: iso(s.item.due) })),
    },
  });
}
