/**
 * The lists whose items must differ (a plan's `parties`, a task's
 * `support`) are checked by schema-check.ts, not by ajv, whose check
 * compares every item with every other (compiled-schemas.ts, UNIQUE_LISTS).
 * What is found must be what ajv finds against the published schemas: the
 * same errors (the same pair of items, the same message), on generated
 * plans whose lists repeat texts, numbers, NaN, lists and mappings.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { RecordFile } from '../../src/load/load.js';
import { loadSchema } from '../../src/schemas.js';
import { AJV_OPTIONS, internalSchema, UNIQUE_LISTS } from '../../src/validate/compiled-schemas.js';
import { schemaErrors } from '../../src/validate/schema-check.js';

const require = createRequire(import.meta.url);
const { Ajv } = require('ajv') as typeof import('ajv');
/** ajv on the published plan schema, uniqueItems and all: the reference. */
const published: ValidateFunction = new Ajv({ ...AJV_OPTIONS }).compile(loadSchema('plan'));

const RUNS = Number(process.env.PHOIHOP_FUZZ_RUNS ?? 300);

const planFile = (data: Record<string, unknown>): RecordFile => ({ path: 'plans/x.yaml', kind: 'plan', text: '', data, locate: () => ({ line: 1, column: 1 }) });

/** An error as the diagnostics read it (parentSchema aside: the validators' copy lacks the uniqueItems left to our check). */
const shown = (e: ErrorObject) => JSON.stringify([e.instancePath, e.schemaPath, e.keyword, e.params, e.message, e.propertyName, e.data === undefined ? 'undefined' : e.data], (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));

function expectAsAjv(data: Record<string, unknown>): void {
  const expected = published(data) ? [] : (published.errors ?? []);
  expect(schemaErrors(planFile(data)).map(shown).sort()).toEqual(expected.map(shown).sort());
}

/** A mapping made with its keys as own properties, whatever they are called (`constructor`, `__proto__`). */
const mapping = (entries: [string, unknown][]) => Object.fromEntries(entries) as Record<string, unknown>;

// Few values, so that lists repeat often; mappings in any key order; a key `constructor` ajv's equality reads first.
const scalar = fc.oneof(fc.constantFrom('bdv-tu', 'btg-tu', 'x', '1', 'BDV'), fc.integer({ min: -1, max: 2 }), fc.constantFrom(0, -0, NaN, Infinity, true, null));
// Fresh each time, as YAML makes them: the same keys in another order; a `constructor` holding a list, a mapping or NaN is equal to no other (ajv compares it by identity).
const odd = fc
  .constantFrom<() => unknown>(
    () => mapping([['constructor', []]]),
    () => mapping([['constructor', { a: 1 }]]),
    () => mapping([['constructor', NaN]]),
    () => mapping([['constructor', 1]]),
    () => mapping([['constructor', 'x'], ['a', []]]),
    () => mapping([['__proto__', 1]]),
    () => mapping([['a', 1], ['b', ['x']]]),
    () => mapping([['b', ['x']], ['a', 1]]),
  )
  .map((make) => make());
const item = fc.letrec((tie) => ({
  item: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, scalar, odd, tie('list'), tie('mapping')),
  list: fc.array(tie('item'), { maxLength: 3 }),
  mapping: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'constructor', '__proto__'), tie('item')), { maxLength: 3 }).map(mapping),
})).item;
// Lists of up to 8 items are compared pair by pair, longer ones through a text for each item: both are made.
const list = fc.oneof(fc.array(item, { maxLength: 8 }), fc.array(item, { minLength: 9, maxLength: 24 }));
const task = fc.oneof(
  fc.record({ id: fc.constant('t'), title: fc.constant('Việc'), lead: fc.constant('bdv-tu'), support: fc.oneof(list, scalar) }, { requiredKeys: ['id', 'title', 'lead'] }),
  scalar,
  list,
);
const plan = fc.record({ parties: fc.oneof(list, list, scalar), tasks: fc.oneof(fc.array(task, { maxLength: 4 }), scalar) }).map(({ parties, tasks }) => ({
  kind: 'plan',
  id: 'kh',
  type: 'plan',
  title: 'Kế hoạch',
  signed: '2022-05-12',
  period: '2022',
  parties,
  tasks,
}));

describe('repeated items', () => {
  it('are what ajv finds against the published schema, on generated plans', () => {
    fc.assert(
      fc.property(plan, (data) => expectAsAjv(data)),
      { numRuns: RUNS * 10 },
    );
  });

  it('are the last item that repeats an earlier one, with the last of those, as ajv reports them', () => {
    const parties = ['a-1', 'b-1', 'a-1', 'c-1', 'b-1', 'a-1', 'd-1'];
    const data = { kind: 'plan', id: 'kh', type: 'plan', title: 'K', signed: '2022-05-12', period: '2022', parties, tasks: [{ id: 't', title: 'V', lead: 'a-1', support: ['b-1', 'b-1'] }] };
    expectAsAjv(data);
    const errors = schemaErrors(planFile(data)).filter((e) => e.keyword === 'uniqueItems');
    expect(errors.map((e) => [e.instancePath, e.params, e.message])).toEqual([
      ['/parties', { i: 5, j: 2 }, 'must NOT have duplicate items (items ## 2 and 5 are identical)'],
      ['/tasks/0/support', { i: 1, j: 0 }, 'must NOT have duplicate items (items ## 0 and 1 are identical)'],
    ]);
  });

  // ajv (fast-deep-equal) calls such a key and throws, in the versions of today; what matters here is our answer.
  it('mappings with a key valueOf are compared as data, where ajv called it and failed', () => {
    const data = { kind: 'plan', id: 'kh', type: 'plan', title: 'K', signed: '2022-05-12', period: '2022', parties: [{ a: 1 }, mapping([['valueOf', 1]]), mapping([['valueOf', 1]])] };
    expect(schemaErrors(planFile(data)).filter((e) => e.keyword === 'uniqueItems').map((e) => e.params)).toEqual([{ i: 2, j: 1 }]);
  });

  it('are left out of the validators only where the published schemas have them', () => {
    for (const kind of ['config', 'parties', 'plan'] as const) {
      const places: string[] = [];
      const walk = (node: unknown, path: string[]) => {
        if (!node || typeof node !== 'object') return;
        if ((node as Record<string, unknown>).uniqueItems !== undefined) places.push(path.join('/'));
        for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
      };
      walk(loadSchema(kind), []);
      expect(places.sort(), kind).toEqual(UNIQUE_LISTS[kind].map((p) => p.join('/')).sort());
      expect(JSON.stringify(internalSchema(kind))).not.toContain('uniqueItems');
    }
  });
});
