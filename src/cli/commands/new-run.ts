/** `new`: writes plans/<plan-id>.yaml from flags, after validating the folder with it in memory. */
import { loadEditableFolder, openEditSession, printDiagnostics } from './edit-session.js';
import { lstat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { writeFileExclusive } from '../../edit/atomic-write.js';
import { checkWith, errorsOf, newWarnings } from '../../edit/folder.js';
import { fileInTheWay, makeFolders } from '../../edit/paths.js';
import { newPlanFile, schemaPath } from '../../edit/scaffold.js';
import { editMessage } from '../../i18n/edit.js';
import { systemError } from '../../i18n/system-errors.js';
import { PLAN_TYPES, type PlanType, SLUG } from '../../model/records.js';
import { EXIT, type CliIO, UsageError } from '../io.js';
import { type GlobalOptions, parseDateOption, parsePeriodOption } from '../session.js';
import type { NewOptions } from './new.js';


export async function runNew(io: CliIO, options: GlobalOptions & NewOptions, planId: string): Promise<number> {
  const { session, lang, paint } = openEditSession(io, options);
  if (!SLUG.test(planId)) throw new UsageError(editMessage(lang, 'bad-id', { value: planId }));
  const title = options.title?.normalize('NFC').trim();
  const missing = [!title && '--title', !options.parties && '--parties', !options.period && '--period'].filter(Boolean);
  if (missing.length > 0) throw new UsageError(editMessage(lang, 'missing-options', { options: missing.join(', ') }));
  const type = options.type ?? (options.parent !== undefined ? 'plan' : 'program');
  if (!(PLAN_TYPES as readonly string[]).includes(type)) throw new UsageError(editMessage(lang, 'bad-plan-type', { value: type }));
  const parties = options.parties!.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parties.length < 2 || new Set(parties).size !== parties.length) throw new UsageError(editMessage(lang, 'too-few-parties'));
  const period = parsePeriodOption(lang, options.period!);
  const explicitSigned = options.signed !== undefined ? parseDateOption(lang, options.signed) : undefined;
  const number = options.number?.normalize('NFC').trim() || undefined;

  const { source, folder } = await loadEditableFolder(session, paint);
  const before = folder.validated.diagnostics;
  // Any plan file counts, even one that fails its schema: its id is taken all the same.
  const holder = folder.loaded.files.find((f) => f.kind === 'plan' && f.data.id === planId);
  if (holder) throw new UsageError(editMessage(lang, 'id-exists', { id: planId, file: holder.path }));
  const path = `plans/${planId}.yaml`;
  // A file named plans would otherwise pass for the plan file existing (mkdir fails with EEXIST).
  const blocker = await fileInTheWay(join(session.dir, 'plans'));
  if (blocker) throw new UsageError(editMessage(lang, 'file-in-the-way', { path: relative(session.dir, blocker) || blocker, target: path }));
  for (const candidate of [path, `plans/${planId}.yml`]) {
    if (await exists(join(session.dir, candidate))) throw new UsageError(editMessage(lang, 'file-exists', { file: candidate }));
  }
  const model = folder.validated.model;
  const unknown = parties.filter((p) => !model.parties.has(p));
  if (unknown.length > 0) {
    throw new UsageError(editMessage(lang, 'unknown-parties', { ids: unknown.map((p) => `'${p}'`).join(', '), count: unknown.length, known: [...model.parties.keys()].join(', ') }));
  }
  if (options.parent !== undefined && !model.plans.some((p) => p.id === options.parent)) {
    throw new UsageError(editMessage(lang, 'unknown-parent', { id: options.parent, known: model.plans.map((p) => p.id).join(', ') }));
  }

  const text = newPlanFile({
    locale: lang,
    id: planId,
    type: type as PlanType,
    title: title!,
    number,
    signed: explicitSigned ?? folder.today,
    period,
    parent: options.parent,
    parties,
    depth: 1,
  });
  const bytes = new TextEncoder().encode(text);
  const after = await checkWith(source, new Map([[path, bytes]]), folder.asOf);
  if (errorsOf(after.diagnostics).length > 0) {
    printDiagnostics(io, errorsOf(after.diagnostics), lang, paint);
    throw new UsageError(editMessage(lang, 'new-invalid'), EXIT.FAILURE);
  }
  printDiagnostics(io, newWarnings(before, after.diagnostics), lang, paint);

  const full = join(session.dir, ...path.split('/'));
  try {
    await makeFolders(dirname(full));
    await writeFileExclusive(full, bytes, { cleanupOnSignal: true });
  } catch (error) {
    // Only the plan file itself counts as "exists": made since the check above by another run.
    const { code, path: failedAt } = error as NodeJS.ErrnoException;
    if (code === 'EEXIST' && failedAt === full) throw new UsageError(editMessage(lang, 'file-exists', { file: path }));
    throw new UsageError(editMessage(lang, 'create-failed', { file: path, detail: systemError(lang, error) }), EXIT.FAILURE);
  }
  if (!(await exists(join(session.dir, schemaPath('plan'))))) io.stderr(editMessage(lang, 'schemas-missing', { path: schemaPath('plan') }) + '\n');
  io.stdout([editMessage(lang, 'new-created', { file: path }), editMessage(lang, 'new-next')].join('\n') + '\n');
  return EXIT.OK;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
