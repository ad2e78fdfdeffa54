/**
 * Bad usage says what is wrong in the clerk's terms and exits 2: a day that
 * does not exist, a period written backwards, a metric name `done` cannot
 * write, an id one typo away. And what a report shows about where its
 * records came from (`--rev`), and what `init` writes on a machine left on UTC.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLES, runCli } from './helpers/cli.js';
import { copyFolder, tempFolder } from './helpers/folder.js';
import { runMain } from './helpers/main-in-process.js';

const PHU_YEN = join(EXAMPLES, 'phu-yen');

describe('usage errors', () => {
  it('a day that is not on the calendar is named as such, not as a bad format', async () => {
    for (const option of [['deadlines', '--as-of'], ['done', 'btg-bdv-2022-2026/x', '--date']]) {
      const r = await runMain([...option, '31/2/2026'], { cwd: copyFolder(PHU_YEN) });
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toBe("phoihop: Ngày không có thật: '31/2/2026' không phải là một ngày trên lịch (tháng có ít ngày hơn, hoặc tháng quá 12).\n");
    }
    const format = await runMain(['deadlines', '--as-of', '2026/02/03'], { cwd: PHU_YEN });
    expect(format.stderr).toBe("phoihop: Ngày không hợp lệ: '2026/02/03' (dùng YYYY-MM-DD hoặc D/M/YYYY).\n");
  });

  it('a period that ends before it starts says so', async () => {
    const r = await runMain(['summary', '--period', '2026-Q4..2026-Q1', '--lang', 'en'], { cwd: PHU_YEN });
    expect(r).toEqual({ code: 2, stdout: '', stderr: "phoihop: Invalid period: '2026-Q4..2026-Q1' ends before it starts; write the earlier end first (e.g. 2026-Q1..2026-Q4).\n" });
  });

  it('a summary whose next period would pass the year 9999 is bad usage, not a key like "10000"', async () => {
    for (const period of ['9999', 'Q4/9999', '9999-12', '9999-06-01..9999-09-30']) {
      const r = await runMain(['summary', '--period', period, '--lang', 'en'], { cwd: PHU_YEN });
      expect(r).toEqual({ code: 2, stdout: '', stderr: `phoihop: Cannot summarise '${period}': its next period goes beyond the year 9999 (the last day phoihop knows is 9999-12-31).\n` });
    }
    // The last periods whose next one is still on the calendar.
    for (const [period, next] of [
      ['9998', '9999'],
      ['Q3/9999', '9999-Q4'],
      ['9999-07-01..9999-09-30', '9999-10-01..9999-12-31'],
    ]) {
      const r = await runMain(['summary', '--period', period, '--as-of', '2026-11-22', '--format', 'json'], { cwd: PHU_YEN });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).next.key).toBe(next);
    }
  });

  it('so is a summary of the default quarter when it is the last one (as of a day in 9999-Q4)', async () => {
    const r = await runMain(['summary', '--as-of', '9999-11-01', '--lang', 'en'], { cwd: PHU_YEN });
    expect(r).toEqual({ code: 2, stdout: '', stderr: "phoihop: Cannot summarise '9999-Q4': its next period goes beyond the year 9999 (the last day phoihop knows is 9999-12-31).\n" });
    const before = await runMain(['summary', '--as-of', '9999-09-30', '--format', 'json'], { cwd: PHU_YEN });
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout).next.key).toBe('9999-Q4');
  });

  it('a period with a day, month or quarter that is not on the calendar is named as such', async () => {
    for (const period of ['31/2/2018', '2018-02-29', '31/2/2018..2019', '2022-Q5', 'Q5/2022', '13/2022', '2022-13']) {
      const r = await runMain(['summary', '--period', period, '--lang', 'en'], { cwd: PHU_YEN });
      expect(r.code, period).toBe(2);
      expect(r.stderr, period).toMatch(new RegExp(`^phoihop: No such period: '${period.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' names a day, month, quarter or year that is not on the calendar`));
    }
    const vi = await runMain(['summary', '--period', '31/2/2018'], { cwd: PHU_YEN });
    expect(vi.stderr).toMatch(/^phoihop: Kỳ không có thật: '31\/2\/2018' có ngày, tháng, quý hoặc năm không có trên lịch/);
  });

  it('done refuses a metric name that is not an id as bad usage, before touching the file', async () => {
    const dir = copyFolder(PHU_YEN);
    const file = join(dir, 'plans', 'btg-bdv-2022-2026.yaml');
    const before = readFileSync(file);
    const r = await runMain(['done', 'btg-bdv-2022-2026/giao-ban-quy', '--period', '2026-Q3', '--result', 'so bai=3'], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain("Chỉ tiêu 'so bai' trong --result không hợp lệ");
    expect(readFileSync(file)).toEqual(before);
  });

  it('an unknown plan or party given to a report is matched to the nearest id', async () => {
    const plan = await runMain(['status', 'btg-bdv-2022-2025', '--lang', 'en'], { cwd: PHU_YEN });
    expect(plan).toEqual({ code: 2, stdout: '', stderr: "phoihop: No plan has the id 'btg-bdv-2022-2025': did you mean 'btg-bdv-2022-2026'?\n" });
    const party = await runMain(['deadlines', '--party', 'bdv-t'], { cwd: PHU_YEN });
    expect(party.stderr).toBe("phoihop: Không có cơ quan mã 'bdv-t': có phải ý bạn là 'bdv-tu'?\n");
    const far = await runMain(['deadlines', '--party', 'hoi-nong-dan'], { cwd: PHU_YEN });
    expect(far).toEqual({ code: 2, stdout: '', stderr: "phoihop: Không có cơ quan mã 'hoi-nong-dan'.\n" });
  });
});

describe('validate from the folder around the records', () => {
  it('suggests -C for a phoihop.yaml below, when the records are all in its folder; a misplaced config is told to move', async () => {
    const around = tempFolder();
    cpSync(PHU_YEN, join(around, 'ho-so'), { recursive: true });
    const r = await runMain(['validate'], { cwd: around });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(
      'ho-so/phoihop.yaml:5:7: error [config-not-at-root] Đây là tệp cấu hình của thư mục hồ sơ ho-so, nhưng lệnh đang đọc thư mục bên ngoài nó: hãy chạy phoihop với -C ho-so, hoặc từ trong thư mục đó.',
    );
    const misplaced = tempFolder({ 'parties.yaml': readFileSync(join(PHU_YEN, 'parties.yaml'), 'utf8'), 'plans/phoihop.yaml': 'kind: config\n' });
    const m = await runMain(['validate', '--lang', 'en'], { cwd: misplaced });
    expect(m.stdout).toContain('error [config-not-at-root] The config (kind: config) must be phoihop.yaml at the root of the records folder: move its content there and delete this file.');
  });

  it('with several records folders below, names each for -C, and neither tells to delete a config nor calls their ids duplicates', () => {
    const around = tempFolder();
    for (const folder of ['ban-a', 'ban-b']) expect(runCli(['init', folder], { cwd: around }).code).toBe(0);
    const vi = runCli(['validate'], { cwd: around });
    expect(vi).toEqual({
      code: 1,
      stderr: '',
      stdout: [
        'ban-a/phoihop.yaml:3:7: error [config-not-at-root] Đây là tệp cấu hình của thư mục hồ sơ ban-a, một trong các thư mục hồ sơ ban-a, ban-b, nhưng lệnh đang đọc thư mục bên ngoài chúng như một thư mục hồ sơ: hãy chạy phoihop với -C ban-a hoặc -C ban-b (mỗi lần một thư mục), hoặc từ trong thư mục đó.',
        'ban-b/phoihop.yaml:3:7: error [config-not-at-root] Đây là tệp cấu hình của thư mục hồ sơ ban-b, một trong các thư mục hồ sơ ban-a, ban-b, nhưng lệnh đang đọc thư mục bên ngoài chúng như một thư mục hồ sơ: hãy chạy phoihop với -C ban-a hoặc -C ban-b (mỗi lần một thư mục), hoặc từ trong thư mục đó.',
        '2 lỗi, 0 cảnh báo trong 6 tệp.',
        '',
      ].join('\n'),
    });
    const en = runCli(['validate', '--lang', 'en'], { cwd: around });
    expect(en.stdout.split('\n')[0]).toBe(
      'ban-a/phoihop.yaml:3:7: error [config-not-at-root] This is the config of the records folder ban-a, one of the records folders ban-a, ban-b, but the command is reading the folder around them as one: run phoihop with -C ban-a or -C ban-b (one folder at a time), or from inside that folder.',
    );
    // A report refuses the folder read as one, as it refuses any with errors, and says the same.
    const deadlines = runCli(['deadlines'], { cwd: around });
    expect(deadlines.code).toBe(1);
    expect(deadlines.stderr).toContain('hãy chạy phoihop với -C ban-a hoặc -C ban-b');
    expect(deadlines.stderr).not.toMatch(/duplicate|xóa tệp/);
    // Each folder alone is fine; within one, a repeated id is still one.
    expect(runCli(['-C', 'ban-a', 'validate'], { cwd: around }).code).toBe(0);
    cpSync(join(around, 'ban-b/plans/vi-du-2026.yaml'), join(around, 'ban-b/plans/ban-sao.yaml'));
    expect(runCli(['validate'], { cwd: around }).stdout).toMatch(/^ban-b\/plans\/vi-du-2026\.yaml:\d+:\d+: error \[duplicate-plan-id\] .* ban-b\/plans\/ban-sao\.yaml:/m);
  });

  it('quotes a folder whose name a shell would split, and keeps a comma in a name whole', () => {
    const around = tempFolder();
    for (const folder of ['ban a', 'Ban, Hội']) expect(runCli(['init', folder], { cwd: around }).code).toBe(0);
    const en = runCli(['validate', '--lang', 'en'], { cwd: around });
    expect(en.stdout.split('\n')[0]).toBe(
      "Ban, Hội/phoihop.yaml:3:7: error [config-not-at-root] This is the config of the records folder Ban, Hội, one of the records folders Ban, Hội, ban a, but the command is reading the folder around them as one: run phoihop with -C 'Ban, Hội' or -C 'ban a' (one folder at a time), or from inside that folder.",
    );
  });
});

describe('validate of a path through a file', () => {
  it('is bad usage that names the path, not an internal error (ENOTDIR), with or without -C', async () => {
    const folder = tempFolder({ 'a.yaml': 'kind: party\n' });
    for (const args of [['validate', 'a.yaml/x'], ['validate', '-C', '.', 'a.yaml/x']]) {
      const r = await runMain([...args, '--lang', 'en'], { cwd: folder });
      expect(r).toEqual({ code: 2, stdout: '', stderr: 'phoihop: No such file or folder: a.yaml/x\n' });
    }
  });

  it('tells a path that is not there from a file the loader does not read', async () => {
    const folder = tempFolder({ 'a.yaml': 'kind: party\n', 'ghi-chu.txt': 'x\n', '.nhap/b.yaml': 'kind: plan\n' });
    const run = async (path: string) => (await runMain(['validate', path, '--lang', 'en'], { cwd: folder })).stderr;
    expect(await run('plans/khong-co.yaml')).toBe('phoihop: No such file or folder: plans/khong-co.yaml\n');
    expect(await run('ghi-chu.txt')).toBe('phoihop: Not a loaded record file (*.yaml, *.yml): ghi-chu.txt\n');
    expect(await run('.nhap/b.yaml')).toBe('phoihop: Not a loaded record file (*.yaml, *.yml): .nhap/b.yaml\n');
  });
});

describe('validate of a folder with nothing to check', () => {
  it('passes as cli.md says, and says on stderr why nothing was checked', async () => {
    const empty = tempFolder();
    const r = await runMain(['validate', '--lang', 'en'], { cwd: empty });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('0 errors, 0 warnings in 0 files.\n');
    expect(r.stderr).toBe(`phoihop: No record files in ${empty}, and no phoihop.yaml there or above: is this the records folder? (choose it with -C <folder>)\n`);
    // A records folder that has no record file yet but its config is not a mistake: nothing is said.
    const configOnly = tempFolder({ 'phoihop.yaml': 'kind: config\n' });
    expect((await runMain(['validate'], { cwd: configOnly })).stderr).toBe('');
  });
});

describe('reports', () => {
  it('name the git revision their records were read at, in human formats only', () => {
    const dir = copyFolder(PHU_YEN);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'first');
    const table = runCli(['deadlines', '-C', dir, '--rev', 'HEAD', '--as-of', '2026-11-22']);
    expect(table.stdout.split('\n').slice(0, 4)).toEqual(['Ban Dân vận Tỉnh ủy Phú Yên', 'Nhiệm vụ quá hạn và sắp đến hạn (trong 14 ngày tới)', 'Tính đến ngày 22/11/2026', 'Theo hồ sơ tại phiên bản git HEAD']);
    const markdown = runCli(['status', '-C', dir, '--rev', 'HEAD', '--as-of', '2026-11-22', '--format', 'markdown', '--lang', 'en']);
    expect(markdown.stdout).toContain('Records as at git revision HEAD');
    const summary = runCli(['summary', '-C', dir, '--rev', 'HEAD', '--as-of', '2026-11-22']);
    expect(summary.stdout).toContain('Theo hồ sơ tại phiên bản git HEAD');
    // Without --rev there is no such line, and machine formats keep their shape.
    expect(runCli(['deadlines', '-C', dir, '--as-of', '2026-11-22']).stdout).not.toContain('phiên bản git');
    const json = JSON.parse(runCli(['deadlines', '-C', dir, '--rev', 'HEAD', '--as-of', '2026-11-22', '--format', 'json']).stdout);
    expect(Object.keys(json)).toEqual(Object.keys(JSON.parse(runCli(['deadlines', '-C', dir, '--as-of', '2026-11-22', '--format', 'json']).stdout)));
    expect(runCli(['status', '-C', dir, '--rev', 'HEAD', '--as-of', '2026-11-22', '--format', 'csv']).stdout).not.toContain('phiên bản git');
  });

  it('leave the due date of an ongoing task empty in CSV, and show a dash for people', async () => {
    const dir = join(EXAMPLES, 'dien-bien');
    const csv = await runMain(['status', 'bdv-bao-dai-2021-2025', '--as-of', '2026-11-22', '--format', 'csv'], { cwd: dir });
    const table = await runMain(['status', 'bdv-bao-dai-2021-2025', '--as-of', '2026-11-22'], { cwd: dir });
    expect(csv.stdout).not.toContain('—');
    expect(csv.stdout).toMatch(/thường xuyên/);
    expect(table.stdout).toContain('—');
    // Every due cell of the CSV is an ISO date or empty.
    const rows = csv.stdout.replace(/^\uFEFF/, '').trim().split('\r\n');
    const dueColumn = rows[0].split(',').indexOf('Hạn');
    expect(dueColumn).toBeGreaterThanOrEqual(0);
    for (const row of rows.slice(1)) expect(row.split(',')[dueColumn]).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
  });
});

describe('init', () => {
  it('writes Vietnam’s zone on a machine left on UTC, and a zone TZ names', () => {
    const zoneOf = (env: Record<string, string | undefined>) => {
      const dir = tempFolder();
      expect(runCli(['init', dir], { env: { LANG: 'vi_VN.UTF-8', LC_ALL: undefined, ...env } }).code).toBe(0);
      return parse(readFileSync(join(dir, 'phoihop.yaml'), 'utf8')).timezone;
    };
    expect(zoneOf({ TZ: 'UTC' })).toBe('Asia/Ho_Chi_Minh');
    expect(zoneOf({ TZ: 'Etc/UTC' })).toBe('Etc/UTC');
    expect(zoneOf({ TZ: 'Europe/Paris' })).toBe('Europe/Paris');
  });

  it('names the current folder in full rather than as "."', () => {
    const dir = tempFolder();
    const r = runCli(['init'], { cwd: dir, env: { LANG: 'vi_VN.UTF-8', LC_ALL: undefined, TZ: 'Asia/Ho_Chi_Minh' } });
    expect(r.stdout.split('\n')[0]).toMatch(/^Đã tạo thư mục hồ sơ \/.+:$/);
    expect(r.stdout).not.toContain(' -C ');
  });
});
