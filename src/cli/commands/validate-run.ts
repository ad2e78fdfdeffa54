/** `validate`: diagnostics of the folder (or some of its files), exit 1 on errors. */
import { makePaint } from '../../render/paint.js';
import {
  DIAGNOSTIC_FORMATS,
  renderDiagnosticsGithub,
  renderDiagnosticsJson,
  renderDiagnosticsText,
} from '../../render/diagnostics.js';
import { cliMessage } from '../../i18n/cli.js';
import { RECORD_FILE } from '../../load/source.js';
import { countBySeverity } from '../../validate/diagnostic.js';
import { EXIT, type CliIO, UsageError } from '../io.js';
import { type GlobalOptions, loadValidated, openSession, pickFormat, toRecordPath } from '../session.js';
import { relative } from 'node:path';

export async function runValidate(
  io: CliIO,
  options: GlobalOptions,
  paths: string[],
  validateOptions: { strict?: boolean; changed?: string | boolean },
): Promise<number> {
  const session = openSession(io, options);
  const format = pickFormat(session, DIAGNOSTIC_FORMATS, 'text');
  let only: Set<string> | undefined;
  if (paths.length > 0) {
    only = new Set(paths.map((p) => toRecordPath(session, p)));
    for (const p of only) if (!RECORD_FILE.test(p)) throw new UsageError(cliMessage(session.lang, 'path-not-record', { path: p }));
  }
  if (validateOptions.changed !== undefined) {
    const { changedRecordFiles } = await import('../../git/changed.js');
    const ref = typeof validateOptions.changed === 'string' ? validateOptions.changed : 'HEAD';
    const changed = await changedRecordFiles(session.dir, ref, session.lang);
    only = only ? new Set([...only].filter((p) => changed.has(p))) : changed;
  }
  const validated = await loadValidated(session);
  const diagnostics = only ? validated.diagnostics.filter((d) => only.has(d.file)) : validated.diagnostics;
  const files = only ? only.size : validated.fileCount;
  const report = { files, diagnostics };
  if (format === 'json') io.stdout(renderDiagnosticsJson(report, session.lang));
  else if (format === 'github') {
    // GitHub wants paths from the repository root; the job runs there, so paths are made relative to the cwd.
    const prefix = relative(io.cwd, session.dir).split(/[\\/]/).filter(Boolean).join('/');
    io.stdout(renderDiagnosticsGithub(report, session.lang, prefix ? `${prefix}/` : ''));
  } else io.stdout(renderDiagnosticsText(report, session.lang, makePaint(session.color)));
  const { errors, warnings } = countBySeverity(diagnostics);
  return errors > 0 || (validateOptions.strict && warnings > 0) ? EXIT.FAILURE : EXIT.OK;
}
