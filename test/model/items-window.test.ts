/**
 * itemsDueOrDoneIn walks only the occurrences that can be due in a window
 * (and the logged ones), and expandItemsWhere with `dueBy` stops each
 * recurrence there: both must find exactly what expanding every item and
 * testing each one finds, in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandItemsWhere, type ItemFacts, itemsDueOrDoneIn, type Span } from '../../src/model/items.js';
import { EVERY_VALUES, nextPeriod, periodContaining } from '../../src/model/periods.js';
import { DEFAULT_CONFIG, type Model, type RecurringSchedule } from '../../src/model/records.js';
// @ts-expect-error plain JS module of the benchmark
import { generateFolder } from '../../bench/generate.js';
import { EXAMPLE_FOLDERS } from '../helpers/cli.js';
import { tempFolder } from '../helpers/folder.js';
import { dayArbitrary, modelArbitrary } from '../helpers/report-arbitraries.js';
import { day, loadExample, loadModel } from '../helpers/report-model.js';

/** A model of one plan with one recurring task on the given schedule. */
function recurringModel(schedule: Omit<RecurringSchedule, 'kind'>): Model {
  const period = { kind: 'year' as const, key: '2021', start: day('2021-01-01'), end: day('2021-12-31') };
  const task = { id: 't', title: 'T', type: 'report' as const, lead: 'a', support: [], schedule: { kind: 'recurring' as const, ...schedule } };
  const plan = { id: 'p', type: 'plan' as const, number: null, title: 'P', signed: day('2021-01-01'), period, parties: ['a'], contents: [], tasks: [task], file: 'plans/p.yaml' };
  return { config: DEFAULT_CONFIG, parties: new Map(), plans: [plan] };
}

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
      { numRuns: 2000 },
    );
  });

  it('finds an occurrence due before the recurrence starts (from on the 25th, day 1), in a window that ends before from', () => {
    const model = recurringModel({ every: 'month', offset: 0, day: 1, from: day('2021-02-25'), until: day('2021-12-31'), log: [] });
    const items = itemsDueOrDoneIn(model, { start: day('2020-01-03'), end: day('2021-02-01') }, { start: 0, end: -1 });
    expect(items.map((i) => [i.occurrence, i.due])).toEqual([['2021-02', day('2021-02-01')]]);
    expect(expandItemsWhere(model, () => true, day('2021-02-10')).map((i) => i.occurrence)).toEqual(['2021-02']);
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

describe('expandItemsWhere with dueBy', () => {
  const openDueBy = (asOf: number, dueBy: number) => (facts: ItemFacts) =>
    !(facts.done !== undefined && facts.done <= asOf) && !facts.cancelled && facts.due !== null && facts.due <= dueBy;

  it('finds what walking every occurrence finds, on random models, as-of days and windows', () => {
    fc.assert(
      fc.property(modelArbitrary, dayArbitrary, fc.integer({ min: -400, max: 400 }), (model, asOf, within) => {
        const keep = openDueBy(asOf, asOf + within);
        expect(expandItemsWhere(model, keep, asOf + within)).toEqual(expandItemsWhere(model, keep));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same on generated benchmark plans, for as-of days across their years, with offsets longer than a period', async () => {
    const dir = tempFolder();
    generateFolder(dir, { n: 80, seed: 12, clean: true });
    const generated = await loadModel(dir);
    // Offsets of more than a month either way: a bound off by one offset would then miss or add a whole period.
    const offsets = [-200, -60, -31, 0, 31, 95, 400];
    const model: Model = {
      ...generated,
      plans: generated.plans.map((plan, p) => ({
        ...plan,
        tasks: plan.tasks.map((task, t) =>
          task.schedule.kind === 'recurring' && task.schedule.day === undefined ? { ...task, schedule: { ...task.schedule, offset: offsets[(p + t) % offsets.length] } } : task,
        ),
      })),
    };
    let found = 0;
    for (let asOf = day('2017-01-15'); asOf < day('2028-01-01'); asOf += 97) {
      const keep = openDueBy(asOf, asOf + 14);
      const expected = expandItemsWhere(model, keep);
      expect(expandItemsWhere(model, keep, asOf + 14)).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(1000);
  });
});
