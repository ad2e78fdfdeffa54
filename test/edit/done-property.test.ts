/**
 * `done` over every task of every example file, with random dates, periods,
 * results, notes and evidence: only the lines that must change do, the new
 * text reads back as the intended values, and the folder still validates.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyDone, type DoneRequest } from '../../src/edit/done.js';
import { loadRecords } from '../../src/load/load.js';
import { WorkTreeSource } from '../../src/load/worktree.js';
import { dayFromYMD, formatISO } from '../../src/model/dates.js';
import { type Period, periodsOverlapping } from '../../src/model/periods.js';
import type { Task } from '../../src/model/records.js';
import { type Validated, validateRecords } from '../../src/validate/validate.js';
import { EXAMPLES } from '../helpers/cli.js';
import { errorsIn, memorySource, validateSource } from '../helpers/edits.js';
import { checkLines, expectation } from './done-expect.js';

const AS_OF = dayFromYMD(2026, 11, 22);
const FOLDERS = ['ben-tre', 'dien-bien', 'nghe-an', 'phu-yen'];

interface Target {
  folder: string;
  file: string;
  text: string;
  task: Task;
  index: number;
  occurrences: Period[];
}

const targets: Target[] = [];
const validatedBefore = new Map<string, Validated>();

beforeAll(async () => {
  for (const folder of FOLDERS) {
    const loaded = await loadRecords(new WorkTreeSource(EXAMPLES + folder));
    const validated = validateRecords(loaded, { asOf: AS_OF });
    const { model, diagnostics } = validated;
    expect(diagnostics).toEqual([]);
    validatedBefore.set(folder, validated);
    for (const plan of model.plans) {
      const file = loaded.files.find((f) => f.path === plan.file)!;
      plan.tasks.forEach((task, index) => {
        const s = task.schedule;
        const occurrences = s.kind === 'recurring' ? periodsOverlapping(s.every, s.from, s.until) : [];
        targets.push({ folder, file: plan.file, text: file.text, task, index, occurrences });
      });
    }
  }
});

const noteArb = fc.oneof(
  fc.constantFrom('Đã tổ chức', 'Giao ban: quý IV, năm 2026', '# không phải ghi chú', '- gạch đầu dòng', 'a: b', '"trích"', "it's", '{x}', '12', 'true', 'null', '  ', ''),
  fc.string({ unit: fc.constantFrom(...'aăâđêôơư Tt:#,{}[]"\'-?&*!|>%@`\\/.0123456789'.split('')), maxLength: 24 }),
);

const requestArb = fc.record({
  pick: fc.nat(),
  occurrence: fc.nat(),
  date: fc.integer({ min: dayFromYMD(2017, 6, 1), max: AS_OF }),
  results: fc.uniqueArray(fc.tuple(fc.constantFrom('articles', 'participants', 'entries', 'funds'), fc.nat({ max: 5000 })), {
    selector: ([m]) => m,
    maxLength: 2,
  }),
  note: fc.option(noteArb, { nil: undefined }),
  evidence: fc.option(fc.constantFrom('12-BC/BDVTU', 'Tin “Giao ban”, số 3', '45-TB/BTGTU'), { nil: undefined }),
  force: fc.boolean(),
});

describe('done on the example files (property)', () => {
  it('changes only the lines it must, reads back as intended, and keeps the folder valid', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (arb) => {
        const t = targets[arb.pick % targets.length];
        const period = t.occurrences.length > 0 ? t.occurrences[arb.occurrence % t.occurrences.length] : undefined;
        const request: DoneRequest = { task: t.task, date: arb.date, period, results: arb.results, note: arb.note, evidence: arb.evidence, force: arb.force };
        const outcome = applyDone(t.text, request);
        const expected = expectation(t.text, t.index, request);

        if ('refusal' in expected) {
          expect(outcome.ok ? 'ok' : outcome.refusal.code).toBe(expected.refusal);
          return;
        }
        if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);

        // 1. Only lines that must change do.
        checkLines(t.text, outcome.text, t.index, expected);

        // 2. Re-parsing gives the intended values, through the real loader and model.
        const source = memorySource({ [t.file]: outcome.text }, new WorkTreeSource(EXAMPLES + t.folder));
        const after = await validateSource(source, AS_OF);
        const task = after.model.plans.find((p) => p.file === t.file)!.tasks[t.index];
        expect(task.id).toBe(t.task.id);
        const s = task.schedule;
        if (s.kind === 'recurring') {
          const entry = s.log.find((e) => e.key === period!.key)!;
          expect(entry.done).toBe(arb.date);
          expect(entry.cancelled).toBe(false);
          expect(entry.note).toBe(arb.note?.normalize('NFC'));
          expect(entry.evidence).toBe(arb.evidence);
          expect(entry.results).toEqual(Object.fromEntries(arb.results));
          expect(s.log.length).toBe((t.task.schedule as typeof s).log.length + (expected.pureInsert ? 1 : 0));
        } else {
          expect(s.status).toBe('done');
          expect(s.done).toBe(arb.date);
          for (const [metric, value] of arb.results) expect(s.results[metric]).toBe(value);
          if (arb.evidence !== undefined) expect(s.evidence).toBe(arb.evidence);
          if (arb.note !== undefined) expect(task.note).toBe(arb.note.normalize('NFC'));
        }
        // Every other task is exactly as it was.
        const before = validatedBefore.get(t.folder)!;
        const others = (v: typeof after) => v.model.plans.map((p) => ({ ...p, tasks: p.tasks.filter((x) => x.id !== t.task.id || p.file !== t.file) }));
        expect(others(after)).toEqual(others(before));

        // 3. The folder still validates.
        expect(errorsIn(after)).toEqual([]);
        expect(formatISO(arb.date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 300 },
    );
  });

  it('covers recurring and one-off tasks of every folder', () => {
    expect(targets.some((t) => t.task.schedule.kind === 'recurring')).toBe(true);
    expect(targets.some((t) => t.task.schedule.kind === 'one-off' && t.task.schedule.status !== 'done')).toBe(true);
    expect(new Set(targets.map((t) => t.folder)).size).toBe(FOLDERS.length);
  });
});
