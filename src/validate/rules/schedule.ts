import { dayFromYMD, formatISO } from '../../model/dates.js';
import { type Every, occurrenceOfLogKey, overlaps, periodContaining } from '../../model/periods.js';
import type { Rule } from './context.js';
import { list, record } from './context.js';

const ONE_OFF_ONLY = ['due', 'status', 'done', 'results', 'evidence'] as const;
const RECURRING_ONLY = ['log', 'offset', 'day', 'from', 'until'] as const;

/** The days a date can name (records.md: `YYYY-MM-DD`): a due day outside them cannot be written. */
const FIRST_DAY = dayFromYMD(1, 1, 1);
const LAST_DAY = dayFromYMD(9999, 12, 31);

/**
 * A recurring task has `every` and none of the one-off fields; a one-off has
 * none of the recurrence fields; `log` keys are occurrences of `every` that
 * exist within the recurrence's bounds.
 */
export const schedule: Rule = (ctx) => {
  for (const entry of ctx.plans) {
    list(entry.raw.tasks).forEach((t, i) => {
      const task = record(t);
      const id = String(task.id);
      if (task.every === undefined) {
        for (const field of RECURRING_ONLY) {
          if (task[field] !== undefined) entry.report(['tasks', i, field], 'one-off-with-recurring-field', { task: id, field }, 'error', 'key');
        }
        return;
      }
      for (const field of ONE_OFF_ONLY) {
        if (task[field] !== undefined) entry.report(['tasks', i, field], 'recurring-with-one-off-field', { task: id, field }, 'error', 'key');
      }
      if (task.offset !== undefined && task.day !== undefined) {
        entry.report(['tasks', i, 'day'], 'offset-with-day', { task: id }, 'error', 'key');
      }
      const typed = entry.plan?.tasks[i];
      if (!typed || typed.schedule.kind !== 'recurring') return;
      const { from, until } = typed.schedule;
      // With both bounds by default, a plan signed after its period: no occurrence, so every log key is
      // outside; signed-after-period warns of the plan, and there is no bound to correct.
      if (until < from && (task.from !== undefined || task.until !== undefined)) {
        entry.report(['tasks', i, task.until !== undefined ? 'until' : 'from'], 'from-after-until', {
          task: id,
          from: formatISO(from),
          until: formatISO(until),
        });
        return;
      }
      // An offset may carry the first or last occurrence's due day out of the years a date can have.
      const { offset } = typed.schedule;
      if (offset !== 0 && from <= until) {
        // The occurrence the offset moves furthest: the last one forward, the first one back.
        const edge = periodContaining(typed.schedule.every, offset > 0 ? until : from);
        const due = edge.end + offset;
        if (due > LAST_DAY || due < FIRST_DAY) {
          entry.report(['tasks', i, 'offset'], 'due-out-of-range', { task: id, offset, occurrence: edge.key, limit: offset > 0 ? '9999-12-31' : '0001-01-01' });
        }
      }
      for (const key of Object.keys(record(task.log))) {
        const occurrence = occurrenceOfLogKey(task.every as Every, key);
        if (!occurrence) {
          entry.report(['tasks', i, 'log', key], 'log-key-granularity', { key, every: String(task.every) }, 'error', 'key');
        } else if (!overlaps(occurrence, { start: from, end: until })) {
          entry.report(['tasks', i, 'log', key], 'log-key-outside', { key, from: formatISO(from), until: formatISO(until) }, 'error', 'key');
        }
      }
    });
  }
};
