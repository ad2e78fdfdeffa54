/**
 * Long item lists are sorted by placing them by due day (sortItems); the
 * walks over plans in id order tell it each item's plan rank, so that items
 * of different plans are checked without reading them. Both must give
 * exactly the order of a stable comparison sort with compareItems.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareItems, expandItems, expandItemsWhere, expandTask, type Item, type ItemFacts, itemsDueOrDoneIn, sortItems } from '../../src/model/items.js';
import { DEFAULT_CONFIG, type Model, type Plan } from '../../src/model/records.js';
// @ts-expect-error plain JS module of the benchmark
import { generateFolder } from '../../bench/generate.js';
import { tempFolder } from '../helpers/folder.js';
import { dayArbitrary, modelArbitrary } from '../helpers/report-arbitraries.js';
import { day, loadModel } from '../helpers/report-model.js';

/** What every walk must equal: every item in file order, then a stable comparison sort. */
function byComparison(plans: readonly Plan[], keep: (facts: ItemFacts) => boolean = () => true): Item[] {
  return plans.flatMap((plan) => plan.tasks.flatMap((task) => expandTask(plan, task))).filter(keep).sort(compareItems);
}

/** An item with only what compareItems reads; ids from small sets, so that ties and duplicates happen. */
const itemArbitrary = fc
  .record({
    due: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null, freq: 8 }),
    plan: fc.constantFrom('kh-01', 'kh-02', 'kh-10', 'a'),
    task: fc.constantFrom('t1', 't2', 't10', 'bc'),
    start: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  })
  .map(({ due, plan, task, start }) => ({ due, plan, task, period: start === undefined ? null : { start } }) as unknown as Item);

describe('sortItems', () => {
  it('orders any list as a stable sort by compareItems does, short or long, days close or far apart', () => {
    fc.assert(
      fc.property(fc.array(itemArbitrary, { maxLength: 700, size: 'max' }), fc.integer({ min: 1, max: 200 }), (items, spread) => {
        // Days spread far apart sometimes, so that the list falls back to a comparison sort.
        const spreadOut = items.map((item) => (item.due === null ? item : { ...item, due: item.due * spread * spread }));
        const expected = [...spreadOut].sort(compareItems);
        // Plan ranks as a walk over plans in id order gives them.
        const planIds = [...new Set(spreadOut.map((item) => item.plan))].sort();
        const ranks = spreadOut.map((item) => planIds.indexOf(item.plan));
        for (const sorted of [sortItems([...spreadOut]), sortItems([...spreadOut], ranks)]) {
          expect(sorted.length).toBe(expected.length);
          expect(sorted.every((item, i) => item === expected[i])).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('walks over plans', () => {
  /**
   * The generated benchmark plans with tasks out of id order: in every third
   * plan each task has a twin, due the same days, whose id sorts first but
   * which comes last; in another third the tasks are reversed. Optionally a
   * task id is repeated in some plans, and the plans are reversed.
   */
  async function shuffledModel(duplicateIds: boolean, reversePlans: boolean): Promise<Model> {
    const dir = tempFolder();
    generateFolder(dir, { n: 60, seed: 21, clean: true });
    const model = await loadModel(dir);
    const plans = model.plans.map((plan, p) => {
      let tasks = plan.tasks;
      if (p % 3 === 0) tasks = [...tasks, ...tasks.map((task) => ({ ...task, id: `0-${task.id}` }))];
      if (p % 3 === 1) tasks = [...tasks].reverse();
      if (duplicateIds && p % 5 === 0 && tasks.length > 1) tasks = tasks.map((task, t) => (t === 1 ? { ...task, id: tasks[0].id } : task));
      return { ...plan, tasks };
    });
    // Plans out of id order: no plan ranks, every pair of a day is compared.
    return { ...model, plans: reversePlans ? [...plans].reverse() : plans };
  }

  it.each([
    [false, false],
    [true, false],
    [false, true],
  ])('give the order of a comparison sort (a task id repeated: %s, plans reversed: %s)', async (duplicateIds, reversePlans) => {
    const model = await shuffledModel(duplicateIds, reversePlans);
    const all = byComparison(model.plans);
    expect(all.length).toBeGreaterThan(2000);
    expect(expandItems(model)).toEqual(all);
    for (let asOf = day('2022-01-15'); asOf < day('2027-01-01'); asOf += 181) {
      const open = (facts: ItemFacts) => !(facts.done !== undefined && facts.done <= asOf) && !facts.cancelled && facts.due !== null && facts.due <= asOf + 30;
      expect(expandItemsWhere(model, open, asOf + 30)).toEqual(byComparison(model.plans, open));
      const due = { start: asOf, end: asOf + 180 };
      const inDue = (facts: ItemFacts) => (facts.due !== null && due.start <= facts.due && facts.due <= due.end) || (facts.done !== undefined && due.start <= facts.done && facts.done <= due.end);
      expect(itemsDueOrDoneIn(model, due, due)).toEqual(byComparison(model.plans, inDue));
    }
  });

  it('sort a day whose items share a plan and a task id, which only their periods order', () => {
    // Two tasks with one id (a mistake validation reports; diff still lists their items): monthly first in the
    // file, quarterly second. A quarter's last day is also its last month's, where the quarter, which starts
    // earlier, must come first.
    const schedule = (every: 'month' | 'quarter') => ({ kind: 'recurring' as const, every, offset: 0, from: day('2000-01-01'), until: day('2029-12-31'), log: [] });
    const task = (every: 'month' | 'quarter') => ({ id: 't', title: every, type: 'report' as const, lead: 'a', support: [], schedule: schedule(every) });
    const period = { kind: 'range' as const, key: '2000..2029', start: day('2000-01-01'), end: day('2029-12-31') };
    const plan: Plan = { id: 'p', type: 'plan', number: null, title: 'P', signed: day('2000-01-01'), period, parties: ['a'], contents: [], tasks: [task('month'), task('quarter')], file: 'plans/p.yaml' };
    const model: Model = { config: DEFAULT_CONFIG, parties: new Map(), plans: [plan] };
    const all = byComparison(model.plans);
    expect(all.length).toBe(360 + 120);
    expect(all.filter((item) => item.due === day('2000-03-31')).map((item) => item.title)).toEqual(['quarter', 'month']);
    expect(expandItems(model)).toEqual(all);
    expect(expandItemsWhere(model, () => true)).toEqual(all);
  });

  it('give the order of a comparison sort on random models', () => {
    fc.assert(
      fc.property(modelArbitrary, dayArbitrary, (model, asOf) => {
        const reversed = { ...model, plans: [...model.plans].reverse().map((plan) => ({ ...plan, tasks: [...plan.tasks].reverse() })) };
        expect(expandItems(reversed)).toEqual(byComparison(reversed.plans));
        const open = (facts: ItemFacts) => !(facts.done !== undefined && facts.done <= asOf) && !facts.cancelled;
        expect(expandItemsWhere(reversed, open)).toEqual(byComparison(reversed.plans, open));
      }),
      { numRuns: 300 },
    );
  });
});
