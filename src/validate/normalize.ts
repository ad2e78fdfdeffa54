/**
 * Schema-valid raw records → the typed model. Dates and periods are read
 * here (a pattern-valid `31/2/2022` is caught as `invalid-date`), defaults
 * are filled in, and text is already NFC from the loader.
 */
import type { RecordFile } from '../load/load.js';
import type { Pointer } from '../load/parse.js';
import { type Day, parseDate } from '../model/dates.js';
import { type Every, occurrenceOfLogKey, parsePeriod, type Period } from '../model/periods.js';
import {
  type Config,
  DEFAULT_CONFIG,
  inForce,
  type LogEntry,
  type Party,
  type Plan,
  type Results,
  type Task,
  type TaskStatus,
  type TaskType,
  type Locale,
  type PlanType,
} from '../model/records.js';
import type { Diagnostic, DiagnosticArgs } from './diagnostic.js';

type Raw = Record<string, unknown>;

/** Reports a problem at a pointer inside one file. */
export type Reporter = (pointer: Pointer, rule: string, args?: DiagnosticArgs, severity?: 'error' | 'warning', target?: 'key' | 'value') => void;

export function reporterFor(file: RecordFile, diagnostics: Diagnostic[]): Reporter {
  return (pointer, rule, args = {}, severity = 'error', target = 'value') => {
    const pos = file.locate(pointer, target);
    diagnostics.push({ file: file.path, line: pos.line, column: pos.column, severity, rule, args });
  };
}

/**
 * Reads the date field `field` of the object at `at`; reports `invalid-date`
 * when it is not a calendar day. The pointer is built only then: this runs
 * for every task of the folder.
 */
function readDateAt(value: unknown, at: Pointer, field: string, report: Reporter): Day | undefined {
  const day = dayOf(value);
  if (day !== INVALID) return day;
  report([...at, field], 'invalid-date', { value: value as string });
  return undefined;
}

const INVALID = -Infinity;

/**
 * A date field's day, undefined when absent, or INVALID, for the caller to
 * report: fields read once per log entry build their pointer only then.
 */
function dayOf(value: unknown): Day | undefined {
  if (typeof value !== 'string') return undefined;
  const r = parseDate(value);
  return r.ok ? r.day : INVALID;
}

function readPeriod(value: unknown, pointer: Pointer, report: Reporter): Period | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const r = parsePeriod(value);
  if (r.ok) return r.period;
  report(pointer, r.reason === 'reversed' ? 'reversed-period' : 'invalid-period', { value: String(value) });
  return undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Raw => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});
/**
 * Most tasks and log entries record no results: they share one empty,
 * frozen object (reports only read it), which saves an object per entry
 * that the collector would otherwise copy for the life of the run.
 */
const NO_RESULTS: Results = Object.freeze({}) as Results;
const results = (v: unknown): Results => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Results) : NO_RESULTS);

export function normalizeConfig(file: RecordFile | undefined): Config {
  if (!file) return { ...DEFAULT_CONFIG };
  const d = file.data;
  const metrics: Config['metrics'] = {};
  for (const [id, m] of Object.entries(obj(d.metrics))) {
    const mm = obj(m);
    metrics[id] = { label: str(mm.label) ?? id, unit: str(mm.unit) };
  }
  return {
    title: str(d.title),
    locale: (str(d.locale) as Locale) ?? DEFAULT_CONFIG.locale,
    timezone: str(d.timezone) ?? DEFAULT_CONFIG.timezone,
    soon: typeof d.soon === 'number' ? d.soon : DEFAULT_CONFIG.soon,
    metrics,
    ignore: arr(d.ignore).filter((g): g is string => typeof g === 'string'),
  };
}

export function normalizeParties(file: RecordFile): Party[] {
  return arr(file.data.parties).map((p) => {
    const r = obj(p);
    return { id: String(r.id), name: String(r.name), short: str(r.short), abbr: str(r.abbr), file: file.path };
  });
}

/** A plan, or undefined when its `signed` or `period` cannot be read (already reported). */
export function normalizePlan(file: RecordFile, report: Reporter): Plan | undefined {
  const d = file.data;
  const signed = readDateAt(d.signed, [], 'signed', report);
  const period = readPeriod(d.period, ['period'], report);
  const planShell = { signed: signed ?? 0, period: period ?? { kind: 'day', key: '', start: 0, end: 0 } } as Plan;
  const span = inForce(planShell);
  const tasks = arr(d.tasks).map((t, i) => normalizeTask(obj(t), ['tasks', i], span, period, report));
  // Basis, signatory and contact dates are checked even though reports do not use them.
  arr(d.basis).forEach((b, i) => readDateAt(obj(b).date, ['basis', i], 'date', report));
  if (signed === undefined || period === undefined) return undefined;
  return {
    id: String(d.id),
    type: (str(d.type) as PlanType) ?? 'program',
    number: str(d.number) ?? null,
    title: String(d.title),
    signed,
    period,
    parent: str(d.parent),
    parties: arr(d.parties).map(String),
    contents: arr(d.contents).map((c) => ({ id: String(obj(c).id), title: String(obj(c).title) })),
    tasks,
    file: file.path,
  };
}

function normalizeTask(
  t: Raw,
  at: Pointer,
  span: { start: Day; end: Day },
  period: Period | undefined,
  report: Reporter,
): Task {
  // One object literal per task and per log entry, no pointer until something is wrong:
  // normalising runs once per task and log entry of the folder (hundreds of thousands at 10,000 plans).
  const every = str(t.every) as Every | undefined;
  let schedule: Task['schedule'];
  if (every) {
    const from = readDateAt(t.from, at, 'from', report) ?? span.start;
    const until = readDateAt(t.until, at, 'until', report) ?? (period ? period.end : span.end);
    const log: LogEntry[] = [];
    const rawLog = obj(t.log);
    let inOrder = true;
    for (const key of Object.keys(rawLog)) {
      const value = rawLog[key];
      const occurrence = occurrenceOfLogKey(every, key);
      // A log value is a date, or a mapping with `done`, `status`, `note`, `evidence`, `results`.
      const entry = typeof value === 'string' ? undefined : obj(value);
      const doneText = entry ? entry.done : value;
      let done = dayOf(doneText);
      if (done === INVALID) {
        report(entry ? [...at, 'log', key, 'done'] : [...at, 'log', key], 'invalid-date', { value: doneText as string });
        done = undefined;
      }
      // A key of the wrong granularity is reported by the rules; it makes no item.
      if (!occurrence) continue;
      if (log.length > 0 && occurrence.start < log[log.length - 1].period.start) inOrder = false;
      log.push({
        key: occurrence.key,
        period: occurrence,
        done,
        cancelled: entry !== undefined && entry.status === 'cancelled',
        note: entry && str(entry.note),
        evidence: entry && str(entry.evidence),
        results: results(entry?.results),
      });
    }
    // Clerks write logs in order; a sort is needed only when one is not.
    if (!inOrder) log.sort((a, b) => a.period.start - b.period.start);
    schedule = {
      kind: 'recurring',
      every,
      offset: typeof t.offset === 'number' ? t.offset : 0,
      day: typeof t.day === 'number' ? t.day : undefined,
      from,
      until,
      log,
    };
  } else {
    schedule = {
      kind: 'one-off',
      due: readDateAt(t.due, at, 'due', report),
      status: (str(t.status) as TaskStatus) ?? 'planned',
      done: readDateAt(t.done, at, 'done', report),
      results: results(t.results),
      evidence: str(t.evidence),
    };
  }
  return {
    id: String(t.id),
    title: String(t.title),
    type: (str(t.type) as TaskType) ?? 'activity',
    content: str(t.content),
    lead: String(t.lead),
    support: arr(t.support).map(String),
    note: str(t.note),
    schedule,
  };
}
