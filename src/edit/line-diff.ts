/**
 * Which lines an edit added, changed or removed: shown to the clerk after
 * `done`, so the change can be checked at a glance. Lines compare without
 * their line break; an LCS over the region between the common head and tail.
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

export function lineChanges(oldText: string, newText: string): LineChange[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const oldMid = a.slice(head, a.length - tail);
  const newMid = b.slice(head, b.length - tail);

  // lcs[i][j]: length of the LCS of oldMid[i..] and newMid[j..].
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
