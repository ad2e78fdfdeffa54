import type { Rule } from './context.js';
import { list, record } from './context.js';

/** Plan and party ids are unique across the folder; contents and tasks within a plan. */
export const uniqueIds: Rule = (ctx) => {
  const planSeen = new Map<string, string>();
  for (const entry of ctx.plans) {
    const id = String(entry.raw.id);
    const first = planSeen.get(id);
    if (first !== undefined) entry.report(['id'], 'duplicate-plan-id', { id, first });
    else planSeen.set(id, entry.file.path);
  }
  const partySeen = new Map<string, string>();
  for (const party of ctx.parties) {
    const first = partySeen.get(party.id);
    if (first !== undefined) party.report(['parties', party.index, 'id'], 'duplicate-party-id', { id: party.id, first });
    else partySeen.set(party.id, party.file.path);
  }
  for (const entry of ctx.plans) {
    for (const [field, rule] of [
      ['contents', 'duplicate-content-id'],
      ['tasks', 'duplicate-task-id'],
    ] as const) {
      const seen = new Set<string>();
      list(entry.raw[field]).forEach((item, i) => {
        const id = String(record(item).id);
        if (seen.has(id)) entry.report([field, i, 'id'], rule, { id });
        seen.add(id);
      });
    }
  }
};
