/** `validate`: diagnostics of the folder (or some of its files), exit 1 on errors. */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { CONFIG_FILE } from '../../load/load.js';
import { ignoredBy } from '../../load/ignore-globs.js';
import { isRecordPath } from '../../load/source.js';
import { makePaint } from '../../render/paint.js';
import {
  DIAGNOSTIC_FORMATS,
  renderDiagnosticsGithub,
  renderDiagnosticsJson,
  renderDiagnosticsText,
} from '../../render/diagnostics.js';
import { cliMessage } from '../../i18n/cli.js';
import { countBySeverity, type Diagnostic } from '../../validate/diagnostic.js';
import { EXIT, type CliIO, UsageError } from '../io.js';
import { findRecordsFolder, type GlobalOptions, isFolder, loadChecked, noteNoRecords, openSession, pickFormat, type Session } from '../session.js';

export async function runValidate(
  io: CliIO,
  options: GlobalOptions,
  paths: string[],
  validateOptions: { strict?: boolean; changed?: string | boolean },
): Promise<number> {
  const session = openSession(io, { ...options, dir: options.dir ?? folderOfPaths(io, paths) });
  const format = pickFormat(session, DIAGNOSTIC_FORMATS, 'text');
  // Outside paths are refused before any work is done.
  for (const p of paths) if (candidates(session, p).length === 0) throw new UsageError(cliMessage(session.lang, 'path-outside', { path: p }));
  const validated = await loadChecked(session);
  const ignored = ignoredBy(validated.config.ignore);
  const selected = paths.length > 0 ? selectPaths(session, paths, validated.paths, ignored) : undefined;
  for (const path of selected?.ignored ?? []) io.stderr(`phoihop: ${cliMessage(session.lang, 'path-ignored', { path })}\n`);
  let only: Set<string> | undefined = selected;
  // Records whose file or id is gone since the ref: what named them may now be broken.
  let gone = 0;
  if (validateOptions.changed !== undefined) {
    const { changedRecordFiles } = await import('../../git/changed.js');
    const ref = typeof validateOptions.changed === 'string' ? validateOptions.changed : 'HEAD';
    const changed = await changedRecordFiles(session.dir, ref, session.lang);
    only = only ? new Set([...only].filter((p) => changed.has(p))) : changed;
    // A file the config's ignore globs leave out was never a record: deleting it breaks nothing.
    gone = changed.removed.filter((path) => !ignored(path)).length;
    // A plan whose id changed leaves its old id to whatever named it, as a deletion does.
    for (const [path, id] of changed.previousIds) if (validated.planIds.has(path) && validated.planIds.get(path) !== id) gone++;
  }
  // A changed config or parties file, or a deleted record, can break references in any plan: those are shown too.
  const widened = gone > 0 || validated.sharedFiles.some((path) => only?.has(path));
  // A plan given may be another's parent: a period it no longer covers, or a cycle through it, shows at the child.
  const parents = new Set([...(only ?? [])].flatMap((path) => validated.planIds.get(path) ?? []));
  let diagnostics = only ? validated.diagnostics.filter((d) => concerns(d, only, widened) || childOf(d, parents)) : validated.diagnostics;
  // --strict turns warnings into errors, in what is shown as well as in the exit code.
  if (validateOptions.strict) diagnostics = diagnostics.map((d): Diagnostic => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
  // The files reported on: those selected, and any other a diagnostic is shown in ("1 error in 0 files" would read as a bug).
  const files = only ? new Set([...only, ...diagnostics.map((d) => d.file)]).size : validated.fileCount;
  const report = { files, diagnostics };
  if (format === 'json') io.stdout(renderDiagnosticsJson(report, session.lang));
  else if (format === 'github') {
    // GitHub resolves paths against the checkout (GITHUB_WORKSPACE), not a step's working-directory; outside a workflow, the cwd.
    const prefix = relative(io.env.GITHUB_WORKSPACE || io.cwd, session.dir).split(/[\\/]/).filter(Boolean).join('/');
    io.stdout(renderDiagnosticsGithub(report, session.lang, prefix ? `${prefix}/` : ''));
  } else io.stdout(renderDiagnosticsText(report, session.lang, makePaint(session.color)));
  noteNoRecords(session, validated.fileCount);
  const { errors } = countBySeverity(diagnostics);
  return errors > 0 ? EXIT.FAILURE : EXIT.OK;
}

/** A child plan's diagnostic about one of the `parents` given: its period outside the parent's, or a cycle through it. */
function childOf(d: Diagnostic, parents: ReadonlySet<string>): boolean {
  if (d.rule === 'period-outside-parent') return parents.has(String(d.args?.parent));
  if (d.rule === 'parent-cycle') return String(d.args?.chain).split(' → ').some((id) => parents.has(id));
  return false;
}

/** Rules whose diagnostic in one plan can be caused by another file: a party, a parent plan or a metric gone. */
const ACROSS_FILES = new Set(['unknown-party', 'unknown-parent', 'parent-cycle', 'period-outside-parent', 'duplicate-plan-id', 'duplicate-party-id', 'unknown-metric']);

/**
 * Whether a diagnostic concerns the selected files: it is in one of them;
 * or it is the duplicate of an id first used in one of them (a duplicate is
 * reported at the later file in path order, so a new plan that sorts first
 * would otherwise pass `validate <it>` and `--changed`); or, `widened` (the
 * selection holds the config or a parties file, or a record was deleted), it
 * is a broken reference between files, wherever it is: a hook given the
 * files of a commit that takes a party out of parties.yaml must not pass it.
 */
function concerns(d: Diagnostic, only: ReadonlySet<string>, widened: boolean): boolean {
  if (only.has(d.file)) return true;
  if ((d.rule === 'duplicate-plan-id' || d.rule === 'duplicate-party-id') && only.has(String(d.args?.first))) return true;
  return widened && ACROSS_FILES.has(d.rule);
}

/**
 * With no -C and no records folder around the current one, a path such as
 * `hoso/plans/a.yaml` names its folder: the nearest one above it with a
 * phoihop.yaml. Undefined leaves the usual default.
 */
function folderOfPaths(io: CliIO, paths: string[]): string | undefined {
  if (paths.length === 0 || existsSync(join(findRecordsFolder(io.cwd), CONFIG_FILE))) return undefined;
  const first = resolve(io.cwd, paths[0]);
  const found = findRecordsFolder(isFolder(first) ? first : dirname(first));
  return existsSync(join(found, CONFIG_FILE)) ? found : undefined;
}

/**
 * Where a command-line path may point inside the records folder, relative
 * to it with `/`: first as given from the current folder, then from the
 * records folder itself, so that paths copied from validate's own output work
 * with `-C`. Empty when neither lies inside the folder.
 */
function candidates(session: Session, path: string): string[] {
  const absolutes = isAbsolute(path) ? [path] : [resolve(session.io.cwd, path), resolve(session.dir, path)];
  const out: string[] = [];
  for (const absolute of absolutes) {
    const rel = relative(session.dir, absolute);
    if (rel === '..' || rel.startsWith('../') || rel.startsWith('..\\') || isAbsolute(rel)) continue;
    out.push(rel.split(/[\\/]/).filter(Boolean).join('/'));
  }
  return out;
}

/**
 * The record files the given paths name: a file, or every record file under
 * a folder. A path the config's `ignore` globs leave out is passed over, as
 * `ignored`, not refused: a pre-commit hook hands over every staged YAML
 * file, and `ignore` is where a clerk lists those that are not records.
 */
function selectPaths(session: Session, paths: string[], known: string[], isIgnored: (path: string) => boolean): Set<string> & { ignored: string[] } {
  const only = Object.assign(new Set<string>(), { ignored: [] as string[] });
  const under = filesUnder(known);
  for (const path of paths) {
    let matched: readonly string[] = [];
    for (const rel of candidates(session, path)) {
      matched = rel === '' ? known : (under.get(rel) ?? []);
      if (matched.length > 0) break;
    }
    if (matched.length === 0) {
      const rev = session.options.rev;
      if (rev !== undefined) throw new UsageError(cliMessage(session.lang, 'path-not-at-rev', { path, rev }));
      // A typo is told apart from a file the loader does not read (a .txt, a dot-folder, an ignored glob).
      const existing = candidates(session, path).filter((rel) => existsSync(join(session.dir, rel)));
      if (existing.length === 0) throw new UsageError(cliMessage(session.lang, 'path-missing', { path }));
      // A folder's files are ignored with it (isIgnored looks at the folders of a path), so one name inside it will do.
      const ignored = existing.some((rel) => {
        const file = isFolder(join(session.dir, rel)) ? `${rel}/x.yaml` : rel;
        return rel !== '' && isRecordPath(file) && isIgnored(file);
      });
      if (!ignored) throw new UsageError(cliMessage(session.lang, 'path-not-record', { path }));
      only.ignored.push(path);
      continue;
    }
    for (const m of matched) only.add(m);
  }
  return only;
}

/**
 * The record files each path names, as a path given to validate is matched
 * (the file itself, or every file below the folder), in the order of
 * `known`: one look at each file's folders, where looking through every file
 * for each path given took 9-14 s for 32,000 paths (a hook given every file of
 * a big commit).
 */
function filesUnder(known: readonly string[]): Map<string, string[]> {
  const under = new Map<string, string[]>();
  for (const file of known) {
    for (let end = file.indexOf('/'); ; end = file.indexOf('/', end + 1)) {
      const prefix = end < 0 ? file : file.slice(0, end);
      let files = under.get(prefix);
      if (!files) under.set(prefix, (files = []));
      files.push(file);
      if (end < 0) break;
    }
  }
  return under;
}
