/**
 * The parent-chain rule looks at the links once instead of walking up from
 * every plan: it must report exactly what the walk reported (kept below as
 * the reference), on a deep chain with cycles and duplicate ids, and on
 * generated links: cycles, self-parents, unknown parents, ids declared twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordFile } from '../../src/load/load.js';
import type { PlanEntry, RuleContext } from '../../src/validate/rules/context.js';
import { parentChain } from '../../src/validate/rules/parent.js';

type Report = [index: number, rule: string, chain: unknown];

/** The cycle part of the rule before this change, unchanged (its period check is the same code in both). */
function referenceCycles(plans: PlanEntry[]): void {
  const byId = new Map<string, PlanEntry>();
  for (const entry of plans) if (!byId.has(String(entry.raw.id))) byId.set(String(entry.raw.id), entry);
  for (const entry of plans) {
    const id = String(entry.raw.id);
    if (entry.raw.parent === undefined || String(entry.raw.parent) === id) continue;
    const chain = [id];
    let current: PlanEntry | undefined = byId.get(String(entry.raw.parent));
    while (current) {
      const cid = String(current.raw.id);
      if (cid === id) {
        entry.report(['parent'], 'parent-cycle', { chain: [...chain, id].join(' → ') });
        break;
      }
      if (chain.includes(cid)) break;
      chain.push(cid);
      current = current.raw.parent === undefined ? undefined : byId.get(String(current.raw.parent));
    }
  }
}

/** Plans with these ids and parents (undefined: none), and what a rule reports on them, in order. */
function reportsOf(rule: (plans: PlanEntry[]) => void, links: readonly (readonly [string, string | undefined])[]): Report[] {
  const reports: Report[] = [];
  const plans = links.map(([id, parent], index): PlanEntry => {
    const raw: Record<string, unknown> = { id };
    if (parent !== undefined) raw.parent = parent;
    const file = { path: `plans/${index}.yaml`, kind: 'plan', text: '', data: raw, locate: () => ({ line: 1, column: 1 }) } as RecordFile;
    return { file, raw, report: (_pointer, rule, args) => reports.push([index, rule, args?.chain]) };
  });
  rule(plans);
  return reports;
}

const ruleNow = (plans: PlanEntry[]) => parentChain({ plans, parties: [], configs: [], knownPlanIds: new Set(), knownPartyIds: new Set() } as unknown as RuleContext);

const RUNS = Number(process.env.PHOIHOP_FUZZ_RUNS ?? 300);

describe('parent chains', () => {
  it('a chain 300 deep under a cycle, with a duplicate id on a cycle through it and one on none: as the walk reported', () => {
    const id = (i: number) => `kh-${i}`;
    const links: [string, string | undefined][] = [];
    for (let i = 0; i < 300; i++) links.push([id(i), i === 0 ? id(2) : id(i - 1)]);
    links.push([id(150), id(299)], [id(299), id(5)], ['tu-than', 'tu-than'], ['mo-coi', 'khong-co'], ['goc', undefined]);
    const reports = reportsOf(ruleNow, links);
    expect(reports).toEqual(reportsOf(referenceCycles, links));
    expect(reports.map(([index]) => index)).toEqual([0, 1, 2, 300]);
    expect(reports[0][2]).toBe('kh-0 → kh-2 → kh-1 → kh-0');
    expect(String(reports[3][2]).split(' → ')).toEqual([id(150), ...Array.from({ length: 149 }, (_, k) => id(299 - k)), id(150)]);
  });

  it('a cycle through every plan: each reports the whole cycle from itself', () => {
    const links = Array.from({ length: 300 }, (_, i) => [`kh-${i}`, `kh-${(i + 299) % 300}`] as const);
    const reports = reportsOf(ruleNow, links);
    expect(reports).toEqual(reportsOf(referenceCycles, links));
    expect(reports).toHaveLength(300);
  });

  it('on generated links: as the walk reported', () => {
    // Few ids, so that parents are often known plans, ids repeat and cycles form; some parents are no plan.
    const id = fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `p${i}`));
    const links = fc.array(fc.tuple(id, fc.option(fc.oneof(id, fc.constant('khong-co')), { nil: undefined })), { maxLength: 30 });
    fc.assert(
      fc.property(links, (l) => {
        expect(reportsOf(ruleNow, l)).toEqual(reportsOf(referenceCycles, l));
      }),
      { numRuns: RUNS * 10 },
    );
  });
});
