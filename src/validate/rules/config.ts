import { isValidTimeZone } from '../../model/dates.js';
import { CONFIG_FILE } from '../../load/load.js';
import { unusableGlob } from '../../load/ignore-globs.js';
import type { Rule } from './context.js';
import { list, record } from './context.js';
import { recordsFoldersBelow } from './records-folders.js';

/** An unknown-metric message names this many declared metrics at most, then how many more there are (never "1 more": that one is named). */
const KNOWN_METRICS_SHOWN = 20;

/**
 * One config, at the root; its time zone exists; its ignore globs can be
 * used (the loader has passed over one that cannot); results name metrics
 * the config declares (when it declares any).
 */
export const configRules: Rule = (ctx) => {
  const folders = recordsFoldersBelow(ctx);
  for (const { file, report } of ctx.configs) {
    // Only the root file can be at the root, so this also rules out a second config.
    if (file.path !== CONFIG_FILE) {
      const folder = folders.find((f) => file.path === `${f}/${CONFIG_FILE}`) ?? '';
      // With several, each is named, to say `-C ban-a` or `-C ban-b`.
      report(['kind'], 'config-not-at-root', { expected: CONFIG_FILE, folder, folders: folder && folders.length > 1 ? JSON.stringify(folders) : undefined });
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
  const declared = new Set(metrics);
  // The declared metrics a message names: each use names them again, so a config of thousands names only the first few.
  const known =
    metrics.length > KNOWN_METRICS_SHOWN + 1
      ? { known: metrics.slice(0, KNOWN_METRICS_SHOWN).join(', '), more: metrics.length - KNOWN_METRICS_SHOWN }
      : { known: metrics.join(', ') };
  for (const entry of ctx.plans) {
    list(entry.raw.tasks).forEach((t, i) => {
      const task = record(t);
      const check = (results: unknown, at: (string | number)[]) => {
        for (const metric of Object.keys(record(results))) {
          if (!declared.has(metric)) entry.report([...at, metric], 'unknown-metric', { metric, ...known }, 'warning', 'key');
        }
      };
      check(task.results, ['tasks', i, 'results']);
      for (const [key, value] of Object.entries(record(task.log))) check(record(value).results, ['tasks', i, 'log', key, 'results']);
    });
  }
};
