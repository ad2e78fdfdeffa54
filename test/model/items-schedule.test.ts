/** Item expansion on hand-built tasks: clamped days, negative offsets, bounds inside a period. */
import { describe, expect, it } from 'vitest';
import { formatISO } from '../../src/model/dates.js';
import { expandTask, itemState } from '../../src/model/items.js';
import { parsePeriod } from '../../src/model/periods.js';
import type { LogEntry, Plan, RecurringSchedule, Task } from '../../src/model/records.js';
import { day } from '../helpers/report-model.js';

function plan(period: string, signed: string): Plan {
  const r = parsePeriod(period);
  if (!r.ok) throw new Error(period);
  return { id: 'p', type: 'plan', number: null, title: 'P', signed: day(signed), period: r.period, parties: ['a', 'b'], contents: [], tasks: [], file: 'plans/p.yaml' };
}

function recurring(schedule: Partial<RecurringSchedule> & Pick<RecurringSchedule, 'every' | 'from' | 'until'>): Task {
  return { id: 't', title: 'T', type: 'report', lead: 'a', support: [], schedule: { kind: 'recurring', offset: 0, log: [], ...schedule } };
}

const dues = (p: Plan, t: Task) => expandTask(p, t).map((i) => `${i.occurrence} ${formatISO(i.due as number)}`);

describe('recurring due dates', () => {
  it('clamp `day` to the end of the month: day 31 of a quarter ending in June or September', () => {
    const p = plan('2023', '2023-01-01');
    expect(dues(p, recurring({ every: 'quarter', day: 31, from: day('2023-01-01'), until: day('2023-12-31') }))).toEqual([
      '2023-Q1 2023-03-31',
      '2023-Q2 2023-06-30',
      '2023-Q3 2023-09-30',
      '2023-Q4 2023-12-31',
    ]);
    expect(dues(p, recurring({ every: 'month', day: 30, from: day('2024-01-01'), until: day('2024-03-31') }))).toEqual([
      '2024-01 2024-01-30',
      '2024-02 2024-02-29', // leap year
      '2024-03 2024-03-30',
    ]);
  });

  it('take a negative offset before the period ends', () => {
    const p = plan('2023', '2023-01-01');
    expect(dues(p, recurring({ every: 'half', offset: -5, from: day('2023-01-01'), until: day('2023-12-31') }))).toEqual(['2023-H1 2023-06-25', '2023-H2 2023-12-26']);
  });

  it('make an occurrence for every period that overlaps the bounds, even by one day', () => {
    const p = plan('2022..2023', '2022-03-31');
    expect(dues(p, recurring({ every: 'quarter', offset: 10, from: day('2022-03-31'), until: day('2023-01-01') }))).toEqual([
      '2022-Q1 2022-04-10',
      '2022-Q2 2022-07-10',
      '2022-Q3 2022-10-10',
      '2022-Q4 2023-01-10',
      '2023-Q1 2023-04-10',
    ]);
  });

  it('make one occurrence when `from` and `until` are the same day', () => {
    // A one-day recurrence overlaps exactly the period that holds that day.
    const p = plan('2023', '2023-01-01');
    expect(dues(p, recurring({ every: 'month', offset: 5, from: day('2023-05-10'), until: day('2023-05-10') }))).toEqual(['2023-05 2023-06-05']);
    expect(dues(p, recurring({ every: 'quarter', day: 20, from: day('2023-07-01'), until: day('2023-07-01') }))).toEqual(['2023-Q3 2023-09-20']);
  });
});

describe('log entries', () => {
  it('a completion makes the occurrence done from its date on; a cancellation at every date', () => {
    const p = plan('2023', '2023-01-01');
    const period = (key: string) => {
      const r = parsePeriod(key);
      if (!r.ok) throw new Error(key);
      return r.period;
    };
    const log: LogEntry[] = [
      { key: '2023-Q1', period: period('2023-Q1'), done: day('2023-04-20'), cancelled: false, results: { articles: 3 } },
      { key: '2023-Q2', period: period('2023-Q2'), cancelled: true, results: {} },
    ];
    const [q1, q2, q3] = expandTask(p, recurring({ every: 'quarter', offset: 15, from: day('2023-01-01'), until: day('2023-12-31'), log }));
    expect(itemState(q1, day('2023-04-19'), 14)).toBe('overdue'); // due 15/04, completion not yet true
    expect(itemState(q1, day('2023-04-20'), 14)).toBe('done');
    expect(q1.results).toEqual({ articles: 3 });
    expect(itemState(q2, day('2023-01-01'), 14)).toBe('cancelled');
    expect(itemState(q3, day('2023-10-01'), 14)).toBe('due-soon'); // due 15/10, exactly 14 days
    expect(q3.done).toBeUndefined();
  });

  it('a one-off with status done but its date after the as-of date is still due by its date', () => {
    const p = plan('2023', '2023-01-01');
    const task: Task = { id: 'x', title: 'X', type: 'event', lead: 'a', support: ['b'], schedule: { kind: 'one-off', due: day('2023-05-01'), status: 'done', done: day('2023-05-10'), results: {} } };
    const [item] = expandTask(p, task);
    expect(itemState(item, day('2023-04-30'), 0)).toBe('open');
    expect(itemState(item, day('2023-05-01'), 0)).toBe('due-soon');
    expect(itemState(item, day('2023-05-09'), 0)).toBe('overdue');
    expect(itemState(item, day('2023-05-10'), 0)).toBe('done');
  });
});
