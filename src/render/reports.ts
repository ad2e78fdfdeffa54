/**
 * The report renderers, by format. `--format` of status, deadlines and
 * summary is typed from this registry; the command only picks an entry.
 */
import type { Lang } from '../i18n/lang.js';
import type { Model } from '../model/records.js';
import type { DeadlinesReport } from '../reports/deadlines.js';
import type { PlanItemsReport, StatusReport } from '../reports/status.js';
import type { SummaryReport } from '../reports/summary.js';
import { renderCsvDocument } from './csv.js';
import type { Document } from './document.js';
import type { ReportFormat } from './formats.js';
import { deadlinesJson, planItemsJson, statusJson, summaryJson } from './json.js';
import { renderMarkdownDocument } from './markdown.js';
import type { Paint } from './paint.js';
import { renderTableChunks } from './table.js';
import { deadlinesDocument } from './views/deadlines.js';
import { planItemsDocument, statusDocument } from './views/status.js';
import { summaryDocument } from './views/summary.js';

export type ReportData =
  | { report: 'status'; data: StatusReport }
  | { report: 'plan-status'; data: PlanItemsReport }
  | { report: 'deadlines'; data: DeadlinesReport }
  | { report: 'summary'; data: SummaryReport };

export interface RenderContext {
  lang: Lang;
  /** For party names, metric labels and the organisation's title. */
  model: Model;
  paint: Paint;
  /** The git revision the records were read at (`--rev`), named under the title. */
  revision?: string;
  /** The reader is done with each chunk before it asks for the next: their memory may be reused. */
  lendChunks?: boolean;
}

/** Text, or the same text as UTF-8 chunks made as they are written (tables, see bytes.ts). */
export type Renderer = (report: ReportData, ctx: RenderContext) => string | Iterable<Uint8Array>;

/** The report laid out for people, in the reader's language. */
export function reportDocument(r: ReportData, ctx: RenderContext): Document {
  const view = { lang: ctx.lang, model: ctx.model, revision: ctx.revision };
  switch (r.report) {
    case 'status':
      return statusDocument(r.data, view);
    case 'plan-status':
      return planItemsDocument(r.data, view);
    case 'deadlines':
      return deadlinesDocument(r.data, view);
    case 'summary':
      return summaryDocument(r.data, view);
  }
}

function json(r: ReportData): string {
  switch (r.report) {
    case 'status':
      return statusJson(r.data);
    case 'plan-status':
      return planItemsJson(r.data);
    case 'deadlines':
      return deadlinesJson(r.data);
    case 'summary':
      return summaryJson(r.data);
  }
}

export const renderers = {
  table: (r, ctx) => renderTableChunks(reportDocument(r, ctx), ctx.lang, ctx.paint, { lend: ctx.lendChunks }),
  markdown: (r, ctx) => renderMarkdownDocument(reportDocument(r, ctx), ctx.lang),
  csv: (r, ctx) => renderCsvDocument(reportDocument(r, ctx)),
  json: (r) => json(r),
} as const satisfies Record<ReportFormat, Renderer>;
