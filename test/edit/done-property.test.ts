/**
 * `done` over every task of every example file, with random dates, periods,
 * results, notes and evidence: only the lines that must change do, the new
 * text reads back as the intended values, and the folder still validates.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import { applyDone, type DoneRequest } from '../../src/edit/done.js';
import { loadRecords } from '../../src/load/load.js';
import { WorkTreeSource } from '../../src/load/worktree.js';
import { dayFromYMD, formatISO } from '../../src/model/dates.js';
import { type Period, periodsOverlapping } from '../../src/model/periods.js';
import type { Task } from '../../src/model/records.js';
import { type Validated, validateRecords } from '../../src/validate/validate.js';
import { EXAMPLES } from '../helpers/cli.js';
import { errorsIn, lineDiff, lines, memorySource, nodeLines, validateSource } from '../helpers/edits.js';

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

/** The key/value pair of a map by key text. */
function pairOf(map: YAMLMap, key: string) {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
}

function taskNode(text: string, index: number): YAMLMap {
  const doc = parseDocument(text);
  const tasks = doc.get('tasks', true);
  if (!isSeq(tasks) || !isMap(tasks.items[index])) throw new Error('no task');
  return tasks.items[index] as YAMLMap;
}

/** What the test expects: a refusal code, or the lines allowed to change. */
function expectation(t: Target, r: DoneRequest): { refusal: string } | { changeable: Set<number>; pureInsert: boolean; newLines: number } {
  const node = taskNode(t.text, t.index);
  const value = (key: string) => pairOf(node, key)?.value as Node | undefined;
  const changeable = new Set<number>();
  const add = (n: Node | null | undefined) => nodeLines(t.text, n).forEach((l) => changeable.add(l));
  if (t.task.schedule.kind === 'recurring') {
    const logged = t.task.schedule.log.some((e) => e.key === r.period!.key);
    if (logged && !r.force) return { refusal: 'already-logged' };
    const log = value('log');
    if (logged && isMap(log)) {
      const entry = log.items.find((p) => isScalar(p.key) && String(p.key.value) === r.period!.key)!;
      add(entry.key as Node);
      add(entry.value as Node);
    }
    return { changeable, pureInsert: !logged, newLines: logged ? 0 : log ? 1 : 2 };
  }
  const status = t.task.schedule.status;
  if (status === 'done' && !r.force) return { refusal: 'already-done' };
  if (status === 'cancelled' && !r.force) return { refusal: 'task-cancelled' };
  const results = value('results');
  if (!r.force && r.results?.some(([m]) => isMap(results) && pairOf(results, m))) return { refusal: 'field-exists' };
  if (!r.force && r.evidence !== undefined && value('evidence')) return { refusal: 'field-exists' };
  if (!r.force && r.note !== undefined && value('note')) return { refusal: 'field-exists' };
  add(value('status'));
  add(value('done'));
  if (r.results?.length) add(results);
  if (r.evidence !== undefined) add(value('evidence'));
  if (r.note !== undefined) add(value('note'));
  const wanted = ['status', 'done', ...(r.results?.length ? ['results'] : []), ...(r.evidence !== undefined ? ['evidence'] : []), ...(r.note !== undefined ? ['note'] : [])];
  return { changeable, pureInsert: false, newLines: wanted.filter((k) => !value(k)).length };
}

describe('done on the example files (property)', () => {
  it('changes only the lines it must, reads back as intended, and keeps the folder valid', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (arb) => {
        const t = targets[arb.pick % targets.length];
        const period = t.occurrences.length > 0 ? t.occurrences[arb.occurrence % t.occurrences.length] : undefined;
        const request: DoneRequest = { task: t.task, date: arb.date, period, results: arb.results, note: arb.note, evidence: arb.evidence, force: arb.force };
        const outcome = applyDone(t.text, request);
        const expected = expectation(t, request);

        if ('refusal' in expected) {
          expect(outcome.ok ? 'ok' : outcome.refusal.code).toBe(expected.refusal);
          return;
        }
        if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);

        // 1. Only lines that must change do: removing the added lines and the changed ones gives back the rest of the original.
        const { removed, added } = lineDiff(t.text, outcome.text);
        for (const i of removed) expect(expected.changeable.has(i), `line ${i + 1} changed: ${lines(t.text)[i]}`).toBe(true);
        if (expected.pureInsert) expect(removed.size).toBe(0);
        expect(lines(outcome.text).filter((_, j) => !added.has(j))).toEqual(lines(t.text).filter((_, i) => !removed.has(i)));
        expect(added.size).toBeGreaterThan(0);
        // No line is added beyond the new keys (one per line in these block-style files), and none is blank.
        expect(added.size - removed.size).toBeLessThanOrEqual(expected.newLines);
        for (const j of added) expect(lines(outcome.text)[j].trim()).not.toBe('');
        // A changed status line is the old line with only its value replaced by `done`.
        const status = pairOf(taskNode(t.text, t.index), 'status')?.value as { range: number[]; value: unknown } | undefined;
        if (status && status.value !== 'done') {
          const start = t.text.lastIndexOf('\n', status.range[0]) + 1;
          const end = t.text.indexOf('\n', status.range[0]);
          const old = t.text.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
          const at = status.range[0] - start;
          const changed = old.slice(0, at) + 'done' + old.slice(at + (status.range[1] - status.range[0]));
          expect(lines(outcome.text)).toContain(changed);
        }

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
