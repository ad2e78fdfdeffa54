/** `done`: records a completion in a plan file, validated in memory first, written atomically. */
import { maxOf } from '../../arrays.js';
import { loadEditableFolder, openEditSession, printDiagnostics } from './edit-session.js';
import { readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { applyDone, type DoneRefusalCode } from '../../edit/done.js';
import { TargetNotWritable, writeFileAtomic } from '../../edit/atomic-write.js';
import { DEFAULT_WAIT_MS, FolderLocked, type LockHolder, withFolderLock } from '../../edit/folder-lock.js';
import { checkWith, errorsOf, newWarnings } from '../../edit/folder.js';
import { lineChanges } from '../../edit/line-diff.js';
import { editMessage } from '../../i18n/edit.js';
import { periodName } from '../../i18n/reports.js';
import { systemError } from '../../i18n/system-errors.js';
import type { Lang } from '../../i18n/lang.js';
import { decodeUtf8 } from '../../load/decode.js';
import { formatISO, formatVi } from '../../model/dates.js';
import { SLUG } from '../../model/records.js';
import type { Paint } from '../../render/paint.js';
import { EXIT, type CliIO, type ExitCode, UsageError } from '../io.js';
import { type GlobalOptions, parseDateOption, parsePeriodOption } from '../session.js';
import type { DoneOptions } from './done.js';

/** Refusals about the request are bad usage (2); those about the file's layout or the edit itself are failures (1). */
const REFUSAL_EXIT: Record<DoneRefusalCode, ExitCode> = {
  'unknown-task': EXIT.USAGE,
  'period-required': EXIT.USAGE,
  'period-for-one-off': EXIT.USAGE,
  'period-granularity': EXIT.USAGE,
  'period-outside': EXIT.USAGE,
  'already-logged': EXIT.USAGE,
  'already-done': EXIT.USAGE,
  'task-cancelled': EXIT.USAGE,
  'field-exists': EXIT.USAGE,
  'unsupported-layout': EXIT.FAILURE,
  'shared-anchor': EXIT.FAILURE,
  'alias-value': EXIT.FAILURE,
  'unsafe-edit': EXIT.FAILURE,
};

const NUMBER = /^-?\d+(\.\d+)?$/;

/** How long to wait for another run's lock: PHOIHOP_LOCK_WAIT seconds (a CI job may rather fail at once, with 0), else a minute. */
function lockWaitMs(env: CliIO['env']): number {
  const written = env.PHOIHOP_LOCK_WAIT?.trim();
  const seconds = Number(written);
  return written && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_WAIT_MS;
}

/** Who holds the lock, in a message: `tiến trình 4242 trên máy vm`; unknown when the lock cannot be read. */
function holderWords(lang: Lang, holder: LockHolder | undefined): string {
  return holder === undefined ? editMessage(lang, 'lock-holder-unknown') : editMessage(lang, 'lock-holder', { pid: holder.pid, host: holder.host });
}

export async function runDone(io: CliIO, options: GlobalOptions & DoneOptions, target: string): Promise<number> {
  const { session, lang, paint } = openEditSession(io, options);
  const m = /^\s*([^/\s]+)\/([^/\s]+)\s*$/.exec(target);
  if (!m) throw new UsageError(editMessage(lang, 'bad-target', { value: target }));
  const [, planId, taskId] = m;
  // Every flag is read before any file, so a typo is reported whatever the folder holds.
  const explicitDate = options.date !== undefined ? parseDateOption(lang, options.date) : undefined;
  const period = options.period !== undefined ? parsePeriodOption(lang, options.period) : undefined;
  const results = parseResults(lang, options.result ?? []);
  // An empty note is written as given: the schema allows note: "" (a clerk may clear one with --force).
  const note = options.note?.normalize('NFC');
  const evidence = options.evidence?.normalize('NFC');
  // Bad usage, like an empty --title for new: the schema wants a document number, so the edit would only fail validation.
  if (evidence === '') throw new UsageError(editMessage(lang, 'empty-evidence'));

  if (options.dryRun) return recordCompletion();
  // Runs at once take turns (src/edit/folder-lock.ts): each then reads the completions recorded before it.
  const dir = await realpath(session.dir).catch(() => session.dir);
  try {
    return await withFolderLock(dir, recordCompletion, {
      waitMs: lockWaitMs(io.env),
      onWait: (holder) => io.stderr(`phoihop: ${editMessage(lang, 'folder-lock-wait', { holder: holderWords(lang, holder) })}\n`),
    });
  } catch (error) {
    if (!(error instanceof FolderLocked)) throw error;
    const { holder, lockPath, waitedMs } = error;
    throw new UsageError(editMessage(lang, 'folder-locked', { holder: holderWords(lang, holder), lock: lockPath, seconds: Math.round(waitedMs / 1000) }), EXIT.FAILURE);
  }

  async function recordCompletion(): Promise<number> {
    const { source, folder } = await loadEditableFolder(session, paint);
    const before = folder.validated.diagnostics;
    const model = folder.validated.model;
    const plan = model.plans.find((p) => p.id === planId);
    if (!plan) throw new UsageError(editMessage(lang, 'unknown-plan', { id: planId, known: model.plans.map((p) => p.id).join(', ') }));
    const task = plan.tasks.find((t) => t.id === taskId);
    if (!task) throw new UsageError(editMessage(lang, 'unknown-task', { plan: planId, task: taskId, known: plan.tasks.map((t) => t.id).join(', ') }));
    // --as-of is the day the clerk works as of: a completion recorded then, unless --date says otherwise (else it would be later than it, a done-in-future).
    const date = explicitDate ?? folder.asOf;

    const path = join(session.dir, ...plan.file.split('/'));
    const original = await readFile(path);
    const decoded = decodeUtf8(original);
    if (!decoded.ok) throw new UsageError(editMessage(lang, 'unsupported-layout', { detail: plan.file }), EXIT.FAILURE);
    const outcome = applyDone(decoded.text, { task, date, asOf: folder.asOf, period, results, note, evidence, force: options.force === true });
    if (!outcome.ok) {
      const { code, args } = outcome.refusal;
      throw new UsageError(editMessage(lang, code, { file: plan.file, ...args }), REFUSAL_EXIT[code]);
    }

    const bytes = new TextEncoder().encode((decoded.bom ? '\uFEFF' : '') + outcome.text);
    const after = await checkWith(source, new Map([[plan.file, bytes]]), folder.asOf);
    if (errorsOf(after.diagnostics).length > 0) {
      printDiagnostics(io, errorsOf(after.diagnostics), lang, paint);
      throw new UsageError(editMessage(lang, 'result-invalid'), EXIT.FAILURE);
    }
    printDiagnostics(io, newWarnings(before, after.diagnostics), lang, paint);

    if (!options.dryRun) {
      // Another editor may have saved the file since it was read: never overwrite that.
      const current = await readFile(path);
      if (!current.equals(original)) throw new UsageError(editMessage(lang, 'file-changed', { file: plan.file }), EXIT.FAILURE);
      try {
        await writeFileAtomic(path, bytes, { cleanupOnSignal: true });
      } catch (error) {
        if (error instanceof TargetNotWritable) throw new UsageError(editMessage(lang, 'not-writable', { file: plan.file }), EXIT.FAILURE);
        throw new UsageError(editMessage(lang, 'write-failed', { file: plan.file, detail: systemError(lang, error) }), EXIT.FAILURE);
      }
    }
    const summary = editMessage(lang, options.dryRun ? 'done-would-record' : 'done-recorded', {
      file: plan.file,
      target: `${plan.id}/${task.id}`,
      // As the reports name it (`Quý IV năm 2026`): the key itself shows in the changed line below.
      period: period ? inSentence(lang, periodName(lang, period)) : '',
      date: lang === 'vi' ? formatVi(date) : formatISO(date),
    });
    const lines = [summary, ...renderChanges(decoded.text, outcome.text, paint)];
    if (options.dryRun) lines.push(editMessage(lang, 'dry-run'));
    io.stdout(lines.join('\n') + '\n');
    return EXIT.OK;
  }
}

/** `--result metric=number`, in the order given; a metric named twice is an error. */
function parseResults(lang: Lang, values: readonly string[]): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const value of values) {
    const eq = value.indexOf('=');
    const metric = value.slice(0, eq).trim();
    const number = value.slice(eq + 1).trim();
    if (eq <= 0 || metric === '' || !NUMBER.test(number)) throw new UsageError(editMessage(lang, 'bad-result', { value }));
    // Bad usage, like a bad number: otherwise the edit is made, fails validation, and is refused with exit 1.
    if (!SLUG.test(metric)) throw new UsageError(editMessage(lang, 'bad-metric', { metric }));
    if (out.some(([m]) => m === metric)) throw new UsageError(editMessage(lang, 'duplicate-result', { metric }));
    // `-0` is zero: written as -0 it would not read back as the number given.
    out.push([metric, Number(number) + 0]);
  }
  return out;
}

function renderChanges(oldText: string, newText: string, paint: Paint): string[] {
  const changes = lineChanges(oldText, newText);
  const width = maxOf(changes.map((c) => String(c.line).length), 1);
  return changes.map((c) => {
    const sign = c.kind === 'added' ? '+' : c.kind === 'changed' ? '~' : '-';
    const line = `  ${String(c.line).padStart(width)} ${sign} ${c.text}`;
    return c.kind === 'removed' ? paint.red(line) : paint.green(line);
  });
}

/** `Quý IV năm 2026` → `quý IV năm 2026`: after `kỳ`, mid-sentence. */
function inSentence(lang: Lang, name: string): string {
  return lang === 'vi' ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
}
