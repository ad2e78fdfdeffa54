/**
 * `validate` checks each plan as it reads it and keeps only a stub
 * (src/validate/stream.ts); the reports keep every record
 * (validateRecords). Both must find exactly the same diagnostics: on the
 * examples, on every failing fixture, on a benchmark folder with planted
 * mistakes, and on generated folders whose plans and parties look each
 * other up. Threads are compared through the CLI in test/perf/same-answers.test.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordSource } from '../../src/load/source.js';
import { WorkTreeSource } from '../../src/load/worktree.js';
import { parseDate } from '../../src/model/dates.js';
import { checkFolder, checkKept } from '../../src/validate/stream.js';
import { EXAMPLES, EXAMPLE_FOLDERS, REPO_ROOT } from '../helpers/cli.js';
import { crossFileFolder } from '../helpers/cross-file-folders.js';
import { folderBytes, tempFolder } from '../helpers/folder.js';
import { ChangingSource, InMemorySource } from '../helpers/memory-source.js';
// @ts-expect-error plain JS module of the benchmark
import { generateFolder } from '../../bench/generate.js';

const AS_OF = (parseDate('2026-11-22') as { day: number }).day;
const RUNS = Number(process.env.PHOIHOP_FUZZ_RUNS ?? 300);

/** What validateRecords finds, keeping every record. */
const whole = (source: RecordSource) => checkKept(source, { asOf: AS_OF });

async function expectSameAnswer(source: () => RecordSource, label: string): Promise<void> {
  const streamed = await checkFolder(source(), { asOf: AS_OF });
  expect(streamed, label).toEqual(await whole(source()));
}

describe('validate streamed finds what validating the kept records finds', () => {
  it.each(EXAMPLE_FOLDERS)('on the %s example', async (name) => {
    await expectSameAnswer(() => new WorkTreeSource(join(EXAMPLES, name)), name);
  });

  it('on every failing fixture folder', async () => {
    const root = join(REPO_ROOT, 'test', 'fixtures', 'invalid');
    const folders = existsSync(root) ? readdirSync(root) : [];
    expect(folders.length).toBeGreaterThan(50);
    for (const name of folders) await expectSameAnswer(() => new WorkTreeSource(join(root, name)), name);
  });

  it('on a benchmark folder with planted mistakes of every kind', async () => {
    const dir = tempFolder();
    generateFolder(dir, { n: 300, seed: 5 });
    await expectSameAnswer(() => new WorkTreeSource(dir), 'bench');
  });

  it('on generated folders whose plans and parties look each other up', async () => {
    const rules = new Set<string>();
    await fc.assert(
      fc.asyncProperty(crossFileFolder, async (files) => {
        const streamed = await checkFolder(new InMemorySource(files), { asOf: AS_OF });
        expect(streamed).toEqual(await whole(new InMemorySource(files)));
        for (const d of streamed.diagnostics) rules.add(d.rule);
      }),
      { numRuns: RUNS },
    );
    // The generator reaches every rule that looks across files, so the property tests them all.
    for (const rule of ['duplicate-plan-id', 'duplicate-party-id', 'unknown-party', 'unknown-parent', 'parent-cycle', 'period-outside-parent', 'party-not-in-plan', 'yaml-syntax']) {
      expect([...rules]).toContain(rule);
    }
  });

  it('validates again the ordinary way a plan that changed since it was checked', async () => {
    const files = folderBytes(join(EXAMPLES, 'phu-yen'));
    const planPath = Object.keys(files).find((p) => p.startsWith('plans/'))!;
    const before = new TextDecoder().decode(files[planPath]);
    // The first reading names a party nobody declared, so the plan is read again; by then the clerk has fixed it, and added a mistake.
    const named = before.replace(/lead: ([a-z0-9-]+)/, 'lead: x-chua-khai');
    const fixed = before.replace(/^title: .*$/m, 'title: 42\nbogus: 1');
    expect(named).not.toBe(before);
    expect(fixed).not.toBe(before);
    const source = new ChangingSource(files, planPath, named, fixed);
    const streamed = await checkFolder(source, { asOf: AS_OF });
    expect(source.reads).toBeGreaterThan(2);
    // What the folder holds now, as a whole: the fixed party, the new mistakes.
    const now = await whole(new InMemorySource({ ...files, [planPath]: fixed }));
    expect(streamed).toEqual(now);
    expect(streamed.diagnostics.map((d) => d.rule)).toContain('unknown-field');
    expect(streamed.diagnostics.map((d) => d.rule)).not.toContain('unknown-party');
  });
});
