/**
 * The reports plan by plan, for a folder read as a stream
 * (src/cli/commands/report-run.ts, src/cli/report-thread.ts): what a
 * report keeps of one plan, computed wherever the plan is checked, and the
 * report put together from those parts. Holding every plan's model costs a big folder more time than
 * reporting on it does (README, Performance). The answer is the report of
 * the whole model, to the byte (tests hold the two to that): rows come in
 * plan id order, as the model keeps its plans, and items in compareItems
 * order, a total order, so merging cannot reorder them.
 */
import { ownCopy } from '../load/own-copy.js';
import type { Day } from '../model/dates.js';
import { type Item, sortItems } from '../model/items.js';
import { type Period, periodContaining } from '../model/periods.js';
import type { Config, Model, Plan, TaskType } from '../model/records.js';
import { deadlinesFromItems, deadlinesReport, type DeadlinesReport, planDeadlineItems } from './deadlines.js';
import { type PlanItemsReport, planItemsReport, type PlanStatus, statusFromRows, statusReport, type StatusReport, statusRow } from './status.js';
import { planSummaryItems, summaryFromItems, type SummaryPlan, summaryReport, type SummaryReport, summaryRow } from './summary.js';

/** Which report, with its options but the as-of day, which the folder's config may decide (PlanFacts). */
export type ReportSpec =
  | { report: 'status'; party?: string; all?: boolean }
  /** `status <plan>`: that plan's items, the only plan kept whole. */
  | { report: 'plan-status'; plan: string; party?: string }
  | { report: 'deadlines'; within?: number; party?: string; plan?: string; type?: TaskType; overdueOnly?: boolean }
  | { report: 'summary'; /** Default: the quarter holding the as-of day. */ period?: Period };

/** What every plan is reported against. */
export interface PlanFacts {
  config: Config;
  asOf: Day;
}

/**
 * What a report keeps of one plan: its id, which option checks read, and its
 * row or items, if any. A row holds the plan without its tasks, for the
 * renderers; a plan the report does not show keeps no more than its id
 * (`status` and `summary` on the benchmark's 10,000 plans show 2,226).
 */
export interface PlanPart {
  id: string;
  /** Only for the plan `status <plan>` names: the plan whole. */
  plan?: Plan;
  row?: PlanStatus | SummaryPlan;
  items?: Item[];
}

export type ReportOf<S extends ReportSpec> = S extends { report: 'status' }
  ? StatusReport
  : S extends { report: 'plan-status' }
    ? PlanItemsReport
    : S extends { report: 'deadlines' }
      ? DeadlinesReport
      : SummaryReport;

/**
 * What `spec` keeps of `plan`. A part kept on this thread has its strings
 * copied (PartCopies), so that 10,000 kept plans do not keep 10,000 texts; a
 * part posted to the main thread arrives there as copies anyway.
 */
export function reportPart(plan: Plan, facts: PlanFacts, spec: ReportSpec, where: 'kept' | 'posted' = 'kept'): PlanPart {
  const own = new PartCopies(where === 'kept');
  const id = own.id(plan.id);
  if (spec.report === 'plan-status') return plan.id === spec.plan ? { id, plan } : { id };
  switch (spec.report) {
    case 'status': {
      const row = statusRow(plan, { ...spec, asOf: facts.asOf }, facts.config.soon);
      if (!row) return { id };
      const outline = own.plan(plan, id);
      return { id, row: { ...row, plan: outline, next: row.next && { ...row.next, item: own.item(row.next.item, id) } } };
    }
    case 'deadlines':
      return { id, items: own.items(planDeadlineItems(plan, { ...spec, asOf: facts.asOf }, spec.within ?? facts.config.soon), id) };
    case 'summary': {
      const options = { asOf: facts.asOf, period: summaryPeriod(spec, facts.asOf) };
      const row = summaryRow(plan, options);
      const items = own.items(planSummaryItems(plan, options), id);
      return row ? { id, row: { ...row, plan: own.plan(plan, id) }, items } : { id, items };
    }
  }
}

/** The report of every plan's part, in any order. */
export function reportFromParts<S extends ReportSpec>(parts: PlanPart[], facts: PlanFacts, spec: S): ReportOf<S> {
  sortParts(parts);
  const rows = parts.flatMap((part) => (part.row ? [part.row] : []));
  // Each item's plan rank lets sortItems order two plans' items without reading them (see sortItems).
  const items: Item[] = [];
  const ranks: number[] = [];
  parts.forEach((part, rank) => {
    for (const item of part.items ?? []) {
      items.push(item);
      ranks.push(rank);
    }
  });
  const asOf = facts.asOf;
  switch (spec.report) {
    case 'status':
      return statusFromRows(rows as PlanStatus[], { ...spec, asOf }) as ReportOf<S>;
    case 'plan-status':
      return planItemsReport(facts.config, wanted(parts.flatMap((part) => part.plan ?? []), spec.plan), { ...spec, asOf }) as ReportOf<S>;
    case 'deadlines':
      return deadlinesFromItems(sortItems(items, ranks), { ...spec, asOf }, spec.within ?? facts.config.soon) as ReportOf<S>;
    case 'summary':
      return summaryFromItems(facts.config, rows as SummaryPlan[], sortItems(items, ranks), { asOf, period: summaryPeriod(spec, asOf) }) as ReportOf<S>;
  }
}

/** The parts in plan id order, as the model keeps its plans; in place. */
export function sortParts(parts: PlanPart[]): PlanPart[] {
  return parts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The same report from the whole model: with PHOIHOP_STREAM=off, the reference the merged report is tested against. */
export function wholeReport<S extends ReportSpec>(model: Model, asOf: Day, spec: S): ReportOf<S> {
  switch (spec.report) {
    case 'status':
      return statusReport(model, { ...spec, asOf }) as ReportOf<S>;
    case 'plan-status':
      return planItemsReport(model.config, wanted(model.plans, spec.plan), { ...spec, asOf }) as ReportOf<S>;
    case 'deadlines':
      return deadlinesReport(model, { ...spec, asOf }) as ReportOf<S>;
    case 'summary':
      return summaryReport(model, { asOf, period: summaryPeriod(spec, asOf) }) as ReportOf<S>;
  }
}

/** The plan `status <plan>` names; the CLI has refused an unknown id before any report is made. */
function wanted(plans: readonly Plan[], id: string): Plan {
  const plan = plans.find((p) => p.id === id);
  if (!plan) throw new Error(`no plan ${id}`);
  return plan;
}

/** The summary's period: the one asked for, else the quarter holding the as-of day. */
export function summaryPeriod(spec: { period?: Period }, asOf: Day): Period {
  return spec.period ?? periodContaining('quarter', asOf);
}

/**
 * A part's plan and items with strings that keep no text alive: a title or a
 * party id cut from a file's text keeps the whole text (ownCopy), and the
 * main thread's items of `deadlines` on 10,000 plans kept about 35 MB of
 * texts, which the collector copied as it went. Each distinct string and
 * list of supporting parties is copied once for the plan, so that the items
 * of a task still share theirs, as built (a copy for each item cost as much
 * as it saved, and the renderer's memo of supporting parties' names goes by
 * the list). Without `copying`, everything is kept as it is.
 */
class PartCopies {
  /** Made when first needed: most parts copy nothing (a plan not shown, a posted part). */
  private strings?: Map<string, string>;
  private lists?: Map<readonly string[], string[]>;

  /** A plan's own strings differ from one another: they are copied without the memo, which would only hash them. */
  private readonly copy: (s: string) => string;

  constructor(private readonly copying: boolean) {
    this.copy = copying ? ownCopy : (s) => s;
  }

  /** The plan's id, copied when copying: every part keeps it. */
  id(id: string): string {
    return this.copy(id);
  }

  /** What renderers read of a plan a report shows: all but its tasks and contents; `id` is its id, from `id`. */
  plan(plan: Plan, id: string): Plan {
    const copy = this.copy;
    return {
      ...plan,
      id,
      title: copy(plan.title),
      number: plan.number === null ? null : copy(plan.number),
      parties: this.copying ? plan.parties.map(copy) : plan.parties,
      file: copy(plan.file),
      ...(plan.parent !== undefined && { parent: copy(plan.parent) }),
      contents: [],
      tasks: [],
    };
  }

  /** `items` of the plan whose id (copied already) is `plan`. */
  items(items: Item[], plan: string): Item[] {
    return this.copying ? items.map((item) => this.item(item, plan)) : items;
  }

  item(item: Item, plan: string): Item {
    if (!this.copying) return item;
    return {
      ...item,
      plan,
      task: this.string(item.task),
      title: this.string(item.title),
      lead: this.string(item.lead),
      support: this.list(item.support),
      evidence: item.evidence === undefined ? undefined : this.string(item.evidence),
      note: item.note === undefined ? undefined : this.string(item.note),
    };
  }

  /** Only when copying, as is `list`. */
  private string(s: string): string {
    const strings = (this.strings ??= new Map());
    let copy = strings.get(s);
    if (copy === undefined) strings.set(s, (copy = ownCopy(s)));
    return copy;
  }

  private list(ids: readonly string[]): string[] {
    const lists = (this.lists ??= new Map());
    let copy = lists.get(ids);
    if (copy === undefined) lists.set(ids, (copy = ids.map((id) => this.string(id))));
    return copy;
  }
}
