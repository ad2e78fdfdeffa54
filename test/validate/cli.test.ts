/** `phoihop validate` as a user runs it: options, paths, formats, colour, exit codes. */
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES } from '../helpers/cli.js';
import { runCliAsync } from '../helpers/cli-async.js';
import { copyFolder, minimalFolder, tempFolder } from '../helpers/folder.js';
import { runMain } from '../helpers/main-in-process.js';

const EXAMPLE_NAMES = ['ben-tre', 'dien-bien', 'nghe-an', 'phu-yen'];
const ESC = '\u001b[';

const PLAN = (id: string, extra = '') =>
  `kind: plan\nid: ${id}\ntitle: Kế hoạch ${id}\nsigned: 2022-05-12\nperiod: 2022..2026\nparties: [bdv-tu, btg-tu]\n${extra}`;

/** A folder with one clean plan, one with an error, one with a warning. */
function mixedFolder(): string {
  return minimalFolder({
    'good.yaml': PLAN('good', 'tasks:\n  - { id: a, title: A, lead: bdv-tu, due: 2022-12-15 }\n'),
    'bad.yaml': PLAN('bad', 'tasks:\n  - { id: a, title: A, lead: nobody }\n'),
    'odd.yaml': PLAN('odd', 'number: so 5\n'),
  });
}

describe('validate: exit codes and output', () => {
  it.concurrent.each(EXAMPLE_NAMES)('the %s example is clean in both languages, wherever the machine is', async (name) => {
    // Today (from the clock) in both languages, and a given --as-of, under the earliest and the latest zone on Earth.
    const variants: [string, string[]][] = [['vi', []], ['en', []], ['vi', ['--as-of', '22/11/2026']]];
    const runs = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'].flatMap((tz) =>
      variants.map(async ([lang, asOf]) => ({ lang, r: await runCliAsync(['validate', '--strict', '--lang', lang, '-C', join(EXAMPLES, name), ...asOf], { env: { TZ: tz } }) })),
    );
    for (const { lang, r } of await Promise.all(runs)) {
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(lang === 'vi' ? /^0 lỗi, 0 cảnh báo trong \d+ tệp\.\n$/ : /^0 errors, 0 warnings in \d+ files\.\n$/);
      expect(r.code).toBe(0);
    }
  });

  it.concurrent('prints one clickable line per problem, then the counts; exit 1 on errors', async () => {
    const r = await runCliAsync(['validate', '--lang', 'en'], { cwd: mixedFolder() });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([
      "plans/bad.yaml:8:30: error [unknown-party] No party has the id 'nobody': declare it in parties.yaml or correct the id.",
      "plans/odd.yaml:7:9: warning [number-format] Document number 'so 5' does not look like N-XX/YYY (number, type, issuer; e.g. 39-KH/BDVTU-HNB): check it.",
      '1 error, 1 warning in 5 files.',
      '',
    ]);
  });

  it.concurrent('keeps a problem on one line, and the terminal safe, whatever the quoted value holds', async () => {
    const dir = minimalFolder({ 'p.yaml': PLAN('p', 'tasks:\n  - { id: a, title: A, lead: "bdv\\ntu\\e[31m" }\n') });
    const text = await runCliAsync(['validate', '--lang', 'en'], { cwd: dir });
    expect(text.stdout.split('\n')).toEqual([
      expect.stringMatching(/^plans\/p\.yaml:8:30: error \[invalid-format\] 'lead' = bdv\\ntu\\u001b\[31m is not well formed/),
      '1 error, 0 warnings in 3 files.',
      '',
    ]);
    const json = JSON.parse((await runCliAsync(['validate', '--lang', 'en', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.diagnostics[0].message).toContain('bdv\\ntu\\u001b[31m');
  });

  it.concurrent('tells a clerk who numbered an id to write it in quotes', async () => {
    const dir = minimalFolder({ 'p.yaml': PLAN('p', 'contents:\n  - { id: 1, title: Một là }\n  - { id: "2", title: Hai là }\n') });
    const r = await runCliAsync(['validate', '--lang', 'en'], { cwd: dir });
    expect(r.stdout.split('\n')[0]).toBe(
      "plans/p.yaml:8:11: error [invalid-format] 'id' = 1 is not well formed: expected an id (lower-case letters without accents, digits and hyphens, e.g. bdv-tu). YAML reads 1 as a number: write the id in quotes, '1'.",
    );
    expect(r.stdout).toContain('1 error,');
  });

  it.concurrent('says what a log entry must be when its value is a bare year, not the key it stands under', async () => {
    const dir = minimalFolder({ 'p.yaml': PLAN('p', 'tasks:\n  - id: a\n    title: A\n    lead: bdv-tu\n    every: quarter\n    log:\n      2022-Q4: 2023\n') });
    const [vi, en, compiled] = await Promise.all([
      runCliAsync(['validate'], { cwd: dir }),
      runCliAsync(['validate', '--lang', 'en'], { cwd: dir }),
      // Compiled at start rather than by the build: the same words.
      runCliAsync(['validate', '--lang', 'en'], { cwd: dir, env: { PHOIHOP_SCHEMA_CHECK: 'compile' } }),
    ]);
    expect(vi.stdout.split('\n')[0]).toBe(
      "plans/p.yaml:13:16: error [invalid-format] '2022-Q4' = 2023 không đúng định dạng: cần mục nhật ký: một ngày, hoặc { done: ngày }, hoặc { status: cancelled }.",
    );
    const english = "plans/p.yaml:13:16: error [invalid-format] '2022-Q4' = 2023 is not well formed: expected a log entry: a date, { done: date } or { status: cancelled }.";
    expect(en.stdout.split('\n')[0]).toBe(english);
    expect(compiled.stdout.split('\n')[0]).toBe(english);
  });

  it.concurrent('exits 0 with warnings only, and 1 with --strict, which shows them as errors', async () => {
    const dir = minimalFolder({ 'odd.yaml': PLAN('odd', 'number: so 5\n') });
    const plain = await runCliAsync(['validate', '--format', 'json'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout)).toMatchObject({ errors: 0, warnings: 1, diagnostics: [{ severity: 'warning', rule: 'number-format' }] });
    const strict = await runCliAsync(['validate', '--format', 'json', '--strict'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject({ errors: 1, warnings: 0, diagnostics: [{ severity: 'error', rule: 'number-format' }] });
  });

  it.concurrent('writes the JSON shape of cli.md', async () => {
    const r = await runCliAsync(['validate', '--format', 'json', '--lang', 'en'], { cwd: mixedFolder() });
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['files', 'errors', 'warnings', 'diagnostics']);
    expect(json).toMatchObject({ files: 5, errors: 1, warnings: 1 });
    expect(json.diagnostics[0]).toEqual({
      file: 'plans/bad.yaml',
      line: 8,
      column: 30,
      severity: 'error',
      rule: 'unknown-party',
      message: "No party has the id 'nobody': declare it in parties.yaml or correct the id.",
    });
  });

  it.concurrent('never prints a stack trace, however broken the folder', async () => {
    const dir = tempFolder({
      // Also odd YAML in the config, which is read early for its locale: yaml must not warn on stderr.
      'phoihop.yaml': 'kind: config\nignore: 5\ntimezone: [x]\nmetrics: { a: 5 }\n? [a]\n: b\nx: !foo 1\n',
      'parties.yaml': 'kind: parties\nparties: { id: x }\n',
      'a.yaml': '\u0000\u0001',
      'b.yaml': Uint8Array.of(0xff, 0xfe, 0x00),
      'c.yaml': 'kind: plan\nid: [a]\ntitle: {}\nsigned: []\nperiod: {}\nparties: a\ntasks: [1, [2], { log: 5, every: 3 }]\n',
      'd.yaml': 'kind: plan\nid: d\ntitle: D\nsigned: 2022-01-01\nperiod: 2022\nparties: [x, y]\nparent: d\ntasks:\n  - { id: t, title: T, lead: x, every: year, log: { 2022: { }, 2023: [], 2024: 2024-13-01 } }\n',
      'e.yaml': '&a [*a]',
      'f.yaml': '{ ? { ? [ : ] } }',
    });
    const runs = [[], ['--lang', 'vi'], ['--lang', 'en']].flatMap((lang) => ['text', 'json', 'github'].map((format) => runCliAsync(['validate', ...lang, '--format', format], { cwd: dir })));
    for (const r of await Promise.all(runs)) {
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toMatch(/\n\s+at |Error:|undefined/);
    }
  });
});

describe('validate: options', () => {
  it.concurrent('takes global options before and after the command name', async () => {
    const dir = mixedFolder();
    const after = await runCliAsync(['validate', '-C', dir, '--lang', 'en', '--format', 'json']);
    const before = await runCliAsync(['-C', dir, '--lang', 'en', '--format', 'json', 'validate']);
    const mixed = await runCliAsync(['--lang', 'en', 'validate', '--dir', dir, '--format=json']);
    expect(after.code).toBe(1);
    expect(JSON.parse(after.stdout).errors).toBe(1);
    expect(before.stdout).toBe(after.stdout);
    expect(mixed.stdout).toBe(after.stdout);
  });

  it.concurrent('finds the folder upward from the current one', async () => {
    const dir = mixedFolder();
    const r = await runCliAsync(['validate', '--format', 'json'], { cwd: join(dir, 'plans') });
    expect(JSON.parse(r.stdout).files).toBe(5);
  });

  it.concurrent.each([
    [['--format', 'xml'], /xml/],
    [['--lang', 'fr'], /fr/],
    [['--as-of', '31/2/2022'], /31\/2\/2022/],
    [['--bogus'], /bogus/],
    [['-C', '/nonexistent/records'], /nonexistent/],
  ])('refuses %j with exit 2 and a message', async (args, pattern) => {
    const r = await runCliAsync(['validate', ...args], { cwd: mixedFolder() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe('');
  });

  it.concurrent('speaks the config locale when --lang is not given', async () => {
    const dir = minimalFolder({ 'bad.yaml': PLAN('bad', 'tasks:\n  - { id: a, title: A, lead: nobody }\n') });
    const vi = await runCliAsync(['validate'], { cwd: dir });
    expect(vi.stdout).toContain('Không có cơ quan mã');
    const en = tempFolder({ 'phoihop.yaml': 'kind: config\nlocale: en\n', 'x.yaml': 'kind: nope\n' });
    const r = await runCliAsync(['validate'], { cwd: en });
    expect(r.stdout).toContain("Unknown kind 'nope'");
    expect((await runCliAsync(['validate', '--lang', 'vi'], { cwd: en })).stdout).toContain("Loại hồ sơ (kind) 'nope' không được hỗ trợ");
  });
});

describe('validate: today', () => {
  it('is the date in the config time zone, not the machine one', async () => {
    const plan = PLAN('p', 'tasks:\n  - { id: a, title: A, lead: bdv-tu, status: done, done: 2026-11-23 }\n');
    const now = Date.UTC(2026, 10, 22, 12, 0); // 23/11 02:00 in Kiritimati, 22/11 01:00 in Pago Pago
    const warnings = async (timezone: string) => {
      const dir = minimalFolder({ 'p.yaml': plan }, { 'phoihop.yaml': `kind: config\ntimezone: ${timezone}\n` });
      const r = await runMain(['validate', '--format', 'json'], { cwd: dir, now });
      return (JSON.parse(r.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule);
    };
    expect(await warnings('Pacific/Kiritimati')).toEqual([]);
    expect(await warnings('Pacific/Pago_Pago')).toEqual(['done-in-future']);
  });
});

describe('validate: given paths', () => {
  it.concurrent('reports only the given file, resolving references against the whole folder', async () => {
    const dir = mixedFolder();
    const r = await runCliAsync(['validate', '--format', 'json', 'plans/good.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ files: 1, errors: 0, warnings: 0, diagnostics: [] });
    const bad = await runCliAsync(['validate', '--format', 'json', 'plans/bad.yaml', 'plans/good.yaml'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ files: 2, errors: 1, warnings: 0, diagnostics: [{ file: 'plans/bad.yaml', rule: 'unknown-party' }] });
  });

  it.concurrent('fails a new file that reuses an id, though the duplicate is reported at the file after it in path order', async () => {
    const dir = mixedFolder();
    // 'a-new.yaml' sorts before 'good.yaml', whose id it takes: the folder reports the clash at good.yaml.
    writeFileSync(join(dir, 'plans', 'a-new.yaml'), PLAN('good'));
    const whole = await runCliAsync(['validate', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(whole.stdout).diagnostics).toContainEqual(expect.objectContaining({ file: 'plans/good.yaml', rule: 'duplicate-plan-id' }));
    const r = await runCliAsync(['validate', '--format', 'json', '--lang', 'en', 'plans/a-new.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    // Two files reported on: the one given, and the one its id clashes with.
    expect(JSON.parse(r.stdout)).toMatchObject({
      files: 2,
      errors: 1,
      diagnostics: [{ file: 'plans/good.yaml', rule: 'duplicate-plan-id', message: expect.stringContaining('plans/a-new.yaml') }],
    });
    // A party id too, first declared in the file given.
    writeFileSync(join(dir, 'a-parties.yaml'), 'kind: parties\nparties:\n  - { id: bdv-tu, name: Ban Dân vận }\n');
    const parties = await runCliAsync(['validate', '--format', 'json', 'a-parties.yaml'], { cwd: dir });
    expect(parties.code).toBe(1);
    // A parties file given widens the report to every reference broken between files: bad.yaml's unknown party, good.yaml's clash.
    expect(JSON.parse(parties.stdout).diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`)).toEqual([
      'parties.yaml duplicate-party-id',
      'plans/bad.yaml unknown-party',
      'plans/good.yaml duplicate-plan-id',
    ]);
    // The file whose id came first is not blamed for an unrelated file's error.
    const good = await runCliAsync(['validate', '--format', 'json', 'plans/bad.yaml'], { cwd: dir });
    expect(JSON.parse(good.stdout)).toMatchObject({ errors: 1, diagnostics: [{ file: 'plans/bad.yaml', rule: 'unknown-party' }] });
  });

  it.concurrent('a folder path means the record files under it', async () => {
    const dir = mixedFolder();
    const r = await runCliAsync(['validate', '--format', 'json', 'plans'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 3, errors: 1, warnings: 1 });
    const all = await runCliAsync(['validate', '--format', 'json', '.'], { cwd: dir });
    expect(JSON.parse(all.stdout).files).toBe(5);
  });

  it.concurrent('a folder path means the files at any depth below it, a name only the start of a folder none; many paths at once', async () => {
    const bad = (id: string) => PLAN(id, 'tasks:\n  - { id: a, title: A, lead: nobody }\n');
    const dir = minimalFolder({ 'a.yaml': bad('a'), '2022/b.yaml': bad('b'), '2022/q1/c.yaml': bad('c'), '2022/q1/x/d.yml': bad('d'), '2022-bis/e.yaml': bad('e') });
    const files = async (...paths: string[]) => {
      const r = await runCliAsync(['validate', '--format', 'json', ...paths], { cwd: dir });
      const report = JSON.parse(r.stdout) as { files: number; diagnostics: { file: string }[] };
      return [report.files, ...report.diagnostics.map((d) => d.file)];
    };
    expect(await files('plans/2022')).toEqual([3, 'plans/2022/b.yaml', 'plans/2022/q1/c.yaml', 'plans/2022/q1/x/d.yml']);
    expect(await files('plans/2022/q1/')).toEqual([2, 'plans/2022/q1/c.yaml', 'plans/2022/q1/x/d.yml']);
    expect(await files('./plans/2022/q1/x', 'plans/2022-bis/e.yaml', 'plans/2022/q1/x/d.yml')).toEqual([2, 'plans/2022-bis/e.yaml', 'plans/2022/q1/x/d.yml']);
    expect(await files('plans')).toEqual([5, 'plans/2022-bis/e.yaml', 'plans/2022/b.yaml', 'plans/2022/q1/c.yaml', 'plans/2022/q1/x/d.yml', 'plans/a.yaml']);
    // `plans/20` starts the names of two folders but is neither: no such path.
    const prefix = await runCliAsync(['validate', '--lang', 'en', 'plans/20'], { cwd: dir });
    expect([prefix.code, prefix.stderr]).toEqual([2, expect.stringContaining('plans/20')]);
    // A hook may hand over thousands of files: each given once, some twice, in any order.
    const many = Array.from({ length: 3000 }, (_, i) => ['plans/a.yaml', 'plans/2022/q1', 'plans/2022/b.yaml'][i % 3]);
    expect(await files(...many)).toEqual([4, 'plans/2022/b.yaml', 'plans/2022/q1/c.yaml', 'plans/2022/q1/x/d.yml', 'plans/a.yaml']);
  });

  it.concurrent('takes paths from the current folder, or from the records folder as validate prints them', async () => {
    const dir = mixedFolder();
    const fromCwd = await runCliAsync(['validate', '-C', dir, '--format', 'json', join(dir, 'plans', 'bad.yaml')]);
    const asPrinted = await runCliAsync(['validate', '-C', dir, '--format', 'json', 'plans/bad.yaml']);
    expect(JSON.parse(fromCwd.stdout)).toMatchObject({ files: 1, errors: 1 });
    expect(asPrinted.stdout).toBe(fromCwd.stdout);
  });

  it.concurrent('with no records folder around the current one, takes the folder of the given path', async () => {
    const dir = mixedFolder();
    const parent = join(dir, '..');
    const name = dir.split('/').pop()!;
    const file = await runCliAsync(['validate', '--format', 'json', `${name}/plans/bad.yaml`], { cwd: parent });
    expect(JSON.parse(file.stdout)).toMatchObject({ files: 1, errors: 1, diagnostics: [{ file: 'plans/bad.yaml', rule: 'unknown-party' }] });
    const folder = await runCliAsync(['validate', '--format', 'json', name], { cwd: parent });
    expect(JSON.parse(folder.stdout)).toMatchObject({ files: 5, errors: 1, warnings: 1 });
  });

  it.concurrent('passes over, with a line on stderr, a file or folder the ignore globs leave out, as a pre-commit hook hands them', async () => {
    const dir = mixedFolder();
    writeFileSync(join(dir, 'phoihop.yaml'), readFileSync(join(dir, 'phoihop.yaml'), 'utf8') + 'ignore: [drafts, docker-compose.yml]\n');
    cpSync(join(dir, 'plans'), join(dir, 'drafts'), { recursive: true });
    writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web: { image: nginx }\n');
    writeFileSync(join(dir, 'drafts', 'notes.txt'), 'ghi chú\n');
    // What the hook passes: every staged YAML file; the ignored ones are passed over, the others checked.
    const staged = await runCliAsync(['validate', '--format', 'json', '--lang', 'en', 'docker-compose.yml', 'drafts/bad.yaml', 'plans/bad.yaml'], { cwd: dir });
    expect(staged.code).toBe(1);
    expect(JSON.parse(staged.stdout)).toMatchObject({ files: 1, errors: 1, diagnostics: [{ file: 'plans/bad.yaml', rule: 'unknown-party' }] });
    expect(staged.stderr).toBe(
      'phoihop: passed over docker-compose.yml: the ignore globs of phoihop.yaml leave it out of the records, so it is not checked.\n' +
        'phoihop: passed over drafts/bad.yaml: the ignore globs of phoihop.yaml leave it out of the records, so it is not checked.\n',
    );
    const onlyIgnored = await runCliAsync(['validate', 'drafts'], { cwd: dir });
    expect([onlyIgnored.code, onlyIgnored.stdout, onlyIgnored.stderr]).toEqual([0, '0 lỗi, 0 cảnh báo trong 0 tệp.\n', 'phoihop: bỏ qua drafts: mục ignore của phoihop.yaml để nó ngoài hồ sơ, nên không kiểm tra.\n']);
    // Not a record file in the first place: bad usage, ignored or not.
    const text = await runCliAsync(['validate', '--lang', 'en', 'drafts/notes.txt'], { cwd: dir });
    expect([text.code, text.stderr]).toEqual([2, 'phoihop: Not a loaded record file (*.yaml, *.yml): drafts/notes.txt\n']);
  });

  it.concurrent('refuses a path outside the folder, a missing file and a file that is not a record', async () => {
    const dir = mixedFolder();
    const outside = await runCliAsync(['validate', '/etc/hostname'], { cwd: dir });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('/etc/hostname');
    expect((await runCliAsync(['validate', '../elsewhere.yaml'], { cwd: dir })).code).toBe(2);
    const missing = await runCliAsync(['validate', '--lang', 'en', 'plans/nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('plans/nope.yaml');
    expect((await runCliAsync(['validate', 'plans/README.md'], { cwd: dir })).code).toBe(2);
  });
});

describe('an empty -C', () => {
  it('is bad usage, as an unset variable in `-C "$RECORDS_DIR"` gives it, not the folder found upward', async () => {
    const dir = mixedFolder();
    for (const args of [['validate', '-C', ''], ['deadlines', '--dir='], ['status', '--dir', '']]) {
      const r = await runCliAsync([...args, '--lang', 'en'], { cwd: dir });
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(/^phoihop: -C\/--dir is empty: give the records folder/);
    }
  });
});

describe('a report on a folder with no records and no phoihop.yaml', () => {
  it('says on stderr that nothing was read, as validate does, so that a wrong folder does not pass for good news', async () => {
    const empty = tempFolder();
    const r = await runCliAsync(['deadlines', '--fail-on-overdue', '--lang', 'en'], { cwd: empty });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nothing is overdue or due soon.');
    expect(r.stderr).toBe(`phoihop: No record files in ${realpathSync(empty)}, and no phoihop.yaml there or above: is this the records folder? (choose it with -C <folder>)\n`);
    // A records folder with no plan yet is not a mistake.
    expect((await runCliAsync(['status'], { cwd: minimalFolder() })).stderr).toBe('');
  });
});

describe('validate: colour and the github format', () => {
  it('uses colour only on a terminal, without NO_COLOR or --no-color', async () => {
    const dir = mixedFolder();
    const tty = await runMain(['validate'], { cwd: dir, isTTY: true });
    expect(tty.stdout).toContain(ESC);
    expect(tty.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe((await runMain(['validate'], { cwd: dir })).stdout);
    expect((await runMain(['validate'], { cwd: dir, isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await runMain(['validate', '--no-color'], { cwd: dir, isTTY: true })).stdout).not.toContain(ESC);
    // The other conventions that turn colour off, as chalk and most tools read them.
    for (const env of [{ FORCE_COLOR: '0' }, { FORCE_COLOR: 'false' }, { TERM: 'dumb' }]) {
      expect((await runMain(['validate'], { cwd: dir, isTTY: true, env })).stdout).not.toContain(ESC);
    }
    expect((await runMain(['validate'], { cwd: dir, isTTY: true, env: { FORCE_COLOR: '1', TERM: 'xterm' } })).stdout).toContain(ESC);
    // Through a pipe, even with FORCE_COLOR-free env and no NO_COLOR: plain.
    expect((await runCliAsync(['validate'], { cwd: dir })).stdout).not.toContain(ESC);
    expect((await runCliAsync(['validate'], { cwd: dir, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
  });

  // A line break in a quoted value is already written out (`\\r\\n`) in every format; `%` is GitHub's own.
  it('writes workflow annotations with paths from the current folder and escapes what GitHub needs escaped', async () => {
    const root = tempFolder();
    const dir = minimalFolder({
      'kh:2022,a.yaml': PLAN('kh', 'tasks:\n  - { id: a, title: A, lead: bdv-tu, "50%\\r\\nx": 1 }\n'),
    });
    const r = await runCliAsync(['validate', '--format', 'github', '--lang', 'en', '-C', dir], { cwd: root, env: { GITHUB_WORKSPACE: undefined } });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const prefix = require_relative(root, dir);
    expect(lines[0]).toBe(
      `::error file=${prefix}/plans/kh%3A2022%2Ca.yaml,line=8,col=38,title=unknown-field::Unknown field '50%25\\r\\nx': remove it or correct its name. If this is text after a comma inside { }, put the whole text in double quotes.`,
    );
    expect(lines[1]).toBe('1 error, 0 warnings in 3 files.');
    expect(lines).toHaveLength(3);
  });

  it('in a workflow, writes paths from GITHUB_WORKSPACE, whatever folder the step runs in', async () => {
    const checkout = tempFolder();
    const dir = join(checkout, 'ho-so');
    cpSync(minimalFolder({ 'kh.yaml': PLAN('kh', 'tasks:\n  - { id: a, title: A, lead: ai-do }\n') }), dir, { recursive: true });
    // A step with `working-directory: ho-so/plans`, and one run from the checkout with -C.
    for (const [cwd, args] of [[join(dir, 'plans'), []], [checkout, ['-C', 'ho-so']]] as const) {
      const r = await runCliAsync(['validate', '--format', 'github', '--lang', 'en', ...args], { cwd, env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: checkout } });
      expect(r.code).toBe(1);
      expect(r.stdout.split('\n')[0]).toMatch(/^::error file=ho-so\/plans\/kh\.yaml,line=\d+,col=\d+,title=unknown-party::/);
    }
  });
});

describe('validate: the bounds of the semantic rules are inclusive', () => {
  const rules = async (dir: string) => {
    const r = await runCliAsync(['validate', '--format', 'json', '--as-of', '2026-11-22', '-C', dir]);
    return (JSON.parse(r.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule);
  };

  it.concurrent('a plan may cover its parent’s whole period, but not one day more', async () => {
    const parent = PLAN('ctr').replace('period: 2022..2026', 'period: 2022-05-12..2026-12-31');
    const child = (id: string, period: string) => PLAN(id, 'parent: ctr\n').replace('period: 2022..2026', `period: ${period}`);
    expect(await rules(minimalFolder({ 'ctr.yaml': parent, 'kh.yaml': child('kh', '2022-05-12..2026-12-31') }))).toEqual([]);
    expect(await rules(minimalFolder({ 'ctr.yaml': parent, 'kh.yaml': child('kh', '2022-05-12..2027-01-01') }))).toEqual(['period-outside-parent']);
    expect(await rules(minimalFolder({ 'ctr.yaml': parent, 'kh.yaml': child('kh', '2022-05-11..2026-12-31') }))).toEqual(['period-outside-parent']);
  });

  it.concurrent('a log key may name a period that overlaps the recurrence by its first or last day only', async () => {
    const task = (log: string) =>
      `tasks:\n  - id: giao-ban\n    title: Giao ban\n    lead: bdv-tu\n    every: quarter\n    from: 2022-06-30\n    until: 2022-10-01\n    log:\n${log}`;
    // 2022-Q2 ends on `from`, 2022-Q4 starts on `until`: both are occurrences of the recurrence.
    expect(await rules(minimalFolder({ 'p.yaml': PLAN('p', task('      2022-Q2: 2022-07-10\n      2022-Q4: 2022-10-01\n')) }))).toEqual([]);
    expect(await rules(minimalFolder({ 'p.yaml': PLAN('p', task('      2022-Q1: 2022-07-10\n      2023-Q1: 2022-10-01\n')) }))).toEqual(['log-key-outside', 'log-key-outside']);
  });
});

describe('validate: each problem once, where it is', () => {
  /** `line:column severity [rule]` of every diagnostic, in the order validate prints them. */
  const found = async (dir: string) => {
    const r = await runCliAsync(['validate', '--format', 'json', '--as-of', '2026-11-22', '-C', dir]);
    return (JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; column: number; severity: string; rule: string }[] }).diagnostics.map(
      (d) => `${d.file}:${d.line}:${d.column} ${d.severity} [${d.rule}]`,
    );
  };
  const recurring = (fields: string) => `tasks:\n  - id: giao-ban\n    title: Giao ban\n    lead: bdv-tu\n    every: quarter\n${fields}`;

  it.concurrent('a recurring task with status done and no date breaks only the recurring rule: it has no completion of its own', async () => {
    const dir = minimalFolder({ 'p.yaml': PLAN('p', recurring('    status: done\n')) });
    expect(await found(dir)).toEqual(['plans/p.yaml:12:5 error [recurring-with-one-off-field]']);
  });

  it.concurrent('each recurrence field on a one-off task, and each one-off field on a recurring task, is an error at its key', async () => {
    const oneOff = PLAN(
      'a',
      'tasks:\n  - id: bao-cao\n    title: Báo cáo\n    lead: bdv-tu\n    log: {}\n    offset: 5\n    day: 20\n    from: 2022-07-01\n    until: 2022-12-31\n',
    );
    const rec = PLAN('b', recurring('    due: 2022-12-15\n    status: planned\n    results: {}\n    evidence: 45-BC/BDVTU\n'));
    expect(await found(minimalFolder({ 'a.yaml': oneOff, 'b.yaml': rec }))).toEqual([
      ...[11, 12, 13, 14, 15].map((line) => `plans/a.yaml:${line}:5 error [one-off-with-recurring-field]`),
      ...[12, 13, 14, 15].map((line) => `plans/b.yaml:${line}:5 error [recurring-with-one-off-field]`),
    ]);
  });

  it.concurrent('empty results claim nothing: no results-without-done, on a task or on a cancelled occurrence', async () => {
    const dir = minimalFolder({
      'p.yaml': PLAN(
        'p',
        'tasks:\n  - { id: a, title: A, lead: bdv-tu, due: 2022-12-15, results: {} }\n' +
          '  - id: giao-ban\n    title: Giao ban\n    lead: bdv-tu\n    every: quarter\n    log:\n      2022-Q3: { status: cancelled, results: {} }\n',
      ),
    });
    expect(await found(dir)).toEqual([]);
  });

  it.concurrent(
    'a parent cycle is reported on each plan on it, once, and not on a plan below it, which validate still gets through',
    async () => {
      const dir = minimalFolder({ 'a.yaml': PLAN('a', 'parent: b\n'), 'b.yaml': PLAN('b', 'parent: a\n'), 'c.yaml': PLAN('c', 'parent: a\n') });
      expect(await found(dir)).toEqual(['plans/a.yaml:7:9 error [parent-cycle]', 'plans/b.yaml:7:9 error [parent-cycle]']);
    },
    20_000,
  );

  it.concurrent.each([
    ['flow', '    support: [btg-tu, bdv-tu]\n', '71:23'],
    ['block', '    support:\n      - btg-tu\n      - bdv-tu\n', '73:9'],
  ])('a lead also in support (%s list) is a warning at that party in the list, not at the list', async (_form, support, at) => {
    // examples/phu-yen: giao-ban-quy (lines 67-71) is led by bdv-tu with support: [btg-tu].
    const dir = copyFolder(join(EXAMPLES, 'phu-yen'));
    const file = join(dir, 'plans/btg-bdv-2022-2026.yaml');
    const text = readFileSync(file, 'utf8');
    const task = '    lead: bdv-tu\n    support: [btg-tu]\n    every: quarter\n';
    expect(text.split('\n').slice(69, 72).join('\n') + '\n').toBe(task);
    writeFileSync(file, text.replace(task, `    lead: bdv-tu\n${support}    every: quarter\n`));
    expect(await found(dir)).toEqual([`plans/btg-bdv-2022-2026.yaml:${at} warning [lead-in-support]`]);
  });

  it.concurrent('a recurrence of one day (from = until) is valid, and its one occurrence may be logged', async () => {
    const dir = minimalFolder({ 'p.yaml': PLAN('p', recurring('    from: 2022-08-15\n    until: 2022-08-15\n    log:\n      2022-Q3: 2022-09-30\n')) });
    expect(await found(dir)).toEqual([]);
  });

  it.concurrent('bounds the wrong way round are one error at until, not one more per log key', async () => {
    const dir = minimalFolder({ 'p.yaml': PLAN('p', recurring('    from: 2024-01-01\n    until: 2023-12-31\n    log:\n      2023-Q4: 2023-12-20\n')) });
    expect(await found(dir)).toEqual(['plans/p.yaml:13:12 error [from-after-until]']);
  });
});

describe('validate: the date warnings are strict, and their bounds inclusive', () => {
  const found = async (dir: string) => {
    const r = await runCliAsync(['validate', '--format', 'json', '--as-of', '2026-11-22', '-C', dir]);
    return (JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; column: number; rule: string }[] }).diagnostics.map(
      (d) => `${d.file}:${d.line}:${d.column} [${d.rule}]`,
    );
  };
  const plan = (id: string, signed: string, period: string, tasks = '') =>
    PLAN(id, tasks).replace('signed: 2022-05-12', `signed: ${signed}`).replace('period: 2022..2026', `period: ${period}`);

  it.concurrent('a plan signed on the last day of its period is not signed after it; the day after is', async () => {
    const dir = minimalFolder({ 'a.yaml': plan('a', '2022-12-31', '2022'), 'b.yaml': plan('b', '2023-01-01', '2022') });
    expect(await found(dir)).toEqual(['plans/b.yaml:4:9 [signed-after-period]']);
  });

  it.concurrent('a plan signed after its period: its recurring task has no occurrence, so a logged one is outside, not silently lost', async () => {
    const tasks = 'tasks:\n  - id: giao-ban\n    title: Giao ban\n    lead: bdv-tu\n    every: quarter\n    log:\n      2022-Q4: 2023-01-20\n';
    expect(await found(minimalFolder({ 'p.yaml': plan('p', '2023-01-10', '2022', tasks) }))).toEqual([
      'plans/p.yaml:4:9 [signed-after-period]',
      'plans/p.yaml:13:7 [log-key-outside]',
    ]);
  });

  it.concurrent('a completion on the signing day is not before it; the day before is', async () => {
    const tasks =
      'tasks:\n  - { id: a, title: A, lead: bdv-tu, due: 2022-12-15, status: done, done: 2022-05-12 }\n' +
      '  - { id: b, title: B, lead: bdv-tu, due: 2022-12-15, status: done, done: 2022-05-11 }\n' +
      '  - id: giao-ban\n    title: Giao ban\n    lead: bdv-tu\n    every: quarter\n    log:\n      2022-Q2: 2022-05-11\n      2022-Q3: { done: 2022-05-11 }\n';
    expect(await found(minimalFolder({ 'p.yaml': plan('p', '2022-05-12', '2022', tasks) }))).toEqual([
      'plans/p.yaml:9:75 [done-before-signed]',
      'plans/p.yaml:15:16 [done-before-signed]',
      'plans/p.yaml:16:24 [done-before-signed]',
    ]);
  });

  it.concurrent('a due date on the first or last day of the period is inside it; the days around are not', async () => {
    const tasks = ['2022-01-01', '2022-12-31', '2021-12-31', '2023-01-01'].map((due, i) => `  - { id: t${i}, title: T, lead: bdv-tu, due: ${due} }\n`).join('');
    expect(await found(minimalFolder({ 'p.yaml': plan('p', '2021-12-01', '2022', `tasks:\n${tasks}`) }))).toEqual([
      'plans/p.yaml:10:44 [due-outside-period]',
      'plans/p.yaml:11:44 [due-outside-period]',
    ]);
  });
});

/** The path from one folder to another with /, as the github format prints it. */
function require_relative(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
