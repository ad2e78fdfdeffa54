/**
 * What every command needs before it does its own work: the records folder,
 * the language, the as-of date, and the validated records (from the work
 * tree or a git revision). Global options are read here, once.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cliMessage } from '../i18n/cli.js';
import { isLang, type Lang } from '../i18n/lang.js';
import { CONFIG_FILE, loadRecords } from '../load/load.js';
import { MAX_ALIAS_COUNT, parseOneDocument, plainWithAliases } from '../load/parse.js';
import type { RecordSource } from '../load/source.js';
import { WorkTreeSource } from '../load/worktree.js';
import { type Day, parseDate, todayIn } from '../model/dates.js';
import { parsePeriod, type Period } from '../model/periods.js';
import { type Checked, checkFolder, checkKept, type PlanParts } from '../validate/stream.js';
import { configTimeZone, type Validated, validateRecords } from '../validate/validate.js';
import { findRecordsFolder } from './help-lang.js';
import { type CliIO, UsageError } from './io.js';

/** The global options of cli.md, as commander gives them. */
export { findRecordsFolder };

export interface GlobalOptions {
  dir?: string;
  asOf?: string;
  rev?: string;
  lang?: string;
  format?: string;
  color?: boolean;
}

export interface Session {
  io: CliIO;
  options: GlobalOptions;
  /** Absolute path of the records folder. */
  dir: string;
  lang: Lang;
  color: boolean;
}

/** Reads the config's locale cheaply, so even usage errors speak the user's language. */
function peekLocale(dir: string): Lang | undefined {
  const locale = peekConfig(dir)?.locale;
  return isLang(locale) ? locale : undefined;
}

/** The phoihop.yaml of `dir` as plain data, read without validating it; undefined when missing or unreadable. */
export function peekConfig(dir: string): Record<string, unknown> | undefined {
  try {
    // The loader's reading of YAML (yaml's lexer mended), so this look and the validated config agree;
    // logLevel 'silent': it must not print yaml's warnings, validate reports them properly. Duplicate keys
    // (yaml's own test) are found in one pass: yaml's search took 20 s on a config of 40,000 metrics.
    const document = parseOneDocument(readFileSync(join(dir, CONFIG_FILE), 'utf8'), { version: '1.2', schema: 'core', logLevel: 'silent' }, 'one-pass');
    if (document.errors.length > 0) return undefined;
    // Not yaml's toJS, which looks each alias's anchor up from the start (16,000 anchors: 4 s).
    const config = plainWithAliases(document, MAX_ALIAS_COUNT);
    return config !== null && typeof config === 'object' ? (config as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The locale of the config of -C (a path as given), else of the nearest phoihop.yaml upward, if any: for commander's usage errors, found before the options are read. */
export function configLocale(io: CliIO, dirOption: string | undefined): Lang | undefined {
  return peekLocale(recordsFolderOption(io, { dir: dirOption }));
}

/** `workTree`: whether the command reads the folder on disk (default: unless --rev is given). */
export function openSession(io: CliIO, options: GlobalOptions, { workTree = !options.rev } = {}): Session {
  const dir = recordsFolderOption(io, options);
  const lang = chooseLang(dir, options);
  // An empty -C is a variable that was never set, not a wish for the folder found upward.
  if (options.dir === '') throw new UsageError(cliMessage(lang, 'empty-dir'));
  const color = options.color !== false && io.isTTY && !colorRefused(io.env);
  const session = { io, options, dir, lang, color };
  if (workTree) assertFolder(session);
  return session;
}

/**
 * Colour turned off by the environment: NO_COLOR (no-color.org), and the
 * conventions chalk and most tools follow, FORCE_COLOR=0 and TERM=dumb.
 */
function colorRefused(env: NodeJS.ProcessEnv): boolean {
  return (typeof env.NO_COLOR === 'string' && env.NO_COLOR !== '') || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' || env.TERM === 'dumb';
}

/**
 * After a folder was read and held no record file: when it has no
 * phoihop.yaml either, a line on stderr says so, for from the wrong folder an
 * empty answer ("0 errors", no overdue item) reads like a good one. The exit code stays.
 */
export function noteNoRecords(session: Session, fileCount: number): void {
  if (fileCount > 0 || existsSync(join(session.dir, CONFIG_FILE))) return;
  session.io.stderr(`phoihop: ${cliMessage(session.lang, 'no-records-here', { dir: session.dir })}\n`);
}

/** A command that reads the work tree needs the records folder there (bad usage otherwise). */
export function assertFolder(session: Session): void {
  if (!isFolder(session.dir)) throw new UsageError(cliMessage(session.lang, 'no-folder', { dir: session.dir }));
}

/**
 * For the commands that read no records (schema, init): the global options
 * are still checked as every command checks them (a bad date or language is
 * bad usage, exit 2), and the language is found the same way. `configDir`:
 * whose phoihop.yaml gives the language (default: -C, else the nearest one
 * up); `fallback`, the language when neither --lang nor that config gives one.
 */
export function checkGlobalOptions(io: CliIO, options: GlobalOptions, formats: readonly string[], configDir?: string, fallback: Lang = 'vi'): Lang {
  const lang = chooseLang(configDir ?? recordsFolderOption(io, options), options, fallback);
  if (options.asOf !== undefined) parseDateOption(lang, options.asOf);
  if (options.format !== undefined && !formats.includes(options.format)) {
    throw new UsageError(cliMessage(lang, 'bad-format', { value: options.format, allowed: formats.join(', ') }));
  }
  return lang;
}

/** `-C`, else the nearest folder upward with a phoihop.yaml. */
function recordsFolderOption(io: CliIO, options: GlobalOptions): string {
  return options.dir ? resolve(io.cwd, options.dir) : findRecordsFolder(io.cwd);
}

/** --lang (refused unless vi or en, in the config's language), else the config's locale, else `fallback`. */
function chooseLang(dir: string, options: GlobalOptions, fallback: Lang = 'vi'): Lang {
  // The config is read only when --lang does not settle the language.
  if (options.lang === undefined) return peekLocale(dir) ?? fallback;
  if (!isLang(options.lang)) throw new UsageError(cliMessage(peekLocale(dir) ?? 'vi', 'bad-lang', { value: options.lang }));
  return options.lang;
}

/** False for anything that is not a folder, including a path through a file (ENOTDIR) or one that cannot be read. */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The source of records: the work tree, or the revision given with --rev. */
export async function recordSource(session: Session): Promise<RecordSource> {
  if (session.options.rev !== undefined) {
    const { gitRevisionSource } = await import('../git/source.js');
    return gitRevisionSource(session.dir, session.options.rev, session.lang);
  }
  return new WorkTreeSource(session.dir);
}

/** Loads and validates the records; the as-of date (given, or today in the config's zone) is needed for date warnings. */
export async function loadValidated(session: Session, source?: RecordSource): Promise<Validated & { asOf: Day }> {
  const explicitAsOf = parseAsOf(session);
  const loaded = await loadRecords(source ?? (await recordSource(session)));
  // Today in the config's time zone is found before validating, so the records are validated once.
  const asOf = explicitAsOf ?? todayIn(configTimeZone(loaded), session.io.now());
  const validated = validateRecords(loaded, { asOf });
  // A revision's records speak the language of their own config, as they use its zone and window; --lang still decides.
  if (session.options.rev !== undefined && session.options.lang === undefined) session.lang = validated.model.config.locale;
  return validated;
}

/**
 * The diagnostics of the records, keeping of each plan only a stub, and with
 * `parts` a report's part (src/validate/stream.ts): what `validate` and the
 * reports need, sooner and in less memory on a big folder.
 */
export async function loadChecked(session: Session, parts?: PlanParts): Promise<Checked> {
  // PHOIHOP_STREAM=off keeps every record: the reference the streamed answer is tested against.
  const check = streamOff(session) ? checkKept : checkFolder;
  const checked = await check(await recordSource(session), { asOf: parseAsOf(session), now: session.io.now(), parts });
  if (session.options.rev !== undefined && session.options.lang === undefined) session.lang = checked.config.locale;
  return checked;
}

/** PHOIHOP_STREAM=off: every record is kept, as before streaming (README, Performance). */
export function streamOff(session: Session): boolean {
  return session.io.env.PHOIHOP_STREAM === 'off';
}

/** `--as-of`, parsed, or undefined when not given. */
export function parseAsOf(session: Session): Day | undefined {
  const text = session.options.asOf;
  if (text === undefined) return undefined;
  return parseDateOption(session.lang, text);
}

export function parseDateOption(lang: Lang, text: string): Day {
  const r = parseDate(text);
  if (!r.ok) throw new UsageError(cliMessage(lang, r.reason === 'calendar' ? 'date-not-in-calendar' : 'bad-date', { value: text }));
  return r.day;
}

export function parsePeriodOption(lang: Lang, text: string): Period {
  const r = parsePeriod(text, { vietnamese: true });
  const reasons = { reversed: 'reversed-period-option', calendar: 'period-not-in-calendar', format: 'bad-period' } as const;
  if (!r.ok) throw new UsageError(cliMessage(lang, reasons[r.reason], { value: text }));
  return r.period;
}

/** Checks `--format` against the formats a command has; returns the default when absent. */
export function pickFormat<F extends string>(session: Session, allowed: readonly F[], fallback: F): F {
  const format = session.options.format;
  if (format === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(format)) {
    throw new UsageError(cliMessage(session.lang, 'bad-format', { value: format, allowed: allowed.join(', ') }));
  }
  return format as F;
}
