/**
 * `summary` for people, in the order a briefing or review report is written:
 * who and what period, the plans in force, items due by state, what was
 * completed, by lead and by type, results, and what falls due next.
 */
import type { Lang } from '../../i18n/lang.js';
import { formatNumber, lines, periodName, planStateName, taskTypeName, timelinessName, word } from '../../i18n/reports.js';
import type { Model, Results } from '../../model/records.js';
import { sumResults, TALLY_KEYS, type Tally, type SummaryReport } from '../../reports/summary.js';
import { type Block, type Column, date, type Document, num, type Row, rowsOf, text } from '../document.js';
import { columns, occurrenceCell, partyName, reportHeading, revisionLines, stateCell, toneOf, type ViewContext } from './common.js';

const tallyColumns = (lang: Lang): Column[] => [columns.count(lang, 'total'), ...TALLY_KEYS.map((k) => columns.count(lang, k))];
const tallyCells = (t: Tally) => [
  num(t.total),
  ...TALLY_KEYS.map((k) => num(t[k], undefined, k === 'overdue' && t[k] > 0 ? 'overdue' : undefined)),
];

/** `Tin, bài: 45 bài; Người tham dự: 20 người`. */
export function resultsText(model: Model, lang: Lang, results: Results): string {
  return sumResults([results], Object.keys(model.config.metrics))
    .map(([id, value]) => {
      const metric = model.config.metrics[id];
      const unit = metric?.unit ? ` ${metric.unit}` : '';
      return `${metric?.label ?? id}: ${formatNumber(lang, value)}${unit}`;
    })
    .join('; ');
}

export function summaryDocument(report: SummaryReport, ctx: ViewContext): Document {
  const { lang } = ctx;
  // Numbered as a written report's sections are.
  const sections: Array<[title: string, blocks: Block[]]> = [
    [word(lang, 'sectionPlans'), [plansTable(report, ctx)]],
    [word(lang, 'sectionDue'), dueBlocks(report, ctx)],
    [`${word(lang, 'sectionCompleted')}: ${report.completed.length}`, [completedTable(report, ctx)]],
    [word(lang, 'sectionByLead'), [byLeadTable(report, ctx)]],
    [word(lang, 'sectionByType'), [byTypeTable(report, ctx)]],
    [word(lang, 'sectionResults'), [resultsTable(report, ctx)]],
    [lines.sectionNext(lang, report.next.period), [nextTable(report, ctx)]],
  ];
  return [...heading(report, ctx), ...sections.flatMap(([title, blocks], i): Block[] => [{ kind: 'heading', text: `${i + 1}. ${title}` }, ...blocks])];
}

/** The title, then who and what period the figures are for. */
function heading(report: SummaryReport, ctx: ViewContext): Block[] {
  const { lang } = ctx;
  return reportHeading(ctx, word(lang, 'summaryTitle'), [lines.reportPeriod(lang, report.period), lines.figuresAsOf(lang, report.asOf), ...revisionLines(ctx)]);
}

function plansTable(report: SummaryReport, { lang }: ViewContext): Block {
  return {
    kind: 'table',
    columns: [{ header: word(lang, 'id') }, { header: word(lang, 'number') }, { header: word(lang, 'title'), wrap: 50 }, { header: word(lang, 'period') }, { header: word(lang, 'planState') }],
    rows: rowsOf(report.plans, ({ plan, state }) => ({
      cells: [text(plan.id), text(plan.number ?? ''), text(plan.title), text(periodName(lang, plan.period)), text(planStateName(lang, state))],
    })),
    empty: word(lang, 'noPlans'),
  };
}

/** The tally of the items due in the period, then the items themselves. */
function dueBlocks(report: SummaryReport, { lang, model }: ViewContext): Block[] {
  const tally: Block = { kind: 'table', columns: tallyColumns(lang), rows: [{ cells: tallyCells(report.due) }] };
  if (report.dueItems.length === 0) return [tally];
  const items: Block = {
    kind: 'table',
    columns: [columns.due(lang), columns.plan(lang), columns.task(lang), columns.occurrence(lang), columns.title(lang), columns.lead(lang), columns.state(lang), columns.doneOn(lang)],
    rows: rowsOf(
      report.dueItems,
      (s): Row => ({
        cells: [
          date(s.item.due),
          text(s.item.plan),
          text(s.item.task),
          occurrenceCell(s, lang),
          text(s.item.title),
          text(partyName(model, s.item.lead)),
          stateCell(s, lang),
          date(s.state === 'done' ? (s.item.done ?? null) : null),
        ],
        tone: toneOf(s.state),
      }),
    ),
  };
  return [tally, items];
}

function completedTable(report: SummaryReport, { lang, model }: ViewContext): Block {
  return {
    kind: 'table',
    columns: [columns.doneOn(lang), columns.plan(lang), columns.task(lang), columns.occurrence(lang), columns.title(lang), columns.due(lang), { header: word(lang, 'assessment') }, { header: word(lang, 'results'), wrap: 30 }],
    rows: rowsOf(report.completed, (s) => ({
      cells: [
        date(s.item.done ?? null),
        text(s.item.plan),
        text(s.item.task),
        occurrenceCell(s, lang),
        text(s.item.title),
        date(s.item.due, undefined, word(lang, 'none')),
        text(s.timeliness ? timelinessName(lang, s.timeliness) : ''),
        text(resultsText(model, lang, s.item.results)),
      ],
    })),
    empty: word(lang, 'noCompleted'),
  };
}

function byLeadTable(report: SummaryReport, { lang, model }: ViewContext): Block {
  return {
    kind: 'table',
    columns: [{ header: word(lang, 'leadParty') }, ...tallyColumns(lang)],
    rows: report.byLead.map(([lead, tally]) => ({ cells: [text(partyName(model, lead)), ...tallyCells(tally)] })),
    empty: word(lang, 'noDue'),
  };
}

function byTypeTable(report: SummaryReport, { lang }: ViewContext): Block {
  return {
    kind: 'table',
    columns: [{ header: word(lang, 'taskType') }, ...tallyColumns(lang)],
    rows: report.byType.map(([type, tally]) => ({ cells: [text(taskTypeName(lang, type)), ...tallyCells(tally)] })),
    empty: word(lang, 'noDue'),
  };
}

function resultsTable(report: SummaryReport, { lang, model }: ViewContext): Block {
  return {
    kind: 'table',
    columns: [{ header: word(lang, 'metric') }, { header: word(lang, 'amount'), align: 'right' }, { header: word(lang, 'unit') }],
    rows: report.results.map(([id, value]) => ({
      cells: [text(model.config.metrics[id]?.label ?? id), num(value), text(model.config.metrics[id]?.unit ?? '')],
    })),
    empty: word(lang, 'noResults'),
  };
}

function nextTable(report: SummaryReport, { lang, model }: ViewContext): Block {
  return {
    kind: 'table',
    columns: [columns.due(lang), columns.plan(lang), columns.task(lang), columns.occurrence(lang), columns.title(lang), columns.lead(lang), columns.state(lang)],
    rows: rowsOf(report.next.items, (s): Row => ({
      cells: [date(s.item.due), text(s.item.plan), text(s.item.task), occurrenceCell(s, lang), text(s.item.title), text(partyName(model, s.item.lead)), stateCell(s, lang)],
      tone: toneOf(s.state),
    })),
    empty: word(lang, 'noNext'),
  };
}
