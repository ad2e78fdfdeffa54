/** Records already in a folder that the files `init` writes would clash with. */
import type { Diagnostic } from '../validate/diagnostic.js';

export type InitClash =
  | { file: string; reason: 'config' }
  | { file: string; reason: 'ids'; ids: string[]; ours: string };

const DUPLICATE_ID_RULES = new Set(['duplicate-plan-id', 'duplicate-party-id']);

/**
 * Existing files that would make the new folder fail validation because of
 * what init adds: a second config (a folder has one, its phoihop.yaml), or a
 * plan or party id that init's own files declare too. Other errors already in
 * the folder are the clerk's own and do not stop init.
 * `diagnostics` are those of the folder with init's files (`ours`) added.
 */
export function initClashes(diagnostics: readonly Diagnostic[], ours: ReadonlySet<string>): InitClash[] {
  const clashes = new Map<string, InitClash>();
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    if (d.rule === 'config-not-at-root' && !ours.has(d.file)) clashes.set(d.file, { file: d.file, reason: 'config' });
    if (DUPLICATE_ID_RULES.has(d.rule)) addIdClash(clashes, d, ours);
  }
  return [...clashes.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The duplicate is reported on whichever file sorts later: the existing one is the side that is not ours. */
function addIdClash(clashes: Map<string, InitClash>, d: Diagnostic, ours: ReadonlySet<string>): void {
  const first = String(d.args.first);
  const [file, mine] = ours.has(d.file) ? [first, d.file] : [d.file, first];
  if (!ours.has(mine) || ours.has(file)) return;
  const id = String(d.args.id);
  const known = clashes.get(file);
  if (known?.reason === 'ids') {
    if (!known.ids.includes(id)) known.ids.push(id);
  } else if (known === undefined) {
    clashes.set(file, { file, reason: 'ids', ids: [id], ours: mine });
  }
}
