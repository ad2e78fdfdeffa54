/**
 * How `diff` pairs the entries of a plan's basis, signatories and contacts
 * (lists without a unique id, matched by content): held, over generated
 * lists, to the first implementation, which ranked every pair of entries and
 * sorted them (kept below as the reference). It ran out of memory for 8,000
 * entries; the one in src/reports/diff.ts must give the very same pairs.
 * The lists are drawn from few values, so that copies, repeated keys, shared
 * labels, un-keyed entries and ties are common.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Entry, entriesOf, LISTS, type Pair, pairEntries } from '../../src/reports/diff.js';

// ---- The reference: the O(n²) pairing as it was before it was made fast (commit 281e4d1). ----

function referencePairEntries(a: Entry[], b: Entry[]): Pair[] {
  const candidates: Array<{ i: number; j: number; rank: number[] }> = [];
  for (const [i, x] of a.entries()) {
    for (const [j, y] of b.entries()) {
      const rank = pairRank(x, y);
      if (rank) candidates.push({ i, j, rank });
    }
  }
  // Best matches first; among equals, in list order, which makes the last resort one for one in order.
  candidates.sort((p, q) => compareRanks(q.rank, p.rank) || p.i - q.i || p.j - q.j);
  const partner = new Map<number, Entry>();
  const taken = new Set<number>();
  for (const { i, j } of candidates) {
    if (partner.has(i) || taken.has(j)) continue;
    partner.set(i, b[j]);
    taken.add(j);
  }
  const kept = a.map((x, i): Pair => [x, partner.get(i)]);
  const added = b.filter((_, j) => !taken.has(j)).map((y): Pair => [undefined, y]);
  return [...kept, ...added];
}

/** How good a match two entries are (higher first: equal, same key, same label, more fields in common), or undefined if they may not pair. */
function pairRank(x: Entry, y: Entry): number[] | undefined {
  const shared = Object.keys(x.value).filter((k) => k in y.value && JSON.stringify(x.value[k]) === JSON.stringify(y.value[k])).length;
  const sameKey = x.key === y.key;
  if (!sameKey && ((x.key !== undefined && y.key !== undefined) || shared === 0)) return undefined;
  const flag = (b: boolean) => (b ? 1 : 0);
  return [flag(x.whole === y.whole), flag(sameKey && x.key !== undefined), flag(x.label !== undefined && x.label === y.label), shared];
}

function compareRanks(p: number[], q: number[]): number {
  for (let k = 0; k < p.length; k++) if (p[k] !== q[k]) return p[k] - q[k];
  return 0;
}

// ---- Generated lists ----

/** A field's value: mostly one of `values`, sometimes absent, now and then of the wrong type (the pairing reads it as absent). */
const field = <T>(...values: T[]) => fc.option(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constant(7 as unknown as T) }), { freq: 4 });

const PARTIES = ['btg-tu', 'bdv-tu', 'mttq'];

/** Raw entries of each list, as YAML would give them: fields may be missing, dates written two ways (the same day). */
const ITEMS: Record<keyof typeof LISTS, fc.Arbitrary<unknown>> = {
  basis: fc.record(
    { number: field('01-KL/TW', '05-CT/TW'), date: field('2021-05-18', '18/5/2021', '2022-01-01'), title: field('Văn bản A', 'Văn bản B', 'Kết luận') },
    { requiredKeys: [] },
  ),
  signatories: fc.record({ party: field(...PARTIES), name: field('Nguyễn Văn Sự', 'Lê Thị Hoa'), title: field('Trưởng Ban', 'Phó Trưởng Ban') }, { requiredKeys: [] }),
  contacts: fc.record(
    {
      party: field(...PARTIES),
      leader: field('Lê Thị Hoa', 'Nguyễn Văn B', 'Nguyễn Văn B, Trần Thị C'),
      // Staff in any order: the same value (sorted), another label (as written).
      staff: fc.option(fc.subarray(['Nguyễn Văn B', 'Trần Thị C', 'Lê D']).chain((s) => fc.shuffledSubarray(s, { minLength: s.length })), { freq: 3 }),
    },
    { requiredKeys: [] },
  ),
};

/** A list before and after: unrelated, or the older one shuffled, cut, added to and partly rewritten (most entries keep a copy on the other side). */
function sides(item: fc.Arbitrary<unknown>, most: number): fc.Arbitrary<[unknown[], unknown[]]> {
  const list = fc.array(fc.oneof({ weight: 20, arbitrary: item }, { weight: 1, arbitrary: fc.constantFrom(null, 'văn bản', 3) }), { maxLength: most });
  const related = list.chain((before) =>
    fc
      .tuple(fc.shuffledSubarray(before), fc.array(item, { maxLength: Math.ceil(most / 3) }), fc.array(fc.tuple(fc.nat(), item), { maxLength: 3 }))
      .chain(([kept, extra, rewrites]) => {
        const after = [...kept, ...extra];
        for (const [at, value] of rewrites) if (after.length > 0) after[at % after.length] = value;
        return fc.shuffledSubarray(after, { minLength: after.length }).map((shuffled): [unknown[], unknown[]] => [before, shuffled]);
      }),
  );
  return fc.oneof(fc.tuple(list, list), related, related.map(([x, y]): [unknown[], unknown[]] => [y, x]));
}

/** The pairs as positions (older, newer; -1 for none), so that two answers compare as plain data. */
function positions(pairs: Pair[], a: Entry[], b: Entry[]): Array<[number, number]> {
  const at = (list: Entry[]) => new Map(list.map((e, k) => [e, k]));
  const [inA, inB] = [at(a), at(b)];
  return pairs.map(([x, y]) => [x === undefined ? -1 : (inA.get(x) ?? -2), y === undefined ? -1 : (inB.get(y) ?? -2)]);
}

function samePairs(list: keyof typeof LISTS, before: unknown[], after: unknown[]): void {
  const a = entriesOf(before, LISTS[list]);
  const b = entriesOf(after, LISTS[list]);
  expect(positions(pairEntries(a, b), a, b)).toEqual(positions(referencePairEntries(a, b), a, b));
}

describe('diff pairs list entries as ranking every pair did', () => {
  for (const list of Object.keys(LISTS) as Array<keyof typeof LISTS>) {
    it(`${list}: short lists, many ties`, () => {
      fc.assert(fc.property(sides(ITEMS[list], 10), ([before, after]) => samePairs(list, before, after)), { numRuns: 1500 });
    });

    it(`${list}: longer lists`, () => {
      fc.assert(fc.property(sides(ITEMS[list], 60), ([before, after]) => samePairs(list, before, after)), { numRuns: 200 });
    });
  }

  it('copies of one entry on both sides pair in list order, and the copy with the same label first', () => {
    const staff = (...names: string[]) => ({ party: 'bdv-tu', staff: names });
    // The same value thrice (staff sorted), written in two orders: the copies written alike pair first, then the rest in order.
    const before = [staff('B', 'A'), staff('A', 'B'), staff('A', 'B'), { party: 'bdv-tu', leader: 'X' }];
    const after = [staff('A', 'B'), staff('B', 'A'), { party: 'bdv-tu', leader: 'Y' }, staff('B', 'A')];
    const a = entriesOf(before, LISTS.contacts);
    const b = entriesOf(after, LISTS.contacts);
    expect(positions(pairEntries(a, b), a, b)).toEqual([
      [0, 1],
      [1, 0],
      [2, 3],
      [3, 2],
    ]);
    samePairs('contacts', before, after);
  });
});
