/**
 * `summary` through the built CLI on the example folders; every number is
 * worked out by hand from the YAML (see the comments).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumResults } from '../../src/reports/summary.js';
import { EXAMPLES, runCli } from '../helpers/cli.js';
import { minimalFolder } from '../helpers/folder.js';

const phuYen = EXAMPLES + 'phu-yen';
const benTre = EXAMPLES + 'ben-tre';

function json(args: string[]) {
  const r = runCli([...args, '--format', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}
const tally = (total: number, doneOnTime: number, doneLate: number, overdue: number, open: number, cancelled: number) => ({ total, doneOnTime, doneLate, overdue, open, cancelled });

describe('summary --format json', () => {
  it('Bến Tre, Q3/2017 as of 20/10/2017: the 2017-Q2 briefing, due 20/07 and held 18/07', () => {
    expect(json(['summary', '-C', benTre, '--period', 'Q3/2017', '--as-of', '2017-10-20'])).toEqual({
      asOf: '2017-10-20',
      period: { key: '2017-Q3', start: '2017-07-01', end: '2017-09-30' },
      plans: ['bdv-hnb-2017-2021'],
      // Due in Q3: only the 2017-Q2 briefing (30/6 + 20). The 2017-Q3 briefing is due 20/10, in Q4.
      due: tally(1, 1, 0, 0, 0, 0),
      completed: 1,
      byLead: { 'bdv-tu': tally(1, 1, 0, 0, 0, 0) },
      byType: { briefing: tally(1, 1, 0, 0, 0, 0) },
      results: {},
      // Due in Q4/2017: the Q3 briefing (done 17/10, so not listed) and the 2017-H2 report (15/12; its 12/12 completion is after the as-of date).
      next: { key: '2017-Q4', items: [{ plan: 'bdv-hnb-2017-2021', task: 'bao-cao-6-thang', occurrence: '2017-H2', due: '2017-12-15' }] },
    });
  });

  it('Bến Tre, 2018: on time, late, completions and results', () => {
    const out = json(['summary', '-C', benTre, '--period', '2018', '--as-of', '2026-11-22']);
    // Due in 2018: briefings 2017-Q4 (20/01), 2018-Q1 (20/04), 2018-Q2 (20/07), 2018-Q3 (20/10), all on time;
    // reports 2018-H1 (15/06, done 14/06) and 2018-H2 (15/12, done 20/12: late); tập huấn (30/09, done 06/11: late).
    expect(out.due).toEqual(tally(7, 5, 2, 0, 0, 0));
    expect(out.byLead).toEqual({ 'bdv-tu': tally(4, 4, 0, 0, 0, 0), hnb: tally(3, 1, 2, 0, 0, 0) });
    expect(out.byType).toEqual({ activity: tally(1, 0, 1, 0, 0, 0), report: tally(2, 1, 1, 0, 0, 0), briefing: tally(4, 4, 0, 0, 0, 0) });
    // Completed in 2018: the four briefings above (16/01, 18/04, 17/07, 16/10), both reports, tập huấn = 7.
    // The 2018-Q4 briefing was held 28/01/2019. Results: articles 62 + 71, participants 120.
    expect(out.completed).toBe(7);
    expect(out.results).toEqual({ articles: 133, participants: 120 });
    // Everything due in 2019 was done by now.
    expect(out.next).toEqual({ key: '2019', items: [] });
  });

  it('Bến Tre, 2020-Q2 as of 1/7/2020: a cancelled briefing, and the next quarter', () => {
    const out = json(['summary', '-C', benTre, '--period', '2020-Q2', '--as-of', '2020-07-01']);
    // Due in Q2/2020: 2020-Q1 briefing (20/04, cancelled), 2020-H1 report (15/06, done 12/06), cuộc thi viết (30/06, done 25/06).
    expect(out.due).toEqual(tally(3, 2, 0, 0, 0, 1));
    expect(out.byLead).toEqual({ 'bdv-tu': tally(2, 1, 0, 0, 0, 1), hnb: tally(1, 1, 0, 0, 0, 0) });
    expect(out.completed).toBe(2);
    expect(out.results).toEqual({ articles: 57, entries: 37 });
    // Due in Q3/2020 and not done on 1/7: the 2020-Q2 briefing (20/07; held 14/07, after the as-of date) and khảo sát (30/09).
    expect(out.next).toEqual({
      key: '2020-Q3',
      items: [
        { plan: 'bdv-hnb-2017-2021', task: 'giao-ban-quy', occurrence: '2020-Q2', due: '2020-07-20' },
        { plan: 'bdv-hnb-2017-2021', task: 'khao-sat-qcdc', occurrence: null, due: '2020-09-30' },
      ],
    });
  });

  it('Phú Yên defaults to the quarter holding the as-of date (Q4/2026 on 22/11/2026)', () => {
    const out = json(['summary', '-C', phuYen, '--as-of', '2026-11-22']);
    expect(out.period).toEqual({ key: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(out.plans).toEqual(['btg-bdv-2022-2026']);
    // Due in Q4: briefing 2026-Q3 (15/10) and biểu dương (15/11) overdue; dự thảo (22/11), báo cáo năm (5/12),
    // tọa đàm (6/12) and tổng kết (15/12) open (a due-soon item counts as open here).
    expect(out.due).toEqual(tally(6, 0, 0, 2, 4, 0));
    expect(out.byLead).toEqual({ 'bdv-tu': tally(4, 0, 0, 2, 2, 0), 'btg-tu': tally(2, 0, 0, 0, 2, 0) });
    expect(out.byType).toEqual({
      report: tally(2, 0, 0, 0, 2, 0),
      briefing: tally(1, 0, 0, 1, 0, 0),
      'final-review': tally(1, 0, 0, 0, 1, 0),
      event: tally(2, 0, 0, 1, 1, 0),
    });
    expect(out.completed).toBe(0);
    expect(out.results).toEqual({});
    expect(out.next).toEqual({ key: '2027-Q1', items: [{ plan: 'btg-bdv-2022-2026', task: 'giao-ban-quy', occurrence: '2026-Q4', due: '2027-01-15' }] });
  });

  it('accepts every period form, the Vietnamese ones too', () => {
    const period = (expr: string) => json(['summary', '-C', phuYen, '--period', expr, '--as-of', '2026-11-22']);
    const cases: [string, object, string][] = [
      ['2022', { key: '2022', start: '2022-01-01', end: '2022-12-31' }, '2023'],
      ['2022-H1', { key: '2022-H1', start: '2022-01-01', end: '2022-06-30' }, '2022-H2'],
      ['H2/2022', { key: '2022-H2', start: '2022-07-01', end: '2022-12-31' }, '2023-H1'],
      ['2022-Q3', { key: '2022-Q3', start: '2022-07-01', end: '2022-09-30' }, '2022-Q4'],
      ['Q4/2022', { key: '2022-Q4', start: '2022-10-01', end: '2022-12-31' }, '2023-Q1'],
      ['2022-05', { key: '2022-05', start: '2022-05-01', end: '2022-05-31' }, '2022-06'],
      ['12/2022', { key: '2022-12', start: '2022-12-01', end: '2022-12-31' }, '2023-01'],
      ['22/5/2022', { key: '2022-05-22', start: '2022-05-22', end: '2022-05-22' }, '2022-05-23'],
      // A range is followed by the same number of days: 1096 (2024 is a leap year), so up to 1/1/2028.
      ['2022..2024', { key: '2022..2024', start: '2022-01-01', end: '2024-12-31' }, '2025-01-01..2028-01-01'],
    ];
    for (const [expr, expected, nextKey] of cases) {
      const out = period(expr);
      expect(out.period).toEqual(expected);
      expect(out.next.key).toBe(nextKey);
    }
  });

  it('counts a year: Phú Yên 2022 with both plans in force', () => {
    const out = json(['summary', '-C', phuYen, '--period', '2022', '--as-of', '2026-11-22']);
    expect(out.plans).toEqual(['btg-bdv-2022', 'btg-bdv-2022-2026']);
    // Due in 2022: plan 2022 — triển khai 31/5, hội nghị 31/8, kỷ niệm 15/10, tọa đàm 15/11 (cancelled), báo cáo dư luận 30/11,
    // báo cáo kết quả 10/12, tuyên truyền 31/12, monthly 2022-05 (cancelled) .. 2022-11 (due 5/6 .. 5/12) = 7 + 7;
    // the 2022-12 exchange is due 5/1/2023. Program — briefings 2022-Q2 (15/7) and 2022-Q3 (15/10) = 2. Total 16.
    // Cancelled 2; all others done on time (2022-12 exchange, the late one, is due in 2023).
    expect(out.due).toEqual(tally(16, 14, 0, 0, 0, 2));
    // Completed in 2022: 14 of them (2022-11 exchange done 2/12, tuyên truyền 28/12 included; 2022-12 exchange done 6/1/2023 not).
    expect(out.completed).toBe(14);
    // articles 38 (tuyên truyền) + 45 (kỷ niệm); participants 120; opinion-reports 6; honorees 20.
    expect(out.results).toEqual({ articles: 83, participants: 120, 'opinion-reports': 6, honorees: 20 });
  });
});

describe('summary for people', () => {
  it('names the organisation and the period as a Vietnamese report writes them', () => {
    const r = runCli(['summary', '-C', benTre, '--period', 'Q3/2017', '--as-of', '2017-10-20']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      'Ban Dân vận Tỉnh ủy Bến Tre',
      'Tổng hợp kết quả thực hiện chương trình, kế hoạch phối hợp',
      'Kỳ báo cáo: Quý III năm 2017 (từ 01/07/2017 đến 30/09/2017)',
      'Số liệu tính đến ngày 20/10/2017',
    ]);
    for (const heading of [
      '1. Chương trình, kế hoạch có hiệu lực trong kỳ',
      '2. Nhiệm vụ đến hạn trong kỳ',
      '3. Nhiệm vụ hoàn thành trong kỳ: 1',
      '4. Theo đơn vị chủ trì',
      '5. Theo loại nhiệm vụ',
      '6. Kết quả đạt được',
      '7. Nhiệm vụ đến hạn kỳ sau (Quý IV năm 2017)',
    ]) {
      expect(r.stdout).toContain(`\n${heading}\n`);
    }
    expect(r.stdout).toContain('giai đoạn 2017 – 2021');
    expect(r.stdout).toContain('Không có kết quả nào được ghi nhận trong kỳ.');
    expect(r.stdout).toContain('6 tháng cuối năm 2017');
  });

  it('shows the metrics’ labels and units from the config', () => {
    const md = runCli(['summary', '-C', benTre, '--period', '2018', '--as-of', '2026-11-22', '--format', 'markdown']).stdout;
    expect(md).toContain('## Ban Dân vận Tỉnh ủy Bến Tre');
    expect(md).toContain('Kỳ báo cáo: Năm 2018 (từ 01/01/2018 đến 31/12/2018)');
    expect(md).toContain('| Tin, bài | 133 | bài |');
    expect(md).toContain('| Người tham dự | 120 | người |');
    expect(md).toContain('| Hội Nhà báo tỉnh | 3 | 1 | 2 | 0 | 0 | 0 |');
    expect(md).toContain('| giao ban | 4 | 4 | 0 | 0 | 0 | 0 |');
    expect(md).toContain('Người tham dự: 120 người'); // tập huấn's results in the list of completions
    expect(md).toContain('### 7. Nhiệm vụ đến hạn kỳ sau (Năm 2019)');
  });

  it('writes periods in English with --lang en', () => {
    const out = (period: string) => runCli(['summary', '-C', phuYen, '--period', period, '--as-of', '2026-11-22', '--lang', 'en']).stdout;
    expect(out('2022-Q3')).toContain('Period: Q3 2022 (2022-07-01 to 2022-09-30)');
    expect(out('H1/2022')).toContain('Period: H1 2022 (2022-01-01 to 2022-06-30)');
    expect(out('5/2022')).toContain('Period: May 2022');
    expect(out('2022..2026')).toContain('Period: 2022–2026 (2022-01-01 to 2026-12-31)');
    expect(out('2022-05-12..2026-12-31')).toContain('Period: 2022-05-12 to 2026-12-31');
  });

  it('writes Vietnamese period names for halves, months, ranges', () => {
    const out = (period: string) => runCli(['summary', '-C', phuYen, '--period', period, '--as-of', '2026-11-22']).stdout;
    expect(out('H1/2022')).toContain('Kỳ báo cáo: 6 tháng đầu năm 2022');
    expect(out('2022-H2')).toContain('Kỳ báo cáo: 6 tháng cuối năm 2022');
    expect(out('5/2022')).toContain('Kỳ báo cáo: Tháng 5 năm 2022');
    expect(out('2022..2026')).toContain('Kỳ báo cáo: giai đoạn 2022 – 2026');
    expect(out('12/5/2022..2026')).toContain('Kỳ báo cáo: từ 12/05/2022 đến 31/12/2026');
  });

  it('rejects a bad period with exit 2', () => {
    for (const bad of ['2026..2022', 'quý 3', '2022-Q', '22/5']) {
      const r = runCli(['summary', '-C', phuYen, '--period', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain(`Kỳ không hợp lệ: '${bad}'`);
    }
    for (const bad of ['2022-Q5', 'Q5/2022', '13/2022']) {
      const r = runCli(['summary', '-C', phuYen, '--period', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain(`Kỳ không có thật: '${bad}'`);
    }
  });

  it('names a range or a day once in the period line: their name is their span', () => {
    const line = (period: string, lang: string) =>
      runCli(['summary', '-C', phuYen, '--period', period, '--as-of', '2026-11-22', '--lang', lang]).stdout.split('\n').find((l) => /^(Kỳ báo cáo|Period): /.test(l));
    expect(line('2022-05-12..2026-12-31', 'en')).toBe('Period: 2022-05-12 to 2026-12-31');
    expect(line('22/5/2018', 'en')).toBe('Period: 2018-05-22');
    expect(line('12/5/2022..2026', 'vi')).toBe('Kỳ báo cáo: từ 12/05/2022 đến 31/12/2026');
    expect(line('22/5/2018', 'vi')).toBe('Kỳ báo cáo: Ngày 22/05/2018');
    // A named period still shows its days.
    expect(line('2022..2026', 'vi')).toBe('Kỳ báo cáo: giai đoạn 2022 – 2026 (từ 01/01/2022 đến 31/12/2026)');
  });
});

describe('summary at the edges of the period', () => {
  const plan = (id: string, signed: string, period: string, tasks: string) =>
    `kind: plan\nid: ${id}\ntitle: Kế hoạch ${id}\nsigned: ${signed}\nperiod: ${period}\nparties: [bdv-tu, btg-tu]\ntasks:\n${tasks}`;

  it('lists a plan that comes into force on the last day of the period, and not one that comes into force the day after', () => {
    const dir = minimalFolder({
      'a.yaml': plan('ky-cuoi-quy', '2022-09-30', '2022..2023', '  - { id: a, title: A, lead: bdv-tu, due: 2023-03-31 }\n'),
      'b.yaml': plan('ky-dau-quy-sau', '2022-10-01', '2022..2023', '  - { id: a, title: A, lead: bdv-tu, due: 2023-03-31 }\n'),
    });
    expect(json(['summary', '-C', dir, '--period', '2022-Q3', '--as-of', '2022-10-20']).plans).toEqual(['ky-cuoi-quy']);
  });

  it('counts only the completions made on or before the as-of date, and their results', () => {
    const task = (id: string, done: string) => `  - { id: ${id}, title: ${id}, lead: bdv-tu, due: 2022-09-30, status: done, done: ${done}, results: { articles: 2 } }\n`;
    const dir = minimalFolder({ 'p.yaml': plan('kh', '2022-01-01', '2022', task('som', '2022-08-01') + task('muon', '2022-08-20')) });
    const out = json(['summary', '-C', dir, '--period', '2022-Q3', '--as-of', '2022-08-10']);
    expect(out.completed).toBe(1);
    expect(out.results).toEqual({ articles: 2 });
  });

  it('does not list a plan signed after its period ended: it is never in force', () => {
    const dir = minimalFolder({
      'a.yaml': plan('ky-muon', '2022-05-01', '2022-Q1', '  - { id: a, title: A, lead: bdv-tu, due: 2022-03-31 }\n'),
    });
    expect(json(['summary', '-C', dir, '--period', '2022', '--as-of', '2022-12-31']).plans).toEqual([]);
  });

  it('counts a completion in the period that holds its date, for an occurrence whose period overlaps the recurrence by its last day only', () => {
    // Signed 31/3/2022: the quarterly briefing starts with 2022-Q1 (one day in force), due 31/3, held 5/4 with 3 articles.
    const dir = minimalFolder({
      'p.yaml': plan(
        'ky-31-3',
        '2022-03-31',
        '2022..2023',
        ['  - id: giao-ban', '    title: Giao ban quý', '    type: briefing', '    lead: bdv-tu', '    every: quarter', '    log:', '      2022-Q1: { done: 2022-04-05, results: { articles: 3 } }', ''].join('\n'),
      ),
    });
    const out = json(['summary', '-C', dir, '--period', '2022-Q2', '--as-of', '2022-07-01']);
    expect(out.completed).toBe(1);
    expect(out.results).toEqual({ articles: 3 });
    // Due in Q2: the 2022-Q2 briefing (30/6), overdue on 1/7; the 2022-Q1 one was due 31/3, in Q1.
    expect(out.due).toEqual(tally(1, 0, 0, 1, 0, 0));
  });
});

describe('sums of results', () => {
  it('have no more decimals than their terms: 0.1 + 0.2 is 0.3, whatever the terms', () => {
    expect(sumResults([{ x: 0.1 }, { x: 0.2 }, { y: 3 }], [])).toEqual([['x', 0.3], ['y', 3]]);
    // Terms of up to 3 decimals, summed exactly in thousandths, then written as a number.
    const thousandths = fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(thousandths, (parts) => {
        const [[, sum]] = sumResults(parts.map((p) => ({ m: p / 1000 })), ['m']);
        expect(sum).toBe(parts.reduce((a, b) => a + b, 0) / 1000);
      }),
    );
  });
});
