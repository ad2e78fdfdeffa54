/**
 * itemsDueOrDoneIn walks only the occurrences that can be due in a window
 * (and the logged ones): it must find exactly what expanding every item and
 * testing each one finds, in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandItemsWhere, type ItemFacts, itemsDueOrDoneIn, type Span } from '../../src/model/items.js';
import { EVERY_VALUES, nextPeriod, periodContaining } from '../../src/model/periods.js';
import type { Model } from '../../src/model/records.js';
// @ts-expect-error plain JS module of the benchmark
import { generateFolder } from '../../bench/generate.js';
import { EXAMPLE_FOLDERS } from '../helpers/cli.js';
import { tempFolder } from '../helpers/folder.js';
import { dayArbitrary, modelArbitrary } from '../helpers/report-arbitraries.js';
import { day, loadExample, loadModel } from '../helpers/report-model.js';

const inSpan = (d: number | null | undefined, span: Span) => d !== null && d !== undefined && span.start <= d && d <= span.end;

function expectSameAsExpandingAll(model: Model, due: Span, done: Span): number {
  const expected = expandItemsWhere(model, (facts: ItemFacts) => inSpan(facts.due, due) || inSpan(facts.done, done));
  expect(itemsDueOrDoneIn(model, due, done)).toEqual(expected);
  return expected.length;
}

/** The windows summary asks for: a period and the next one for due days, the period for completions. */
function summaryWindows(from: number, to: number): Array<[Span, Span]> {
  const windows: Array<[Span, Span]> = [];
  for (const every of EVERY_VALUES) {
    for (let p = periodContaining(every, from); p.start <= to; p = nextPeriod(p)) windows.push([{ start: p.start, end: nextPeriod(p).end }, p]);
  }
  return windows;
}

describe('itemsDueOrDoneIn', () => {
  it('finds what expanding every item finds, on random models and windows', () => {
    fc.assert(
      fc.property(modelArbitrary, dayArbitrary, fc.nat({ max: 400 }), dayArbitrary, fc.nat({ max: 400 }), (model, dueStart, dueLength, doneStart, doneLength) => {
        expectSameAsExpandingAll(model, { start: dueStart, end: dueStart + dueLength }, { start: doneStart, end: doneStart + doneLength });
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same on the examples, for every month, quarter, half and year of their plans', async () => {
    let found = 0;
    for (const name of EXAMPLE_FOLDERS) {
      const model = await loadExample(name);
      for (const [due, done] of summaryWindows(day('2016-01-01'), day('2027-12-31'))) found += expectSameAsExpandingAll(model, due, done);
    }
    expect(found).toBeGreaterThan(100);
  });

  it('finds the same on generated benchmark plans (offsets, days of the month, cancelled and late entries)', async () => {
    const dir = tempFolder();
    generateFolder(dir, { n: 80, seed: 11, clean: true });
    const model = await loadModel(dir);
    let found = 0;
    for (const [due, done] of summaryWindows(day('2019-01-01'), day('2026-12-31'))) found += expectSameAsExpandingAll(model, due, done);
    expect(found).toBeGreaterThan(1000);
  });
});
