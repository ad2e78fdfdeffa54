/**
 * What status, deadlines and summary share: the session, the format, the
 * validated records (refusing a folder with errors), option checks that need
 * the records, and writing the rendered report.
 */
import { cliMessage, shellWord, validateCommand } from '../../i18n/cli.js';
import { fold } from '../../i18n/field-words.js';
import { diagnosticLine, renderDiagnosticsText } from '../../render/diagnostics.js';
import { makePaint, PLAIN } from '../../render/paint.js';
import { REPORT_FORMATS, type ReportFormat } from '../../render/formats.js';
import type { ReportData } from '../../render/reports.js';
import type { Day } from '../../model/dates.js';
import type { Model } from '../../model/records.js';
import { countBySeverity } from '../../validate/diagnostic.js';
import { closest } from '../../validate/schema-check.js';
import { EXIT, type CliIO, ExitWith, UsageError } from '../io.js';
import { reportFromParts, type ReportOf, reportPart, type PlanPart, type ReportSpec, sortParts, wholeReport } from '../../reports/parts.js';
import type { PlanParts } from '../../validate/stream.js';
import type { Validated } from '../../validate/validate.js';
import { type GlobalOptions, loadChecked, loadValidated, noteNoRecords, openSession, parseAsOf, pickFormat, type Session, streamOff } from '../session.js';

export interface ReportRun {
  session: Session;
  format: ReportFormat;
  /** The whole model; streamed, its plans are only those the report shows, without their tasks (what the renderers read is there). */
  model: Model;
  /** Every plan's id, in order: what option checks read. */
  planIds: string[];
  asOf: Day;
  /** The renderers, loading since before the records did. */
  rendering: Promise<typeof import('../../render/reports.js')>;
  /** Each plan's part of the report, when the records were streamed for it (src/reports/parts.ts). */
  parts?: PlanPart[];
}

/** done-in-future warnings shown one by one on a report's stderr. */
export const DONE_IN_FUTURE_SHOWN = 10;

/**
 * Opens the session and checks the format and --as-of before reading
 * anything; then loads the records. A folder with errors gets its
 * diagnostics on stderr and exit 1; warnings go to stderr and the report goes on.
 * With `streamFor`, the report it names is made plan by plan as the records
 * are read and checked, and no plan is kept whole (unless PHOIHOP_STREAM=off):
 * get it with `reportOf`.
 */
export async function openReport(io: CliIO, options: GlobalOptions, checkOptions: (session: Session) => void = () => {}, streamFor?: () => ReportSpec): Promise<ReportRun> {
  const session = openSession(io, options);
  const format = pickFormat(session, REPORT_FORMATS, 'table');
  parseAsOf(session);
  checkOptions(session);
  // Loaded while the records load: with worker threads, the main thread's share of parsing goes to them meanwhile.
  const rendering = import('../../render/reports.js');
  // Settled later by writeReport; a failure to load them is not an unhandled rejection meanwhile.
  rendering.catch(() => {});
  const spec = streamFor && !streamOff(session) ? streamFor() : undefined;
  const validated: Validated & { parts?: PlanPart[]; planIds?: string[] } = spec ? await loadParts(session, spec) : await loadValidated(session);
  const { errors } = countBySeverity(validated.diagnostics);
  if (errors > 0) {
    io.stderr(renderDiagnosticsText({ files: validated.fileCount, diagnostics: validated.diagnostics }, session.lang, PLAIN));
    io.stderr(`phoihop: ${cliMessage(session.lang, 'report-refused', { check: validateCommand(session.options.rev, session.options.dir) })}\n`);
    throw new ExitWith(EXIT.FAILURE);
  }
  // Warnings go to stderr (cli.md). A report as of a past date meets every later completion as a
  // done-in-future warning: past a few, one line counts the rest, which `validate --as-of` lists.
  let later = 0;
  for (const d of validated.diagnostics) {
    if (d.rule === 'done-in-future' && ++later > DONE_IN_FUTURE_SHOWN) continue;
    io.stderr(diagnosticLine(d, session.lang, PLAIN) + '\n');
  }
  if (later > DONE_IN_FUTURE_SHOWN) io.stderr(`phoihop: ${cliMessage(session.lang, 'more-done-in-future', { count: later - DONE_IN_FUTURE_SHOWN, check: moreCheck(session) })}\n`);
  // At a revision the folder on disk says nothing of the one read.
  if (session.options.rev === undefined) noteNoRecords(session, validated.fileCount);
  const planIds = validated.planIds ?? validated.model.plans.map((plan) => plan.id);
  return { session, format, model: validated.model, planIds, asOf: validated.asOf, rendering, parts: validated.parts };
}

/** The validate command that lists every done-in-future warning: the same folder, revision and as-of day, as typed. */
function moreCheck(session: Session): string {
  const asOf = session.options.asOf;
  return `${validateCommand(session.options.rev, session.options.dir)}${asOf === undefined ? '' : ` --as-of ${shellWord(asOf.trim())}`}`;
}

/** Checks the records as `validate` does, keeping of each plan only its part of the report. */
async function loadParts(session: Session, spec: ReportSpec): Promise<Validated & { parts: PlanPart[]; planIds: string[] }> {
  const parts: PlanParts = { of: (plan, facts) => reportPart(plan, facts, spec), script: new URL('../report-thread.js', import.meta.url), data: spec };
  const checked = await loadChecked(session, parts);
  // In plan id order, as the model keeps its plans (reportFromParts then finds them sorted).
  const planParts = sortParts(checked.parts as PlanPart[]);
  const plans = planParts.flatMap((part) => part.plan ?? part.row?.plan ?? []);
  return { ...checked, model: { config: checked.config, parties: checked.parties, plans }, planIds: planParts.map((part) => part.id), parts: planParts };
}

/** The report `spec` names: merged from the parts when the records were streamed for it, else made from the whole model. */
export function reportOf<S extends ReportSpec>(run: ReportRun, spec: S): ReportOf<S> {
  return run.parts ? reportFromParts(run.parts, { config: run.model.config, asOf: run.asOf }, spec) : wholeReport(run.model, run.asOf, spec);
}

export async function writeReport(run: ReportRun, report: ReportData): Promise<void> {
  const paint = makePaint(run.session.color);
  const { renderers } = await run.rendering;
  const output = renderers[run.format](report, { lang: run.session.lang, model: run.model, revision: run.session.options.rev, paint, lendChunks: true });
  if (typeof output === 'string') run.session.io.stdout(output);
  // Each chunk is written before the next is asked for, which lets the renderer reuse its memory.
  else for (const chunk of output) await run.session.io.stdout(chunk);
}

export function requirePlan(run: ReportRun, id: string): void {
  if (!run.planIds.includes(id)) throw new UsageError(cliMessage(run.session.lang, 'unknown-plan', { id, suggestions: nearest(id, run.planIds) }));
}

export function requireParty(run: ReportRun, id: string): string {
  if (!run.model.parties.has(id)) {
    const suggestions = partiesCalled(run, id);
    throw new UsageError(cliMessage(run.session.lang, 'unknown-party', { id, suggestions: suggestions.length > 0 ? suggestions : nearest(id, [...run.model.parties.keys()]) }));
  }
  return id;
}

/** The ids of the parties whose name, short name or abbreviation `text` is, accents and case aside: a clerk may type `--party "Hội Nông dân"`. */
function partiesCalled(run: ReportRun, text: string): string[] {
  const wanted = fold(text);
  return [...run.model.parties.values()].filter((party) => [party.name, party.short, party.abbr].some((name) => name !== undefined && fold(name) === wanted)).map((party) => party.id);
}

/** The known id one typo away, as the list a usage message suggests from (empty when none is near). */
function nearest(id: string, known: string[]): string[] {
  const found = closest(id, known);
  return found === undefined ? [] : [found];
}
