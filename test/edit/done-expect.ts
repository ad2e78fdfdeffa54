/**
 * What a `done` edit may do to a file, computed by the tests on their own:
 * which refusal applies, which original lines may change, how many lines may
 * be added. Shared by the example-file and generated-layout properties.
 */
import { expect } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import type { DoneRequest } from '../../src/edit/done.js';
import { lineDiff, lines, nodeLines } from '../helpers/edits.js';

export type Expectation = { refusal: string } | { changeable: Set<number>; pureInsert: boolean; newLines: number };

export function pairOf(map: YAMLMap, key: string) {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
}

export function taskNode(text: string, index: number): YAMLMap {
  const doc = parseDocument(text);
  const tasks = doc.get('tasks', true);
  if (!isSeq(tasks) || !isMap(tasks.items[index])) throw new Error('no task');
  return tasks.items[index] as YAMLMap;
}

export function expectation(text: string, index: number, r: DoneRequest): Expectation {
  const node = taskNode(text, index);
  const value = (key: string) => pairOf(node, key)?.value as Node | undefined;
  const changeable = new Set<number>();
  const add = (n: Node | null | undefined) => nodeLines(text, n).forEach((l) => changeable.add(l));
  // In a flow mapping, new pairs join existing lines: those lines change.
  if (node.flow) add(node as unknown as Node);
  if (r.task.schedule.kind === 'recurring') {
    const logged = r.task.schedule.log.some((e) => e.key === r.period!.key);
    if (logged && !r.force) return { refusal: 'already-logged' };
    const log = value('log');
    if (isMap(log) && log.flow) add(log as unknown as Node);
    if (logged && isMap(log)) {
      const entry = log.items.find((p) => isScalar(p.key) && String(p.key.value) === r.period!.key)!;
      add(entry.key as Node);
      add(entry.value as Node);
    }
    const newLines = logged || node.flow || (isMap(log) && log.flow) ? 0 : log ? 1 : 2;
    return { changeable, pureInsert: !logged && !node.flow && !(isMap(log) && log.flow), newLines };
  }
  const status = r.task.schedule.status;
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
  return { changeable, pureInsert: false, newLines: node.flow ? 0 : wanted.filter((k) => !value(k)).length };
}

/** The line-level checks: only changeable lines change, no stray lines, a changed status line differs only in its value (its quotes kept). */
export function checkLines(oldText: string, newText: string, index: number, expected: Exclude<Expectation, { refusal: string }>): void {
  const { removed, added } = lineDiff(oldText, newText);
  for (const i of removed) expect(expected.changeable.has(i), `line ${i + 1} changed: ${lines(oldText)[i]}`).toBe(true);
  if (expected.pureInsert) expect(removed.size).toBe(0);
  // Removing the added and changed lines gives back the rest of the original exactly.
  expect(lines(newText).filter((_, j) => !added.has(j))).toEqual(lines(oldText).filter((_, i) => !removed.has(i)));
  expect(added.size).toBeGreaterThan(0);
  expect(added.size - removed.size).toBeLessThanOrEqual(expected.newLines);
  for (const j of added) expect(lines(newText)[j].trim()).not.toBe('');
  // (In a flow task, new pairs may follow on the same line; the property's other checks cover it.)
  const task = taskNode(oldText, index);
  const status = pairOf(task, 'status')?.value as { range: number[]; value: unknown; type?: string } | undefined;
  if (status && status.value !== 'done' && !task.flow) {
    const start = oldText.lastIndexOf('\n', status.range[0]) + 1;
    const end = oldText.indexOf('\n', status.range[0]);
    const old = oldText.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
    const at = status.range[0] - start;
    const quote = status.type === 'QUOTE_DOUBLE' ? '"' : status.type === 'QUOTE_SINGLE' ? "'" : '';
    const changed = old.slice(0, at) + quote + 'done' + quote + old.slice(at + (status.range[1] - status.range[0]));
    expect(lines(newText).some((l) => l.includes(changed.trim()))).toBe(true);
  }
  // Line endings and the presence of a final line break are kept.
  if (oldText.includes('\r\n')) expect(newText.replace(/\r\n/g, '')).not.toContain('\n');
  else expect(newText).not.toContain('\r');
  expect(/\n$/.test(newText)).toBe(/\n$/.test(oldText));
}
