/**
 * Speed never changes an answer: `validate` prints the same bytes with the
 * fast path on or off (PHOIHOP_PARSER=yaml), streamed or keeping every
 * record (PHOIHOP_STREAM=off), with worker threads on or off,
 * with the build's compiled schema validators or ajv compiling at start,
 * on the examples, on the failing fixtures, on benchmark folders with
 * planted mistakes, and on folders of generated and edited plans.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRecords } from '../../src/load/load.js';
import type { ParserChoice } from '../../src/load/fast-parse.js';
import { WorkTreeSource } from '../../src/load/worktree.js';
import { renderDiagnosticsJson, renderDiagnosticsText } from '../../src/render/diagnostics.js';
import { PLAIN } from '../../src/render/paint.js';
import { validateRecords } from '../../src/validate/validate.js';
import { EXAMPLES, REPO_ROOT, runCli } from '../helpers/cli.js';
import { crossFileFolder } from '../helpers/cross-file-folders.js';
import { minimalFolder, tempFolder, writeFiles } from '../helpers/folder.js';
import { editedText, structuredDocument } from './yaml-texts.js';
// @ts-expect-error plain JS module of the benchmark
import { generateFolder } from '../../bench/generate.js';

const RUNS = Number(process.env.PHOIHOP_FUZZ_RUNS ?? 300);
const AS_OF = '2026-11-22';
const AS_OF_DAY = Date.UTC(2026, 10, 22) / 86_400_000;

/**
 * The env settings compared: the positions path with ajv compiled at start and
 * every record kept, as before any speed-up, is the reference; the others
 * stream (src/validate/stream.ts), on one thread and with checking threads.
 */
const SETTINGS: Array<Record<string, string>> = [
  { PHOIHOP_PARSER: 'yaml', PHOIHOP_WORKERS: 'off', PHOIHOP_SCHEMA_CHECK: 'compile', PHOIHOP_STREAM: 'off' },
  { PHOIHOP_PARSER: 'fast', PHOIHOP_WORKERS: 'off' },
  { PHOIHOP_PARSER: 'fast', PHOIHOP_WORKERS: 'on' },
];

/** Runs the built CLI's validate under every setting and checks the outputs are identical, byte for byte. */
function expectSameCliOutput(dir: string, extra: string[] = []): string {
  const outputs = SETTINGS.map((env) => {
    const text = runCli(['validate', '-C', dir, '--as-of', AS_OF, '--lang', 'en', ...extra], { env });
    const json = runCli(['validate', '-C', dir, '--as-of', AS_OF, '--format', 'json', ...extra], { env });
    return { env, text, json };
  });
  const [reference, ...others] = outputs;
  for (const other of others) {
    expect(other.text, JSON.stringify(other.env)).toEqual(reference.text);
    expect(other.json, JSON.stringify(other.env)).toEqual(reference.json);
  }
  return reference.text.stdout;
}

/** In-process: the diagnostics of a folder as text and JSON, with one parser. */
async function validateWith(dir: string, parser: ParserChoice): Promise<string> {
  const validated = validateRecords(await loadRecords(new WorkTreeSource(dir), { parser }), { asOf: AS_OF_DAY });
  const report = { files: validated.fileCount, diagnostics: validated.diagnostics };
  return renderDiagnosticsText(report, 'en', PLAIN) + renderDiagnosticsJson(report, 'vi');
}

/** Folders holding YAML files under test/fixtures (the failing fixtures, one folder per rule). */
function fixtureFolders(): string[] {
  const root = join(REPO_ROOT, 'test', 'fixtures');
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir);
    if (entries.some((e) => /\.ya?ml$/.test(e))) out.push(dir);
    for (const e of entries) if (statSync(join(dir, e)).isDirectory()) walk(join(dir, e));
  };
  walk(root);
  return out;
}

describe('validate answers the same, fast or not, threads or not', () => {
  it.each(['ben-tre', 'dien-bien', 'nghe-an', 'phu-yen'])('on the %s example', (name) => {
    expect(expectSameCliOutput(EXAMPLES + name)).toMatch(/^0 errors, 0 warnings in \d+ files\.\n$/);
  });

  it('on benchmark folders with planted mistakes of every kind', () => {
    const dir = tempFolder();
    // 900 plans, 9 mistakes (one of each kind), NFD and CRLF files; the setting above forces threads on.
    generateFolder(dir, { n: 900, seed: 11 });
    const out = expectSameCliOutput(dir);
    for (const rule of ['unknown-field', 'invalid-date', 'duplicate-key', 'yaml-syntax', 'unknown-party', 'done-without-date', 'missing-field', 'invalid-key']) {
      expect(out).toContain(`[${rule}]`);
    }
  });

  // The fixtures come with the loader's and validator's own tests; without them there is nothing to compare.
  const folders = fixtureFolders();
  // In-process with both parsers: a subprocess per fixture and setting would cost minutes for the same answer.
  it.skipIf(folders.length === 0)('on every failing fixture folder', async () => {
    for (const dir of folders) expect(await validateWith(dir, 'fast'), dir).toBe(await validateWith(dir, 'yaml'));
    // Each fixture file on its own too, as the only plan of a clean folder.
    for (const dir of folders) {
      for (const name of readdirSync(dir).filter((e) => /\.ya?ml$/.test(e))) {
        const single = minimalFolder({ [name]: readFileSync(join(dir, name), 'utf8') });
        expect(await validateWith(single, 'fast'), `${dir}/${name}`).toBe(await validateWith(single, 'yaml'));
      }
    }
  });

  it('on a few failing fixture folders through the CLI, threads and compiled schemas included', () => {
    for (const dir of folders.slice(0, 4)) expectSameCliOutput(dir);
  });

  it('on a folder of generated plans and parties that look each other up, threads included', () => {
    // Many small generated folders in one: enough plans that the threads take their share of the chunks.
    const files: Record<string, string> = {};
    fc.sample(crossFileFolder, { numRuns: 150, seed: 20261207 }).forEach((folder, k) => {
      // Plan ids are made the group's own, so that most plans meet no cross-file problem and keep what was found checking them alone.
      for (const [path, text] of Object.entries(folder)) files[path === 'phoihop.yaml' ? path : `g${k}/${path}`] = text.replace(/\b(kh-[a-z]+|ctr-[a-z0-9-]+)\b/g, `g${k}-$1`);
    });
    const out = expectSameCliOutput(tempFolder(files));
    // Problems across files, found though each plan was checked alone, on whichever thread.
    // (Every party is declared somewhere in so big a folder: unknown-party is left to test/validate/streamed.test.ts.)
    for (const rule of ['duplicate-plan-id', 'unknown-parent', 'parent-cycle', 'period-outside-parent', 'party-not-in-plan']) expect(out).toContain(`[${rule}]`);
  });

  it('on folders of generated plans', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(structuredDocument, { minLength: 1, maxLength: 4 }), async (texts) => {
        const dir = minimalFolder(Object.fromEntries(texts.map((t, i) => [`p${i}.yaml`, t])));
        expect(await validateWith(dir, 'fast')).toBe(await validateWith(dir, 'yaml'));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('on folders of randomly edited example plans', async () => {
    const base = readFileSync(join(EXAMPLES, 'phu-yen', 'plans', 'btg-bdv-2022-2026.yaml'), 'utf8');
    const dir = tempFolder();
    await fc.assert(
      fc.asyncProperty(editedText(base), async (text) => {
        writeFiles(dir, { 'phoihop.yaml': readFileSync(join(EXAMPLES, 'phu-yen', 'phoihop.yaml')), 'parties.yaml': readFileSync(join(EXAMPLES, 'phu-yen', 'parties.yaml')), 'plans/a.yaml': text });
        expect(await validateWith(dir, 'fast')).toBe(await validateWith(dir, 'yaml'));
      }),
      { numRuns: RUNS },
    );
  });
});
