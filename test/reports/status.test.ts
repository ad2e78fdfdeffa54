/**
 * `status` through the built CLI on the example folders; the expected numbers
 * are counted by hand from the YAML (see the comments).
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from '../helpers/cli.js';
import { minimalFolder } from '../helpers/folder.js';

const phuYen = EXAMPLES + 'phu-yen';
const benTre = EXAMPLES + 'ben-tre';
const json = (args: string[]) => {
  const r = runCli([...args, '--format', 'json']);
  // A past as-of date warns of later completions (done-in-future), and of nothing else here.
  expect(r.stderr.split('\n').filter((line) => line !== '' && !/warning \[done-in-future\]|^phoihop: … /.test(line))).toEqual([]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('status --format json', () => {
  it('Phú Yên as of 22/11/2026: the program is active, the 2022 plan ended and hidden', () => {
    const out = json(['status', '-C', phuYen, '--as-of', '2026-11-22']);
    expect(out).toEqual({
      asOf: '2026-11-22',
      plans: [
        {
          id: 'btg-bdv-2022-2026',
          number: null,
          title:
            'Chương trình phối hợp giữa Ban Tuyên giáo Tỉnh ủy và Ban Dân vận Tỉnh ủy về thực hiện công tác dân vận, công tác tuyên giáo giai đoạn 2022 - 2026',
          type: 'program',
          period: { start: '2022-01-01', end: '2026-12-31' },
          state: 'active',
          parties: ['btg-tu', 'bdv-tu'],
          // 1 ongoing + 19 quarterly (2022-Q2..2026-Q4) + 4 annual (2023..2026) + 7 one-off = 31.
          // done: 16 briefings (17 logged, 2024-Q3 cancelled) + 3 annual reports + sơ kết, kỷ niệm, tập huấn = 22.
          // overdue: 2026-Q3 briefing (15/10), biểu dương (15/11). due soon: dự thảo (22/11), báo cáo 2026 (5/12), tọa đàm (6/12).
          // open: nắm bắt dư luận (ongoing), 2026-Q4 briefing (15/01/2027), tổng kết (15/12).
          items: { total: 31, done: 22, overdue: 2, dueSoon: 3, open: 3, cancelled: 1 },
          next: { task: 'giao-ban-quy', occurrence: '2026-Q3', due: '2026-10-15' },
        },
      ],
    });
  });

  it('--all shows ended plans too, in id order', () => {
    const out = json(['status', '-C', phuYen, '--as-of', '2026-11-22', '--all']);
    expect(out.plans.map((p: { id: string; state: string }) => `${p.id} ${p.state}`)).toEqual(['btg-bdv-2022 ended', 'btg-bdv-2022-2026 active']);
    // 7 one-off + 8 monthly (2022-05..2022-12): 2 cancelled (tọa đàm, 2022-05), 13 done; nothing left, so no next.
    expect(out.plans[0]).toMatchObject({ number: null, items: { total: 15, done: 13, overdue: 0, dueSoon: 0, open: 0, cancelled: 2 }, next: null });
  });

  it('a plan before it is in force is upcoming; the number is given when the plan has one', () => {
    const out = json(['status', '-C', benTre, '--as-of', '2017-05-01']);
    expect(out.plans).toHaveLength(1);
    expect(out.plans[0]).toMatchObject({ id: 'bdv-hnb-2017-2021', number: '39-KH/BDVTU-HNB', state: 'upcoming', period: { start: '2017-01-01', end: '2021-12-31' } });
    // Nothing is done yet on 1/5/2017; the first item is the 2017-H1 report due 15/06/2017, but it is cancelled.
    expect(out.plans[0].next).toEqual({ task: 'giao-ban-quy', occurrence: '2017-Q2', due: '2017-07-20' });
  });

  it('counts a completion dated after the as-of date as not done (Bến Tre as of 20/10/2017)', () => {
    const out = json(['status', '-C', benTre, '--as-of', '2017-10-20', '--all']);
    // Done by then: 2017-Q2 briefing (18/7) and 2017-Q3 briefing (17/10); every later completion is not yet true.
    // Cancelled: the 2017-H1 report and, since a cancellation has no date, the 2020-Q1 briefing too.
    // Due soon (20/10 .. 3/11): only the 2017-Q3 briefing, which is done. Overdue: none. Open: the other 32.
    expect(out.plans[0].items).toEqual({ total: 36, done: 2, overdue: 0, dueSoon: 0, open: 32, cancelled: 2 });
    expect(out.plans[0].next).toEqual({ task: 'bao-cao-6-thang', occurrence: '2017-H2', due: '2017-12-15' });
  });

  it('--party keeps the plans the party is in', () => {
    const dir = minimalFolder({
      'a.yaml': 'kind: plan\nid: a\ntitle: A\nsigned: 2022-01-01\nperiod: 2022\nparties: [bdv-tu, btg-tu]\n',
      'b.yaml': 'kind: plan\nid: b\ntitle: B\nsigned: 2022-01-01\nperiod: 2022\nparties: [bdv-tu, mttq]\n',
    }, {
      'more-parties.yaml': 'kind: parties\nparties:\n  - id: mttq\n    name: Ủy ban MTTQ tỉnh\n',
    });
    const ids = (party: string) => json(['status', '-C', dir, '--as-of', '2022-06-01', '--party', party]).plans.map((p: { id: string }) => p.id);
    expect(ids('bdv-tu')).toEqual(['a', 'b']);
    expect(ids('btg-tu')).toEqual(['a']);
    expect(ids('mttq')).toEqual(['b']);
    const unknown = runCli(['status', '-C', dir, '--party', 'nobody', '--lang', 'en']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("No party has the id 'nobody'.");
    // A party named rather than given by id: its id is suggested, whatever the accents and case.
    for (const [named, lang, words] of [
      ['Ủy ban MTTQ tỉnh', 'en', "No party has the id 'Ủy ban MTTQ tỉnh': did you mean 'mttq'?"],
      ['uy ban mttq tinh', 'vi', "Không có cơ quan mã 'uy ban mttq tinh': có phải ý bạn là 'mttq'?"],
    ]) {
      const r = runCli(['deadlines', '-C', dir, '--party', named, '--lang', lang]);
      expect(r).toMatchObject({ code: 2, stdout: '', stderr: `phoihop: ${words}\n` });
    }
  });
});

describe('status: next item and progress at the edges', () => {
  const plan = (tasks: string) => `kind: plan\nid: kh\ntitle: Kế hoạch\nsigned: 2022-01-01\nperiod: 2022\nparties: [bdv-tu, btg-tu]\ntasks:\n${tasks}`;

  it('has no next item when only an ongoing task is left: it has no due date', () => {
    const dir = minimalFolder({
      'kh.yaml': plan('  - { id: bao-cao, title: Báo cáo, lead: bdv-tu, due: 2022-06-30, status: done, done: 2022-06-20 }\n  - { id: thuong-xuyen, title: Thường xuyên, lead: bdv-tu }\n'),
    });
    const [row] = json(['status', '-C', dir, '--as-of', '2022-07-01']).plans;
    expect(row.items).toEqual({ total: 2, done: 1, overdue: 0, dueSoon: 0, open: 1, cancelled: 0 });
    expect(row.next).toBeNull();
  });

  it('takes the due-soon window from the config’s soon', () => {
    const tasks = plan('  - { id: bao-cao, title: Báo cáo, lead: bdv-tu, due: 2022-07-21 }\n');
    const config = (extra: string) => ({ 'phoihop.yaml': `kind: config\ntitle: Ban Dân vận Tỉnh ủy\nlocale: vi\n${extra}` });
    // Due 20 days after the as-of date: open with the default 14 days, due soon with soon: 20.
    const counts = (extra: string) => json(['status', '-C', minimalFolder({ 'kh.yaml': tasks }, config(extra)), '--as-of', '2022-07-01']).plans[0].items;
    expect(counts('')).toMatchObject({ dueSoon: 0, open: 1 });
    expect(counts('soon: 20\n')).toMatchObject({ dueSoon: 1, open: 0 });
  });

  it('counts every logged occurrence, whatever order the log keys are written in', () => {
    const giaoBan = (log: string) => `  - id: giao-ban\n    title: Giao ban\n    lead: bdv-tu\n    every: quarter\n    log:\n${log}`;
    const inOrder = '      2022-Q1: 2022-04-10\n      2022-Q2: 2022-07-10\n      2022-Q3: { status: cancelled }\n';
    const reversed = '      2022-Q3: { status: cancelled }\n      2022-Q2: 2022-07-10\n      2022-Q1: 2022-04-10\n';
    for (const log of [inOrder, reversed]) {
      const [row] = json(['status', '-C', minimalFolder({ 'kh.yaml': plan(giaoBan(log)) }), '--as-of', '2022-11-01']).plans;
      expect(row.items).toEqual({ total: 4, done: 2, overdue: 0, dueSoon: 0, open: 1, cancelled: 1 });
    }
  });

  it('shows no progress for a plan whose every item is cancelled', () => {
    const dir = minimalFolder({ 'kh.yaml': plan('  - { id: bao-cao, title: Báo cáo, lead: bdv-tu, due: 2022-06-30, status: cancelled }\n') });
    const r = runCli(['status', '-C', dir, '--as-of', '2022-07-01', '--format', 'csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('NaN');
    const [header, row] = r.stdout.replace(/^\uFEFF/, '').split('\r\n').map((line) => line.split(','));
    expect(row[header.findIndex((h) => /progress/i.test(h))]).toBe('');
  });
});

describe('status <plan-id>', () => {
  it('lists every item of the plan with its state (json)', () => {
    const out = json(['status', 'bdv-hnb-2017-2021', '-C', benTre, '--as-of', '2018-10-15']);
    expect(out.asOf).toBe('2018-10-15');
    expect(out.plan).toMatchObject({ id: 'bdv-hnb-2017-2021', state: 'active', next: { task: 'tap-huan-nghiep-vu', occurrence: null, due: '2018-09-30' } });
    expect(out.items).toHaveLength(36);
    const byKey = Object.fromEntries(out.items.map((i: { task: string; occurrence: string | null }) => [`${i.task}@${i.occurrence}`, i]));
    // Late completion not yet recorded on 15/10/2018: overdue by 15 days.
    expect(byKey['tap-huan-nghiep-vu@null']).toEqual({
      plan: 'bdv-hnb-2017-2021',
      task: 'tap-huan-nghiep-vu',
      occurrence: null,
      title: 'Tập huấn kỹ năng tuyên truyền công tác dân vận cho phóng viên, cán bộ dân vận',
      type: 'activity',
      due: '2018-09-30',
      daysLeft: -15,
      state: 'overdue',
      lead: 'hnb',
      support: ['bdv-tu'],
      done: null,
      completion: null,
    });
    expect(byKey['giao-ban-quy@2017-Q3']).toMatchObject({ due: '2017-10-20', state: 'done', done: '2017-10-17', completion: 'on-time', daysLeft: null });
    expect(byKey['bao-cao-6-thang@2017-H1']).toMatchObject({ state: 'cancelled', done: null, daysLeft: null });
    // 2018-Q3 briefing due 20/10/2018, held 16/10/2018: on 15/10 it is 5 days ahead.
    expect(byKey['giao-ban-quy@2018-Q3']).toMatchObject({ state: 'due-soon', daysLeft: 5, done: null });
    // The ongoing task, still open, comes last.
    expect(out.items.at(-1)).toMatchObject({ task: 'tuyen-truyen-thuong-xuyen', due: null, state: 'open', daysLeft: null });
  });

  it('--party keeps the items the party leads or supports (Điện Biên, three parties)', () => {
    const out = json(['status', 'bdv-bao-dai-2021-2025', '-C', EXAMPLES + 'dien-bien', '--as-of', '2026-11-22', '--party', 'bao-dbp']);
    // Every task but the quarterly programme of the radio station (lead dai-ptth, support bdv-tu: 14 occurrences):
    // 9 one-off or ongoing tasks + 7 half-yearly briefings (2022-H2..2025-H2) + 4 annual reports (2022..2025) = 20.
    expect(out.items).toHaveLength(20);
    expect(out.items.some((i: { task: string }) => i.task === 'chuyen-muc-dan-van-kheo')).toBe(false);
    // The plan's own row still counts all its items: 20 + 14.
    expect(out.plan.items.total).toBe(34);
  });

  it('--party: the table and markdown say how the listed items stand, under the whole plan\'s counts', () => {
    const args = ['status', 'bdv-bao-dai-2021-2025', '-C', EXAMPLES + 'dien-bien', '--as-of', '2026-11-22', '--party', 'bao-dbp'];
    const listed = json(args).items as { state: string }[];
    const count = (state: string) => listed.filter((i) => i.state === state).length;
    const vi = runCli(args).stdout.split('\n');
    const plan = vi.findIndex((line) => line.startsWith('34 nhiệm vụ: '));
    expect(vi[plan + 1]).toBe(
      `Đơn vị: Báo Điện Biên Phủ, chủ trì hoặc phối hợp 20 nhiệm vụ: ${count('done')} hoàn thành, ${count('overdue')} quá hạn, ${count('due-soon')} sắp đến hạn, ${count('open')} chưa đến hạn hoặc thường xuyên, ${count('cancelled')} đã hủy`,
    );
    expect(runCli([...args, '--lang', 'en', '--format', 'markdown']).stdout).toContain(`Party: Báo Điện Biên Phủ, leading or supporting 20 items: ${count('done')} done, `);
    // Without --party there is no such line.
    expect(runCli(args.slice(0, -2)).stdout).not.toContain('chủ trì hoặc phối hợp');
  });

  it('exits 2 on an unknown plan', () => {
    const r = runCli(['status', 'khong-co', '-C', phuYen]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("Không có kế hoạch mã 'khong-co'.");
  });

  it('shows the plan and its items as a table in Vietnamese', () => {
    const r = runCli(['status', 'btg-bdv-2022', '-C', phuYen, '--as-of', '2022-10-20']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Ban Dân vận Tỉnh ủy Phú Yên');
    expect(lines[1]).toBe('btg-bdv-2022: Kế hoạch thực hiện Chương trình phối hợp giữa Ban Tuyên giáo Tỉnh ủy và Ban Dân vận Tỉnh ủy năm 2022');
    expect(lines[2]).toBe('Kế hoạch · ký ngày 12/05/2022 · Năm 2022 · đang thực hiện');
    expect(lines[3]).toBe('Tính đến ngày 20/10/2022');
    // As of 20/10/2022: done 7 (triển khai, hội nghị, kỷ niệm, exchanges 06..09); cancelled 2; open 6 (nothing within 14 days).
    expect(lines[4]).toBe('15 nhiệm vụ: 7 hoàn thành, 0 quá hạn, 0 sắp đến hạn, 6 chưa đến hạn hoặc thường xuyên, 2 đã hủy (tiến độ 53%)');
    expect(r.stdout).toMatch(/│ 05\/11\/2022 +│ trao-doi-thong-tin-bao-chi +│ Tháng 10 năm 2022 +│/);
    expect(r.stdout).toContain('hoàn thành đúng hạn');
    expect(r.stdout).toContain('còn 16 ngày');
  });
});

describe('status as a table', () => {
  it('names the state, counts and next item in Vietnamese, and in English with --lang en', () => {
    const vi = runCli(['status', '-C', phuYen, '--as-of', '2026-11-22']);
    expect(vi.stdout.split('\n').slice(0, 3)).toEqual(['Ban Dân vận Tỉnh ủy Phú Yên', 'Tình hình thực hiện các chương trình, kế hoạch phối hợp', 'Tính đến ngày 22/11/2026']);
    for (const header of ['Mã', 'Số, ký hiệu', 'Giai đoạn', 'Trạng thái', 'Quá hạn', 'Sắp đến hạn', 'Tiến độ', 'Hạn kế tiếp', 'Nhiệm vụ kế tiếp']) expect(vi.stdout).toContain(header);
    expect(vi.stdout).toContain('giai đoạn 2022 – 2026');
    expect(vi.stdout).toContain('đang thực hiện');
    expect(vi.stdout).toMatch(/│ +31 │ +22 │ +2 │ +3 │ +3 │ +1 │ +73% │ 15\/10\/2026 +│ giao-ban-quy \(Quý III năm 2026\) +│/);
    const en = runCli(['status', '-C', phuYen, '--as-of', '2026-11-22', '--lang', 'en']);
    expect(en.stdout).toContain('2022–2026');
    expect(en.stdout).toContain('active');
    expect(en.stdout).toMatch(/│ 2026-10-15 +│ giao-ban-quy \(Q3 2026\) +│/);
  });

  it('says so when no plan is active or upcoming', () => {
    const r = runCli(['status', '-C', benTre, '--as-of', '2026-11-22']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Không có chương trình, kế hoạch nào đang thực hiện hoặc sắp có hiệu lực');
  });
});
