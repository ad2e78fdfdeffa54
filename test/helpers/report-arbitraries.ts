/**
 * fast-check generators of records as model objects (no YAML needed), and a
 * writer that turns such a model into a records folder for the CLI.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { type Day, dayFromYMD, formatISO } from '../../src/model/dates.js';
import { type Every, EVERY_VALUES, parsePeriod, periodsOverlapping } from '../../src/model/periods.js';
import {
  DEFAULT_CONFIG,
  inForce,
  type LogEntry,
  type Model,
  type Party,
  type Plan,
  TASK_TYPES,
  type Task,
} from '../../src/model/records.js';

export const PARTY_IDS = ['bdv-tu', 'btg-tu', 'hnb'] as const;
export const METRICS = { articles: { label: 'Tin, bài', unit: 'bài' }, participants: { label: 'Người tham dự', unit: 'người' } };

const results = fc.option(fc.record({ articles: fc.integer({ min: 0, max: 90 }) }, { requiredKeys: [] }), { nil: undefined });

/** Which parties a plan has (two or more) and who leads / supports a task among them. */
const partySubset = fc.subarray([...PARTY_IDS], { minLength: 2 });

interface PlanShape {
  id: string;
  period: { start: Day; end: Day; key: string };
  signed: Day;
  parties: string[];
}

function oneOffTask(plan: PlanShape, index: number): fc.Arbitrary<Task> {
  const { start, end } = plan.period;
  return fc
    .record({
      type: fc.constantFrom(...TASK_TYPES),
      lead: fc.constantFrom(...plan.parties),
      due: fc.option(fc.integer({ min: start - 30, max: end + 60 }), { nil: undefined }),
      status: fc.constantFrom('planned', 'in-progress', 'done', 'cancelled' as const),
      doneShift: fc.integer({ min: -40, max: 60 }),
      results,
    })
    .map(({ type, lead, due, status, doneShift, results }) => ({
      id: `viec-${index}`,
      title: `Nhiệm vụ ${index}`,
      type,
      lead,
      support: plan.parties.filter((p) => p !== lead),
      schedule: {
        kind: 'one-off' as const,
        due,
        status,
        done: status === 'done' ? Math.max(plan.signed, (due ?? start + 100) + doneShift) : undefined,
        results: status === 'done' ? (results ?? {}) : {},
      },
    }));
}

const outcome = fc.record({
  kind: fc.constantFrom('none', 'done', 'done', 'cancelled' as const),
  shift: fc.integer({ min: -30, max: 45 }),
  results,
});

function recurringTask(plan: PlanShape, index: number): fc.Arbitrary<Task> {
  const span = inForce({ signed: plan.signed, period: plan.period } as Plan);
  return fc
    .record({
      type: fc.constantFrom(...TASK_TYPES),
      lead: fc.constantFrom(...plan.parties),
      every: fc.constantFrom<Every>(...EVERY_VALUES),
      due: fc.oneof(fc.record({ offset: fc.integer({ min: -10, max: 40 }) }), fc.record({ day: fc.integer({ min: 1, max: 31 }) })),
      outcomes: fc.array(outcome, { minLength: 60, maxLength: 60 }),
    })
    .map(({ type, lead, every, due, outcomes }) => {
      const from = span.start;
      const until = plan.period.end;
      const offset = 'offset' in due ? due.offset : 0;
      const dayOfMonth = 'day' in due ? due.day : undefined;
      const log: LogEntry[] = [];
      periodsOverlapping(every, from, until).forEach((period, i) => {
        const o = outcomes[i % outcomes.length];
        if (o.kind === 'none') return;
        if (o.kind === 'cancelled') {
          log.push({ key: period.key, period, cancelled: true, results: {} });
          return;
        }
        log.push({ key: period.key, period, done: Math.max(plan.signed, period.end + o.shift), cancelled: false, results: o.results ?? {} });
      });
      return {
        id: `dinh-ky-${index}`,
        title: `Nhiệm vụ định kỳ ${index}`,
        type,
        lead,
        support: [],
        schedule: { kind: 'recurring' as const, every, offset, day: dayOfMonth, from, until, log },
      };
    });
}

function ongoingTask(plan: PlanShape, index: number): fc.Arbitrary<Task> {
  return fc
    .record({ lead: fc.constantFrom(...plan.parties), done: fc.option(fc.integer({ min: plan.signed, max: plan.period.end + 30 }), { nil: undefined }) })
    .map(({ lead, done }) => ({
      id: `thuong-xuyen-${index}`,
      title: `Nhiệm vụ thường xuyên ${index}`,
      type: 'activity' as const,
      lead,
      support: [],
      schedule: { kind: 'one-off' as const, status: done === undefined ? ('in-progress' as const) : ('done' as const), done, results: {} },
    }));
}

function planArbitrary(index: number): fc.Arbitrary<Plan> {
  return fc
    .record({
      startYear: fc.integer({ min: 2019, max: 2024 }),
      years: fc.integer({ min: 1, max: 3 }),
      signedShift: fc.integer({ min: -60, max: 200 }),
      parties: partySubset,
      kinds: fc.array(fc.constantFrom('one-off', 'recurring', 'ongoing'), { maxLength: 6 }),
    })
    .chain(({ startYear, years, signedShift, parties, kinds }) => {
      const text = years === 1 ? String(startYear) : `${startYear}..${startYear + years - 1}`;
      const r = parsePeriod(text);
      if (!r.ok) throw new Error(text);
      const shape: PlanShape = { id: `ke-hoach-${index}`, period: r.period, signed: dayFromYMD(startYear, 1, 1) + signedShift, parties };
      const tasks = kinds.map((kind, i) => (kind === 'one-off' ? oneOffTask(shape, i) : kind === 'recurring' ? recurringTask(shape, i) : ongoingTask(shape, i)));
      return fc.tuple(...tasks).map(
        (ts): Plan => ({
          id: shape.id,
          type: 'plan',
          number: null,
          title: `Kế hoạch phối hợp ${index}`,
          signed: shape.signed,
          period: r.period,
          parties,
          contents: [],
          tasks: ts,
          file: `plans/${shape.id}.yaml`,
        }),
      );
    });
}

/** A whole model: 1–3 plans over 2019–2026, with a random `soon`. */
export const modelArbitrary: fc.Arbitrary<Model> = fc
  .record({ soon: fc.integer({ min: 0, max: 30 }), count: fc.integer({ min: 1, max: 3 }) })
  .chain(({ soon, count }) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => planArbitrary(i))).map(
      (plans): Model => ({
        config: { ...DEFAULT_CONFIG, title: 'Ban Dân vận Tỉnh ủy', soon, metrics: METRICS },
        parties: new Map(PARTY_IDS.map((id): [string, Party] => [id, { id, name: `Cơ quan ${id}`, file: 'parties.yaml' }])),
        plans,
      }),
    ),
  );

/** Any day from 2018 to 2028. */
export const dayArbitrary = fc.integer({ min: dayFromYMD(2018, 1, 1), max: dayFromYMD(2028, 12, 31) });

/** The model as YAML files of a records folder, for running the CLI on it. */
export function modelFiles(model: Model): Record<string, string> {
  const files: Record<string, string> = {
    'phoihop.yaml': stringify({ kind: 'config', title: model.config.title, soon: model.config.soon, metrics: model.config.metrics }),
    'parties.yaml': stringify({ kind: 'parties', parties: [...model.parties.values()].map((p) => ({ id: p.id, name: p.name })) }),
  };
  for (const plan of model.plans) {
    files[plan.file] = stringify({
      kind: 'plan',
      id: plan.id,
      type: plan.type,
      title: plan.title,
      signed: formatISO(plan.signed),
      period: plan.period.key,
      parties: plan.parties,
      tasks: plan.tasks.map((task) => {
        const base = { id: task.id, title: task.title, type: task.type, lead: task.lead, ...(task.support.length ? { support: task.support } : {}) };
        const s = task.schedule;
        if (s.kind === 'one-off') {
          return {
            ...base,
            ...(s.due !== undefined ? { due: formatISO(s.due) } : {}),
            status: s.status,
            ...(s.done !== undefined ? { done: formatISO(s.done) } : {}),
            ...(Object.keys(s.results).length ? { results: s.results } : {}),
          };
        }
        return {
          ...base,
          every: s.every,
          ...(s.day !== undefined ? { day: s.day } : { offset: s.offset }),
          from: formatISO(s.from),
          until: formatISO(s.until),
          log: Object.fromEntries(
            s.log.map((e) => [e.key, e.cancelled ? { status: 'cancelled' } : { done: formatISO(e.done as Day), ...(Object.keys(e.results).length ? { results: e.results } : {}) }]),
          ),
        };
      }),
    });
  }
  return files;
}
