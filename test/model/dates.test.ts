/**
 * Calendar days: properties over every year 1..9999, checked against Date's
 * UTC arithmetic (used here as an independent oracle, in UTC only).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayFromYMD,
  daysInMonth,
  formatISO,
  formatVi,
  formatViShort,
  isLeapYear,
  parseDate,
  todayIn,
  ymdFromDay,
} from '../../src/model/dates.js';

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 by Date.UTC; setUTCFullYear because Date.UTC maps years 0..99 to 1900+. */
function oracleDay(y: number, m: number, d: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / MS_PER_DAY);
}
/** Days in a month by Date: day 0 of the next month is the last day of this one. */
function oracleDaysInMonth(y: number, m: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m, 0);
  return date.getUTCDate();
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const validYMD = fc
  .record({ y: fc.integer({ min: 1, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .filter(({ y, m, d }) => d <= oracleDaysInMonth(y, m));

describe('dates', () => {
  it('every valid date reads the same in its three written forms and round-trips', () => {
    fc.assert(
      fc.property(validYMD, ({ y, m, d }) => {
        const iso = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        const short = `${d}/${m}/${pad(y, 4)}`;
        const long = `${pad(d, 2)}/${pad(m, 2)}/${pad(y, 4)}`;
        const a = parseDate(iso);
        expect(a).toEqual({ ok: true, day: oracleDay(y, m, d) });
        expect(parseDate(short)).toEqual(a);
        expect(parseDate(long)).toEqual(a);
        const day = (a as { day: number }).day;
        expect(formatISO(day)).toBe(iso);
        expect(formatVi(day)).toBe(long);
        expect(formatViShort(day)).toBe(short);
        expect(parseDate(formatVi(day))).toEqual(a);
        // Spaces around a date typed on the command line are not part of it (README: --as-of).
        expect(parseDate(` ${iso}\t`)).toEqual(a);
        expect(parseDate(`  ${short} `)).toEqual(a);
        expect(ymdFromDay(day)).toEqual({ year: y, month: m, day: d });
      }),
      { numRuns: 2000 },
    );
  });

  it('day numbers agree with Date.UTC arithmetic over the whole range, both ways', () => {
    const first = oracleDay(1, 1, 1);
    const last = oracleDay(9999, 12, 31);
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (n) => {
        const date = new Date(n * MS_PER_DAY);
        const ymd = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
        expect(ymdFromDay(n)).toEqual(ymd);
        expect(dayFromYMD(ymd.year, ymd.month, ymd.day)).toBe(n);
      }),
      { numRuns: 2000 },
    );
    expect(dayFromYMD(1970, 1, 1)).toBe(0);
    expect(formatISO(first)).toBe('0001-01-01');
    expect(formatISO(last)).toBe('9999-12-31');
  });

  it('knows the length of every month and leap year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        expect(daysInMonth(y, m)).toBe(oracleDaysInMonth(y, m));
        expect(isLeapYear(y)).toBe(oracleDaysInMonth(y, 2) === 29);
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects days that are not on the calendar, in both forms', () => {
    const impossible = fc
      .record({ y: fc.integer({ min: 1, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 99 }) })
      .filter(({ y, m, d }) => d > oracleDaysInMonth(y, m));
    fc.assert(
      fc.property(impossible, ({ y, m, d }) => {
        expect(parseDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)).toEqual({ ok: false, reason: 'calendar' });
        expect(parseDate(`${d}/${m}/${pad(y, 4)}`)).toEqual({ ok: false, reason: 'calendar' });
      }),
    );
    for (const text of ['31/2/2022', '29/2/2023', '2023-02-29', '2022-13-01', '1/13/2022', '0/1/2022', '2022-01-00', '0000-01-01', '1/1/0000']) {
      expect(parseDate(text).ok, text).toBe(false);
    }
    expect(parseDate('29/2/2024').ok).toBe(true);
    expect(parseDate('29/2/2000').ok).toBe(true);
    expect(parseDate('29/2/1900').ok).toBe(false);
  });

  it('rejects text that is not a date at all', () => {
    for (const text of ['', '2022', '2022-1-1', '22/5/22', '2022/05/22', '22.5.2022', '22-5-2022', '2022-05-22T00:00', 'hôm nay', '١/١/٢٠٢٢']) {
      expect(parseDate(text), text).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('today in a zone is the wall-clock date there, whatever TZ the process has', () => {
    // Fixed offsets since 1995: Kiritimati is UTC+14, Pago Pago UTC-11 (no daylight saving).
    const from1996 = Date.UTC(1996, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from1996, max: Date.UTC(2090, 0, 1) }), (now) => {
        expect(todayIn('UTC', now)).toBe(Math.floor(now / MS_PER_DAY));
        expect(todayIn('Pacific/Kiritimati', now)).toBe(Math.floor((now + 14 * 3_600_000) / MS_PER_DAY));
        expect(todayIn('Pacific/Pago_Pago', now)).toBe(Math.floor((now - 11 * 3_600_000) / MS_PER_DAY));
        expect(todayIn('Asia/Ho_Chi_Minh', now)).toBe(Math.floor((now + 7 * 3_600_000) / MS_PER_DAY));
      }),
      { numRuns: 300 },
    );
  });
});
