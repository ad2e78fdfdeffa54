/** `status [plan-id]`: one row per plan, or one row per item of a plan. */
import { EXIT, type CliIO } from '../io.js';
import type { GlobalOptions } from '../session.js';
import { openReport, reportOf, requireParty, requirePlan, writeReport } from './report-run.js';

export interface StatusCommandOptions {
  party?: string;
  all?: boolean;
}

export async function runStatus(io: CliIO, options: GlobalOptions & StatusCommandOptions, planId: string | undefined): Promise<number> {
  const { party, all } = options;
  // With a plan, that plan's items: the one plan kept whole.
  const spec = planId === undefined ? ({ report: 'status', party, all } as const) : ({ report: 'plan-status', plan: planId, party } as const);
  const run = await openReport(io, options, undefined, () => spec);
  if (party !== undefined) requireParty(run, party);
  if (spec.report === 'plan-status') {
    requirePlan(run, spec.plan);
    await writeReport(run, { report: 'plan-status', data: reportOf(run, spec) });
  } else {
    await writeReport(run, { report: 'status', data: reportOf(run, spec) });
  }
  return EXIT.OK;
}
