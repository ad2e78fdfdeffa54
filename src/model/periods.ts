/**
 * Period expressions (records.md "Dates and periods"): year, half, quarter,
 * month, day and ranges, each a span of calendar days.
 */
import { type Day, daysInMonth, dayFromYMD, formatISO, isValidYMD, parseDate, ymdFromDay } from './dates.js';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'day' | 'range';
/** The granularities a recurring task can have (`every`). */
export type Every = 'month' | 'quarter' | 'half' | 'year';
export const EVERY_VALUES: readonly Every[] = ['month', 'quarter', 'half', 'year'];

export interface Period {
  kind: PeriodKind;
  /** Canonical text: `2017`, `2017-H1`, `2017-Q3`, `2017-05`, `2017-05-22`, `2017..2021`. */
  key: string;
  start: Day;
  end: Day;
}

export type PeriodParse =
  | { ok: true; period: Period }
  | { ok: false; reason: 'format' | 'calendar' | 'reversed' };

export interface PeriodParseOptions {
  /** Accept the command line's Vietnamese forms `Q3/2017`, `H1/2017`, `5/2017`. */
  vietnamese?: boolean;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
// Keys are written as they are read back: four-digit years (0001, not 1).
const pad4 = (n: number) => String(n).padStart(4, '0');

export function yearPeriod(year: number): Period {
  return { kind: 'year', key: pad4(year), start: dayFromYMD(year, 1, 1), end: dayFromYMD(year, 12, 31) };
}

export function halfPeriod(year: number, half: 1 | 2): Period {
  const m0 = half === 1 ? 1 : 7;
  return {
    kind: 'half',
    key: `${pad4(year)}-H${half}`,
    start: dayFromYMD(year, m0, 1),
    end: dayFromYMD(year, m0 + 5, daysInMonth(year, m0 + 5)),
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const m0 = (quarter - 1) * 3 + 1;
  return {
    kind: 'quarter',
    key: `${pad4(year)}-Q${quarter}`,
    start: dayFromYMD(year, m0, 1),
    end: dayFromYMD(year, m0 + 2, daysInMonth(year, m0 + 2)),
  };
}

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    key: `${pad4(year)}-${pad2(month)}`,
    start: dayFromYMD(year, month, 1),
    end: dayFromYMD(year, month, daysInMonth(year, month)),
  };
}

export function dayPeriod(day: Day): Period {
  return { kind: 'day', key: formatISO(day), start: day, end: day };
}

function rangePeriod(left: Period, right: Period): Period {
  return { kind: 'range', key: `${left.key}..${right.key}`, start: left.start, end: right.end };
}

const YEAR = /^(\d{4})$/;
const HALF = /^(\d{4})-H([12])$/i;
const QUARTER = /^(\d{4})-Q(\d)$/i;
const MONTH = /^(\d{4})-(\d{2})$/;
const VI_QUARTER = /^Q(\d)\/(\d{4})$/i;
const VI_HALF = /^H([12])\/(\d{4})$/i;
const VI_MONTH = /^(\d{1,2})\/(\d{4})$/;

const validYear = (y: number) => y >= 1 && y <= 9999;

/** Parses one side of a period (not a range). */
function parseSingle(text: string, opts: PeriodParseOptions): PeriodParse {
  let m: RegExpExecArray | null;
  if ((m = YEAR.exec(text))) {
    const y = Number(m[1]);
    return validYear(y) ? { ok: true, period: yearPeriod(y) } : { ok: false, reason: 'calendar' };
  }
  if ((m = HALF.exec(text)) || (opts.vietnamese && (m = swap(VI_HALF.exec(text))))) {
    const y = Number(m[1]);
    if (!validYear(y)) return { ok: false, reason: 'calendar' };
    return { ok: true, period: halfPeriod(y, Number(m[2]) as 1 | 2) };
  }
  if ((m = QUARTER.exec(text)) || (opts.vietnamese && (m = swap(VI_QUARTER.exec(text))))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    if (!validYear(y) || q < 1 || q > 4) return { ok: false, reason: 'calendar' };
    return { ok: true, period: quarterPeriod(y, q) };
  }
  if ((m = MONTH.exec(text)) || (opts.vietnamese && (m = swap(VI_MONTH.exec(text))))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (!validYear(y) || mo < 1 || mo > 12) return { ok: false, reason: 'calendar' };
    return { ok: true, period: monthPeriod(y, mo) };
  }
  const d = parseDate(text);
  if (d.ok) return { ok: true, period: dayPeriod(d.day) };
  return { ok: false, reason: d.reason };
}

/** `Q3/2017` → groups in the `2017-Q3` order (year first). */
function swap(m: RegExpExecArray | null): RegExpExecArray | null {
  if (!m) return null;
  const out = [m[0], m[2], m[1]] as unknown as RegExpExecArray;
  return out;
}

/**
 * Parses a period expression. A number (YAML reads `period: 2022` as one)
 * means that year.
 */
export function parsePeriod(input: string | number, opts: PeriodParseOptions = {}): PeriodParse {
  if (typeof input === 'number') {
    if (!Number.isInteger(input)) return { ok: false, reason: 'format' };
    return validYear(input) ? { ok: true, period: yearPeriod(input) } : { ok: false, reason: 'calendar' };
  }
  const text = input.trim();
  const sides = text.split('..');
  if (sides.length > 2) return { ok: false, reason: 'format' };
  if (sides.length === 1) return parseSingle(text, opts);
  const left = parseSingle(sides[0].trim(), opts);
  if (!left.ok) return left;
  const right = parseSingle(sides[1].trim(), opts);
  if (!right.ok) return right;
  if (right.period.end < left.period.start) return { ok: false, reason: 'reversed' };
  return { ok: true, period: rangePeriod(left.period, right.period) };
}

/**
 * The period of granularity `every` that holds day `d`. Reports expand every
 * occurrence of every recurring task, and the same few hundred periods come
 * back each time: they are made once and shared (never change one).
 */
export function periodContaining(every: Every, d: Day): Period {
  const { year, month } = ymdFromDay(d);
  return periodAt(every, year, firstMonth(every, month));
}

const MONTHS: Record<Every, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** The first month of the period of granularity `every` that holds `month`. */
const firstMonth = (every: Every, month: number) => month - ((month - 1) % MONTHS[every]);

/** The period of granularity `every` that starts with `month` of `year`. */
function periodAt(every: Every, year: number, month: number): Period {
  const made = madePeriods[every];
  const key = year * 16 + month;
  let period = made.get(key);
  if (!period) {
    period = makePeriodAt(every, year, month);
    made.set(key, period);
  }
  return period;
}
const madePeriods: Record<Every, Map<number, Period>> = { year: new Map(), half: new Map(), quarter: new Map(), month: new Map() };

function makePeriodAt(every: Every, year: number, month: number): Period {
  switch (every) {
    case 'year':
      return yearPeriod(year);
    case 'half':
      return halfPeriod(year, month <= 6 ? 1 : 2);
    case 'quarter':
      return quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
    case 'month':
      return monthPeriod(year, month);
  }
}

/** The period of the same granularity right after `p`; a range or day moves by its own length. */
export function nextPeriod(p: Period): Period {
  switch (p.kind) {
    case 'year':
    case 'half':
    case 'quarter':
    case 'month':
      return periodContaining(p.kind, p.end + 1);
    case 'day':
      return dayPeriod(p.end + 1);
    case 'range': {
      const length = p.end - p.start + 1;
      const start = p.end + 1;
      const end = p.end + length;
      return { kind: 'range', key: `${formatISO(start)}..${formatISO(end)}`, start, end };
    }
  }
}

/** Every period of granularity `every` that overlaps [start, end], in order. */
export function periodsOverlapping(every: Every, start: Day, end: Day): Period[] {
  const out: Period[] = [];
  if (end < start) return out;
  // Month by month from the first period: no calendar conversion per period.
  const step = MONTHS[every];
  const first = ymdFromDay(start);
  let year = first.year;
  let month = firstMonth(every, first.month);
  for (let p = periodAt(every, year, month); p.start <= end; p = periodAt(every, year, month)) {
    out.push(p);
    month += step;
    if (month > 12) {
      month -= 12;
      year++;
    }
  }
  return out;
}

/**
 * Reads an occurrence key of granularity `every` (`2022-Q3`, `2022-H1`,
 * `2022`, `2022-07`); YAML gives a year key as a number.
 */
export function parseOccurrenceKey(every: Every, key: string | number): Period | undefined {
  const r = parsePeriod(typeof key === 'number' ? key : String(key));
  return r.ok && r.period.kind === every ? r.period : undefined;
}

/**
 * The occurrence a `log` key names (a mapping key: always text, `2022` for a
 * year), or undefined when it is not one of `every`. Normalising and the
 * schedule rule read every log key of every plan, and the keys repeat across
 * plans, so answers are kept: a few per year and granularity, bounded.
 * The periods returned are shared: never change one.
 */
export function occurrenceOfLogKey(every: Every, key: string): Period | undefined {
  let byKey = logKeys.get(every);
  if (!byKey) logKeys.set(every, (byKey = new Map()));
  const known = byKey.get(key);
  if (known !== undefined || byKey.has(key)) return known ?? undefined;
  const period = parseOccurrenceKey(every, /^\d+$/.test(key) ? Number(key) : key);
  if (byKey.size < 50_000) byKey.set(key, period ?? null);
  return period;
}
const logKeys = new Map<Every, Map<string, Period | null>>();

/** The last day of a period's last month, clamped to `day`: for `day:` schedules. */
export function dayOfLastMonth(p: Period, day: number): Day {
  const { year, month } = ymdFromDay(p.end);
  return dayFromYMD(year, month, Math.min(day, daysInMonth(year, month)));
}

export function overlaps(a: { start: Day; end: Day }, b: { start: Day; end: Day }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function contains(outer: { start: Day; end: Day }, inner: { start: Day; end: Day }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export { isValidYMD };
