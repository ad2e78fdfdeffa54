import type { Rule } from './context.js';
import { list, record } from './context.js';
import { folderOf, recordsFoldersBelow } from './records-folders.js';

/**
 * Plan and party ids are unique across the folder (across each records
 * folder below it, when it holds several: see records-folders.ts); contents
 * and tasks within a plan.
 */
export const uniqueIds: Rule = (ctx) => {
  const folders = recordsFoldersBelow(ctx);
  // An id is keyed by its records folder too; a NUL keeps the two parts apart.
  const key = (path: string, id: string) => (folders.length === 0 ? id : `${folderOf(path, folders)}\0${id}`);
  const planSeen = new Map<string, string>();
  for (const entry of ctx.plans) {
    const id = String(entry.raw.id);
    const first = planSeen.get(key(entry.file.path, id));
    if (first !== undefined) entry.report(['id'], 'duplicate-plan-id', { id, first });
    else planSeen.set(key(entry.file.path, id), entry.file.path);
  }
  const partySeen = new Map<string, string>();
  for (const party of ctx.parties) {
    const first = partySeen.get(key(party.file.path, party.id));
    if (first !== undefined) party.report(['parties', party.index, 'id'], 'duplicate-party-id', { id: party.id, first });
    else partySeen.set(key(party.file.path, party.id), party.file.path);
  }
  for (const entry of ctx.plans) {
    for (const [field, rule] of [
      ['contents', 'duplicate-content-id'],
      ['tasks', 'duplicate-task-id'],
    ] as const) {
      const seen = new Map<string, number>();
      list(entry.raw[field]).forEach((item, i) => {
        const id = String(record(item).id);
        const first = seen.get(id);
        // The line of the first one, so that a clerk in a long plan finds both.
        if (first !== undefined) entry.report([field, i, 'id'], rule, { id, firstLine: entry.file.locate([field, first, 'id'], 'value').line });
        else seen.set(id, i);
      });
    }
  }
};
