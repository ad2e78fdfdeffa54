/** `init`: a new records folder that validates as made; all files or none, nothing overwritten. */
import { lstat, rm, rmdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { writeFileExclusive } from '../../edit/atomic-write.js';
import { checkWith } from '../../edit/folder.js';
import { initClashes } from '../../edit/init-clashes.js';
import { fileInTheWay, makeFolders } from '../../edit/paths.js';
import { examplePlanId, initFiles, schemaPath } from '../../edit/scaffold.js';
import { cliMessage } from '../../i18n/cli.js';
import { editMessage } from '../../i18n/edit.js';
import { systemError } from '../../i18n/system-errors.js';
import { isLang, type Lang } from '../../i18n/lang.js';
import { ignoredBy } from '../../load/ignore-globs.js';
import { CONFIG_FILE, KINDS } from '../../load/load.js';
import { isRecordPath } from '../../load/source.js';
import { WorkTreeSource } from '../../load/worktree.js';
import { type Day, isValidTimeZone, todayIn } from '../../model/dates.js';
import { schemaText } from '../../schemas.js';
import { EXIT, type CliIO, UsageError } from '../io.js';
import { checkGlobalOptions, type GlobalOptions, peekConfig } from '../session.js';
import type { InitOptions } from './init.js';

const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * A records folder made inside another would be read as part of it: its
 * phoihop.yaml is a config-not-at-root error there, and its parties clash.
 * Unless the outer folder leaves it out (`ignore`, or a dot-folder).
 */
function refuseInsideRecords(lang: Lang, cwd: string, dir: string): void {
  for (let outer = dirname(dir); ; outer = dirname(outer)) {
    if (existsSync(join(outer, CONFIG_FILE))) {
      const rel = relative(outer, join(dir, CONFIG_FILE)).split(sep).join('/');
      if (!isRecordPath(rel) || ignoredBy(peekConfig(outer)?.ignore)(rel)) return;
      throw new UsageError(editMessage(lang, 'init-inside-records', { dir: shownPath(cwd, dir), outer, config: join(outer, CONFIG_FILE), folder: dirname(rel) }));
    }
    if (dirname(outer) === outer) return;
  }
}

export async function runInit(io: CliIO, options: GlobalOptions & InitOptions, dirArg: string | undefined): Promise<number> {
  const dir = resolve(io.cwd, dirArg ?? options.dir ?? '.');
  if (options.lang !== undefined && !isLang(options.lang)) throw new UsageError(cliMessage('vi', 'bad-lang', { value: options.lang }));
  const locale = pickLocale(options, io.env);
  // Messages: --lang, else the locale of a config already in the folder (init then refuses), else the new folder's.
  const lang = checkGlobalOptions(io, options, ['text'], dir, locale);
  if (options.rev !== undefined) throw new UsageError(editMessage(lang, 'rev-not-editable'));
  const timezone = options.timezone ?? systemZone(io.env);
  if (!isValidTimeZone(timezone)) throw new UsageError(editMessage(lang, 'bad-timezone', { value: timezone }));
  const today = todayIn(timezone, io.now());

  const files: Record<string, string> = initFiles({ locale, timezone, today });
  for (const kind of KINDS) files[schemaPath(kind)] = schemaText(kind);

  const kindOfDir = await entryKind(dir);
  if (kindOfDir !== undefined && kindOfDir !== 'dir') throw new UsageError(editMessage(lang, 'not-a-folder', { path: dir }));
  // A file above the folder (`init notes.txt/ho-so`): mkdir would fail with ENOTDIR after the checks below.
  const blocker = kindOfDir === undefined ? await fileInTheWay(dirname(dir)) : undefined;
  if (blocker) throw new UsageError(editMessage(lang, 'file-in-the-way', { path: shownPath(io.cwd, blocker), target: shownPath(io.cwd, dir) }));
  // All targets are checked before anything is written: init makes the whole folder or nothing.
  const existing = new Set<string>();
  for (const path of Object.keys(files)) {
    if ((await entryKind(join(dir, path))) !== undefined) existing.add(path);
    // A file (or a link) where a folder must be made would stop the writing half-way.
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/');
      if ((await entryKind(join(dir, folder))) === 'other') existing.add(folder);
    }
  }
  if (existing.size > 0) throw new UsageError(editMessage(lang, 'init-exists', { files: [...existing].sort().join(', ') }));

  refuseInsideRecords(lang, io.cwd, dir);

  const encoded = new Map(Object.entries(files).map(([path, text]) => [path, new TextEncoder().encode(text)]));
  // Records already there under other names (phoihop.yml, parties.yml) are not overwritten, yet can still break the folder.
  if (kindOfDir === 'dir') await refuseClashes(lang, dir, encoded, today);

  // The folder must validate as made, warnings included: anything else is a bug in the templates.
  const check = await checkWith(undefined, encoded, today);
  if (check.diagnostics.length > 0) throw new Error(`init templates do not validate: ${JSON.stringify(check.diagnostics[0])}`);

  const written: string[] = [];
  const madeFolders: string[] = [];
  try {
    for (const [path, bytes] of encoded) {
      const full = join(dir, path);
      const made = await makeFolders(dirname(full));
      // mkdir names the first folder it made: that one and those below it on the way are this run's.
      if (made !== undefined) for (let f = dirname(full); f.length >= made.length; f = dirname(f)) madeFolders.push(f);
      await writeFileExclusive(full, bytes, { cleanupOnSignal: true });
      written.push(full);
    }
  } catch (error) {
    // Undo what this run made, files then folders (deepest first), so a second try starts clean.
    for (const full of written) await rm(full, { force: true });
    for (const folder of madeFolders.sort((a, b) => b.length - a.length)) await rmdir(folder).catch(() => {});
    const undone = written.length + madeFolders.length > 0 ? 'removed' : 'none';
    throw new UsageError(editMessage(lang, 'init-write-failed', { dir, detail: systemError(lang, error), undone }), EXIT.FAILURE);
  }

  const shown = shownPath(io.cwd, dir);
  const dirOption = shown === '.' ? '' : ` -C ${shown.includes(' ') ? JSON.stringify(shown) : shown}`;
  io.stdout(
    [
      // "Created the records folder .:" reads oddly: the current folder is named in full.
      editMessage(lang, 'init-created', { dir: shown === '.' ? dir : shown }),
      ...Object.keys(files).map((path) => `  ${path}`),
      editMessage(lang, 'init-next', { plan: `plans/${examplePlanId({ locale, timezone, today })}.yaml`, dirOption }),
    ].join('\n') + '\n',
  );
  return EXIT.OK;
}

/** Refuses, naming them, the files already in `dir` that would stop the folder validating once `files` are added. */
async function refuseClashes(lang: Lang, dir: string, files: ReadonlyMap<string, Uint8Array>, today: Day): Promise<void> {
  const { diagnostics } = await checkWith(new WorkTreeSource(dir), files, today);
  const clashes = initClashes(diagnostics, new Set(files.keys()));
  if (clashes.length === 0) return;
  const described = clashes.map((c) =>
    c.reason === 'config' ? editMessage(lang, 'init-clash-config', { file: c.file }) : editMessage(lang, 'init-clash-ids', { file: c.file, ids: c.ids.join(', '), ours: c.ours }),
  );
  throw new UsageError(editMessage(lang, 'init-clash', { files: described.join(', ') }));
}

/** A path as the clerk would type it: relative to the current folder when inside it, else in full. */
function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** --locale, else --lang, else the language of the environment (LC_ALL, LC_MESSAGES, LANG, then the system's), else vi. */
function pickLocale(options: InitOptions & GlobalOptions, env: CliIO['env']): Lang {
  if (options.locale !== undefined) {
    if (!isLang(options.locale)) throw new UsageError(editMessage(isLang(options.lang) ? options.lang : 'vi', 'bad-locale', { value: options.locale }));
    return options.locale;
  }
  if (isLang(options.lang)) return options.lang;
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  const tag = (fromEnv || Intl.DateTimeFormat().resolvedOptions().locale || '').toLowerCase();
  return tag.startsWith('en') ? 'en' : 'vi';
}

/**
 * `TZ` when it names a zone, else the system's, unless that is UTC: a machine
 * left on UTC (a fresh server, a container) says nothing about its office,
 * and Vietnam's zone is the config's default. ICU still calls Vietnam's zone
 * by its old name Asia/Saigon.
 */
function systemZone(env: CliIO['env']): string {
  const fromEnv = env.TZ?.replace(/^:/, '');
  if (fromEnv && fromEnv.includes('/') && isValidTimeZone(fromEnv)) return fromEnv;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone === 'Asia/Saigon' || /^(Etc\/)?(UTC|GMT|UCT|Universal|Zulu)$/.test(zone) || !isValidTimeZone(zone)) return DEFAULT_ZONE;
  return zone;
}

async function entryKind(path: string): Promise<'dir' | 'other' | undefined> {
  try {
    return (await lstat(path)).isDirectory() ? 'dir' : 'other';
  } catch {
    return undefined;
  }
}
