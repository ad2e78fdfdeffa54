/** What the writing commands share: their session, and the refusal to edit a folder that is already invalid. */
import { validateCommand } from '../../i18n/cli.js';
import { type CheckedFolder, checkFolder, errorsOf } from '../../edit/folder.js';
import { editMessage } from '../../i18n/edit.js';
import type { Lang } from '../../i18n/lang.js';
import { WorkTreeSource } from '../../load/worktree.js';
import { diagnosticLine, renderDiagnosticsText } from '../../render/diagnostics.js';
import { makePaint, type Paint } from '../../render/paint.js';
import type { Diagnostic } from '../../validate/diagnostic.js';
import { type CliIO, EXIT, UsageError } from '../io.js';
import { type GlobalOptions, openSession, parseAsOf, pickFormat, type Session } from '../session.js';

export function openEditSession(io: CliIO, options: GlobalOptions): { session: Session; lang: Lang; paint: Paint } {
  const session = openSession(io, options);
  // Edits write the work tree; a revision is read-only history.
  if (options.rev !== undefined) throw new UsageError(editMessage(session.lang, 'rev-not-editable'));
  pickFormat(session, ['text'] as const, 'text');
  return { session, lang: session.lang, paint: makePaint(session.color) };
}

/** The work tree, loaded and validated; an edit never starts on a folder with errors (exit 1). */
export async function loadEditableFolder(session: Session, paint: Paint): Promise<{ source: WorkTreeSource; folder: CheckedFolder }> {
  const source = new WorkTreeSource(session.dir);
  const folder = await checkFolder(source, { asOf: parseAsOf(session), now: session.io.now() });
  const { diagnostics, fileCount } = folder.validated;
  if (errorsOf(diagnostics).length > 0) {
    // Listed as validate lists them, with the closing count line, as a report that refuses does (cli.md, Text diagnostics).
    session.io.stderr(renderDiagnosticsText({ files: fileCount, diagnostics }, session.lang, paint));
    throw new UsageError(editMessage(session.lang, 'folder-invalid', { check: validateCommand(undefined, session.options.dir) }), EXIT.FAILURE);
  }
  return { source, folder };
}

export function printDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[], lang: Lang, paint: Paint): void {
  if (diagnostics.length > 0) io.stderr(diagnostics.map((d) => diagnosticLine(d, lang, paint)).join('\n') + '\n');
}
