/** `status [plan-id]`: one row per plan, or one row per item of a plan. */
import { planItemsReport } from '../../reports/status.js';
import { EXIT, type CliIO } from '../io.js';
import type { GlobalOptions } from '../session.js';
import { openReport, reportOf, requireParty, requirePlan, writeReport } from './report-run.js';

export interface StatusCommandOptions {
  party?: string;
  all?: boolean;
}

export async function runStatus(io: CliIO, options: GlobalOptions & StatusCommandOptions, planId: string | undefined): Promise<number> {
  const spec = { report: 'status', party: options.party, all: options.all } as const;
  // One plan's items need that plan whole: the records are kept, not streamed.
  const run = await openReport(io, options, undefined, planId === undefined ? () => spec : undefined);
  const party = options.party === undefined ? undefined : requireParty(run, options.party);
  if (planId !== undefined) {
    const plan = requirePlan(run, planId);
    await writeReport(run, { report: 'plan-status', data: planItemsReport(run.model, plan, { asOf: run.asOf, party, all: options.all }) });
  } else {
    await writeReport(run, { report: 'status', data: reportOf(run, spec) });
  }
  return EXIT.OK;
}
