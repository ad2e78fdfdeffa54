/** `summary`: the period summary a briefing or review is written from. */
import { periodContaining, type Period } from '../../model/periods.js';
import { summaryReport } from '../../reports/summary.js';
import { EXIT, type CliIO } from '../io.js';
import { type GlobalOptions, parsePeriodOption } from '../session.js';
import { openReport, writeReport } from './report-run.js';

export interface SummaryCommandOptions {
  period?: string;
}

export async function runSummary(io: CliIO, options: GlobalOptions & SummaryCommandOptions): Promise<number> {
  let period: Period | undefined;
  const run = await openReport(io, options, (session) => {
    if (options.period !== undefined) period = parsePeriodOption(session.lang, options.period);
  });
  // Default: the quarter holding the as-of date.
  const data = summaryReport(run.model, { asOf: run.asOf, period: period ?? periodContaining('quarter', run.asOf) });
  await writeReport(run, { report: 'summary', data });
  return EXIT.OK;
}
