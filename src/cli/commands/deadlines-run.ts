/** `deadlines`: overdue and due-soon items; `--fail-on-overdue` turns overdue into exit 1. */
import { cliMessage } from '../../i18n/cli.js';
import { TASK_TYPES, type TaskType } from '../../model/records.js';
import { EXIT, type CliIO, UsageError } from '../io.js';
import type { GlobalOptions } from '../session.js';
import { openReport, reportOf, requireParty, requirePlan, writeReport } from './report-run.js';

export interface DeadlinesCommandOptions {
  within?: string;
  party?: string;
  plan?: string;
  type?: string;
  overdue?: boolean;
  failOnOverdue?: boolean;
}

export async function runDeadlines(io: CliIO, options: GlobalOptions & DeadlinesCommandOptions): Promise<number> {
  let within: number | undefined;
  let type: TaskType | undefined;
  const spec = () => ({ report: 'deadlines', within, party: options.party, plan: options.plan, type, overdueOnly: options.overdue }) as const;
  const run = await openReport(io, options, (session) => {
    if (options.within !== undefined) {
      within = Number(options.within.trim());
      // Digits only, and few enough to be a number of days exactly (99999999999999999999 is not).
      if (!/^\d+$/.test(options.within.trim()) || !Number.isSafeInteger(within)) throw new UsageError(cliMessage(session.lang, 'bad-number', { value: options.within }));
    }
    if (options.type !== undefined) {
      if (!(TASK_TYPES as readonly string[]).includes(options.type)) {
        throw new UsageError(cliMessage(session.lang, 'unknown-type', { value: options.type, allowed: TASK_TYPES.join(', ') }));
      }
      type = options.type as TaskType;
    }
  }, spec);
  // Unknown ids are bad usage, found once the records are read (the parts were made for them meanwhile, and are dropped).
  if (options.party !== undefined) requireParty(run, options.party);
  if (options.plan !== undefined) requirePlan(run, options.plan);
  const report = reportOf(run, spec());
  await writeReport(run, { report: 'deadlines', data: report });
  return options.failOnOverdue && report.overdue > 0 ? EXIT.FAILURE : EXIT.OK;
}
