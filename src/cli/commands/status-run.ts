/** `status [plan-id]`: one row per plan, or one row per item of a plan. */
import { planItemsReport, statusReport } from '../../reports/status.js';
import { EXIT, type CliIO } from '../io.js';
import type { GlobalOptions } from '../session.js';
import { openReport, requireParty, requirePlan, writeReport } from './report-run.js';

export interface StatusCommandOptions {
  party?: string;
  all?: boolean;
}

export async function runStatus(io: CliIO, options: GlobalOptions & StatusCommandOptions, planId: string | undefined): Promise<number> {
  const run = await openReport(io, options);
  const party = options.party === undefined ? undefined : requireParty(run, options.party);
  const reportOptions = { asOf: run.asOf, party, all: options.all };
  if (planId !== undefined) {
    const plan = requirePlan(run, planId);
    await writeReport(run, { report: 'plan-status', data: planItemsReport(run.model, plan, reportOptions) });
  } else {
    await writeReport(run, { report: 'status', data: statusReport(run.model, reportOptions) });
  }
  return EXIT.OK;
}
