/** `summary`: the period summary a briefing or review is written from. */
import { dayFromYMD } from '../../model/dates.js';
import { nextPeriod, periodContaining, type Period } from '../../model/periods.js';
import { cliMessage } from '../../i18n/cli.js';
import type { Lang } from '../../i18n/lang.js';
import { summaryReport } from '../../reports/summary.js';
import { EXIT, type CliIO, UsageError } from '../io.js';
import { type GlobalOptions, parsePeriodOption } from '../session.js';
import { openReport, writeReport } from './report-run.js';

const LAST_DAY = dayFromYMD(9999, 12, 31);

/** The summary lists what falls due in the next period, which needs days that dates can be written for. */
function checkNextPeriod(lang: Lang, period: Period, written: string): void {
  if (nextPeriod(period).end > LAST_DAY) throw new UsageError(cliMessage(lang, 'next-period-out-of-range', { value: written }));
}

export interface SummaryCommandOptions {
  period?: string;
}

export async function runSummary(io: CliIO, options: GlobalOptions & SummaryCommandOptions): Promise<number> {
  let period: Period | undefined;
  const run = await openReport(io, options, (session) => {
    if (options.period === undefined) return;
    period = parsePeriodOption(session.lang, options.period);
    checkNextPeriod(session.lang, period, options.period);
  });
  // Default: the quarter holding the as-of date (known once the config's zone is).
  if (period === undefined) {
    period = periodContaining('quarter', run.asOf);
    checkNextPeriod(run.session.lang, period, period.key);
  }
  const data = summaryReport(run.model, { asOf: run.asOf, period });
  await writeReport(run, { report: 'summary', data });
  return EXIT.OK;
}
