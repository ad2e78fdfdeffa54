/**
 * A recurring task's log, however a clerk orders and writes its entries
 * (a date, or a mapping with done, status, note, evidence and results),
 * becomes log entries in period order that say exactly what each entry says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRecords } from '../../src/load/load.js';
import { formatISO, parseDate } from '../../src/model/dates.js';
import { validateRecords } from '../../src/validate/validate.js';
import { InMemorySource } from '../helpers/memory-source.js';

const AS_OF = (parseDate('2026-11-22') as { day: number }).day;

const PARTIES = `kind: parties
parties:
  - { id: a, name: Ban A }
  - { id: b, name: Ban B }
`;

interface Written {
  month: number;
  done?: number;
  cancelled: boolean;
  note?: string;
  evidence?: string;
  results?: Record<string, number>;
  /** A bare date (`2024-03: 2024-03-20`) rather than a mapping. */
  bare: boolean;
}

const monthKey = (m: number) => `2024-${String(m).padStart(2, '0')}`;

const entry: fc.Arbitrary<Written> = fc
  .record({
    month: fc.integer({ min: 1, max: 12 }),
    doneDay: fc.integer({ min: 1, max: 28 }),
    cancelled: fc.boolean(),
    note: fc.option(fc.constantFrom('Lùi sang kỳ sau', 'Đã gửi'), { nil: undefined }),
    evidence: fc.option(fc.constantFrom('12-BC/BTG', 'CV 7'), { nil: undefined }),
    results: fc.option(fc.dictionary(fc.constantFrom('participants', 'articles'), fc.nat({ max: 500 }), { minKeys: 1 }), { nil: undefined }),
    bare: fc.boolean(),
  })
  .map(({ month, doneDay, cancelled, note, evidence, results, bare }) => {
    const done = (parseDate(`${monthKey(month)}-${String(doneDay).padStart(2, '0')}`) as { day: number }).day;
    // An entry not cancelled needs its date (log-without-date); a cancelled one records no completion or results.
    if (cancelled) return { month, cancelled: true, note: note ?? 'Hủy', evidence, bare: false };
    if (bare) return { month, done, cancelled: false, bare: true };
    return { month, done, cancelled: false, note, evidence, results, bare: false };
  });

/** Entries for distinct months, in any order. */
const log = fc.uniqueArray(entry, { selector: (e) => e.month, maxLength: 12 });

function written(e: Written): string {
  if (e.bare) return `      ${monthKey(e.month)}: ${formatISO(e.done!)}`;
  const fields: string[] = [];
  if (e.done !== undefined) fields.push(`done: ${formatISO(e.done)}`);
  if (e.cancelled) fields.push('status: cancelled');
  if (e.note !== undefined) fields.push(`note: ${e.note}`);
  if (e.evidence !== undefined) fields.push(`evidence: ${e.evidence}`);
  if (e.results !== undefined) fields.push(`results: { ${Object.entries(e.results).map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
  return `      ${monthKey(e.month)}: { ${fields.join(', ')} }`;
}

function plan(entries: Written[]): string {
  return `kind: plan
id: kh-2024
title: Kế hoạch phối hợp năm 2024
signed: 2024-01-05
period: 2024
parties: [a, b]
tasks:
  - id: giao-ban
    title: Giao ban hằng tháng
    type: briefing
    lead: a
    support: [b]
    every: month
    day: 25
    log:${entries.length === 0 ? ' {}' : '\n' + entries.map(written).join('\n')}
`;
}

describe('recurring task logs in the model', () => {
  it('are in period order and say what each written entry says', async () => {
    await fc.assert(
      fc.asyncProperty(log, async (entries) => {
        const loaded = await loadRecords(new InMemorySource({ 'parties.yaml': PARTIES, 'plans/kh-2024.yaml': plan(entries) }));
        const v = validateRecords(loaded, { asOf: AS_OF });
        expect(v.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const schedule = v.model.plans[0].tasks[0].schedule;
        if (schedule.kind !== 'recurring') throw new Error('expected a recurring task');
        const expected = [...entries].sort((a, b) => a.month - b.month);
        expect(schedule.log.map((l) => l.key)).toEqual(expected.map((e) => monthKey(e.month)));
        schedule.log.forEach((l, i) => {
          const e = expected[i];
          expect(l.done).toBe(e.done);
          expect(l.cancelled).toBe(e.cancelled);
          expect(l.note).toBe(e.note);
          expect(l.evidence).toBe(e.evidence);
          expect(l.results).toEqual(e.results ?? {});
        });
      }),
      { numRuns: 150 },
    );
  });

  it('report a bad date inside a log entry at that entry, written either way', async () => {
    const text = plan([]).replace('    log: {}', '    log:\n      2024-01: 2024-02-30\n      2024-02: { done: 2024-13-01 }');
    const v = validateRecords(await loadRecords(new InMemorySource({ 'parties.yaml': PARTIES, 'plans/kh-2024.yaml': text })), { asOf: AS_OF });
    // The bare date itself, and the `done` inside the mapping.
    expect(v.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['16:16 invalid-date', '17:24 invalid-date']);
  });
});
