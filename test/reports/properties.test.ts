/** Properties of items and reports over generated plans (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatISO, ymdFromDay } from '../../src/model/dates.js';
import { expandItems, itemState } from '../../src/model/items.js';
import { quarterPeriod, yearPeriod } from '../../src/model/periods.js';
import { deadlinesReport } from '../../src/reports/deadlines.js';
import { statusReport } from '../../src/reports/status.js';
import { summaryReport, TALLY_KEYS, type Tally } from '../../src/reports/summary.js';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/folder.js';
import { dayArbitrary, modelArbitrary, modelFiles } from '../helpers/report-arbitraries.js';

const tallySum = (t: Tally) => TALLY_KEYS.reduce((n, k) => n + t[k], 0);

describe('state counts', () => {
  it('add up to the total, for every plan in status and for the summary tallies', () => {
    fc.assert(
      fc.property(modelArbitrary, dayArbitrary, (model, asOf) => {
        for (const row of statusReport(model, { asOf, all: true }).plans) {
          const c = row.items;
          expect(c.done + c.overdue + c.dueSoon + c.open + c.cancelled).toBe(c.total);
        }
        const s = summaryReport(model, { asOf, period: yearPeriod(ymdFromDay(asOf).year) });
        expect(tallySum(s.due)).toBe(s.due.total);
        expect(s.dueItems).toHaveLength(s.due.total);
        expect(s.byLead.reduce((n, [, t]) => n + t.total, 0)).toBe(s.due.total);
        expect(s.byType.reduce((n, [, t]) => n + t.total, 0)).toBe(s.due.total);
      }),
    );
  });
});

describe('an item', () => {
  it('never moves from done back to not done as the as-of date advances', () => {
    fc.assert(
      fc.property(modelArbitrary, dayArbitrary, fc.integer({ min: 1, max: 800 }), (model, d1, gap) => {
        const soon = model.config.soon;
        for (const item of expandItems(model)) {
          if (itemState(item, d1, soon) === 'done') expect(itemState(item, d1 + gap, soon)).toBe('done');
        }
      }),
    );
  });
});

describe('summary', () => {
  it('of the four quarters of a year adds up to the summary of the year', () => {
    fc.assert(
      fc.property(modelArbitrary, dayArbitrary, fc.integer({ min: 2019, max: 2027 }), (model, asOf, year) => {
        const whole = summaryReport(model, { asOf, period: yearPeriod(year) });
        const quarters = [1, 2, 3, 4].map((q) => summaryReport(model, { asOf, period: quarterPeriod(year, q) }));
        for (const key of ['total', ...TALLY_KEYS] as const) {
          expect(quarters.reduce((n, s) => n + s.due[key], 0)).toBe(whole.due[key]);
        }
        expect(quarters.reduce((n, s) => n + s.completed.length, 0)).toBe(whole.completed.length);
        const sumMaps = (maps: [string, Tally][][]) => {
          const out: Record<string, Record<string, number>> = {};
          for (const map of maps)
            for (const [k, t] of map) {
              out[k] ??= {};
              for (const [field, n] of Object.entries(t)) out[k][field] = (out[k][field] ?? 0) + n;
            }
          return out;
        };
        const asRecord = (entries: [string, Tally][]) => Object.fromEntries(entries.map(([k, t]) => [k, { ...t }]));
        expect(sumMaps(quarters.map((s) => s.byLead))).toEqual(asRecord(whole.byLead));
        expect(sumMaps(quarters.map((s) => s.byType))).toEqual(asRecord(whole.byType));
        const results: Record<string, number> = {};
        for (const s of quarters) for (const [metric, n] of s.results) results[metric] = (results[metric] ?? 0) + n;
        expect(results).toEqual(Object.fromEntries(whole.results));
      }),
    );
  });
});

describe('deadlines', () => {
  it('prints the same under TZ=Pacific/Kiritimati (UTC+14) and TZ=Pacific/Pago_Pago (UTC−11)', () => {
    fc.assert(
      fc.property(modelArbitrary, dayArbitrary, fc.constantFrom('table', 'json', 'csv'), (model, asOf, format) => {
        const dir = tempFolder(modelFiles(model));
        const args = ['deadlines', '-C', dir, '--as-of', formatISO(asOf), '--format', format, '--within', '30'];
        const east = runCli(args, { env: { TZ: 'Pacific/Kiritimati' } });
        const west = runCli(args, { env: { TZ: 'Pacific/Pago_Pago' } });
        expect(east.code).toBe(0);
        expect(east.stdout).toBe(west.stdout);
        // And both say what the model says, due dates included, in this process's own zone.
        const expected = deadlinesReport(model, { asOf, within: 30 }).items.map((d) => `${d.item.plan}/${d.item.task}/${d.item.occurrence}/${formatISO(d.item.due as number)}`);
        const json = runCli([...args.slice(0, -4), '--format', 'json', '--within', '30'], { env: { TZ: 'Pacific/Pago_Pago' } });
        const items = JSON.parse(json.stdout).items as { plan: string; task: string; occurrence: string | null; due: string }[];
        expect(items.map((i) => `${i.plan}/${i.task}/${i.occurrence}/${i.due}`)).toEqual(expected);
      }),
      { numRuns: 6 },
    );
  });
});
