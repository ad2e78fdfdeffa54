import type { Pointer } from '../../load/parse.js';
import type { PlanEntry, Rule, RuleContext } from './context.js';
import { list, record } from './context.js';
import { closest } from '../schema-check.js';

/**
 * Every party, parent and content reference resolves; lead, support,
 * signatories and contacts name parties of the plan itself.
 */
export const references: Rule = (ctx) => {
  for (const entry of ctx.plans) {
    const raw = entry.raw;
    const planParties = new Set(list(raw.parties).map(String));
    list(raw.parties).forEach((p, i) => checkKnown(ctx, entry, String(p), ['parties', i]));
    const member = (party: unknown, pointer: Pointer, role: string) => {
      const id = String(party);
      if (!checkKnown(ctx, entry, id, pointer)) return;
      if (!planParties.has(id)) entry.report(pointer, 'party-not-in-plan', { party: id, role, plan: String(raw.id) });
    };
    list(raw.signatories).forEach((s, i) => member(record(s).party, ['signatories', i, 'party'], 'signatory'));
    list(raw.contacts).forEach((c, i) => member(record(c).party, ['contacts', i, 'party'], 'contact'));
    const contentIds = new Set(list(raw.contents).map((c) => String(record(c).id)));
    list(raw.tasks).forEach((t, i) => {
      const task = record(t);
      member(task.lead, ['tasks', i, 'lead'], 'lead');
      list(task.support).forEach((s, j) => member(s, ['tasks', i, 'support', j], 'support'));
      // At the repeated party itself, not at the list: a long support list has it somewhere inside.
      const leadAt = list(task.support).map(String).indexOf(String(task.lead));
      if (leadAt >= 0) entry.report(['tasks', i, 'support', leadAt], 'lead-in-support', { party: String(task.lead) }, 'warning');
      if (task.content !== undefined && !contentIds.has(String(task.content))) {
        entry.report(['tasks', i, 'content'], 'unknown-content', { content: String(task.content) });
      }
    });
    if (raw.parent !== undefined) {
      const parent = String(raw.parent);
      if (parent === String(raw.id)) entry.report(['parent'], 'parent-cycle', { chain: `${parent} → ${parent}` });
      else if (!ctx.knownPlanIds.has(parent)) entry.report(['parent'], 'unknown-parent', { parent });
    }
  }
};

/**
 * A declared party id one typo away (hnd-tnh → hnd-tinh), worked out once
 * per unknown id for a set of known ids. The cache goes with the set, not the
 * rule context: `validate` on a folder runs the rules over it twice when a
 * plan names an unknown party (its stub, then the plan read whole: stream.ts),
 * each time in a new context but with the same ids.
 */
function closestId(ctx: RuleContext, id: string): string | undefined {
  const known = ctx.knownPartyIds;
  let cached = suggestions.get(known);
  // The set is complete before any rule runs; its size guards against one filled in later all the same.
  if (!cached || cached.size !== known.size) suggestions.set(known, (cached = { size: known.size, candidates: [...known], byId: new Map() }));
  if (!cached.byId.has(id)) cached.byId.set(id, closest(id, cached.candidates));
  return cached.byId.get(id);
}
const suggestions = new WeakMap<ReadonlySet<string>, { size: number; candidates: string[]; byId: Map<string, string | undefined> }>();

function checkKnown(ctx: RuleContext, entry: PlanEntry, id: string, pointer: Pointer): boolean {
  if (ctx.knownPartyIds.has(id)) return true;
  entry.report(pointer, 'unknown-party', { party: id, suggestion: closestId(ctx, id) });
  return false;
}
