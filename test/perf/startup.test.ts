/**
 * `--version` and `--help` load only what they need: none of the heavy
 * modules a command loads when it runs. Checked by recording every module
 * the process resolves (a resolve hook), not by timing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from '../helpers/cli.js';

const HOOK = fileURLToPath(new URL('./hooks/record-modules.mjs', import.meta.url));
const HEAVY = ['ajv', 'yaml', 'js-yaml', 'chalk', 'cli-table3', 'picomatch'];
const START_UP_MODULES = /^(?:cli\/(?:main|io|program|usage-errors|version|help-lang)|cli\/commands\/[a-z]+|i18n\/(?:cli|lang|help|system-errors)|load\/top-level-scalar|usage-error)\.js$/;

/**
 * The packages (under node_modules) and own modules a run of the CLI loaded:
 * ESM imports through a resolve hook, CommonJS requires through NODE_DEBUG.
 */
function modulesLoadedBy(args: string[], env: Record<string, string> = {}): { packages: Set<string>; own: string[]; files: string[] } {
  const folder = mkdtempSync(join(tmpdir(), 'phoihop-modules-'));
  const log = join(folder, 'modules.log');
  let files: string[];
  try {
    const r = runCli(args, { env: { NODE_OPTIONS: `--import ${HOOK}`, PHOIHOP_MODULE_LOG: log, NODE_DEBUG: 'module', ...env } });
    expect(r.code).toBe(0);
    const required = [...r.stderr.matchAll(/^MODULE \d+: load "([^"]+)"/gm)].map((m) => 'file://' + m[1]);
    files = [...readFileSync(log, 'utf8').trim().split('\n'), ...required];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const packages = new Set(files.map((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((p): p is string => p !== undefined));
  const own = files.filter((u) => u.includes('/dist/')).map((u) => u.slice(u.indexOf('/dist/') + 6));
  return { packages, own, files };
}

describe('start-up loads only what the command needs', () => {
  it.each([['--version'], ['--help'], ['validate', '--help']])('phoihop %s loads commander and nothing heavy', (...args) => {
    const { packages, own } = modulesLoadedBy(args);
    expect([...packages]).toEqual(['commander']);
    for (const heavy of HEAVY) expect(packages.has(heavy)).toBe(false);
    // Of our own, only the program, the commands' registrations (not their `-run` halves) and the CLI's messages:
    // a list of what may load, so that a new module imported at the top of one of these shows here.
    expect(own.filter((m) => !START_UP_MODULES.test(m))).toEqual([]);
    expect(own).toContain('cli/commands/validate.js');
  });

  it('while validate does load the parsers and the schema checker (so the check above can fail)', () => {
    const { packages, own } = modulesLoadedBy(['validate', '-C', EXAMPLES + 'phu-yen', '--as-of', '2026-11-22']);
    for (const needed of ['ajv', 'js-yaml']) expect(packages.has(needed)).toBe(true);
    expect(own).toContain('load/fast-parse.js');
    expect(own.filter((m) => !START_UP_MODULES.test(m)).length).toBeGreaterThan(0);
  });

  it("validate uses the build's compiled schema validators: ajv's compiler is not loaded", () => {
    const compiler = /node_modules\/ajv\/dist\/(ajv|core)\.js$/;
    const built = modulesLoadedBy(['validate', '-C', EXAMPLES + 'phu-yen', '--as-of', '2026-11-22']);
    expect(built.own).toContain('validate/validators.cjs');
    expect(built.files.filter((f) => compiler.test(f))).toEqual([]);
    const compiled = modulesLoadedBy(['validate', '-C', EXAMPLES + 'phu-yen', '--as-of', '2026-11-22'], { PHOIHOP_SCHEMA_CHECK: 'compile' });
    expect(compiled.files.filter((f) => compiler.test(f)).length).toBeGreaterThan(0);
  });
});
