/** What the writing commands share before they read anything: a session that refuses --rev and any format but text. */
import { editMessage } from '../../i18n/edit.js';
import type { Lang } from '../../i18n/lang.js';
import { makePaint, type Paint } from '../../render/paint.js';
import { type CliIO, UsageError } from '../io.js';
import { type GlobalOptions, openSession, pickFormat, type Session } from '../session.js';

export function openEditSession(io: CliIO, options: GlobalOptions): { session: Session; lang: Lang; paint: Paint } {
  const session = openSession(io, options);
  // Edits write the work tree; a revision is read-only history.
  if (options.rev !== undefined) throw new UsageError(editMessage(session.lang, 'rev-not-editable'));
  pickFormat(session, ['text'] as const, 'text');
  return { session, lang: session.lang, paint: makePaint(session.color) };
}
