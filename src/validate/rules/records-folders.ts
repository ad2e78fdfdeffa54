/**
 * Records folders below the one read: the command was run from the folder
 * around them (`-C` forgotten), so their configs are not misplaced and ids
 * that repeat from one to the other are not duplicates.
 */
import { CONFIG_FILE } from '../../load/load.js';
import type { RuleContext } from './context.js';

/**
 * The folders (sorted) of the `sub/phoihop.yaml` files that are the root of a
 * records folder of their own, when the folder read has no phoihop.yaml:
 * all of them when every plan and parties file is inside one of them, else
 * those holding a parties file (a config misplaced among plans holds none).
 */
export function recordsFoldersBelow(ctx: Pick<RuleContext, 'configs' | 'plans' | 'parties'>): string[] {
  if (ctx.configs.length === 0 || ctx.configs.some(({ file }) => file.path === CONFIG_FILE)) return [];
  const folders = ctx.configs.map(({ file }) => file.path).filter((path) => path.endsWith(`/${CONFIG_FILE}`)).map((path) => path.slice(0, -CONFIG_FILE.length));
  const records = [...ctx.plans, ...ctx.parties].map(({ file }) => file.path);
  const own = records.every((path) => folders.some((folder) => path.startsWith(folder)))
    ? folders
    : folders.filter((folder) => ctx.parties.some(({ file }) => file.path.startsWith(folder)));
  return own.map((folder) => folder.slice(0, -1)).sort();
}

/** The folder among `folders` that holds `path` (the deepest, should they nest), else '' (the folder read). */
export function folderOf(path: string, folders: readonly string[]): string {
  let found = '';
  for (const folder of folders) if (path.startsWith(`${folder}/`) && folder.length > found.length) found = folder;
  return found;
}
