import type { Rule } from './context.js';
import { list, record } from './context.js';

/**
 * `status: done` needs `done` and `done` needs `status: done`; a cancelled
 * log entry has no `done` date, and a log mapping needs one or the other.
 * Results where nothing is done (a task not done, a cancelled occurrence)
 * never count: a warning.
 */
export const completion: Rule = (ctx) => {
  for (const entry of ctx.plans) {
    list(entry.raw.tasks).forEach((t, i) => {
      const task = record(t);
      if (task.every !== undefined) return; // recurring tasks have neither; see schedule rule
      if (task.status === 'done' && task.done === undefined) {
        entry.report(['tasks', i, 'status'], 'done-without-date', { task: String(task.id) });
      }
      if (task.done !== undefined && task.status !== 'done') {
        entry.report(['tasks', i, 'done'], 'date-without-done', { task: String(task.id), status: String(task.status ?? 'planned') });
      }
      if (task.status !== 'done' && task.results !== undefined && Object.keys(record(task.results)).length > 0) {
        entry.report(['tasks', i, 'results'], 'results-without-done', { task: String(task.id) }, 'warning');
      }
    });
    list(entry.raw.tasks).forEach((t, i) => {
      for (const [key, value] of Object.entries(record(record(t).log))) {
        if (typeof value !== 'object' || value === null) continue;
        const logEntry = record(value);
        const at = ['tasks', i, 'log', key];
        if (logEntry.status === 'cancelled' && logEntry.done !== undefined) {
          entry.report([...at, 'done'], 'cancelled-with-date', { occurrence: key });
        } else if (logEntry.status === 'cancelled' && logEntry.results !== undefined && Object.keys(record(logEntry.results)).length > 0) {
          // Results count in the period of their completion date: a cancelled occurrence has none.
          entry.report([...at, 'results'], 'results-without-done', { task: String(record(t).id), occurrence: key }, 'warning');
        } else if (logEntry.status !== 'cancelled' && logEntry.done === undefined) {
          entry.report(at, 'log-without-date', { occurrence: key });
        }
      }
    });
  }
};
