import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from './helpers/cli.js';
import { minimalFolder } from './helpers/folder.js';

describe('the built CLI', () => {
  it('prints its version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each(['ben-tre', 'dien-bien', 'nghe-an', 'phu-yen'])('validates the %s example clean', (name) => {
    const r = runCli(['validate', '--strict', '-C', EXAMPLES + name, '--as-of', '2026-11-22']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^0 lỗi, 0 cảnh báo trong \d+ tệp\.\n$/);
  });

  it('points at a missing field of a plan', () => {
    const dir = minimalFolder({ 'a.yaml': 'kind: plan\nid: a\ntitle: A\nsigned: 2022-01-01\nperiod: 2022\n' });
    const r = runCli(['validate', '-C', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("plans/a.yaml:1:1: error [missing-field] Missing required field 'parties'");
  });

  it('exits 2 on an unknown command', () => {
    expect(runCli(['bogus']).code).toBe(2);
  });
});
