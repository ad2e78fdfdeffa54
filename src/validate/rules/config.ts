import { isValidTimeZone } from '../../model/dates.js';
import { CONFIG_FILE } from '../../load/load.js';
import { unusableGlob } from '../../load/ignore-globs.js';
import type { Rule, RuleContext } from './context.js';
import { list, record } from './context.js';

/**
 * One config, at the root; its time zone exists; its ignore globs can be
 * used (the loader has passed over one that cannot); results name metrics
 * the config declares (when it declares any).
 */
export const configRules: Rule = (ctx) => {
  const rootConfig = ctx.configs.some(({ file }) => file.path === CONFIG_FILE);
  for (const { file, report } of ctx.configs) {
    // Only the root file can be at the root, so this also rules out a second config.
    if (file.path !== CONFIG_FILE) {
      report(['kind'], 'config-not-at-root', { expected: CONFIG_FILE, folder: rootConfig ? '' : recordsFolderBelow(ctx, file.path) });
    }
    const tz = file.data.timezone;
    if (typeof tz === 'string' && !isValidTimeZone(tz)) report(['timezone'], 'invalid-timezone', { timezone: tz });
    list(file.data.ignore).forEach((glob, i) => {
      const unusable = typeof glob === 'string' ? unusableGlob(glob) : undefined;
      if (unusable) report(['ignore', i], 'invalid-ignore', { glob: glob as string, reason: unusable });
    });
  }
  const metrics = Object.keys(ctx.config.metrics);
  if (metrics.length === 0) return;
  for (const entry of ctx.plans) {
    list(entry.raw.tasks).forEach((t, i) => {
      const task = record(t);
      const check = (results: unknown, at: (string | number)[]) => {
        for (const metric of Object.keys(record(results))) {
          if (!metrics.includes(metric)) entry.report([...at, metric], 'unknown-metric', { metric, known: metrics.join(', ') }, 'warning', 'key');
        }
      };
      check(task.results, ['tasks', i, 'results']);
      for (const [key, value] of Object.entries(record(task.log))) check(record(value).results, ['tasks', i, 'log', key, 'results']);
    });
  }
};

/**
 * The folder of a phoihop.yaml below the root when every plan and parties
 * file is inside it too: the command was most likely run from the folder
 * around the records (`-C` forgotten), not given a misplaced config. Else ''.
 */
function recordsFolderBelow(ctx: RuleContext, configPath: string): string {
  if (!configPath.endsWith(`/${CONFIG_FILE}`)) return '';
  const folder = configPath.slice(0, -CONFIG_FILE.length);
  const records = [...ctx.plans, ...ctx.parties].map((entry) => entry.file.path);
  return records.every((path) => path.startsWith(folder)) ? folder.slice(0, -1) : '';
}
