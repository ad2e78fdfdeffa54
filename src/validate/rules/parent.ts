import { contains } from '../../model/periods.js';
import type { PlanEntry, Rule } from './context.js';

/**
 * A parent chain has no cycle; a plan's period lies inside its parent's.
 *
 * A plan is on a cycle when walking up from its parent (each id standing for
 * the first plan of that id) comes back to its own id; the cycle is reported
 * once per plan on it, at its `parent` field, as the ids met on the way. A
 * cycle above a plan is reported on its own members. The walks are not
 * taken one per plan (a chain 4,000 deep took 35 s): the links are looked at
 * once (ParentLinks), and only a cycle to report is walked.
 */
export const parentChain: Rule = (ctx) => {
  const byId = new Map<string, PlanEntry>();
  for (const entry of ctx.plans) if (!byId.has(String(entry.raw.id))) byId.set(String(entry.raw.id), entry);
  const links = new ParentLinks(byId);
  for (const entry of ctx.plans) {
    const id = String(entry.raw.id);
    if (entry.raw.parent === undefined || String(entry.raw.parent) === id) continue;
    const parentId = String(entry.raw.parent);
    if (links.reaches(parentId, id)) entry.report(['parent'], 'parent-cycle', { chain: [id, ...links.path(parentId, id), id].join(' → ') });
    const parent = byId.get(parentId);
    if (entry.plan && parent?.plan && !contains(parent.plan.period, entry.plan.period)) {
      entry.report(['period'], 'period-outside-parent', {
        period: entry.plan.period.key,
        parent: parent.plan.id,
        parentPeriod: parent.plan.period.key,
      });
    }
  }
};

/**
 * The parent links between plan ids, each id to its parent's id where that
 * is a plan (an id is the first plan of that id). Every walk up from an id
 * ends on a cycle or at a plan without a known parent; the ids that are not
 * on a cycle make trees hanging from those ends, numbered in one depth-first
 * walk, so that whether a walk up from one id meets another is a lookup.
 */
class ParentLinks {
  private readonly up = new Map<string, string>();
  /** The ids on a cycle, each with its cycle's number. */
  private readonly cycleOf = new Map<string, number>();
  /** Each id's tree: entered and left in the numbering, and the cycle it hangs from (-1: none). */
  private readonly tree = new Map<string, { entered: number; left: number; cycle: number }>();

  constructor(byId: ReadonlyMap<string, PlanEntry>) {
    for (const [id, entry] of byId) {
      const parent = entry.raw.parent === undefined ? undefined : String(entry.raw.parent);
      if (parent !== undefined && byId.has(parent)) this.up.set(id, parent);
    }
    this.findCycles(byId.keys());
    this.numberTrees(byId.keys());
  }

  /** Whether walking up from `from` (a parent named, maybe no plan) meets `target` before any id comes twice. */
  reaches(from: string, target: string): boolean {
    const start = this.tree.get(from);
    if (start === undefined) return false;
    const cycle = this.cycleOf.get(target);
    if (cycle !== undefined) return start.cycle === cycle;
    const t = this.tree.get(target)!;
    return t.entered <= start.entered && start.left <= t.left;
  }

  /** The ids met walking up from `from` before `target`, which the walk reaches. */
  path(from: string, target: string): string[] {
    const ids: string[] = [];
    for (let id = from; id !== target; id = this.up.get(id)!) ids.push(id);
    return ids;
  }

  private findCycles(ids: Iterable<string>): void {
    /** For each id met: the walk it was met in. */
    const walkOf = new Map<string, number>();
    let walk = 0;
    for (const start of ids) {
      if (walkOf.has(start)) continue;
      walk++;
      const met: string[] = [];
      let id: string | undefined = start;
      while (id !== undefined && !walkOf.has(id)) {
        walkOf.set(id, walk);
        met.push(id);
        id = this.up.get(id);
      }
      // Back to an id of this very walk: the ids from that one on are a cycle.
      if (id !== undefined && walkOf.get(id) === walk) {
        const cycle = this.cycleOf.size;
        for (let i = met.lastIndexOf(id); i < met.length; i++) this.cycleOf.set(met[i], cycle);
      }
    }
  }

  private numberTrees(ids: Iterable<string>): void {
    const children = new Map<string, string[]>();
    const roots: string[] = [];
    for (const id of ids) {
      const parent = this.up.get(id);
      if (parent === undefined || this.cycleOf.has(id)) roots.push(id);
      else {
        let list = children.get(parent);
        if (!list) children.set(parent, (list = []));
        list.push(id);
      }
    }
    let clock = 0;
    for (const root of roots) {
      const cycle = this.cycleOf.get(root) ?? -1;
      // Without recursion: a chain thousands deep would overflow the stack.
      const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
      this.tree.set(root, { entered: clock++, left: -1, cycle });
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const below = children.get(top.id) ?? [];
        if (top.next < below.length) {
          const child = below[top.next++];
          this.tree.set(child, { entered: clock++, left: -1, cycle });
          stack.push({ id: child, next: 0 });
        } else {
          this.tree.get(top.id)!.left = clock++;
          stack.pop();
        }
      }
    }
  }
}
