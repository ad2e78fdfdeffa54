import { formatISO } from '../../model/dates.js';
import type { Pointer } from '../../load/parse.js';
import type { Rule } from './context.js';
import { list, record } from './context.js';

/**
 * Warnings about dates that are legal but suspicious: a plan signed after
 * its period, a due date or a written recurrence bound outside the plan's
 * period, a completion after the as-of date or before signing.
 */
export const datesSanity: Rule = (ctx) => {
  for (const entry of ctx.plans) {
    const plan = entry.plan;
    if (!plan) continue;
    if (plan.signed > plan.period.end) {
      entry.report(['signed'], 'signed-after-period', { signed: formatISO(plan.signed), end: formatISO(plan.period.end) }, 'warning');
    }
    const completion = (day: number | undefined, pointer: Pointer) => {
      if (day === undefined) return;
      if (day > ctx.asOf) entry.report(pointer, 'done-in-future', { date: formatISO(day), asOf: formatISO(ctx.asOf) }, 'warning');
      if (day < plan.signed) entry.report(pointer, 'done-before-signed', { date: formatISO(day), signed: formatISO(plan.signed) }, 'warning');
    };
    const boundOutside = (pointer: Pointer, bound: 'from' | 'until', day: number) =>
      entry.report(pointer, 'bound-outside-period', { bound, date: formatISO(day), period: plan.period.key }, 'warning');
    plan.tasks.forEach((task, i) => {
      const s = task.schedule;
      if (s.kind === 'one-off') {
        if (s.due !== undefined && (s.due < plan.period.start || s.due > plan.period.end)) {
          entry.report(['tasks', i, 'due'], 'due-outside-period', { due: formatISO(s.due), period: plan.period.key }, 'warning');
        }
        completion(s.done, ['tasks', i, 'done']);
      } else {
        // A written bound past the plan's period adds occurrences the plan never had (until: 2062 for 2026): worth a look.
        const rawTask = record(list(entry.raw.tasks)[i]);
        if (rawTask.from !== undefined && s.from < plan.period.start) boundOutside(['tasks', i, 'from'], 'from', s.from);
        if (rawTask.until !== undefined && s.until > plan.period.end) boundOutside(['tasks', i, 'until'], 'until', s.until);
        for (const log of s.log) {
          if (log.done === undefined || (log.done <= ctx.asOf && log.done >= plan.signed)) continue;
          // Schema-valid log keys are already canonical, so the key finds the raw entry.
          const raw = record(rawTask.log)[log.key];
          const pointer = typeof raw === 'string' ? ['tasks', i, 'log', log.key] : ['tasks', i, 'log', log.key, 'done'];
          completion(log.done, pointer);
        }
      }
    });
  }
};
