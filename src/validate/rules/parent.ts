import { contains } from '../../model/periods.js';
import type { PlanEntry, Rule } from './context.js';

/** A parent chain has no cycle; a plan's period lies inside its parent's. */
export const parentChain: Rule = (ctx) => {
  const byId = new Map<string, PlanEntry>();
  for (const entry of ctx.plans) if (!byId.has(String(entry.raw.id))) byId.set(String(entry.raw.id), entry);
  for (const entry of ctx.plans) {
    const id = String(entry.raw.id);
    if (entry.raw.parent === undefined || String(entry.raw.parent) === id) continue;
    // Walk up; a cycle is reported once per plan on it, at its `parent` field.
    const chain = [id];
    let current: PlanEntry | undefined = byId.get(String(entry.raw.parent));
    while (current) {
      const cid = String(current.raw.id);
      if (cid === id) {
        entry.report(['parent'], 'parent-cycle', { chain: [...chain, id].join(' → ') });
        break;
      }
      if (chain.includes(cid)) break; // a cycle above us, reported on its own members
      chain.push(cid);
      current = current.raw.parent === undefined ? undefined : byId.get(String(current.raw.parent));
    }
    const parent = byId.get(String(entry.raw.parent));
    if (entry.plan && parent?.plan && !contains(parent.plan.period, entry.plan.period)) {
      entry.report(['period'], 'period-outside-parent', {
        period: entry.plan.period.key,
        parent: parent.plan.id,
        parentPeriod: parent.plan.period.key,
      });
    }
  }
};
