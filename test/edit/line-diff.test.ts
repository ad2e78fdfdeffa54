/**
 * The lines `done` shows as added, changed and removed come from a
 * linear-space alignment (src/edit/line-diff.ts); they must be exactly the
 * lines the table of LCS lengths it replaced gave, kept here as the reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LineChange, lineChanges } from '../../src/edit/line-diff.js';

const RUNS = Number(process.env.PHOIHOP_FUZZ_RUNS ?? 300);

/** The implementation before linear space, as it was: a table of old × new LCS lengths, walked from the start. */
function tableLineChanges(oldText: string, newText: string): LineChange[] {
  const split = (text: string) => text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const a = split(oldText);
  const b = split(newText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const oldMid = a.slice(head, a.length - tail);
  const newMid = b.slice(head, b.length - tail);
  const lcs = Array.from({ length: oldMid.length + 1 }, () => new Array<number>(newMid.length + 1).fill(0));
  for (let i = oldMid.length - 1; i >= 0; i--) {
    for (let j = newMid.length - 1; j >= 0; j--) {
      lcs[i][j] = oldMid[i] === newMid[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const changes: LineChange[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    const pairs = pairLines(
      removed.map((i) => oldMid[i]),
      added.map((j) => newMid[j]),
    );
    added.forEach((j, k) => changes.push({ kind: pairs[k] !== undefined ? 'changed' : 'added', line: head + j + 1, text: newMid[j] }));
    const changed = new Set(pairs);
    removed.forEach((i, k) => {
      if (!changed.has(k)) changes.push({ kind: 'removed', line: head + i + 1, text: oldMid[i] });
    });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < oldMid.length || j < newMid.length) {
    if (i < oldMid.length && j < newMid.length && oldMid[i] === newMid[j]) {
      flush();
      i++;
      j++;
    } else if (j < newMid.length && (i === oldMid.length || lcs[i][j + 1] >= lcs[i + 1][j])) added.push(j++);
    else removed.push(i++);
  }
  flush();
  return changes;
}

function pairLines(removed: string[], added: string[]): Array<number | undefined> {
  const pairs: Array<number | undefined> = added.map(() => undefined);
  const taken = new Set<number>();
  const removedKeys = removed.map(lineKey);
  const addedKeys = added.map(lineKey);
  addedKeys.forEach((key, k) => {
    if (key === undefined) return;
    const r = removedKeys.findIndex((other, i) => other === key && !taken.has(i));
    if (r >= 0) {
      pairs[k] = r;
      taken.add(r);
    }
  });
  const keyless = removedKeys.flatMap((key, i) => (key === undefined ? [i] : []));
  let next = 0;
  addedKeys.forEach((key, k) => {
    if (key === undefined && next < keyless.length) pairs[k] = keyless[next++];
  });
  return pairs;
}

function lineKey(line: string): string | undefined {
  return /^(\s*(?:-\s+)*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'\-{[][^:#]*?|-[^\s:#][^:#]*?)):(?=\s|$)/.exec(line)?.[1];
}

/** Frontier budgets: the default, and tiny ones that make the alignment recompute its frontiers in halves. */
const budget = fc.constantFrom(undefined, 1, 2, 3, 8, 40);

describe('lineChanges gives the lines the LCS table gave', () => {
  it('on random lines of a small alphabet (many repeats, many equally long alignments)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '', 'status: done', 'status: planned', '  - x', '  - y', 'x\r');
    const text = fc.array(alphabet, { maxLength: 40 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, text, budget, (oldText, newText, frontiers) => {
        expect(lineChanges(oldText, newText, frontiers)).toEqual(tableLineChanges(oldText, newText));
      }),
      { numRuns: RUNS * 20 },
    );
  });

  it('on every pair of texts of up to four lines of a, b and c', () => {
    const texts: string[][] = [[]];
    for (let length = 1; length <= 4; length++) for (const t of texts.filter((x) => x.length === length - 1)) for (const c of 'abc') texts.push([...t, c]);
    for (const a of texts) {
      for (const b of texts) {
        const want = tableLineChanges(a.join('\n'), b.join('\n'));
        for (const frontiers of [undefined, 1, 2]) expect(lineChanges(a.join('\n'), b.join('\n'), frontiers), `${a} → ${b} (${frontiers})`).toEqual(want);
      }
    }
  });

  it("on edits like done's: lines rewritten, added after a key or a long note, a long value replaced by one line", () => {
    // A task with a block note of repeated lines between the places done edits.
    const plan = fc
      .tuple(fc.array(fc.constantFrom('ghi chú', 'lặp lại', '', 'status: done', '- x'), { minLength: 1, maxLength: 120 }), fc.boolean())
      .map(([note, results]) => [
        'kind: plan',
        'tasks:',
        '  - id: a',
        '    status: planned',
        '    note: |',
        ...note.map((l) => (l === '' ? '' : `      ${l}`)),
        ...(results ? ['    results:', '      articles: 3'] : []),
        '  - id: b',
        '    status: planned',
        '',
      ]);
    const edit = fc.oneof(
      fc.tuple(fc.constant('replace' as const), fc.nat(), fc.constantFrom('    status: done', '    results: { articles: 4 }', '      lặp lại')),
      fc.tuple(fc.constant('insert' as const), fc.nat(), fc.constantFrom('    done: 2022-06-30', '      participants: 5', '      lặp lại', '    evidence: 12-BC')),
      fc.tuple(fc.constant('collapse' as const), fc.nat(), fc.constantFrom('    note: "một dòng"', '    note: |')),
    );
    fc.assert(
      fc.property(plan, fc.array(edit, { minLength: 1, maxLength: 3 }), budget, (lines, edits, frontiers) => {
        const after = [...lines];
        for (const [kind, at, text] of edits) {
          const p = at % after.length;
          if (kind === 'replace') after[p] = text;
          else if (kind === 'insert') after.splice(p + 1, 0, text);
          // A long value replaced (done --force --note): from the line to the next key of the task.
          else {
            let end = p + 1;
            while (end < after.length && !/^ {0,4}\S/.test(after[end])) end++;
            after.splice(p, end - p, text);
          }
        }
        expect(lineChanges(lines.join('\n'), after.join('\n'), frontiers)).toEqual(tableLineChanges(lines.join('\n'), after.join('\n')));
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('shows done\'s edits on both sides of a 32,000-line note, which the table (32,000 × 32,000 cells) ran out of memory on', () => {
    const note = Array.from({ length: 32_000 }, (_, i) => `      dòng ${i % 5 === 0 ? 'lặp lại' : i}`);
    const before = ['tasks:', '  - id: a', '    status: planned', '    note: |', ...note, '    results:', '      articles: 3', ''].join('\n');
    const after = ['tasks:', '  - id: a', '    status: done', '    done: 2022-06-30', '    note: |', ...note, '    results:', '      articles: 3', '      participants: 5', ''].join('\n');
    expect(lineChanges(before, after)).toEqual([
      { kind: 'changed', line: 3, text: '    status: done' },
      { kind: 'added', line: 4, text: '    done: 2022-06-30' },
      { kind: 'added', line: 32_008, text: '      participants: 5' },
    ]);
  });
});
