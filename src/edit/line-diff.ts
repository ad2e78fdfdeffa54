/**
 * Which lines an edit added, changed or removed: shown to the clerk after
 * `done`, so the change can be checked at a glance. Lines compare without
 * their line break; a longest common subsequence of the lines between the
 * common head and tail, found in linear space (see `align`).
 */
export interface LineChange {
  kind: 'added' | 'changed' | 'removed';
  /** 1-based line number: in the new text for added and changed lines, in the old one for removed lines. */
  line: number;
  text: string;
}

export function splitLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/**
 * `budget`: how many frontier entries `align` may keep at once (a knob for
 * the tests, which make it tiny to exercise the divide and conquer).
 */
export function lineChanges(oldText: string, newText: string, budget = FRONTIER_BUDGET): LineChange[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const oldMid = a.slice(head, a.length - tail);
  const newMid = b.slice(head, b.length - tail);

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
  align(oldMid, newMid, budget, (move) => {
    if (move === MATCH) {
      flush();
      i++;
      j++;
    } else if (move === ADD) added.push(j++);
    else removed.push(i++);
  });
  flush();
  return changes;
}

const MATCH = 0;
const ADD = 1;
const REMOVE = 2;
type Move = typeof MATCH | typeof ADD | typeof REMOVE;

/** About 32 MB of frontiers; past that, `align` recomputes rather than keeps them. */
const FRONTIER_BUDGET = 8_000_000;

/**
 * The alignment of `oldLines` and `newLines` that a table of LCS lengths
 * walked from the start gives (`lcs[i][j]`, of `old[i..]` and `new[j..]`):
 * a line in both is kept whenever the two at hand are equal; otherwise a new
 * line is added when that still leaves a longest common subsequence
 * (`lcs[i][j+1] >= lcs[i+1][j]`), else an old one removed. That table takes
 * old × new cells: a 32,000-line note between two edits ran out of memory.
 *
 * Here the same walk, with the same choices, uses Myers' frontiers instead
 * (An O(ND) Difference Algorithm, 1986), computed backwards from the end:
 * D(x, y), the fewest lines added and removed to go from (x, y) (x old lines
 * and y new lines consumed) to the end, never grows along a diagonal
 * (x − y fixed) towards the end, so the points of a diagonal with D ≤ e are
 * those from one point on, the frontier. At a point with D = d where the
 * lines differ, the walk adds a line exactly when D(x, y + 1) = d − 1, which
 * frontier d − 1 tells. Time O((old + new) · D), D the number of lines added
 * and removed (a few, for `done`); the frontiers the walk needs take D²/2
 * entries, so past `budget` they are recomputed in halves (the walk's first
 * part needs the frontiers of high D, the rest those of low D): O(D log D)
 * entries kept, the time times log D.
 */
function align(oldLines: readonly string[], newLines: readonly string[], budget: number, step: (move: Move) => void): void {
  // Lines as numbers, so that comparing two is one step whatever their length.
  const ids = new Map<string, number>();
  const idOf = (line: string) => {
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    return id;
  };
  const a = Int32Array.from(oldLines, idOf);
  const b = Int32Array.from(newLines, idOf);
  const n = a.length;
  const m = b.length;
  // Points are (x, y), 0 ≤ x ≤ n, 0 ≤ y ≤ m; diagonal k = x − y runs from −m to n, the end (n, m) is on kEnd.
  const kEnd = n - m;
  const NONE = n + 1;

  /**
   * Frontier e: for each diagonal k = kEnd − e + 2i (i = 0..e), the least x
   * with D(x, x − k) ≤ e, or NONE. D has the parity of k − kEnd, so the
   * diagonals of the other parity are frontier e − 1's.
   */
  const frontier = (e: number, previous: Int32Array, beforeThat: Int32Array): Int32Array => {
    const f = new Int32Array(e + 1);
    for (let i = 0; i <= e; i++) {
      const k = kEnd - e + 2 * i;
      // Frontier 0 starts at the end.
      let x = e === 0 ? n : NONE;
      if (e > 0 && k >= -m && k <= n) {
        const xMin = Math.max(0, k);
        const xMax = Math.min(n, m + k);
        // Removing line x leads to (x + 1, y) on diagonal k + 1, with D ≤ e − 1 from previous[i] on.
        if (i < e && previous[i] !== NONE) {
          const c = Math.max(previous[i] - 1, xMin);
          if (c <= n - 1 && c <= xMax) x = c;
        }
        // Adding line y leads to (x, y + 1) on diagonal k − 1, with D ≤ e − 1 from previous[i − 1] on.
        if (i > 0 && previous[i - 1] !== NONE) {
          const c = Math.max(previous[i - 1], xMin);
          if (c <= m + k - 1 && c <= xMax && c < x) x = c;
        }
        // D ≤ e − 2 on this diagonal.
        if (i > 0 && i < e && beforeThat[i - 1] < x) x = beforeThat[i - 1];
      }
      // Back over equal lines, which keep D.
      if (x !== NONE) for (let y = x - k; x > 0 && y > 0 && a[x - 1] === b[y - 1]; y--) x--;
      f[i] = x;
    }
    return f;
  };
  /** D(x, y) ≤ e, for a point whose D has e's parity. */
  const within = (f: Int32Array, e: number, x: number, y: number) => {
    const i = (x - y - kEnd + e) / 2;
    return i >= 0 && i <= e && f[i] <= x;
  };
  /** From (x, y) with D = high, the walk up to the first point with D = low; frontiers low..high − 1 by `level`. */
  const walk = (x: number, y: number, high: number, low: number, level: (e: number) => Int32Array): [number, number] => {
    for (let d = high; d > low; d--) {
      for (; x < n && y < m && a[x] === b[y]; x++, y++) step(MATCH);
      if (y < m && within(level(d - 1), d - 1, x, y + 1)) {
        step(ADD);
        y++;
      } else {
        step(REMOVE);
        x++;
      }
    }
    return [x, y];
  };
  /** The walk from (x, y) with D = high to D = low, given frontiers low − 1 and low. */
  const segment = (x: number, y: number, high: number, low: number, lowPrevious: Int32Array, lowFrontier: Int32Array): [number, number] => {
    if (high - low <= 1 || (high - low) * (high + 1) <= budget) {
      const kept = [lowFrontier];
      for (let e = low + 1; e < high; e++) kept.push(frontier(e, kept[kept.length - 1], kept.length > 1 ? kept[kept.length - 2] : lowPrevious));
      return walk(x, y, high, low, (e) => kept[e - low]);
    }
    const middle = (low + high) >> 1;
    let previous = lowPrevious;
    let current = lowFrontier;
    for (let e = low + 1; e <= middle; e++) [previous, current] = [current, frontier(e, current, previous)];
    const [mx, my] = segment(x, y, high, middle, previous, current);
    return segment(mx, my, middle, low, lowPrevious, lowFrontier);
  };

  // Frontier 0: back from the end over equal lines. Then one more until the start is within: D(0, 0).
  const none: Int32Array = new Int32Array(0);
  const first = frontier(0, none, none);
  let kept: Int32Array[] | undefined = [first];
  let size = 1;
  let previous = none;
  let current = first;
  let total = 0;
  while (((total - kEnd) & 1) !== 0 || !within(current, total, 0, 0)) {
    total++;
    [previous, current] = [current, frontier(total, current, previous)];
    size += current.length;
    if (kept && size > budget) kept = undefined;
    else kept?.push(current);
  }
  const all = kept;
  const [x, y] = all ? walk(0, 0, total, 0, (e) => all[e]) : segment(0, 0, total, 0, none, first);
  // D = 0: the rest are equal lines.
  for (let i = x, j = y; i < n && j < m && a[i] === b[j]; i++, j++) step(MATCH);
}

/**
 * Within one hunk, which removed line each added line replaces (its index),
 * if any. A line replaces one with the same key (`results:` for `results:`),
 * so that a `status: done` added above a changed `results:` line is shown as
 * added, not as the change; lines without a key pair side by side.
 */
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

/** A block mapping line's indentation, list dashes and key (`  - metric`), or undefined. */
function lineKey(line: string): string | undefined {
  return /^(\s*(?:-\s+)*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'\-{[][^:#]*?|-[^\s:#][^:#]*?)):(?=\s|$)/.exec(line)?.[1];
}
