/**
 * `diff [<rev>[..<rev>]]`: loads and validates both sides (a git revision or
 * the work tree), then reports the changes in the plans' own terms. A side
 * with errors is reported with its diagnostics, not diffed half-way (exit 1).
 */
import { gitMessage } from '../../i18n/diff.js';
import { loadRecords } from '../../load/load.js';
import type { RecordSource } from '../../load/source.js';
import { WorkTreeSource } from '../../load/worktree.js';
import { todayIn } from '../../model/dates.js';
import { renderDiagnosticsText } from '../../render/diagnostics.js';
import {
  DIFF_FORMATS,
  type InvalidSide,
  renderDiffJson,
  renderDiffMarkdown,
  renderDiffText,
  renderInvalidJson,
  renderInvalidMarkdown,
  renderInvalidText,
  WORKTREE,
} from '../../render/diff.js';
import { makePaint } from '../../render/paint.js';
import { diffReport, type DiffSide, type RawPlans, rawPlansOf } from '../../reports/diff.js';
import { countBySeverity } from '../../validate/diagnostic.js';
import { type Validated, validateRecords } from '../../validate/validate.js';
import { EXIT, type CliIO, UsageError } from '../io.js';
import { type GlobalOptions, openSession, parseAsOf, pickFormat, type Session } from '../session.js';

/** `A..B` → [A, B]; `A` → [A, worktree]; nothing → [HEAD, worktree]. An empty end means HEAD, as in git. */
export function parseRange(range: string | undefined, session: Session): [string, string] {
  if (range === undefined || range === '') return ['HEAD', WORKTREE];
  if (range.includes('...')) throw new UsageError(gitMessage(session.lang, 'bad-range', { range }));
  const parts = range.split('..');
  if (parts.length === 1) return [range, WORKTREE];
  if (parts.length !== 2 || (parts[0] === '' && parts[1] === '')) throw new UsageError(gitMessage(session.lang, 'bad-range', { range }));
  return [parts[0] || 'HEAD', parts[1] || 'HEAD'];
}

async function sourceFor(session: Session, rev: string): Promise<RecordSource> {
  if (rev === WORKTREE) return new WorkTreeSource(session.dir);
  const { gitRevisionSource } = await import('../../git/source.js');
  return gitRevisionSource(session.dir, rev, session.lang);
}

interface LoadedSide {
  validated: Validated;
  raw: RawPlans;
}

async function loadSide(session: Session, source: RecordSource): Promise<LoadedSide> {
  const loaded = await loadRecords(source);
  const asOf = parseAsOf(session);
  const first = validateRecords(loaded, { asOf });
  const validated = asOf !== undefined ? first : validateRecords(loaded, { asOf: todayIn(first.model.config.timezone, session.io.now()) });
  return { validated, raw: rawPlansOf(loaded.files) };
}

export async function runDiff(io: CliIO, options: GlobalOptions, range: string | undefined): Promise<number> {
  const session = openSession(io, options);
  if (options.rev !== undefined) throw new UsageError(gitMessage(session.lang, 'diff-with-rev'));
  const format = pickFormat(session, DIFF_FORMATS, 'text');
  const [from, to] = parseRange(range, session);
  // Both revisions are checked before anything is loaded, so a typo fails fast and cleanly.
  const sources = [await sourceFor(session, from), await sourceFor(session, to)];
  const [before, after] = [await loadSide(session, sources[0]), await loadSide(session, sources[1])];

  const invalid: InvalidSide[] = [];
  for (const [side, rev, loaded] of [['from', from, before], ['to', to, after]] as const) {
    if (countBySeverity(loaded.validated.diagnostics).errors > 0) invalid.push({ side, rev, diagnostics: loaded.validated.diagnostics });
  }
  const paint = makePaint(session.color);
  if (invalid.length > 0) {
    if (format === 'json') io.stdout(renderInvalidJson(from, to, invalid, session.lang));
    else if (format === 'markdown') io.stdout(renderInvalidMarkdown(invalid, session.lang));
    else io.stdout(renderInvalidText(invalid, session.lang, paint));
    return EXIT.FAILURE;
  }
  // Warnings of the side under review go to stderr; the diff goes on (cli.md).
  const warnings = after.validated.diagnostics;
  if (warnings.length > 0) io.stderr(renderDiagnosticsText({ files: after.validated.fileCount, diagnostics: warnings }, session.lang, makePaint(false)));

  const sideOf = (s: LoadedSide): DiffSide => ({ model: s.validated.model, raw: s.raw });
  const report = diffReport(from, to, sideOf(before), sideOf(after));
  if (format === 'json') io.stdout(renderDiffJson(report));
  else if (format === 'markdown') io.stdout(renderDiffMarkdown(report, session.lang));
  else io.stdout(renderDiffText(report, session.lang, paint));
  return EXIT.OK;
}
