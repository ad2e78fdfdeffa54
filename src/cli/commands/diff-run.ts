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
import { configTimeZone, type Validated, validateRecords } from '../../validate/validate.js';
import { EXIT, type CliIO, UsageError } from '../io.js';
import { assertFolder, type GlobalOptions, openSession, parseAsOf, pickFormat, type Session } from '../session.js';

/** One side of the comparison: a git revision, or the work tree (no `rev`). */
interface Side {
  /** As the user wrote it; `worktree` for the work tree (cli.md). */
  label: string;
  rev?: string;
}

const worktreeSide: Side = { label: WORKTREE };
const revSide = (rev: string): Side => ({ label: rev, rev });

/** `A..B` → A and B; `A` → A and the work tree; nothing → HEAD and the work tree. An empty end means HEAD, as in git. */
export function parseRange(range: string | undefined, session: Session): [Side, Side] {
  if (range === undefined || range === '') return [revSide('HEAD'), worktreeSide];
  if (range.includes('...')) {
    const [left, right, ...rest] = range.split('...');
    if (rest.length > 0 || right.includes('..')) throw new UsageError(gitMessage(session.lang, 'bad-range', { range }));
    // git's A...B is "B since it forked from A": say how to write that here.
    throw new UsageError(gitMessage(session.lang, 'three-dot-range', { range, left: left || 'HEAD', right: right || 'HEAD' }));
  }
  const parts = range.split('..');
  if (parts.length === 1) return [revSide(range), worktreeSide];
  if (parts.length !== 2 || (parts[0] === '' && parts[1] === '')) throw new UsageError(gitMessage(session.lang, 'bad-range', { range }));
  return [revSide(parts[0] || 'HEAD'), revSide(parts[1] || 'HEAD')];
}

/** The records of one side; `other` is the side it is compared with. */
async function sourceFor(session: Session, side: Side, other: Side): Promise<RecordSource & { folderMissing?: boolean; commit?: string }> {
  if (side.rev === undefined) return new WorkTreeSource(session.dir);
  const { emptySource, gitRevisionSource } = await import('../../git/source.js');
  const { isUnbornHead, locateRepo } = await import('../../git/repo.js');
  // Before a repository's first commit, `diff` (HEAD against the work tree) shows every plan as added.
  // Between two revisions an unborn HEAD is read, and refused, as --rev refuses it: `HEAD..HEAD` would otherwise pass as "no changes".
  const againstWorkTree = other.rev === undefined;
  if (againstWorkTree && side.rev === 'HEAD' && (await isUnbornHead(await locateRepo(session.dir, session.lang), session.lang))) return emptySource(side.label);
  // The folder may be new since the revision (or gone at it): its plans are then added (or removed).
  return gitRevisionSource(session.dir, side.rev, session.lang, true);
}

interface LoadedSide {
  validated: Validated;
  raw: RawPlans;
}

async function loadSide(session: Session, source: RecordSource): Promise<LoadedSide> {
  const loaded = await loadRecords(source);
  // Today in the side's own time zone, found before validating, so that each side is validated once.
  const asOf = parseAsOf(session) ?? todayIn(configTimeZone(loaded), session.io.now());
  return { validated: validateRecords(loaded, { asOf }), raw: rawPlansOf(loaded.files) };
}

export async function runDiff(io: CliIO, options: GlobalOptions, range: string | undefined): Promise<number> {
  // Between two revisions the folder need not exist in the work tree (it may have been moved since).
  const session = openSession(io, options, { workTree: false });
  if (options.rev !== undefined) throw new UsageError(gitMessage(session.lang, 'diff-with-rev'));
  const format = pickFormat(session, DIFF_FORMATS, 'text');
  const [fromSide, toSide] = parseRange(range, session);
  if (fromSide.rev === undefined || toSide.rev === undefined) assertFolder(session);
  const [from, to] = [fromSide.label, toSide.label];
  // Both revisions are checked before anything is loaded, so a typo fails fast and cleanly.
  const sources = [await sourceFor(session, fromSide, toSide), await sourceFor(session, toSide, fromSide)];
  // Either revision may lack the folder (added or removed between them), but not both: a mistyped -C would pass as "no changes".
  if (sources.every((source) => source.folderMissing)) throw new UsageError(gitMessage(session.lang, 'no-folder-at-revs', { from, to, dir: session.dir }));
  const before = await loadSide(session, sources[0]);
  const sameSide = fromSide.rev !== undefined && fromSide.rev === toSide.rev;
  const after = sameSide ? before : await loadSide(session, sources[1]);
  // Between two revisions, the later one's config speaks, as a revision's does for --rev; --lang still decides.
  if (toSide.rev !== undefined && options.lang === undefined) session.lang = after.validated.model.config.locale;

  const invalid: InvalidSide[] = [];
  for (const [side, rev, loaded] of [['from', from, before], ['to', to, after]] as const) {
    // The same revision on both sides is reported once.
    if (side === 'to' && sameSide) continue;
    if (countBySeverity(loaded.validated.diagnostics).errors > 0) {
      invalid.push({ side, rev, dir: session.options.dir, files: loaded.validated.fileCount, diagnostics: loaded.validated.diagnostics });
    }
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
  const report = { ...diffReport(from, to, sideOf(before), sideOf(after)), commits: { from: sources[0].commit, to: sources[1].commit } };
  if (format === 'json') io.stdout(renderDiffJson(report));
  else if (format === 'markdown') io.stdout(renderDiffMarkdown(report, session.lang, session.options.dir));
  else io.stdout(renderDiffText(report, session.lang, paint));
  return EXIT.OK;
}
