/** `deadlines` for people: what is overdue or due soon, soonest first. */
import { lines, taskTypeName, word } from '../../i18n/reports.js';
import type { DeadlinesReport } from '../../reports/deadlines.js';
import { date, type Document, type Row, rowsOf, text } from '../document.js';
import { columns, daysLeftCell, occurrenceCell, partyName, partyNames, reportHeading, revisionLines, stateCell, type ViewContext } from './common.js';

export function deadlinesDocument(report: DeadlinesReport, ctx: ViewContext): Document {
  const { lang, model } = ctx;
  const { filters } = report;
  // Made as the table asks for them: 100,000 rows of cells need not all live at once.
  const rows = rowsOf(report.items, (d): Row => {
    return {
      cells: [
        date(d.item.due),
        daysLeftCell(d, lang),
        stateCell(d, lang),
        text(d.item.plan),
        text(d.item.task),
        occurrenceCell(d, lang),
        text(d.item.title),
        text(partyName(model, d.item.lead)),
        text(partyNames(model, d.item.support)),
      ],
      tone: d.state,
    };
  });
  const filterLines: string[] = [];
  const vi = lang === 'vi';
  if (filters.party !== undefined) filterLines.push(`${vi ? 'Đơn vị (chủ trì hoặc phối hợp)' : 'Party (lead or support)'}: ${partyName(model, filters.party)}`);
  if (filters.plan !== undefined) filterLines.push(`${word(lang, 'plan')}: ${filters.plan}`);
  if (filters.type !== undefined) filterLines.push(`${word(lang, 'taskType')}: ${taskTypeName(lang, filters.type)}`);
  return [
    ...reportHeading(ctx, filters.overdueOnly ? word(lang, 'overdueTitle') : lines.deadlinesTitle(lang, report.within), [lines.asOf(lang, report.asOf), ...revisionLines(ctx), ...filterLines]),
    {
      kind: 'table',
      columns: [
        columns.due(lang),
        columns.daysLeft(lang),
        columns.state(lang),
        columns.plan(lang),
        columns.task(lang),
        columns.occurrence(lang),
        columns.title(lang),
        columns.lead(lang),
        columns.support(lang),
      ],
      rows,
      empty: word(lang, filters.overdueOnly ? 'overdueEmpty' : 'deadlinesEmpty'),
    },
  ];
}
