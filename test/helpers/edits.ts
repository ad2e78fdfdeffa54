/** Helpers for the tests of init, new and done: line diffs, node lines, in-memory folders. */
import { LineCounter, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { OverlaySource } from '../../src/edit/overlay-source.js';
import { loadRecords } from '../../src/load/load.js';
import type { RecordSource } from '../../src/load/source.js';
import type { Day } from '../../src/model/dates.js';
import { validateRecords, type Validated } from '../../src/validate/validate.js';

export const lines = (text: string) => text.split('\n').map((l) => l.replace(/\r$/, ''));

/**
 * An LCS line diff, written here independently of src/edit/line-diff.ts:
 * indexes of old lines removed and new lines added. Lines not in these sets
 * are the same, in the same order, in both texts.
 */
export function lineDiff(oldText: string, newText: string): { removed: Set<number>; added: Set<number> } {
  const a = lines(oldText);
  const b = lines(newText);
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const removed = new Set<number>();
  const added = new Set<number>();
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) added.add(j++);
    else removed.add(i++);
  }
  return { removed, added };
}

/** 0-based indexes of the lines a node's text spans (trailing blanks and line breaks not counted). */
export function nodeLines(text: string, node: Node | null | undefined): number[] {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  if (!range) return [];
  const counter = new LineCounter();
  parseDocument(text, { lineCounter: counter });
  let end = range[1];
  while (end > range[0] && /\s/.test(text[end - 1])) end--;
  const first = counter.linePos(range[0]).line - 1;
  const last = counter.linePos(Math.max(range[0], end - 1)).line - 1;
  return Array.from({ length: last - first + 1 }, (_, k) => first + k);
}

/** A records folder in memory (path → text), optionally over a real one. */
export function memorySource(files: Record<string, string>, base?: RecordSource): RecordSource {
  return new OverlaySource(base, new Map(Object.entries(files).map(([p, t]) => [p, new TextEncoder().encode(t)])));
}

export async function validateSource(source: RecordSource, asOf: Day): Promise<Validated> {
  return validateRecords(await loadRecords(source), { asOf });
}

export const errorsIn = (v: Validated) => v.diagnostics.filter((d) => d.severity === 'error');

export const MINIMAL_CONFIG = 'kind: config\nlocale: vi\ntimezone: Asia/Ho_Chi_Minh\nmetrics:\n  articles: { label: Tin bài }\n  participants: { label: Người }\n';
export const MINIMAL_PARTIES = 'kind: parties\nparties:\n  - { id: bdv-tu, name: Ban Dân vận }\n  - { id: btg-tu, name: Ban Tuyên giáo }\n';
