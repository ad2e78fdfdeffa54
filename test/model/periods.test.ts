/**
 * Period expressions: for every form, the parsed span equals first and last
 * days computed independently (with Date's UTC arithmetic as the oracle).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../../src/model/dates.js';
import {
  dayOfLastMonth,
  type Every,
  nextPeriod,
  parseOccurrenceKey,
  parsePeriod,
  type Period,
  periodContaining,
  periodsOverlapping,
} from '../../src/model/periods.js';

const MS_PER_DAY = 86_400_000;
function oracleDay(y: number, m: number, d: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / MS_PER_DAY);
}
/** Last day of month m (1-based; 13 would be January of the next year) as a day number: day 0 of the month after. */
const oracleLastOfMonth = (y: number, m: number) => oracleDay(y, m + 1, 0);

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const year = fc.integer({ min: 1, max: 9999 });

interface Case {
  text: string;
  vietnamese?: string;
  kind: Period['kind'];
  start: number;
  end: number;
}

/** One arbitrary period of any single form, with its expected span computed independently. */
const single: fc.Arbitrary<Case> = fc.oneof(
  year.map((y) => ({ text: pad(y, 4), kind: 'year' as const, start: oracleDay(y, 1, 1), end: oracleDay(y, 12, 31) })),
  fc.tuple(year, fc.constantFrom(1, 2)).map(([y, h]) => ({
    text: `${pad(y, 4)}-H${h}`,
    vietnamese: `H${h}/${pad(y, 4)}`,
    kind: 'half' as const,
    start: oracleDay(y, h === 1 ? 1 : 7, 1),
    end: oracleLastOfMonth(y, h === 1 ? 6 : 12),
  })),
  fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => ({
    text: `${pad(y, 4)}-Q${q}`,
    vietnamese: `Q${q}/${pad(y, 4)}`,
    kind: 'quarter' as const,
    start: oracleDay(y, 3 * q - 2, 1),
    end: oracleLastOfMonth(y, 3 * q),
  })),
  fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => ({
    text: `${pad(y, 4)}-${pad(m, 2)}`,
    vietnamese: `${m}/${pad(y, 4)}`,
    kind: 'month' as const,
    start: oracleDay(y, m, 1),
    end: oracleLastOfMonth(y, m),
  })),
  fc
    .tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .filter(([y, m, d]) => oracleDay(y, m, d) <= oracleLastOfMonth(y, m))
    .map(([y, m, d]) => ({
      text: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`,
      vietnamese: `${d}/${m}/${pad(y, 4)}`,
      kind: 'day' as const,
      start: oracleDay(y, m, d),
      end: oracleDay(y, m, d),
    })),
);

describe('periods', () => {
  it('every single form spans exactly its first to its last day', () => {
    fc.assert(
      fc.property(single, (c) => {
        const r = parsePeriod(c.text);
        expect(r.ok).toBe(true);
        const p = (r as { period: Period }).period;
        expect(p).toEqual({ kind: c.kind, key: c.text, start: c.start, end: c.end });
      }),
      { numRuns: 2000 },
    );
  });

  it('the command line forms Q3/2017, H1/2017, 5/2017, 22/5/2017 mean the same spans', () => {
    fc.assert(
      fc.property(
        single.filter((c) => c.vietnamese !== undefined),
        (c) => {
          const vi = parsePeriod(c.vietnamese!, { vietnamese: true });
          expect(vi).toEqual(parsePeriod(c.text));
          // Spaces around it, as a shell may pass them, are not part of it.
          expect(parsePeriod(` ${c.vietnamese!} `, { vietnamese: true })).toEqual(vi);
          // Outside the command line only the day form (a date) is accepted in D/M/YYYY.
          if (c.kind !== 'day') expect(parsePeriod(c.vietnamese!).ok).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a range runs from the start of its left to the end of its right, in any mix of forms', () => {
    fc.assert(
      fc.property(single, single, fc.boolean(), (a, b, spaced) => {
        const text = `${a.text}${spaced ? ' .. ' : '..'}${b.text}`;
        const r = parsePeriod(text);
        if (b.end < a.start) {
          expect(r).toEqual({ ok: false, reason: 'reversed' });
        } else {
          expect(r).toEqual({ ok: true, period: { kind: 'range', key: `${a.text}..${b.text}`, start: a.start, end: b.end } });
        }
        if (a.vietnamese && b.vietnamese) {
          expect(parsePeriod(`${a.vietnamese}..${b.vietnamese}`, { vietnamese: true })).toEqual(r);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the examples of records.md', () => {
    const span = (text: string, opts = {}) => {
      const r = parsePeriod(text, opts);
      if (!r.ok) throw new Error(`${text}: ${r.reason}`);
      return [r.period.start, r.period.end];
    };
    const d = dayFromYMD;
    expect(span('2017')).toEqual([d(2017, 1, 1), d(2017, 12, 31)]);
    expect(span('2017-H1')).toEqual([d(2017, 1, 1), d(2017, 6, 30)]);
    expect(span('2017-H2')).toEqual([d(2017, 7, 1), d(2017, 12, 31)]);
    expect(span('2017-Q3')).toEqual([d(2017, 7, 1), d(2017, 9, 30)]);
    expect(span('2017-05')).toEqual([d(2017, 5, 1), d(2017, 5, 31)]);
    expect(span('2017-05-22')).toEqual([d(2017, 5, 22), d(2017, 5, 22)]);
    expect(span('2017..2021')).toEqual([d(2017, 1, 1), d(2021, 12, 31)]);
    expect(span('2021-07..2025-06')).toEqual([d(2021, 7, 1), d(2025, 6, 30)]);
    expect(span('2017-05-22..2021-12-31')).toEqual([d(2017, 5, 22), d(2021, 12, 31)]);
    expect(span('Q3/2017', { vietnamese: true })).toEqual([d(2017, 7, 1), d(2017, 9, 30)]);
    expect(span('H1/2017', { vietnamese: true })).toEqual([d(2017, 1, 1), d(2017, 6, 30)]);
    expect(span('5/2017', { vietnamese: true })).toEqual([d(2017, 5, 1), d(2017, 5, 31)]);
    expect(span('22/5/2017', { vietnamese: true })).toEqual([d(2017, 5, 22), d(2017, 5, 22)]);
    // YAML reads `period: 2022` as a number: it is the year.
    expect(parsePeriod(2022)).toEqual(parsePeriod('2022'));
  });

  it('refuses what is not a period', () => {
    for (const text of ['', '..', '2017..', '..2017', '2017..2018..2019', '2017-Q5', '2017-Q0', '2017-H3', '2017-13', '2017-00', '17', '2017-5', 'Q3/2017', '13/2017', 'Q5/2017', '2017-02-30', '0000', 'năm 2017']) {
      expect(parsePeriod(text).ok, text).toBe(false);
    }
    for (const text of ['13/2017', 'Q5/2017', 'H3/2017', '0/2017', '30/2/2017']) expect(parsePeriod(text, { vietnamese: true }).ok, text).toBe(false);
    expect(parsePeriod(2022.5).ok).toBe(false);
    expect(parsePeriod(0).ok).toBe(false);
    expect(parsePeriod(10000).ok).toBe(false);
    expect(parsePeriod('2026..2022')).toEqual({ ok: false, reason: 'reversed' });
  });

  const every = fc.constantFrom<Every>('month', 'quarter', 'half', 'year');
  const dayInRange = fc.integer({ min: dayFromYMD(1, 1, 1), max: dayFromYMD(9990, 12, 31) }); // leaves room for spans up to 3000 days

  it('the periods overlapping a span cover it without gaps or overlaps', () => {
    fc.assert(
      fc.property(every, dayInRange, fc.integer({ min: 0, max: 3000 }), (e, start, length) => {
        const end = start + length;
        const periods = periodsOverlapping(e, start, end);
        expect(periods.length).toBeGreaterThan(0);
        expect(periods[0].start).toBeLessThanOrEqual(start);
        expect(periods[0].end).toBeGreaterThanOrEqual(start);
        expect(periods[periods.length - 1].end).toBeGreaterThanOrEqual(end);
        expect(periods[periods.length - 1].start).toBeLessThanOrEqual(end);
        for (let i = 0; i < periods.length; i++) {
          expect(periods[i].kind).toBe(e);
          expect(parsePeriod(periods[i].key)).toEqual({ ok: true, period: periods[i] });
          if (i > 0) expect(periods[i].start).toBe(periods[i - 1].end + 1);
        }
      }),
      { numRuns: 1000 },
    );
    expect(periodsOverlapping('month', 10, 9)).toEqual([]);
  });

  it('the period holding a day holds it, and the next one follows without a gap', () => {
    fc.assert(
      fc.property(every, dayInRange, (e, d) => {
        const p = periodContaining(e, d);
        expect(p.start).toBeLessThanOrEqual(d);
        expect(p.end).toBeGreaterThanOrEqual(d);
        const next = nextPeriod(p);
        expect(next.kind).toBe(e);
        expect(next.start).toBe(p.end + 1);
        expect(parseOccurrenceKey(e, p.key)).toEqual(p);
      }),
      { numRuns: 1000 },
    );
  });

  it('the next period of a range or a day has the same length, right after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromYMD(1, 1, 1), max: dayFromYMD(9980, 1, 1) }), fc.integer({ min: 0, max: 2000 }), (start, length) => {
        const range: Period = { kind: 'range', key: 'x', start, end: start + length };
        const next = nextPeriod(range);
        expect(next.start).toBe(range.end + 1);
        expect(next.end - next.start).toBe(length);
        expect(parsePeriod(next.key)).toEqual({ ok: true, period: next });
      }),
    );
    expect(nextPeriod({ kind: 'day', key: '2022-12-31', start: dayFromYMD(2022, 12, 31), end: dayFromYMD(2022, 12, 31) }).key).toBe('2023-01-01');
  });

  it('an occurrence key must have the granularity of every', () => {
    expect(parseOccurrenceKey('year', 2022)?.key).toBe('2022');
    expect(parseOccurrenceKey('year', '2022')?.key).toBe('2022');
    expect(parseOccurrenceKey('quarter', '2022-Q3')?.key).toBe('2022-Q3');
    expect(parseOccurrenceKey('half', '2022-H1')?.key).toBe('2022-H1');
    expect(parseOccurrenceKey('month', '2022-07')?.key).toBe('2022-07');
    expect(parseOccurrenceKey('quarter', '2022-07')).toBeUndefined();
    expect(parseOccurrenceKey('month', 2022)).toBeUndefined();
    expect(parseOccurrenceKey('year', '2022..2023')).toBeUndefined();
  });

  it('day of the last month is clamped to the month end', () => {
    const q1 = (parsePeriod('2023-Q1') as { period: Period }).period;
    expect(dayOfLastMonth(q1, 20)).toBe(dayFromYMD(2023, 3, 20));
    const feb = (parsePeriod('2024-02') as { period: Period }).period;
    expect(dayOfLastMonth(feb, 31)).toBe(dayFromYMD(2024, 2, 29));
    const h1 = (parsePeriod('2023-H1') as { period: Period }).period;
    expect(dayOfLastMonth(h1, 31)).toBe(dayFromYMD(2023, 6, 30));
  });
});
