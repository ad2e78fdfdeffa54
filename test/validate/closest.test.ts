/**
 * Typo suggestions (`closest`): the bounded search gives exactly the answer
 * of the plain one it replaced (kept below as the reference: a full edit
 * distance to every candidate, the first at the least distance, if within a
 * third of the word's length), and `validate` works one out once per
 * unknown party id, though the cross-file rules run twice over a folder
 * whose plan names one (src/validate/stream.ts).
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { closest } from '../../src/validate/schema-check.js';
import { checkFolder } from '../../src/validate/stream.js';
import { InMemorySource } from '../helpers/memory-source.js';

const calls = vi.hoisted(() => ({ words: [] as string[] }));
vi.mock('../../src/validate/schema-check.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/validate/schema-check.js')>();
  return {
    ...actual,
    closest: (word: string, candidates: readonly string[]) => {
      calls.words.push(word);
      return actual.closest(word, candidates);
    },
  };
});

/** The implementation before the bounded search, unchanged. */
function referenceClosest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = referenceDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function referenceDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const RUNS = Number(process.env.PHOIHOP_FUZZ_RUNS ?? 300);

// Few letters, so that candidates are often one or two edits away; capitals and İ (two letters once lower-cased: the
// lengths compared must be those of the lower-cased texts) besides.
const letter = fc.constantFrom('a', 'b', 'c', '-', 'A', 'B', 'İ', '1');
const word = fc.array(letter, { maxLength: 14 }).map((letters) => letters.join(''));

/** A word changed by up to `edits` typos: a letter dropped, added, changed, or two neighbours swapped. */
const typoOf = (base: string) =>
  fc.array(fc.tuple(fc.nat(3), fc.nat(20), letter), { maxLength: 4 }).map((edits) => {
    let w = base;
    for (const [kind, at, l] of edits) {
      const i = w.length === 0 ? 0 : at % w.length;
      if (kind === 0) w = w.slice(0, i) + w.slice(i + 1);
      else if (kind === 1) w = w.slice(0, i) + l + w.slice(i);
      else if (kind === 2) w = w.slice(0, i) + l + w.slice(i + 1);
      else if (i + 1 < w.length) w = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    }
    return w;
  });

const wordAndCandidates = word.chain((w) =>
  fc.tuple(fc.constant(w), fc.array(fc.oneof(typoOf(w), word, fc.constant(w), fc.constant(w.toUpperCase()), fc.constant(w.toLowerCase())), { maxLength: 30 })),
);

describe('closest', () => {
  it('suggests what the full edit distance to every candidate suggested', () => {
    fc.assert(
      fc.property(wordAndCandidates, ([w, candidates]) => {
        expect(closest(w, candidates)).toBe(referenceClosest(w, candidates));
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it('keeps to the first of equally near candidates, and to the limit of a third of the word', () => {
    expect(closest('hnd-tnh', ['hnd-tnh-xy', 'hnd-tnx', 'hnd-tinh'])).toBe('hnd-tnx');
    expect(closest('titel', ['title', 'titles'])).toBe('title');
    expect(closest('ab', ['xy'])).toBe(undefined);
    expect(closest('abcdef', ['abcxyz', 'abxdef'])).toBe('abxdef');
    expect(closest('abcdef', ['abcxyz'])).toBe(undefined);
    expect(closest('ABC', ['x', 'abc'])).toBe('abc');
    expect(closest('', [])).toBe(undefined);
    expect(closest('', ['a', 'b'])).toBe('a');
  });
});

describe('validate', () => {
  it('works out the party a typo resembles once per unknown id', async () => {
    const parties = ['kind: parties', 'parties:', ...Array.from({ length: 50 }, (_, i) => `  - { id: ban-${i}, name: Ban ${i} }`), ''].join('\n');
    const plan = (id: string, named: string) =>
      [`kind: plan`, `id: ${id}`, 'type: plan', 'title: Kế hoạch', 'signed: 2022-05-12', 'period: 2022', `parties: [ban-1, ${named}]`, 'tasks:', `  - { id: t, title: Việc, lead: ${named} }`, ''].join('\n');
    const files = { 'parties.yaml': parties, 'plans/a.yaml': plan('a', 'ban-7x'), 'plans/b.yaml': plan('b', 'ban-7x'), 'plans/c.yaml': plan('c', 'zzz-zzz') };
    calls.words.length = 0;
    const checked = await checkFolder(new InMemorySource(files));
    const unknown = checked.diagnostics.filter((d) => d.rule === 'unknown-party');
    expect(unknown.map((d) => [d.file, d.args.party, d.args.suggestion])).toEqual([
      ['plans/a.yaml', 'ban-7x', 'ban-7'],
      ['plans/a.yaml', 'ban-7x', 'ban-7'],
      ['plans/b.yaml', 'ban-7x', 'ban-7'],
      ['plans/b.yaml', 'ban-7x', 'ban-7'],
      ['plans/c.yaml', 'zzz-zzz', undefined],
      ['plans/c.yaml', 'zzz-zzz', undefined],
    ]);
    expect(calls.words.sort()).toEqual(['ban-7x', 'zzz-zzz']);
  });
});
