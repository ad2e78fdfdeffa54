/**
 * One failing records folder per rule and per loader problem, each with the
 * exact diagnostics it must produce (test/fixtures/invalid/<rule>/expected.json),
 * run through the real CLI in both languages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KNOWN_RULES, ruleSeverity } from '../../src/i18n/diagnostics.js';
import { runCliAsync } from '../helpers/cli-async.js';
import { runMain } from '../helpers/main-in-process.js';
import { tempFolder } from '../helpers/folder.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));
const AS_OF = '2026-11-22';

interface Expected {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: string;
}

interface JsonReport {
  files: number;
  errors: number;
  warnings: number;
  diagnostics: (Expected & { message: string })[];
}

const PARTIES = 'kind: parties\nparties:\n  - id: bdv-tu\n    name: Ban Dân vận Tỉnh ủy\n  - id: btg-tu\n    name: Ban Tuyên giáo Tỉnh ủy\n';
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

/** A plan as git leaves it after a conflicting merge. */
const CONFLICTED_PLAN = [
  'kind: plan',
  'id: ptg-2022',
  'title: Chương trình phối hợp về công tác dân vận',
  'signed: 2022-05-12',
  'period: 2022..2026',
  'parties: [bdv-tu, btg-tu]',
  'tasks:',
  '  - id: bao-cao',
  '    title: Báo cáo kết quả',
  '    lead: bdv-tu',
  '<'.repeat(7) + ' HEAD',
  '    due: 2022-12-15',
  '='.repeat(7),
  '    due: 2022-12-20',
  '>'.repeat(7) + ' nhanh-khac',
  '',
].join('\n');

/**
 * Fixtures built here at run time: bytes a text editor (or git settings) could
 * mangle, and conflict markers that `git diff --check` would flag in a committed file.
 */
const GENERATED: Record<string, { files: Record<string, string | Uint8Array>; expected: Expected[] }> = {
  'merge-conflict': {
    files: { 'parties.yaml': PARTIES, 'plans/ptg-2022.yaml': CONFLICTED_PLAN },
    expected: [{ file: 'plans/ptg-2022.yaml', line: 11, column: 1, severity: 'error', rule: 'merge-conflict' }],
  },
  'invalid-utf8': {
    files: {
      'parties.yaml': PARTIES,
      // A file saved in a legacy 8-bit encoding: 'â' is the single byte 0xE2.
      'plans/legacy.yaml': concat(utf8('kind: plan\nid: kh-2022\n'), latin1('title: Ban D\u00e2n v\u1eadn\n')),
    },
    expected: [{ file: 'plans/legacy.yaml', line: 3, column: 13, severity: 'error', rule: 'invalid-utf8' }],
  },
  'control-character': {
    files: { 'parties.yaml': PARTIES, 'plans/nul.yaml': 'kind: plan\nid: kh-2022\ntitle: Kế hoạch\u0000 năm\n' },
    expected: [{ file: 'plans/nul.yaml', line: 3, column: 16, severity: 'error', rule: 'control-character' }],
  },
  'lone-cr': {
    // Saved with old Mac line ends: every line ends in a lone CR, so by LF the whole file is line 1.
    files: { 'parties.yaml': PARTIES, 'plans/mac.yaml': 'kind: plan\rid: kh-2022\rtitle: Kế hoạch\r' },
    expected: [{ file: 'plans/mac.yaml', line: 1, column: 11, severity: 'error', rule: 'lone-cr' }],
  },
  'bom-crlf': {
    // A BOM and CRLF line ends are fine: columns count characters after the BOM, lines end before CR.
    files: {
      'parties.yaml': PARTIES,
      'plans/windows.yaml': concat(
        Uint8Array.from([0xef, 0xbb, 0xbf]),
        utf8('kind: plan\r\nid: kh-2022\r\ntitle: Kế hoạch\r\nsigned: 2022-05-12\r\nperiod: 2022\r\nparties: [bdv-tu, btg-tu]\r\ntasks:\r\n  - { id: a, title: A, lead: bdv-tu, dua: 2022-06-01 }\r\n'),
      ),
    },
    expected: [{ file: 'plans/windows.yaml', line: 8, column: 38, severity: 'error', rule: 'unknown-field' }],
  },
};

/** Rules no input can trigger, and why. */
const UNREACHABLE: Record<string, string> = {
  'read-error': 'needs a listed file that cannot be read (permissions), but tests may run as root; test/load/loader.test.ts covers it in-process',
  'unreadable-folder': 'needs a folder that cannot be read, which git cannot hold; test/load/worktree.test.ts runs the CLI on one',
  'link-not-read': 'needs symbolic links, which a checkout does not make on every system; test/git/repo-situations.test.ts makes them and runs the CLI',
  schema: 'the fallback for a JSON Schema keyword the catalogue does not map; the shipped schemas use none',
};

const committed = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

function project(report: JsonReport): Expected[] {
  return report.diagnostics.map(({ file, line, column, severity, rule }) => ({ file, line, column, severity, rule }));
}

async function check(dir: string, expected: Expected[]): Promise<void> {
  // Vietnamese through the real bin; English through main() in-process, which is the same code and twice as fast.
  const args = (lang: string) => ['validate', '--format', 'json', '--lang', lang, '--as-of', AS_OF];
  const [vi, en] = await Promise.all([runCliAsync(args('vi'), { cwd: dir }), runMain(args('en'), { cwd: dir })]);
  for (const run of [vi, en]) {
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(project(report)).toEqual(expected);
    const errors = expected.filter((d) => d.severity === 'error').length;
    expect(report.errors).toBe(errors);
    expect(report.warnings).toBe(expected.length - errors);
    expect(run.code).toBe(errors > 0 ? 1 : 0);
    for (const d of report.diagnostics) {
      expect(d.message.trim().length).toBeGreaterThan(10);
      expect(d.message).not.toMatch(/undefined|NaN|\[object Object\]/);
      expect(d.severity).toBe(ruleSeverity(d.rule));
    }
  }
  const viMessages = (JSON.parse(vi.stdout) as JsonReport).diagnostics.map((d) => d.message);
  const enMessages = (JSON.parse(en.stdout) as JsonReport).diagnostics.map((d) => d.message);
  // The two catalogues really are two languages.
  viMessages.forEach((m, i) => expect(m).not.toBe(enMessages[i]));
}

describe('failing fixtures: exact file, line, column, severity and rule', () => {
  it.concurrent.each(committed)('%s', async (name) => {
    const dir = join(FIXTURES, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected[];
    expect(expected.length).toBeGreaterThan(0);
    // Each fixture is named after the rule it shows.
    expect(expected.map((d) => d.rule)).toContain(name);
    await check(dir, expected);
  });

  it.concurrent.each(Object.keys(GENERATED))('%s (bytes made at run time)', async (name) => {
    const { files, expected } = GENERATED[name];
    await check(tempFolder(files), expected);
  });

  it('covers every rule of the catalogue, except the unreachable ones', () => {
    const shown = new Set<string>();
    for (const name of committed) {
      for (const d of JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected[]) shown.add(d.rule);
    }
    for (const { expected } of Object.values(GENERATED)) for (const d of expected) shown.add(d.rule);
    const missing = KNOWN_RULES.filter((r) => !shown.has(r) && !(r in UNREACHABLE));
    expect(missing).toEqual([]);
    for (const rule of Object.keys(UNREACHABLE)) {
      expect(KNOWN_RULES).toContain(rule);
      expect(shown.has(rule)).toBe(false);
    }
    // Every fixture folder is named after a known rule.
    for (const name of [...committed, ...Object.keys(GENERATED)]) {
      if (name !== 'bom-crlf') expect(KNOWN_RULES).toContain(name);
    }
  });

  it('keeps one fixture folder per rule, each with an expected.json', () => {
    for (const name of committed) expect(existsSync(join(FIXTURES, name, 'expected.json'))).toBe(true);
  });
});
