/**
 * Items and their state, on the example records, with every expectation
 * worked out by hand from the YAML (comments say which lines).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatISO } from '../../src/model/dates.js';
import { expandItems, expandPlan, type Item, itemState, planState, timeliness } from '../../src/model/items.js';
import type { Model, Plan } from '../../src/model/records.js';
import { day, loadExample } from '../helpers/report-model.js';

let benTre: Model;
let phuYen: Model;
beforeAll(async () => {
  benTre = await loadExample('ben-tre');
  phuYen = await loadExample('phu-yen');
});

const plan = (model: Model, id: string): Plan => model.plans.find((p) => p.id === id) as Plan;
const itemsOf = (model: Model, planId: string, task: string): Item[] => expandPlan(plan(model, planId)).filter((i) => i.task === task);
const find = (model: Model, planId: string, task: string, occurrence: string | null = null): Item =>
  itemsOf(model, planId, task).find((i) => i.occurrence === occurrence) as Item;
const iso = (d: number | null | undefined) => (d === null || d === undefined ? d : formatISO(d));

describe('occurrences of a recurring task', () => {
  it('straddle the plan: Bến Tre signed 22/5/2017 has a 2017-Q2 briefing, and the 2021-Q4 one is due in 2022', () => {
    // giao-ban-quy: every quarter, offset 20, bounds default to the plan in force 2017-05-22 .. 2021-12-31.
    const items = itemsOf(benTre, 'bdv-hnb-2017-2021', 'giao-ban-quy');
    expect(items.map((i) => i.occurrence)).toEqual([
      '2017-Q2', '2017-Q3', '2017-Q4',
      '2018-Q1', '2018-Q2', '2018-Q3', '2018-Q4',
      '2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4',
      '2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4',
      '2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4',
    ]);
    expect(iso(items[0].due)).toBe('2017-07-20'); // 30/6 + 20
    expect(iso(items[1].due)).toBe('2017-10-20'); // 30/9 + 20
    expect(iso(items.at(-1)?.due)).toBe('2022-01-20'); // 31/12/2021 + 20
  });

  it('use `day` of the period’s last month: Bến Tre half-yearly report due on the 15th', () => {
    const items = itemsOf(benTre, 'bdv-hnb-2017-2021', 'bao-cao-6-thang');
    expect(items.map((i) => `${i.occurrence} ${iso(i.due)}`)).toEqual([
      '2017-H1 2017-06-15', '2017-H2 2017-12-15', '2018-H1 2018-06-15', '2018-H2 2018-12-15',
      '2019-H1 2019-06-15', '2019-H2 2019-12-15', '2020-H1 2020-06-15', '2020-H2 2020-12-15',
      '2021-H1 2021-06-15', '2021-H2 2021-12-15',
    ]);
  });

  it('respect an explicit `from`: Phú Yên annual report starts in 2023', () => {
    const items = itemsOf(phuYen, 'btg-bdv-2022-2026', 'bao-cao-nam');
    expect(items.map((i) => `${i.occurrence} ${iso(i.due)}`)).toEqual(['2023 2023-12-05', '2024 2024-12-05', '2025 2025-12-05', '2026 2026-12-05']);
  });

  it('start at the signing month: Phú Yên monthly exchange from 2022-05 to 2022-12, due the 5th of the next month', () => {
    const items = itemsOf(phuYen, 'btg-bdv-2022', 'trao-doi-thong-tin-bao-chi');
    expect(items.map((i) => i.occurrence)).toEqual(['2022-05', '2022-06', '2022-07', '2022-08', '2022-09', '2022-10', '2022-11', '2022-12']);
    expect(iso(items[0].due)).toBe('2022-06-05'); // 31/5 + 5
    expect(iso(items.at(-1)?.due)).toBe('2023-01-05');
  });

  it('carry the log: a date, a mapping with done, and a cancellation', () => {
    const q2 = find(benTre, 'bdv-hnb-2017-2021', 'giao-ban-quy', '2017-Q2'); // 2017-Q2: 2017-07-18
    expect(iso(q2.done)).toBe('2017-07-18');
    const q3 = find(benTre, 'bdv-hnb-2017-2021', 'giao-ban-quy', '2017-Q3'); // mapping with done 2017-10-17
    expect(iso(q3.done)).toBe('2017-10-17');
    const covid = find(benTre, 'bdv-hnb-2017-2021', 'giao-ban-quy', '2020-Q1'); // { status: cancelled }
    expect(covid.cancelled).toBe(true);
    expect(covid.done).toBeUndefined();
    const q19 = find(benTre, 'bdv-hnb-2017-2021', 'giao-ban-quy', '2019-Q3'); // results { participants: 45 }
    expect(q19.results).toEqual({ participants: 45 });
  });
});

describe('the state of an item as of a day', () => {
  const soon = 14;

  it('the Q3/2017 briefing (due 20/10/2017, held 17/10/2017) before, on and after its completion', () => {
    const q3 = find(benTre, 'bdv-hnb-2017-2021', 'giao-ban-quy', '2017-Q3');
    expect(itemState(q3, day('2017-09-30'), soon)).toBe('open'); // 20 days ahead > 14
    expect(itemState(q3, day('2017-10-06'), soon)).toBe('due-soon'); // exactly 14 days ahead: inclusive
    expect(itemState(q3, day('2017-10-16'), soon)).toBe('due-soon'); // the completion on 17/10 is not yet true
    expect(itemState(q3, day('2017-10-17'), soon)).toBe('done');
    expect(timeliness(q3)).toBe('on-time');
  });

  it('a late completion: tập huấn due 30/09/2018, done 06/11/2018 is overdue in between, then done late', () => {
    const t = find(benTre, 'bdv-hnb-2017-2021', 'tap-huan-nghiep-vu');
    expect(itemState(t, day('2018-09-30'), soon)).toBe('due-soon'); // due today
    expect(itemState(t, day('2018-10-01'), soon)).toBe('overdue');
    expect(itemState(t, day('2018-11-05'), soon)).toBe('overdue');
    expect(itemState(t, day('2018-11-06'), soon)).toBe('done');
    expect(timeliness(t)).toBe('late');
  });

  it('a cancelled occurrence is cancelled at every as-of date, even before it was due', () => {
    const covid = find(benTre, 'bdv-hnb-2017-2021', 'giao-ban-quy', '2020-Q1');
    for (const d of ['2017-01-01', '2020-04-20', '2026-11-22']) expect(itemState(covid, day(d), soon)).toBe('cancelled');
  });

  it('a cancelled one-off task is cancelled', () => {
    const t = find(phuYen, 'btg-bdv-2022', 'toa-dam-dan-van-kheo'); // status: cancelled
    expect(itemState(t, day('2022-06-01'), soon)).toBe('cancelled');
  });

  it('an in-progress one-off goes by its due date; an ongoing task is open until done', () => {
    const dueToday = find(phuYen, 'btg-bdv-2022-2026', 'du-thao-tong-ket'); // due 2026-11-22, in-progress
    expect(itemState(dueToday, day('2026-11-22'), soon)).toBe('due-soon');
    expect(itemState(dueToday, day('2026-11-23'), soon)).toBe('overdue');
    const ongoing = find(phuYen, 'btg-bdv-2022-2026', 'nam-bat-du-luan'); // no due, no every
    expect(ongoing.due).toBeNull();
    expect(itemState(ongoing, day('2030-01-01'), soon)).toBe('open');
    // Bến Tre's ongoing propaganda task was closed on 14/01/2022: done, and on time (no due date).
    const closed = find(benTre, 'bdv-hnb-2017-2021', 'tuyen-truyen-thuong-xuyen');
    expect(itemState(closed, day('2022-01-13'), soon)).toBe('open');
    expect(itemState(closed, day('2022-01-14'), soon)).toBe('done');
    expect(timeliness(closed)).toBe('on-time');
  });

  it('the 14-day window is inclusive: tọa đàm due 6/12/2026 is due soon on 22/11/2026, open the day before', () => {
    const t = find(phuYen, 'btg-bdv-2022-2026', 'toa-dam-dau-tranh');
    expect(iso(t.due)).toBe('2026-12-06');
    expect(itemState(t, day('2026-11-22'), soon)).toBe('due-soon');
    expect(itemState(t, day('2026-11-21'), soon)).toBe('open');
  });
});

describe('plan state', () => {
  it('is upcoming before the later of signing and the period start, active in force, ended after', () => {
    const p = plan(benTre, 'bdv-hnb-2017-2021'); // signed 2017-05-22, period 2017..2021
    expect(planState(p, day('2017-05-21'))).toBe('upcoming');
    expect(planState(p, day('2017-05-22'))).toBe('active');
    expect(planState(p, day('2021-12-31'))).toBe('active');
    expect(planState(p, day('2022-01-01'))).toBe('ended');
  });

  it('is ended once its period is over, even when it was signed later still (never in force)', () => {
    const late = { ...plan(benTre, 'bdv-hnb-2017-2021'), signed: day('2022-02-01') };
    expect(planState(late, day('2021-12-31'))).toBe('upcoming');
    expect(planState(late, day('2022-01-15'))).toBe('ended');
    expect(planState(late, day('2022-03-01'))).toBe('ended');
  });
});

describe('expandItems', () => {
  it('orders by due date, then plan, task and occurrence, with ongoing tasks last', () => {
    const items = expandItems(phuYen);
    const dues = items.map((i) => i.due);
    const firstNull = dues.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(dues.slice(firstNull).every((d) => d === null)).toBe(true);
    const dated = dues.slice(0, firstNull) as number[];
    expect(dated).toEqual([...dated].sort((a, b) => a - b));
    // On 2022-10-15 there are two: btg-bdv-2022/ky-niem-92-nam and btg-bdv-2022-2026/giao-ban-quy 2022-Q3, plan id first.
    const oct15 = items.filter((i) => i.due === day('2022-10-15')).map((i) => `${i.plan}/${i.task}`);
    expect(oct15).toEqual(['btg-bdv-2022/ky-niem-92-nam', 'btg-bdv-2022-2026/giao-ban-quy']);
  });

  it('counts Phú Yên’s program as 31 items and its 2022 plan as 15', () => {
    // Program: 1 ongoing + 19 quarterly (2022-Q2..2026-Q4) + 4 annual (2023..2026) + 7 one-off = 31.
    expect(expandPlan(plan(phuYen, 'btg-bdv-2022-2026'))).toHaveLength(31);
    // Plan 2022: 7 one-off + 8 monthly (2022-05..2022-12) = 15.
    expect(expandPlan(plan(phuYen, 'btg-bdv-2022'))).toHaveLength(15);
  });
});
