/** `status` for people: one row per plan, or one plan's items. */
import { formatPercent, lines, periodName, planStateName, word } from '../../i18n/reports.js';
import type { PlanItemsReport, PlanStatus, StatusReport } from '../../reports/status.js';
import { date, type Document, num, type Row, rowsOf, text } from '../document.js';
import { columns, daysLeftCell, occurrenceCell, partyName, reportHeading, revisionLines, stateCell, toneOf, typeCell, type ViewContext } from './common.js';

function filterLine(ctx: ViewContext, party: string | undefined): string[] {
  if (party === undefined) return [];
  return [`${ctx.lang === 'vi' ? 'Đơn vị' : 'Party'}: ${partyName(ctx.model, party)}`];
}

/** The party filter of one plan's items, with the counts of the items it lists (the line above counts the whole plan). */
function listedLine(ctx: ViewContext, report: PlanItemsReport): string[] {
  const [filter] = filterLine(ctx, report.party);
  if (filter === undefined || report.listed === undefined) return [];
  return [`${filter}, ${ctx.lang === 'vi' ? 'chủ trì hoặc phối hợp' : 'leading or supporting'} ${lines.counts(ctx.lang, report.listed)}`];
}

/** `giao-ban-quy (Quý III năm 2026)`. */
function nextText(row: PlanStatus, ctx: ViewContext): string {
  const next = row.next?.item;
  if (!next) return word(ctx.lang, 'none');
  return next.period ? `${next.task} (${periodName(ctx.lang, next.period)})` : next.task;
}

export function statusDocument(report: StatusReport, ctx: ViewContext): Document {
  const { lang } = ctx;
  const rows = rowsOf(report.plans, (row): Row => {
    const c = row.items;
    return {
      cells: [
        text(row.plan.id),
        text(row.plan.number ?? ''),
        text(row.plan.title),
        text(periodName(lang, row.plan.period)),
        text(planStateName(lang, row.state)),
        num(c.total),
        num(c.done),
        num(c.overdue, undefined, c.overdue > 0 ? 'overdue' : undefined),
        num(c.dueSoon, undefined, c.dueSoon > 0 ? 'due-soon' : undefined),
        num(c.open),
        num(c.cancelled),
        num(row.progress === null ? null : Math.round(row.progress * 1000) / 1000, row.progress === null ? '' : formatPercent(row.progress)),
        date(row.next?.item.due ?? null, row.next ? toneOf(row.next.state) : undefined),
        text(nextText(row, ctx), row.next ? toneOf(row.next.state) : undefined),
      ],
    };
  });
  return [
    ...reportHeading(ctx, word(lang, 'statusTitle'), [lines.asOf(lang, report.asOf), ...revisionLines(ctx), ...filterLine(ctx, report.party)]),
    {
      kind: 'table',
      columns: [
        { header: word(lang, 'id') },
        { header: word(lang, 'number') },
        { header: word(lang, 'title'), wrap: 36 },
        { header: word(lang, 'period') },
        { header: word(lang, 'planState') },
        columns.count(lang, 'total'),
        columns.count(lang, 'done'),
        columns.count(lang, 'overdue'),
        columns.count(lang, 'dueSoon'),
        columns.count(lang, 'open'),
        columns.count(lang, 'cancelled'),
        columns.count(lang, 'progress'),
        { header: word(lang, 'nextDue') },
        { header: word(lang, 'next'), wrap: 32 },
      ],
      rows,
      empty: word(lang, 'statusEmpty'),
    },
  ];
}

export function planItemsDocument(report: PlanItemsReport, ctx: ViewContext): Document {
  const { lang } = ctx;
  const { plan, state, items, progress } = report.plan;
  const header = [
    lines.planHeader(lang, plan.type, plan.number),
    lines.signed(lang, plan.signed),
    periodName(lang, plan.period),
    planStateName(lang, state),
  ].join(' · ');
  const counts = lines.counts(lang, items) + (progress === null ? '' : ` (${word(lang, 'progress').toLowerCase()} ${formatPercent(progress)})`);
  const rows = rowsOf(report.items, (s): Row => ({
    cells: [
      date(s.item.due, undefined, word(lang, 'none')),
      text(s.item.task),
      occurrenceCell(s, lang),
      text(s.item.title),
      typeCell(s, lang),
      text(partyName(ctx.model, s.item.lead)),
      stateCell(s, lang),
      date(s.state === 'done' ? (s.item.done ?? null) : null),
      daysLeftCell(s, lang),
    ],
    tone: toneOf(s.state),
  }));
  return [
    ...reportHeading(ctx, `${plan.id}: ${plan.title}`, [header, lines.asOf(lang, report.asOf), ...revisionLines(ctx), counts, ...listedLine(ctx, report)]),
    {
      kind: 'table',
      columns: [
        columns.due(lang),
        columns.task(lang),
        columns.occurrence(lang),
        columns.title(lang),
        columns.type(lang),
        columns.lead(lang),
        columns.state(lang),
        columns.doneOn(lang),
        columns.daysLeft(lang),
      ],
      rows,
      empty: word(lang, 'planItemsEmpty'),
    },
  ];
}
