/**
 * `phoihop done` through the built CLI, on temp copies of the examples:
 * what it writes and prints, and that every refusal exits as documented and
 * leaves every file byte for byte as it was.
 */
import { chmodSync, chownSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellWord } from '../../src/i18n/cli.js';
import { parse } from 'yaml';
import { EXAMPLES, runCli, UNPRIVILEGED_UID, unprivilegedPrefix } from '../helpers/cli.js';
import { lineDiff, lines } from '../helpers/edits.js';
import { copyFolder, minimalFolder } from '../helpers/folder.js';

const PLAN = 'plans/btg-bdv-2022-2026.yaml';
const AS_OF = ['--as-of', '2026-11-22'];

/** Every file under `dir` (dot-files included) → its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

const phuYen = () => copyFolder(EXAMPLES + 'phu-yen');

describe('phoihop done: writing', () => {
  it('logs an occurrence of a recurring task as one added line, and the folder stays valid', () => {
    const dir = phuYen();
    const before = readFileSync(join(dir, PLAN), 'utf8');
    const r = runCli(['done', '-C', dir, 'btg-bdv-2022-2026/giao-ban-quy', '--period', 'Q3/2026', '--date', '20/10/2026']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'plans/btg-bdv-2022-2026.yaml: đã ghi nhận hoàn thành btg-bdv-2022-2026/giao-ban-quy kỳ quý III năm 2026 ngày 20/10/2026.\n' +
        '  92 +       2026-Q3: 2026-10-20\n',
    );
    const after = readFileSync(join(dir, PLAN), 'utf8');
    const { removed, added } = lineDiff(before, after);
    expect(removed.size).toBe(0);
    expect([...added].map((j) => lines(after)[j])).toEqual(['      2026-Q3: 2026-10-20']);
    // The occurrence named as the reports name it, in English too.
    const en = runCli(['done', '-C', phuYen(), 'btg-bdv-2022-2026/giao-ban-quy', '--period', '2026-Q3', '--date', '2026-10-20', '--dry-run', '--lang', 'en']);
    expect(en.stdout.split('\n')[0]).toBe('plans/btg-bdv-2022-2026.yaml: would record btg-bdv-2022-2026/giao-ban-quy (Q3 2026) as done on 2026-10-20.');
    // It lands after 2026-Q2, before the clerk's comment about the missing quarter.
    expect(lines(after).slice(89, 93)).toEqual([
      '      2026-Q1: { done: 2026-04-14, results: { participants: 32 } }',
      '      2026-Q2: { done: 2026-07-17, results: { participants: 30 } }   # trễ hạn',
      '      2026-Q3: 2026-10-20',
      '      # 2026-Q3 (hạn 15/10/2026): chưa tổ chức. 2026-Q4 hạn 15/01/2027.',
    ]);
    expect(runCli(['validate', '--strict', '-C', dir, ...AS_OF]).code).toBe(0);
  });

  it('edits a plan whose comments yaml alone misreads (#glued, a blank line before a comment), byte for byte', () => {
    const dir = phuYen();
    const file = join(dir, PLAN);
    // A value on its own line after each kind of comment, before the place of the edit: yaml 2.9 alone refuses this file.
    const before = readFileSync(file, 'utf8')
      .replace('signed: 2022-05-12\n', 'signed:\n#ngày ký theo văn bản\n  2022-05-12\n')
      .replace('      2026-Q2: { done: 2026-07-17', '\n#quý II\n      2026-Q2:\n\n# trễ\n        { done: 2026-07-17');
    writeFileSync(file, before);
    expect(runCli(['validate', '--strict', '-C', dir, ...AS_OF]).code).toBe(0);
    const r = runCli(['done', '-C', dir, 'btg-bdv-2022-2026/giao-ban-quy', '--period', 'Q3/2026', '--date', '20/10/2026']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const after = readFileSync(file, 'utf8');
    const { removed, added } = lineDiff(before, after);
    expect(removed.size).toBe(0);
    expect([...added].map((j) => lines(after)[j])).toEqual(['      2026-Q3: 2026-10-20']);
    expect(after.replace('      2026-Q3: 2026-10-20\n', '')).toBe(before);
    expect(runCli(['validate', '--strict', '-C', dir, ...AS_OF]).code).toBe(0);
  });

  it('marks a one-off task done with results, evidence and a note, changing only its status line', () => {
    const dir = phuYen();
    const before = readFileSync(join(dir, PLAN), 'utf8');
    const r = runCli(
      ['done', '-C', dir, 'btg-bdv-2022-2026/du-thao-tong-ket', '--date', '2026-11-20', '--result', 'articles=3', '--evidence', '301-BC/BDVTU', '--note', 'Gửi Thường trực: bản 1', '--lang', 'en'],
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('plans/btg-bdv-2022-2026.yaml: recorded btg-bdv-2022-2026/du-thao-tong-ket as done on 2026-11-20.');
    const after = readFileSync(join(dir, PLAN), 'utf8');
    const { removed, added } = lineDiff(before, after);
    expect([...removed].map((i) => lines(before)[i])).toEqual(['    status: in-progress']);
    expect([...added].map((j) => lines(after)[j])).toEqual([
      '    status: done',
      '    done: 2026-11-20',
      '    results: { articles: 3 }',
      '    evidence: 301-BC/BDVTU',
      '    note: "Gửi Thường trực: bản 1"',
    ]);
    expect(runCli(['validate', '--strict', '-C', dir, ...AS_OF]).code).toBe(0);
  });

  it('writes a year key that YAML reads back as the year', () => {
    const dir = phuYen();
    const r = runCli(['done', '-C', dir, 'btg-bdv-2022-2026/bao-cao-nam', '--period', '2026', '--date', '2026-11-21', '--result', 'opinion-reports=12']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, PLAN), 'utf8')).toContain(
      '      2025: { done: 2025-12-03, results: { opinion-reports: 15 } }\n      2026: { done: 2026-11-21, results: { opinion-reports: 12 } }\n',
    );
    expect(runCli(['validate', '--strict', '-C', dir, ...AS_OF]).code).toBe(0);
  });

  it('defaults the date to today in the config time zone', () => {
    const dir = phuYen();
    const r = runCli(['done', '-C', dir, 'btg-bdv-2022-2026/tong-ket'], { env: { TZ: 'America/Los_Angeles' } });
    expect(r.code).toBe(0);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect(readFileSync(join(dir, PLAN), 'utf8')).toContain(`    status: done\n    done: ${today}\n`);
  });

  it('keeps a BOM and CRLF line endings', () => {
    const text = ['kind: plan', 'id: a', 'title: A', 'signed: 2022-01-01', 'period: 2022', 'parties: [bdv-tu, btg-tu]', 'tasks:', '  - id: t', '    title: T', '    lead: bdv-tu', '    due: 2022-06-30', ''].join('\r\n');
    const dir = minimalFolder({ 'a.yaml': '\uFEFF' + text });
    const r = runCli(['done', '-C', dir, 'a/t', '--date', '2022-06-20']);
    expect(r.code).toBe(0);
    const after = readFileSync(join(dir, 'plans/a.yaml'));
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(after.subarray(3).toString('utf8')).toBe(text + '    status: done\r\n    done: 2022-06-20\r\n');
  });

  it('shows the change and writes nothing with --dry-run', () => {
    const dir = phuYen();
    const before = snapshot(dir);
    const r = runCli(['done', '-C', dir, 'btg-bdv-2022-2026/tong-ket', '--date', '2026-11-20', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('plans/btg-bdv-2022-2026.yaml: sẽ ghi nhận hoàn thành btg-bdv-2022-2026/tong-ket ngày 20/11/2026.');
    expect(r.stdout).toContain('~     status: done');
    expect(r.stdout).toContain('+     done: 2026-11-20');
    expect(r.stdout).toContain('--dry-run');
    expect(snapshot(dir)).toEqual(before);
  });

  it('marks the lines it added with + and the line it rewrote with ~', () => {
    const text = ['kind: plan', 'id: a', 'title: A', 'signed: 2022-01-01', 'period: 2022', 'parties: [bdv-tu, btg-tu]', 'tasks:', '  - id: t', '    title: T', '    lead: bdv-tu', '    due: 2022-06-30', '    results: {a: 1}', ''].join('\n');
    const dir = minimalFolder({ 'a.yaml': text }, { 'phoihop.yaml': 'kind: config\ntitle: Ban Dân vận Tỉnh ủy\nlocale: vi\nmetrics:\n  a: { label: A }\n' });
    const r = runCli(['done', '-C', dir, 'a/t', '--date', '2022-06-20', '--result', 'a=2', '--force']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(1)).toEqual(['  12 +     status: done', '  13 +     done: 2022-06-20', '  14 ~     results: {a: 2}', '']);
  });

  it('shows its lines on both sides of a 32,000-line note, and writes only them', () => {
    // The lines shown came from a table of old × new lines between the edits: 32,000² cells ran out of memory after the file was written.
    const note = Array.from({ length: 32_000 }, (_, i) => `      dòng ghi chú ${i % 7 === 0 ? 'lặp lại' : i}`);
    const head = ['kind: plan', 'id: a', 'title: A', 'signed: 2022-01-01', 'period: 2022', 'parties: [bdv-tu, btg-tu]', 'tasks:', '  - id: t', '    title: T', '    lead: bdv-tu'];
    const text = [...head, '    status: planned', '    note: |', ...note, '    results:', '      a: 1', ''].join('\n');
    const dir = minimalFolder({ 'a.yaml': text }, { 'phoihop.yaml': 'kind: config\ntitle: Ban Dân vận Tỉnh ủy\nlocale: vi\nmetrics:\n  a: { label: A }\n  b: { label: B }\n' });
    // A heap of 512 MB: the table's gigabytes fail at once rather than after a minute; the frontiers need a few.
    const r = runCli(['done', '-C', dir, 'a/t', '--date', '2022-06-20', '--result', 'b=2', '--as-of', '2022-07-01'], { env: { NODE_OPTIONS: '--max-old-space-size=512' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(1)).toEqual(['     11 ~     status: done', '     12 +     done: 2022-06-20', '  32016 +       b: 2', '']);
    const written = [...head, '    status: done', '    done: 2022-06-20', '    note: |', ...note, '    results:', '      a: 1', '      b: 2', ''].join('\n');
    expect(readFileSync(join(dir, 'plans/a.yaml'), 'utf8')).toBe(written);
  });

  it('warns about a completion dated after today but records it', () => {
    const dir = phuYen();
    const r = runCli(['done', '-C', dir, 'btg-bdv-2022-2026/tong-ket', '--date', '2099-01-01', ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning [done-in-future]');
    expect(readFileSync(join(dir, PLAN), 'utf8')).toContain('    done: 2099-01-01\n');
  });

  it('replaces a logged occurrence with --force', () => {
    const dir = phuYen();
    const r = runCli(['done', '-C', dir, 'btg-bdv-2022-2026/giao-ban-quy', '--period', '2024-Q3', '--date', '2024-10-20', '--force']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, PLAN), 'utf8')).toContain('      2024-Q3: 2024-10-20\n      2024-Q4:');
  });
});

describe('phoihop done: refusals leave every byte unchanged', () => {
  const cases: Array<[string, string[], number, RegExp]> = [
    ['an unknown plan', ['khong-co/giao-ban-quy'], 2, /Không có kế hoạch mã 'khong-co'/],
    ['an unknown task', ['btg-bdv-2022-2026/khong-co'], 2, /không có nhiệm vụ mã 'khong-co'/],
    ['a target without a task', ['btg-bdv-2022-2026'], 2, /<mã-kế-hoạch>\/<mã-nhiệm-vụ>/],
    ['a recurring task without --period', ['btg-bdv-2022-2026/giao-ban-quy'], 2, /--period.*2026-Q3/],
    ['a period of the wrong granularity', ['btg-bdv-2022-2026/giao-ban-quy', '--period', '2026-07'], 2, /không phải một kỳ quý/],
    ['a half-year for a quarterly task', ['btg-bdv-2022-2026/giao-ban-quy', '--period', 'H2/2026'], 2, /không phải một kỳ quý/],
    ['a period outside the recurrence', ['btg-bdv-2022-2026/giao-ban-quy', '--period', 'Q1/2022'], 2, /nằm ngoài/],
    ['a period before `from`', ['btg-bdv-2022-2026/bao-cao-nam', '--period', '2022'], 2, /nằm ngoài/],
    ['an occurrence already logged', ['btg-bdv-2022-2026/giao-ban-quy', '--period', '2026-Q2'], 2, /đã được ghi .*--force/],
    ['a cancelled occurrence', ['btg-bdv-2022-2026/giao-ban-quy', '--period', '2024-Q3'], 2, /đã được ghi/],
    ['an impossible date', ['btg-bdv-2022-2026/tong-ket', '--date', '31/2/2026'], 2, /Ngày không có thật: '31\/2\/2026'/],
    ['a date with no such month', ['btg-bdv-2022-2026/tong-ket', '--date', '2026-13-01'], 2, /Ngày không có thật/],
    ['a malformed date', ['btg-bdv-2022-2026/tong-ket', '--date', '2026.12.01'], 2, /Ngày không hợp lệ/],
    ['a malformed period', ['btg-bdv-2022-2026/giao-ban-quy', '--period', 'quy ba'], 2, /Kỳ không hợp lệ/],
    ['a period not on the calendar', ['btg-bdv-2022-2026/giao-ban-quy', '--period', 'Q5/2026'], 2, /Kỳ không có thật: 'Q5\/2026'/],
    ['a task already done', ['btg-bdv-2022-2026/so-ket'], 2, /đã hoàn thành \(ngày 26\/11\/2024\)/],
    ['a period for a one-off task', ['btg-bdv-2022-2026/tong-ket', '--period', '2026-Q4'], 2, /không phải nhiệm vụ định kỳ/],
    ['a result without a number', ['btg-bdv-2022-2026/tong-ket', '--result', 'articles'], 2, /<chỉ-tiêu>=<số>/],
    ['a result that would not validate', ['btg-bdv-2022-2026/tong-ket', '--result', 'articles=-3'], 1, /error \[.*\][\s\S]*tệp được giữ nguyên/],
    ['a metric that is not an id', ['btg-bdv-2022-2026/tong-ket', '--result', 'Tin bài=3'], 2, /Chỉ tiêu 'Tin bài' trong --result không hợp lệ/],
    ['a result too large to sum exactly', ['btg-bdv-2022-2026/tong-ket', '--result', 'articles=12345678901234567891'], 1, /out-of-range[\s\S]*tệp được giữ nguyên/],
    ['a --rev', ['btg-bdv-2022-2026/tong-ket', '--rev', 'HEAD'], 2, /phiên bản git/],
    ['an empty --evidence, as bad usage', ['btg-bdv-2022-2026/giao-ban-quy', '--period', '2026-Q3', '--evidence', ''], 2, /^phoihop: --evidence không được để trống/],
  ];

  it.each(cases)('refuses %s', (_name, args, code, message) => {
    const dir = phuYen();
    const before = snapshot(dir);
    const r = runCli(['done', '-C', dir, ...args, ...AS_OF]);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

  it('writes a result of -0 as 0', () => {
    const dir = phuYen();
    const r = runCli(['done', '-C', dir, 'btg-bdv-2022-2026/tong-ket', '--date', '2026-11-20', '--result', 'articles=-0', ...AS_OF]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'plans/btg-bdv-2022-2026.yaml'), 'utf8')).toContain('    results: { articles: 0 }\n');
  });

  it('refuses a cancelled task unless --force, which then also replaces its note', () => {
    const dir = copyFolder(EXAMPLES + 'nghe-an');
    const before = snapshot(dir);
    const refused = runCli(['done', '-C', dir, 'bdv-duk-2018-2020/kiem-tra-2020', '--date', '2020-11-01', '--note', 'Đã kiểm tra bù']);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringMatching(/đã bị hủy .*--force/)]);
    expect(snapshot(dir)).toEqual(before);
    const forced = runCli(['done', '-C', dir, 'bdv-duk-2018-2020/kiem-tra-2020', '--date', '2020-11-01', '--note', 'Đã kiểm tra bù', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'plans/bdv-duk-2018-2020.yaml'), 'utf8')).toContain(
      '    due: 2020-10-31\n    status: done\n    done: 2020-11-01\n    note: Đã kiểm tra bù\n',
    );
  });

  it('writes an empty --note as given, as the schema allows note: ""', () => {
    const dir = phuYen();
    const r = runCli(['done', '-C', dir, 'btg-bdv-2022-2026/giao-ban-quy', '--period', '2026-Q3', '--date', '2026-10-20', '--note', '', ...AS_OF]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(join(dir, PLAN), 'utf8')).toContain('      2026-Q3: { done: 2026-10-20, note: "" }\n');
    expect(runCli(['validate', '--strict', '-C', dir, ...AS_OF]).code).toBe(0);
  });

  it('refuses to replace an existing note unless --force', () => {
    const dir = minimalFolder({ 'a.yaml': 'kind: plan\nid: a\ntitle: A\nsigned: 2022-01-01\nperiod: 2022\nparties: [bdv-tu, btg-tu]\ntasks:\n  - id: t\n    title: T\n    lead: bdv-tu\n    note: Ghi chú của văn thư\n' });
    const before = snapshot(dir);
    const r = runCli(['done', '-C', dir, 'a/t', '--date', '2022-05-01', '--note', 'khác']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Nhiệm vụ đã có ghi chú (note): Ghi chú của văn thư. Dùng --force để thay.');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses to edit a folder that does not validate, printing its errors', () => {
    const dir = phuYen();
    writeFileSync(join(dir, 'plans/broken.yaml'), 'kind: plan\nid: broken\ntitle: B\nsigned: 2022-01-01\nperiod: 2022\nparties: [btg-tu, ai-do]\n');
    const before = snapshot(dir);
    const r = runCli(['done', '-C', dir, 'btg-bdv-2022-2026/tong-ket', ...AS_OF]);
    expect(r.code).toBe(1);
    // Listed as validate lists them: its lines, then the closing count line, then why nothing was written.
    expect(r.stderr).toMatch(/^plans\/broken\.yaml:6:19: error \[unknown-party\][^\n]*\n1 lỗi, 0 cảnh báo trong \d+ tệp\.\nphoihop: Thư mục hồ sơ đang có lỗi/);
    // The command that lists the errors names the folder -C gave.
    expect(r.stderr).toContain(`hãy sửa trước (phoihop validate -C ${shellWord(dir)}).`);
    expect(snapshot(dir)).toEqual(before);
  });
});

/** A plan `a` over 2025..2026 with the task lines given, in a minimal folder. */
function planFolder(...taskLines: string[]): string {
  const head = ['kind: plan', 'id: a', 'title: A', 'signed: 2025-01-01', 'period: 2025..2026', 'parties: [bdv-tu, btg-tu]', 'tasks:'];
  return minimalFolder({ 'a.yaml': [...head, ...taskLines, ''].join('\n') });
}

describe('phoihop done: the date', () => {
  it('is the --as-of day when one is given and --date is not (a clerk catching up, as of that day), else today', () => {
    const dir = planFolder('  - id: o', '    title: Báo cáo', '    lead: bdv-tu', '    due: 2025-06-30');
    const r = runCli(['done', '-C', dir, 'a/o', '--as-of', '1/7/2025', '--lang', 'en']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(dir, 'plans/a.yaml'), 'utf8')).toContain('    done: 2025-07-01\n');
    // --date still decides.
    const dated = planFolder('  - id: o', '    title: Báo cáo', '    lead: bdv-tu', '    due: 2025-06-30');
    expect(runCli(['done', '-C', dated, 'a/o', '--as-of', '1/7/2025', '--date', '2025-06-20']).code).toBe(0);
    expect(readFileSync(join(dated, 'plans/a.yaml'), 'utf8')).toContain('    done: 2025-06-20\n');
  });
});

describe('phoihop done: the occurrences named when --period is missing', () => {
  it('names every open one from the oldest, not only the latest four', () => {
    const dir = planFolder('  - id: c', '    title: Giao ban', '    lead: bdv-tu', '    every: quarter');
    const before = snapshot(dir);
    const r = runCli(['done', '-C', dir, 'a/c', '--as-of', '2026-11-22']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      "phoihop: Nhiệm vụ 'c' là nhiệm vụ định kỳ (hằng quý): hãy ghi kỳ bằng --period. " +
        'Các kỳ chưa ghi nhận, cũ nhất trước: 2025-Q1, 2025-Q2, 2025-Q3, 2025-Q4, 2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4.\n',
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('cuts a long list after the six oldest and says how many more, up to which one', () => {
    const dir = planFolder('  - id: c', '    title: Báo cáo tháng', '    lead: bdv-tu', '    every: month', '    log:', '      2025-01: 2025-02-03', '      2025-03: 2025-04-02');
    // Open by the as-of date: 2025-02 and 2025-04 .. 2026-11 (21), then the next one, 2026-12.
    const vi = runCli(['done', '-C', dir, 'a/c', '--as-of', '2026-11-22']);
    expect([vi.code, vi.stderr]).toEqual([
      2,
      "phoihop: Nhiệm vụ 'c' là nhiệm vụ định kỳ (hằng tháng): hãy ghi kỳ bằng --period. " +
        'Các kỳ chưa ghi nhận, cũ nhất trước: 2025-02, 2025-04, 2025-05, 2025-06, 2025-07, 2025-08 và 16 kỳ nữa, đến 2026-12.\n',
    ]);
    const en = runCli(['done', '-C', dir, 'a/c', '--as-of', '2026-11-22', '--lang', 'en']);
    expect(en.stderr).toBe(
      "phoihop: Task 'c' recurs every month: name the occurrence with --period. " +
        'Occurrences not yet logged, oldest first: 2025-02, 2025-04, 2025-05, 2025-06, 2025-07, 2025-08 and 16 more, up to 2026-12.\n',
    );
  });

  it('ends with the next occurrence to begin, skipping one logged ahead', () => {
    const dir = planFolder('  - id: c', '    title: Giao ban', '    lead: bdv-tu', '    every: quarter', '    log: { 2025-Q3: 2025-05-01 }');
    const r = runCli(['done', '-C', dir, 'a/c', '--as-of', '2025-05-02', '--lang', 'en']);
    expect(r.stderr).toMatch(/Occurrences not yet logged, oldest first: 2025-Q1, 2025-Q2, 2025-Q4\.\n$/);
  });
});

describe('phoihop done: keep-chomping blocks and shared values', () => {
  const KEPT = ['  - id: o', '    title: Tổng kết', '    lead: bdv-tu', '    note: |+', '      Dòng giữ nguyên', ''];

  it('adds after the blank lines a |+ note keeps, so the note reads the same and no other byte moves', () => {
    const dir = planFolder(...KEPT, '  - id: k', '    title: Khác', '    lead: btg-tu');
    const file = join(dir, 'plans/a.yaml');
    const before = readFileSync(file, 'utf8');
    const r = runCli(['done', '-C', dir, 'a/o', '--date', '2026-03-02']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before.replace('Dòng giữ nguyên\n\n', 'Dòng giữ nguyên\n\n    status: done\n    done: 2026-03-02\n'));
    expect(parse(after).tasks[0].note).toBe('Dòng giữ nguyên\n\n');
    expect(runCli(['validate', '--strict', '-C', dir, '--as-of', '2026-11-22']).code).toBe(0);
  });

  it('starts a log after a |+ note that ends a recurring task, and after a |+ note that ends a log entry', () => {
    const dir = planFolder('  - id: c', '    title: Giao ban', '    lead: bdv-tu', '    every: half', '    note: >+', '      Ghi chú', '', '');
    const file = join(dir, 'plans/a.yaml');
    expect(runCli(['done', '-C', dir, 'a/c', '--period', '2025-H2', '--date', '2026-01-05', '--note', 'Trễ', '--result', 'a=1']).code).toBe(0);
    const entry = '      2025-H2: { done: 2026-01-05, results: { a: 1 }, note: Trễ }\n';
    expect(readFileSync(file, 'utf8')).toMatch(/ {6}Ghi chú\n\n\n {4}log:\n {6}2025-H2: .*\n$/);
    // A log entry written as a block mapping that ends with a |+ note: the next entry goes after its blank line.
    writeFileSync(file, readFileSync(file, 'utf8').replace(entry, '      2025-H1:\n        done: 2025-07-01\n        note: |+\n          Kỳ đầu\n\n' + entry));
    const before = readFileSync(file, 'utf8');
    expect(runCli(['done', '-C', dir, 'a/c', '--period', '2026-H1', '--date', '2026-07-01']).code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before + '      2026-H1: 2026-07-01\n');
    const log = parse(after).tasks[0].log;
    expect(log['2025-H1'].note).toBe('Kỳ đầu\n\n');
    expect(runCli(['validate', '--strict', '-C', dir, '--as-of', '2026-11-22']).code).toBe(0);
  });

  const SHARED = [
    '  - id: s',
    '    title: Một',
    '    lead: bdv-tu',
    '    status: &s planned',
    '  - id: s2',
    '    title: Hai',
    '    lead: bdv-tu',
    '    status: *s',
  ];

  it('refuses to change a value an alias shares, saying so and where, not asking for a bug report', () => {
    const dir = planFolder(...SHARED);
    const before = snapshot(dir);
    const anchored = runCli(['done', '-C', dir, 'a/s']);
    expect([anchored.code, anchored.stdout]).toEqual([1, '']);
    expect(anchored.stderr).toBe(
      "phoihop: plans/a.yaml:11:13: không sửa được nhiệm vụ 's' một cách an toàn: chỗ cần sửa nằm trong giá trị có neo &s, mà bí danh *s ở chỗ khác trong tệp dùng chung giá trị đó, nên sửa ở đây sẽ đổi cả chỗ kia. " +
        'Tệp được giữ nguyên; hãy viết lại giá trị thay cho *s (bỏ dùng chung) rồi chạy lại, hoặc sửa tay.\n',
    );
    const alias = runCli(['done', '-C', dir, 'a/s2', '--lang', 'en']);
    expect([alias.code, alias.stdout]).toEqual([1, '']);
    expect(alias.stderr).toBe(
      "phoihop: plans/a.yaml:15:13: 'status' of task 's2' is the alias *s, sharing the value written at the anchor &s; phoihop done does not edit shared values. " +
        'The file was left as it was; write the value itself in place of *s and run again, or edit by hand.\n',
    );
    expect(snapshot(dir)).toEqual(before);
    // Written out, the same task is recorded.
    writeFileSync(join(dir, 'plans/a.yaml'), readFileSync(join(dir, 'plans/a.yaml'), 'utf8').replace('status: *s', 'status: planned'));
    expect(runCli(['done', '-C', dir, 'a/s']).code).toBe(0);
  });

  it('refuses new results in a mapping an alias shares with another task', () => {
    const dir = planFolder('  - { id: s, title: A, lead: bdv-tu, results: &r { articles: 1 } }', '  - { id: u, title: B, lead: bdv-tu, status: done, done: 2025-03-01, results: *r }');
    const before = snapshot(dir);
    const r = runCli(['done', '-C', dir, 'a/s', '--result', 'participants=3', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^phoihop: plans\/a\.yaml:8:47: cannot edit task 's' safely: .* &r, which the alias \*r elsewhere/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('phoihop done: keeps the quoting of the values it replaces', () => {
  it('writes "done" over "planned" and \'done\' over \'planned\'', () => {
    const dir = planFolder(
      '  - id: t',
      '    title: T',
      '    lead: bdv-tu',
      '    "status": "planned"',
      '  - id: u',
      '    title: U',
      '    lead: bdv-tu',
      "    status: 'planned'   # chờ",
    );
    const file = join(dir, 'plans/a.yaml');
    const before = readFileSync(file, 'utf8');
    expect(runCli(['done', '-C', dir, 'a/t', '--date', '2026-01-01'])).toMatchObject({ code: 0, stderr: '' });
    expect(runCli(['done', '-C', dir, 'a/u', '--date', '2026-01-02'])).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(
      before
        .replace('    "status": "planned"\n', '    "status": "done"\n    done: 2026-01-01\n')
        .replace("    status: 'planned'   # chờ\n", "    status: 'done'   # chờ\n    done: 2026-01-02\n"),
    );
  });

  it('keeps the quotes of a date, a logged date and a note it replaces with --force, unless the new note cannot be written so', () => {
    const dir = planFolder(
      '  - id: v',
      '    title: V',
      '    lead: bdv-tu',
      '    status: done',
      "    done: '2025-03-01'",
      "    note: 'cũ'",
      '  - id: w',
      '    title: W',
      '    lead: bdv-tu',
      '    every: quarter',
      '    log:',
      '      2025-Q1: "2025-04-02"',
      '      2025-Q2: { done: "2025-07-02" }',
    );
    const file = join(dir, 'plans/a.yaml');
    const before = readFileSync(file, 'utf8');
    expect(runCli(['done', '-C', dir, 'a/v', '--date', '2026-02-01', '--note', "it's mới", '--force']).code).toBe(0);
    expect(runCli(['done', '-C', dir, 'a/w', '--period', '2025-Q1', '--date', '2025-04-05', '--force']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(
      before
        .replace("    done: '2025-03-01'\n    note: 'cũ'\n", "    done: '2026-02-01'\n    note: 'it''s mới'\n")
        .replace('2025-Q1: "2025-04-02"', '2025-Q1: "2025-04-05"'),
    );
    // A line break has no place in single quotes: the note goes double-quoted, escaped.
    expect(runCli(['done', '-C', dir, 'a/v', '--date', '2026-02-01', '--note', 'hai\ndòng', '--force']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('    note: "hai\\ndòng"\n');
    expect(runCli(['validate', '--strict', '-C', dir, '--as-of', '2026-11-22']).code).toBe(0);
  });
});

describe('phoihop done: permissions and ownership', () => {
  const isRoot = process.getuid?.() === 0;
  const prefix = unprivilegedPrefix();
  /** A minimal folder the unprivileged user owns (when the tests run as root, it is given to that user). */
  const ownedFolder = () => {
    const dir = planFolder('  - id: t', '    title: T', '    lead: bdv-tu');
    if (isRoot) chownTree(dir, UNPRIVILEGED_UID, UNPRIVILEGED_UID);
    return dir;
  };

  it.skipIf(prefix === undefined)('refuses a read-only file with exit 1, leaving it as it was (vi and en)', () => {
    const dir = ownedFolder();
    const file = join(dir, 'plans/a.yaml');
    chmodSync(file, 0o444);
    const before = snapshot(dir);
    const vi = runCli(['done', '-C', dir, 'a/t', '--date', '2026-01-01'], { prefix });
    expect([vi.code, vi.stdout]).toEqual([1, '']);
    expect(vi.stderr).toBe(
      'phoihop: plans/a.yaml: không có quyền ghi tệp này (tệp chỉ đọc, hoặc thuộc người dùng khác) nên không ghi gì; tệp được giữ nguyên. Hãy cho phép ghi (ví dụ chmod u+w) rồi chạy lại.\n',
    );
    const en = runCli(['done', '-C', dir, 'a/t', '--date', '2026-01-01', '--lang', 'en'], { prefix });
    expect([en.code, en.stderr]).toEqual([1, expect.stringMatching(/^phoihop: plans\/a\.yaml: this file is not writable by you .*the file is unchanged/)]);
    expect(snapshot(dir)).toEqual(before);
    expect(statSync(file).mode & 0o7777).toBe(0o444);
    // --dry-run writes nothing, so it still shows the change.
    expect(runCli(['done', '-C', dir, 'a/t', '--date', '2026-01-01', '--dry-run'], { prefix }).code).toBe(0);
  });

  it('refuses a file with no write bit as whoever runs it, root too (a clerk\'s chmod a-w)', () => {
    const dir = planFolder('  - id: t', '    title: T', '    lead: bdv-tu');
    const file = join(dir, 'plans/a.yaml');
    chmodSync(file, 0o444);
    const before = snapshot(dir);
    const r = runCli(['done', '-C', dir, 'a/t', '--date', '2026-01-01', '--lang', 'en']);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', expect.stringMatching(/^phoihop: plans\/a\.yaml: this file is not writable by you .*the file is unchanged/)]);
    expect(snapshot(dir)).toEqual(before);
    expect(statSync(file).mode & 0o7777).toBe(0o444);
    // Writable by its owner only: root (or the owner) writes it, keeping the mode.
    chmodSync(file, 0o644);
    expect(runCli(['done', '-C', dir, 'a/t', '--date', '2026-01-01']).code).toBe(0);
    expect(statSync(file).mode & 0o7777).toBe(0o644);
  });

  it.skipIf(!isRoot || prefix === undefined)("refuses another user's file in the user's own folder, keeping its owner", () => {
    const dir = ownedFolder();
    const file = join(dir, 'plans/a.yaml');
    chownSync(file, 0, 0);
    chmodSync(file, 0o644);
    const before = snapshot(dir);
    const r = runCli(['done', '-C', dir, 'a/t', '--date', '2026-01-01', '--lang', 'en'], { prefix });
    expect([r.code, r.stderr]).toEqual([1, expect.stringContaining('plans/a.yaml: this file is not writable by you')]);
    expect(snapshot(dir)).toEqual(before);
    expect([statSync(file).uid, statSync(file).gid]).toEqual([0, 0]);
  });

  it.skipIf(!isRoot || prefix === undefined)("keeps the group of a colleague's group-writable file, for a clerk in that group", () => {
    const SHARED_GID = 4242;
    const dir = ownedFolder();
    const file = join(dir, 'plans/a.yaml');
    chownSync(file, 0, SHARED_GID);
    chmodSync(file, 0o664);
    const inGroup = [...prefix!.filter((a) => a !== '--clear-groups'), `--groups=${SHARED_GID}`];
    const r = runCli(['done', '-C', dir, 'a/t', '--date', '2026-01-01', '--lang', 'en'], { prefix: inGroup });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(file, 'utf8')).toContain('    status: done\n');
    const stat = statSync(file);
    // Only root may keep the owner; the group and the mode stay.
    expect([stat.uid, stat.gid, stat.mode & 0o7777]).toEqual([UNPRIVILEGED_UID, SHARED_GID, 0o664]);
  });

  it('keeps the mode of the file it replaces', () => {
    const dir = planFolder('  - id: t', '    title: T', '    lead: bdv-tu');
    const file = join(dir, 'plans/a.yaml');
    chmodSync(file, 0o640);
    expect(runCli(['done', '-C', dir, 'a/t', '--date', '2026-01-01']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('    status: done\n');
    expect(statSync(file).mode & 0o7777).toBe(0o640);
  });

  it.skipIf(!isRoot)("run as root, keeps another user's file owned by that user and group", () => {
    const dir = planFolder('  - id: t', '    title: T', '    lead: bdv-tu');
    const file = join(dir, 'plans/a.yaml');
    chownSync(file, UNPRIVILEGED_UID, UNPRIVILEGED_UID);
    chmodSync(file, 0o640);
    expect(runCli(['done', '-C', dir, 'a/t', '--date', '2026-01-01']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('    status: done\n');
    const stat = statSync(file);
    expect([stat.uid, stat.gid, stat.mode & 0o7777]).toEqual([UNPRIVILEGED_UID, UNPRIVILEGED_UID, 0o640]);
  });
});

/** Gives `dir` and everything under it to `uid`:`gid`. */
function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) chownTree(full, uid, gid);
    else chownSync(full, uid, gid);
  }
}
