/** `summary`: the period summary a briefing or review is written from. */
import { dayFromYMD } from '../../model/dates.js';
import { nextPeriod, type Period } from '../../model/periods.js';
import { cliMessage } from '../../i18n/cli.js';
import type { Lang } from '../../i18n/lang.js';
import { summaryPeriod } from '../../reports/parts.js';
import { EXIT, type CliIO, UsageError } from '../io.js';
import { type GlobalOptions, parsePeriodOption } from '../session.js';
import { openReport, reportOf, writeReport } from './report-run.js';

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
  const run = await openReport(
    io,
    options,
    (session) => {
      if (options.period === undefined) return;
      period = parsePeriodOption(session.lang, options.period);
      checkNextPeriod(session.lang, period, options.period);
    },
    () => ({ report: 'summary', period }),
  );
  // Default: the quarter holding the as-of date (known once the config's zone is).
  if (period === undefined) {
    period = summaryPeriod({}, run.asOf);
    checkNextPeriod(run.session.lang, period, period.key);
  }
  await writeReport(run, { report: 'summary', data: reportOf(run, { report: 'summary', period }) });
  return EXIT.OK;
}
