/**
 * The benchmark's generator (bench/generate.js): by default a recurring
 * task's log is cut at 24 entries, so that plans stay within 150 lines, and
 * the later past occurrences of monthly tasks are left overdue; with
 * `logs: 'complete'` every past occurrence is recorded, as in a folder kept
 * up to date. The README's figures for both rest on this difference.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module of the benchmark
import { AS_OF, generateFolder } from '../../bench/generate.js';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/folder.js';

interface Listed {
  items: { plan: string; occurrence: string | null; due: string }[];
}

function overdue(dir: string): Listed['items'] {
  const r = runCli(['deadlines', '--overdue', '--format', 'json', '--as-of', AS_OF], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as Listed).items;
}

describe("the benchmark's folders", () => {
  it('with complete logs, leave no past occurrence of a recurring task unrecorded; by default, many', () => {
    const complete = tempFolder();
    const capped = tempFolder();
    const made = generateFolder(complete, { n: 150, seed: 11, clean: true, logs: 'complete' });
    generateFolder(capped, { n: 150, seed: 11, clean: true });

    const completeOverdue = overdue(complete);
    expect(completeOverdue.filter((item) => item.occurrence !== null)).toEqual([]);
    // One-off tasks left undone are overdue in both.
    expect(completeOverdue.length).toBeGreaterThan(0);
    const cappedRecurring = overdue(capped).filter((item) => item.occurrence !== null);
    expect(cappedRecurring.length).toBeGreaterThan(150);
    // Complete logs make some plans longer than the default's 150 lines.
    const lines = (made.paths as string[]).map((path) => readFileSync(path, 'utf8').split('\n').length - 1);
    expect(Math.max(...lines)).toBeGreaterThan(150);
  });

  it('are the same bytes for the same seed and N, and the default leaves a plan within 150 lines', () => {
    const [a, b] = [tempFolder(), tempFolder()];
    const first = generateFolder(a, { n: 60, seed: 3 });
    generateFolder(b, { n: 60, seed: 3 });
    for (const path of first.paths as string[]) {
      const relative = path.slice(a.length);
      expect(readFileSync(join(b, relative)).equals(readFileSync(path)), relative).toBe(true);
      const lines = readFileSync(path, 'utf8').split('\n').length - 1;
      expect(lines).toBeGreaterThanOrEqual(80);
      expect(lines).toBeLessThanOrEqual(150);
    }
  });
});
