/**
 * `deadlines` through the built CLI on the example folders; expected items
 * worked out by hand from the YAML.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from '../helpers/cli.js';

const phuYen = EXAMPLES + 'phu-yen';
const benTre = EXAMPLES + 'ben-tre';
const dienBien = EXAMPLES + 'dien-bien';

function json(args: string[]) {
  const r = runCli([...args, '--format', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { asOf: string; items: Record<string, unknown>[] };
}
const keys = (out: { items: Record<string, unknown>[] }) => out.items.map((i) => `${i.task}${i.occurrence === null ? '' : '@' + i.occurrence} ${i.due} ${i.daysLeft} ${i.state}`);

describe('deadlines on Phú Yên as of 22/11/2026 (soon: 14)', () => {
  it('lists overdue and due-soon items soonest first, in cli.md’s shape', () => {
    const out = json(['deadlines', '-C', phuYen, '--as-of', '2026-11-22']);
    expect(out.asOf).toBe('2026-11-22');
    expect(out.items[0]).toEqual({
      plan: 'btg-bdv-2022-2026',
      task: 'giao-ban-quy',
      occurrence: '2026-Q3',
      title: 'Giao ban quý giữa hai Ban về thực hiện chương trình phối hợp',
      type: 'briefing',
      due: '2026-10-15', // 30/9 + offset 15
      daysLeft: -38,
      state: 'overdue',
      lead: 'bdv-tu',
      support: ['btg-tu'],
    });
    expect(keys(out)).toEqual([
      'giao-ban-quy@2026-Q3 2026-10-15 -38 overdue',
      'bieu-duong-dan-van-kheo-2026 2026-11-15 -7 overdue',
      'du-thao-tong-ket 2026-11-22 0 due-soon', // due today
      'bao-cao-nam@2026 2026-12-05 13 due-soon', // every year, day 5 of December
      'toa-dam-dau-tranh 2026-12-06 14 due-soon', // written 6/12/2026; 14 days is still inside the window
    ]);
    // tong-ket (15/12, 23 days) is not due soon; the ongoing task has no due date.
  });

  it('--within sets the window (inclusive); --within 0 keeps what is due today', () => {
    expect(keys(json(['deadlines', '-C', phuYen, '--as-of', '2026-11-22', '--within', '23'])).at(-1)).toBe('tong-ket 2026-12-15 23 due-soon');
    expect(keys(json(['deadlines', '-C', phuYen, '--as-of', '2026-11-22', '--within', '22']))).toHaveLength(5);
    expect(keys(json(['deadlines', '-C', phuYen, '--as-of', '2026-11-22', '--within', '0']))).toEqual([
      'giao-ban-quy@2026-Q3 2026-10-15 -38 overdue',
      'bieu-duong-dan-van-kheo-2026 2026-11-15 -7 overdue',
      'du-thao-tong-ket 2026-11-22 0 due-soon',
    ]);
  });

  it('--overdue, --type and --plan filter', () => {
    expect(keys(json(['deadlines', '-C', phuYen, '--as-of', '2026-11-22', '--overdue']))).toEqual([
      'giao-ban-quy@2026-Q3 2026-10-15 -38 overdue',
      'bieu-duong-dan-van-kheo-2026 2026-11-15 -7 overdue',
    ]);
    expect(keys(json(['deadlines', '-C', phuYen, '--as-of', '2026-11-22', '--type', 'event']))).toEqual([
      'bieu-duong-dan-van-kheo-2026 2026-11-15 -7 overdue',
      'toa-dam-dau-tranh 2026-12-06 14 due-soon',
    ]);
    expect(keys(json(['deadlines', '-C', phuYen, '--as-of', '2026-11-22', '--plan', 'btg-bdv-2022']))).toEqual([]);
  });

  it('--fail-on-overdue exits 1 after printing, and 0 when nothing is overdue', () => {
    const r = runCli(['deadlines', '-C', phuYen, '--as-of', '2026-11-22', '--fail-on-overdue', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).items).toHaveLength(5);
    // On 1/6/2022 the only item due so far (triển khai, 31/5) was done on 20/5, and 2022-05 exchange is cancelled.
    const calm = runCli(['deadlines', '-C', phuYen, '--as-of', '2022-06-01', '--fail-on-overdue']);
    expect(calm.code).toBe(0);
    // The filters apply first: the 2022 plan has nothing overdue on 22/11/2026.
    expect(runCli(['deadlines', '-C', phuYen, '--as-of', '2026-11-22', '--plan', 'btg-bdv-2022', '--fail-on-overdue']).code).toBe(0);
  });
});

describe('deadlines on ended plans and with several parties', () => {
  it('an ended plan keeps its overdue items (Bến Tre as of 22/11/2026)', () => {
    expect(keys(json(['deadlines', '-C', benTre, '--as-of', '2026-11-22']))).toEqual([
      'khao-sat-qcdc 2020-09-30 -2244 overdue', // in-progress, never done
      'bao-cao-6-thang@2021-H2 2021-12-15 -1803 overdue', // not logged
    ]);
  });

  it('--party matches the lead or a supporting party (Điện Biên, three parties)', () => {
    const all = [
      'chuyen-muc-dan-van-kheo@2024-Q1 2024-03-31 -966 overdue', // lead dai-ptth, support bdv-tu; not logged
      'khao-sat-dan-chu-co-so 2024-09-30 -783 overdue', // lead bdv-tu, support bao-dbp, dai-ptth
      'giao-ban-6-thang@2025-H2 2026-01-15 -311 overdue', // 31/12/2025 + 15; lead bdv-tu, support bao-dbp, dai-ptth
    ];
    expect(keys(json(['deadlines', '-C', dienBien, '--as-of', '2026-11-22']))).toEqual(all);
    expect(keys(json(['deadlines', '-C', dienBien, '--as-of', '2026-11-22', '--party', 'dai-ptth']))).toEqual(all);
    expect(keys(json(['deadlines', '-C', dienBien, '--as-of', '2026-11-22', '--party', 'bao-dbp']))).toEqual(all.slice(1));
  });

  it('a cancelled occurrence is never listed: Bến Tre 2020-Q1 briefing as of 1/5/2020', () => {
    // 2020-Q1 is due 20/04/2020 and cancelled; the 2020-H1 report is due 15/06 (45 days, outside the window).
    expect(keys(json(['deadlines', '-C', benTre, '--as-of', '2020-05-01']))).toEqual([]);
    expect(keys(json(['deadlines', '-C', benTre, '--as-of', '2020-05-01', '--within', '45']))).toEqual(['bao-cao-6-thang@2020-H1 2020-06-15 45 due-soon']);
  });

  it('a completion after the as-of date does not count yet: Bến Tre tập huấn as of 15/10/2018', () => {
    // due 30/09/2018, done 06/11/2018 (late). The 2018-Q3 briefing (due 20/10, held 16/10) is due soon.
    expect(keys(json(['deadlines', '-C', benTre, '--as-of', '2018-10-15']))).toEqual([
      'tap-huan-nghiep-vu 2018-09-30 -15 overdue',
      'giao-ban-quy@2018-Q3 2018-10-20 5 due-soon',
    ]);
  });
});

describe('deadlines options that are wrong', () => {
  it.each([
    [['--plan', 'khong-co'], "No plan has the id 'khong-co'."],
    [['--party', 'khong-co'], "No party has the id 'khong-co'."],
    [['--type', 'meeting'], "Unknown task type: 'meeting'"],
    [['--within', '-3'], "--within '-3' is not valid: it takes a number of days (a whole number ≥ 0), e.g. --within 14."],
    [['--within', 'two'], "--within 'two' is not valid"],
    // Digits, but more than a number can hold exactly: it would be shown as 100000000000000000000 days.
    [['--within', '99999999999999999999'], "--within '99999999999999999999' is not valid"],
    [['--as-of', '2026-02-30'], "No such day: '2026-02-30'"],
    [['--as-of', '30.2.2026'], "Invalid date: '30.2.2026'"],
    [['--format', 'html'], "Format 'html' is not available"],
  ])('%j exits 2 with a message', (args, message) => {
    const r = runCli(['deadlines', '-C', phuYen, '--lang', 'en', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('an unknown language exits 2', () => {
    const r = runCli(['deadlines', '-C', phuYen, '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Ngôn ngữ không hỗ trợ: 'fr'");
  });
});
