/**
 * Calendar days as integers (days since 1970-01-01, proleptic Gregorian).
 * No `Date` in local time is ever involved, so no TZ can shift a day.
 * Algorithms after Howard Hinnant's "chrono-compatible low-level date algorithms".
 */

/** A calendar day: days since 1970-01-01. */
export type Day = number;

export interface YMD {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidYMD(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function dayFromYMD(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function ymdFromDay(d: Day): YMD {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

/** Canonical `YYYY-MM-DD`. */
export function formatISO(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** Vietnamese `DD/MM/YYYY`, as reports print it. */
export function formatVi(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return `${pad2(day)}/${pad2(month)}/${pad4(year)}`;
}

/** Vietnamese short form `D/M/YYYY`, as clerks often write it. */
export function formatViShort(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return `${day}/${month}/${pad4(year)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VI_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** The result of reading a date: a day, or why the text is not one. */
export type DateParse = Readonly<{ ok: true; day: Day } | { ok: false; reason: 'format' | 'calendar' }>;

/** Reads `YYYY-MM-DD` or `D/M/YYYY`; `31/2/2022` is rejected as not a calendar date. */
export function parseDate(text: string): DateParse {
  // A folder repeats the same few thousand dates many times over.
  const known = readDates.get(text);
  if (known) return known;
  const parsed = readDate(text);
  if (readDates.size < 100_000) readDates.set(text, parsed);
  return parsed;
}
const readDates = new Map<string, DateParse>();

function readDate(text: string): DateParse {
  const s = text.trim();
  let m = ISO_DATE.exec(s);
  let ymd: [number, number, number] | undefined;
  if (m) ymd = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = VI_DATE.exec(s))) ymd = [Number(m[3]), Number(m[2]), Number(m[1])];
  if (!ymd) return { ok: false, reason: 'format' };
  if (!isValidYMD(...ymd)) return { ok: false, reason: 'calendar' };
  return { ok: true, day: dayFromYMD(...ymd) };
}

/** Like parseDate but returns undefined on failure. */
export function toDay(text: string): Day | undefined {
  const r = parseDate(text);
  return r.ok ? r.day : undefined;
}

/** Today in an IANA time zone, as a calendar day. */
export function todayIn(timeZone: string, now: number = Date.now()): Day {
  // formatToParts in the zone gives the wall-clock date there; no local-time Date arithmetic.
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(now));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return dayFromYMD(get('year'), get('month'), get('day'));
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
