/**
 * The markdown diff groups the changes by plan, moved deadlines first in
 * each (src/render/diff.ts `planSections`, which now appends to each plan's
 * list in place rather than copying it per change), fed a report directly.
 * It guards the output of that change, not its speed: it passed before too.
 */
import { describe, expect, it } from 'vitest';
import { renderDiffMarkdown } from '../../src/render/diff.js';
import type { DiffReport } from '../../src/reports/diff.js';

describe('markdown diff sections', () => {
  it('one section per plan in the order of the changes, moved deadlines lifted to the top of each', () => {
    const report: DiffReport = {
      from: 'main',
      to: 'worktree',
      others: [],
      titles: { plans: { a: 'Plan A', b: 'Plan B' }, tasks: { a: { t1: 'Task 1', t2: 'Task 2' }, b: { t3: 'Task 3' } }, parties: {} },
      changes: [
        { change: 'task-added', plan: 'a', task: 't2' },
        { change: 'due-moved', plan: 'a', task: 't1', from: '2022-06-30', to: '2022-07-31', days: 31 },
        { change: 'field-changed', plan: 'a', task: 't1', path: 'tasks.t1.title', from: 'Old', to: 'Task 1' },
        { change: 'due-moved', plan: 'a', task: 't2', from: '2022-06-30', to: '2022-06-20', days: -10 },
        { change: 'plan-added', plan: 'b' },
        { change: 'due-moved', plan: 'b', task: 't3', from: '2022-06-30', to: '2022-07-01', days: 1 },
      ],
    };
    expect(renderDiffMarkdown(report, 'en')).toBe(
      [
        '## Changes to the coordination plans',
        '',
        'Comparing `main` with the work tree: 6 changes in 2 plans.',
        '',
        '### a — Plan A',
        '',
        '- **Due moved 31 days later**: `t1` Task 1 — 2022-06-30 → 2022-07-31',
        '- **Due moved 10 days earlier**: `t2` Task 2 — 2022-06-30 → 2022-06-20',
        '- **Task added**: `t2` Task 2',
        '- **Changed** `tasks.t1.title`: `"Old"` → `"Task 1"`',
        '',
        '### b — Plan B',
        '',
        '- **Due moved 1 day later**: `t3` Task 3 — 2022-06-30 → 2022-07-01',
        '- **Plan added**',
        '',
      ].join('\n'),
    );
  });
});
