import { isValidTimeZone } from '../../model/dates.js';
import { CONFIG_FILE } from '../../load/load.js';
import type { Rule } from './context.js';
import { list, record } from './context.js';

/**
 * One config, at the root; its time zone exists; results name metrics the
 * config declares (when it declares any).
 */
export const configRules: Rule = (ctx) => {
  for (const { file, report } of ctx.configs) {
    // Only the root file can be at the root, so this also rules out a second config.
    if (file.path !== CONFIG_FILE) report(['kind'], 'config-not-at-root', { expected: CONFIG_FILE });
    const tz = file.data.timezone;
    if (typeof tz === 'string' && !isValidTimeZone(tz)) report(['timezone'], 'invalid-timezone', { timezone: tz });
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
