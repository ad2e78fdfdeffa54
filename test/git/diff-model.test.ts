/**
 * The pure diff, fed through the real loader and validator from records held
 * in memory: what counts as a change, how each is named, and properties over
 * generated plans (form is not content; a moved deadline is one change).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRecords } from '../../src/load/load.js';
import type { RecordSource } from '../../src/load/source.js';
import { dayFromYMD, formatISO, formatViShort } from '../../src/model/dates.js';
import { renderDiffText } from '../../src/render/diff.js';
import { PLAIN } from '../../src/render/paint.js';
import { type Change, type DiffSide, diffRecords, diffReport, rawPlansOf } from '../../src/reports/diff.js';
import { validateRecords } from '../../src/validate/validate.js';
import { baseRecords } from '../helpers/git-repo.js';

class MemorySource implements RecordSource {
  readonly label = 'memory';
  constructor(private readonly files: Record<string, string>) {}
  async listRecordFiles(): Promise<string[]> {
    return Object.keys(this.files).sort();
  }
  async readFile(path: string): Promise<Uint8Array> {
    return Buffer.from(this.files[path], 'utf8');
  }
}

/** A folder holding the base records and the given plan files, loaded and validated; errors fail the test. */
async function side(plans: Record<string, string>): Promise<DiffSide> {
  const loaded = await loadRecords(new MemorySource({ ...baseRecords(), ...plans }));
  const validated = validateRecords(loaded, { asOf: dayFromYMD(2026, 11, 22) });
  const errors = validated.diagnostics.filter((d) => d.severity === 'error');
  expect(errors).toEqual([]);
  return { model: validated.model, raw: rawPlansOf(loaded.files) };
}

async function diff(before: string, after: string): Promise<Change[]> {
  return diffRecords(await side({ 'plans/p.yaml': before }), await side({ 'plans/p.yaml': after }));
}

const PLAN = `kind: plan
id: ctr
title: Chương trình phối hợp
signed: 2022-05-12
period: 2022..2026
parties: [btg-tu, bdv-tu, hnb]
basis:
  - { number: 01-KL/TW, date: 2021-05-18, title: Kết luận 01 }
signatories:
  - { party: btg-tu, name: Bùi Thanh Toàn }
  - { party: bdv-tu, name: Đinh Thị Thu Thanh }
contents:
  - { id: quan-triet, title: Quán triệt }
tasks:
  - id: mot-lan
    title: Việc một lần
    lead: bdv-tu
    support: [btg-tu, hnb]
    due: 2023-03-31
    status: done
    done: 2023-03-20
  - id: giao-ban
    title: Giao ban quý
    lead: bdv-tu
    every: quarter
    offset: 15
    log:
      2022-Q3: 2022-10-13
      2022-Q4: { status: cancelled }
`;

describe('what is not a change', () => {
  it('ignores date spelling, list order, period spelling and the file name', async () => {
    const rewritten = PLAN.replace('signed: 2022-05-12', 'signed: 12/5/2022')
      .replace('period: 2022..2026', 'period: 2022-01-01..2026-12-31')
      .replace('[btg-tu, bdv-tu, hnb]', '[hnb, bdv-tu, btg-tu]')
      .replace('support: [btg-tu, hnb]', 'support: [hnb, btg-tu]')
      .replace('date: 2021-05-18', 'date: 18/5/2021')
      .replace('2022-Q3: 2022-10-13', '2022-Q3: { done: 13/10/2022 }');
    const before = await side({ 'plans/p.yaml': PLAN });
    const after = await side({ 'plans/2022/chuong-trinh.yaml': rewritten });
    expect(diffRecords(before, after)).toEqual([]);
  });

  it('does not report the defaulted bounds of recurring tasks when the signing date moves', async () => {
    expect(await diff(PLAN, PLAN.replace('signed: 2022-05-12', 'signed: 2022-06-01'))).toEqual([
      { change: 'field-changed', plan: 'ctr', task: null, path: 'signed', from: '2022-05-12', to: '2022-06-01' },
    ]);
  });
});

describe('how changes are named', () => {
  it('undoing a completion is a status change; re-dating it is a field change', async () => {
    expect(await diff(PLAN, PLAN.replace('    status: done\n    done: 2023-03-20\n', '    status: in-progress\n'))).toEqual([
      { change: 'status-changed', plan: 'ctr', task: 'mot-lan', occurrence: null, from: 'done', to: 'in-progress' },
    ]);
    expect(await diff(PLAN, PLAN.replace('done: 2023-03-20', 'done: 2023-03-25'))).toEqual([
      { change: 'field-changed', plan: 'ctr', task: 'mot-lan', path: 'tasks.mot-lan.done', from: '2023-03-20', to: '2023-03-25' },
    ]);
  });

  it('names occurrence changes by their key', async () => {
    const after = PLAN.replace('      2022-Q3: 2022-10-13\n', '').replace('2022-Q4: { status: cancelled }', '2022-Q4: 2023-01-10');
    expect(await diff(PLAN, after)).toEqual([
      { change: 'status-changed', plan: 'ctr', task: 'giao-ban', occurrence: '2022-Q3', from: 'done', to: 'planned' },
      { change: 'done-recorded', plan: 'ctr', task: 'giao-ban', occurrence: '2022-Q4', date: '2023-01-10' },
    ]);
    expect(await diff(PLAN, PLAN.replace('2022-Q3: 2022-10-13', '2022-Q3: { status: cancelled, note: Hoãn }'))).toEqual([
      { change: 'status-changed', plan: 'ctr', task: 'giao-ban', occurrence: '2022-Q3', from: 'done', to: 'cancelled' },
      { change: 'field-changed', plan: 'ctr', task: 'giao-ban', path: 'tasks.giao-ban.log.2022-Q3.note', from: null, to: 'Hoãn' },
    ]);
  });

  it('reports a recurring schedule change as field changes, and a due date that appears as one too', async () => {
    expect(await diff(PLAN, PLAN.replace('offset: 15', 'offset: 20'))).toEqual([
      { change: 'field-changed', plan: 'ctr', task: 'giao-ban', path: 'tasks.giao-ban.offset', from: 15, to: 20 },
    ]);
    expect(await diff(PLAN, PLAN.replace('    due: 2023-03-31\n', ''))).toEqual([
      { change: 'field-changed', plan: 'ctr', task: 'mot-lan', path: 'tasks.mot-lan.due', from: '2023-03-31', to: null },
    ]);
  });

  it('a task made one-off from recurring shows its old log whole, cancellations kept, and no default nobody wrote', async () => {
    const oneOff = PLAN.replace('    every: quarter\n    offset: 15\n    log:\n      2022-Q3: 2022-10-13\n      2022-Q4: { status: cancelled }\n', '    due: 2023-06-30\n');
    const recurringToOneOff = [
      { change: 'field-changed', plan: 'ctr', task: 'giao-ban', path: 'tasks.giao-ban.due', from: null, to: '2023-06-30' },
      { change: 'field-changed', plan: 'ctr', task: 'giao-ban', path: 'tasks.giao-ban.every', from: 'quarter', to: null },
      { change: 'field-changed', plan: 'ctr', task: 'giao-ban', path: 'tasks.giao-ban.log', from: { '2022-Q3': { done: '2022-10-13' }, '2022-Q4': { status: 'cancelled' } }, to: null },
      { change: 'field-changed', plan: 'ctr', task: 'giao-ban', path: 'tasks.giao-ban.offset', from: 15, to: null },
    ];
    expect(await diff(PLAN, oneOff)).toEqual(recurringToOneOff);
    // Without an offset written, the recurring side's default 0 is no change; nor is the one-off side's status planned.
    const noOffset = PLAN.replace('    offset: 15\n', '');
    expect(await diff(noOffset, oneOff)).toEqual(recurringToOneOff.filter((c) => c.path !== 'tasks.giao-ban.offset'));
  });

  it('a task that is gone is removed, one that is new is added, each named by its title on the side where it exists', async () => {
    const withoutMotLan = PLAN.replace(/  - id: mot-lan\n(    .*\n)+?(?=  - id: giao-ban)/, '');
    const withNew = PLAN + '  - { id: tap-huan, title: Tập huấn báo cáo viên, lead: btg-tu, due: 2023-09-30 }\n';
    expect(await diff(PLAN, withoutMotLan)).toEqual([{ change: 'task-removed', plan: 'ctr', task: 'mot-lan' }]);
    expect(await diff(PLAN, withNew)).toEqual([{ change: 'task-added', plan: 'ctr', task: 'tap-huan' }]);
    const report = diffReport('HEAD', 'worktree', await side({ 'plans/p.yaml': PLAN }), await side({ 'plans/p.yaml': withoutMotLan + withNew.slice(PLAN.length) }));
    expect(renderDiffText(report, 'en', PLAIN).split('\n').slice(0, 2)).toEqual(['ctr/tap-huan: task added "Tập huấn báo cáo viên"', 'ctr/mot-lan: task removed "Việc một lần"']);
  });

  it('paths name entries by id: contents, signatories by party, basis by number', async () => {
    const after = PLAN.replace('{ id: quan-triet, title: Quán triệt }', '{ id: quan-triet, title: Quán triệt nghị quyết }\n  - { id: dan-van-kheo, title: Dân vận khéo }')
      .replace('name: Bùi Thanh Toàn', 'name: Nguyễn Văn Sự')
      .replace('title: Kết luận 01 }', 'title: Kết luận số 01-KL/TW }');
    expect(await diff(PLAN, after)).toEqual([
      { change: 'field-changed', plan: 'ctr', task: null, path: 'basis.01-KL/TW.title', from: 'Kết luận 01', to: 'Kết luận số 01-KL/TW' },
      { change: 'field-changed', plan: 'ctr', task: null, path: 'contents.dan-van-kheo', from: null, to: { title: 'Dân vận khéo' } },
      { change: 'field-changed', plan: 'ctr', task: null, path: 'contents.quan-triet.title', from: 'Quán triệt', to: 'Quán triệt nghị quyết' },
      { change: 'field-changed', plan: 'ctr', task: null, path: 'signatories.btg-tu.name', from: 'Bùi Thanh Toàn', to: 'Nguyễn Văn Sự' },
    ]);
  });
});

describe('every written field is compared', () => {
  it('a plan’s number, parent and contacts', async () => {
    const child = (extra: string) =>
      `kind: plan\nid: kh-2023\ntitle: Kế hoạch năm 2023\nsigned: 2023-01-10\nperiod: 2023\nparties: [bdv-tu, btg-tu]\n${extra}`;
    const before = await side({ 'plans/p.yaml': PLAN, 'plans/kh.yaml': child('contacts:\n  - { party: bdv-tu, leader: Lê Thị Ngọc Hoa, staff: [Nguyễn Văn B] }\n') });
    const after = await side({
      'plans/p.yaml': PLAN,
      'plans/kh.yaml': child('number: 12-KH/BDVTU\nparent: ctr\ncontacts:\n  - { party: bdv-tu, leader: Lê Thị Ngọc Hoa, staff: [Nguyễn Văn B, Trần Thị C] }\n'),
    });
    expect(diffRecords(before, after)).toEqual([
      { change: 'field-changed', plan: 'kh-2023', task: null, path: 'contacts.bdv-tu.staff', from: ['Nguyễn Văn B'], to: ['Nguyễn Văn B', 'Trần Thị C'] },
      { change: 'field-changed', plan: 'kh-2023', task: null, path: 'number', from: null, to: '12-KH/BDVTU' },
      { change: 'field-changed', plan: 'kh-2023', task: null, path: 'parent', from: null, to: 'ctr' },
    ]);
  });

  it('a task’s type, note, evidence and written bounds, and a log entry’s evidence', async () => {
    const after = PLAN.replace('    done: 2023-03-20\n', '    done: 2023-03-20\n    type: report\n    note: Báo cáo gửi Thường trực\n    evidence: 45-BC/BDVTU\n')
      .replace('    offset: 15\n', '    offset: 15\n    from: 2022-07-01\n')
      .replace('2022-Q3: 2022-10-13', '2022-Q3: { done: 2022-10-13, evidence: 12-TB/BDVTU }');
    expect(await diff(PLAN, after)).toEqual([
      // Sorted by path within a task: `from` before `log`, though the log is compared first.
      { change: 'field-changed', plan: 'ctr', task: 'giao-ban', path: 'tasks.giao-ban.from', from: null, to: '2022-07-01' },
      { change: 'field-changed', plan: 'ctr', task: 'giao-ban', path: 'tasks.giao-ban.log.2022-Q3.evidence', from: null, to: '12-TB/BDVTU' },
      { change: 'field-changed', plan: 'ctr', task: 'mot-lan', path: 'tasks.mot-lan.evidence', from: null, to: '45-BC/BDVTU' },
      { change: 'field-changed', plan: 'ctr', task: 'mot-lan', path: 'tasks.mot-lan.note', from: null, to: 'Báo cáo gửi Thường trực' },
      { change: 'field-changed', plan: 'ctr', task: 'mot-lan', path: 'tasks.mot-lan.type', from: 'activity', to: 'report' },
    ]);
    // The bound as written, both ways: `until` removed is a change back to nothing.
    const bounded = PLAN.replace('    offset: 15\n', '    offset: 15\n    until: 2025-12-31\n');
    expect(await diff(bounded, PLAN)).toEqual([
      { change: 'field-changed', plan: 'ctr', task: 'giao-ban', path: 'tasks.giao-ban.until', from: '2025-12-31', to: null },
    ]);
  });

  it('entries sharing a key (two signatories of one party) are told apart by position, so neither hides the other', async () => {
    const two = PLAN.replace('  - { party: bdv-tu, name: Đinh Thị Thu Thanh }\n', '  - { party: bdv-tu, name: Đinh Thị Thu Thanh }\n  - { party: btg-tu, name: Nguyễn Văn Phó }\n');
    expect(await diff(two, two.replace('name: Bùi Thanh Toàn', 'name: Nguyễn Văn Sự'))).toEqual([
      { change: 'field-changed', plan: 'ctr', task: null, path: 'signatories.#1.name', from: 'Bùi Thanh Toàn', to: 'Nguyễn Văn Sự' },
    ]);
  });

  it('recording a one-off task done is one done-recorded with its date, not a status change', async () => {
    const planned = PLAN.replace('    status: done\n    done: 2023-03-20\n', '');
    expect(await diff(planned, PLAN)).toEqual([{ change: 'done-recorded', plan: 'ctr', task: 'mot-lan', occurrence: null, date: '2023-03-20' }]);
  });
});

// Generated plans: one-off tasks with due dates, statuses and completions inside one year.
interface GenTask {
  due: number;
  status: 'planned' | 'in-progress' | 'done' | 'cancelled';
  doneAfter: number;
  lead: 'bdv-tu' | 'btg-tu';
  support: boolean;
}

const genTask: fc.Arbitrary<GenTask> = fc.record({
  due: fc.integer({ min: 0, max: 364 }),
  status: fc.constantFrom('planned', 'in-progress', 'done', 'cancelled'),
  doneAfter: fc.integer({ min: -30, max: 30 }),
  lead: fc.constantFrom('bdv-tu', 'btg-tu'),
  support: fc.boolean(),
});
const genPlan = fc.record({
  year: fc.integer({ min: 2020, max: 2024 }),
  tasks: fc.array(genTask, { minLength: 1, maxLength: 6 }),
  quarters: fc.subarray([1, 2, 3, 4]),
});

type DateStyle = (day: number) => string;

/** Writes a generated plan as YAML, with a date style and a task order, so that form varies and content does not. */
function writePlan(plan: { year: number; tasks: GenTask[]; quarters: number[] }, date: DateStyle, order: number[]): string {
  const start = dayFromYMD(plan.year, 1, 1);
  const lines = ['kind: plan', 'id: kh-sinh', 'title: Kế hoạch sinh ngẫu nhiên', `signed: ${date(start)}`, `period: ${plan.year}`, 'parties: [bdv-tu, btg-tu]', 'tasks:'];
  for (const i of order) {
    const t = plan.tasks[i];
    lines.push(`  - id: viec-${i}`, `    title: "Việc số ${i}"`, `    lead: ${t.lead}`, `    due: ${date(start + t.due)}`, `    status: ${t.status}`);
    if (t.support) lines.push(`    support: [${t.lead === 'bdv-tu' ? 'btg-tu' : 'bdv-tu'}]`);
    if (t.status === 'done') lines.push(`    done: ${date(start + Math.max(0, t.due + t.doneAfter))}`);
  }
  lines.push('  - id: giao-ban', '    title: Giao ban', '    lead: bdv-tu', '    every: quarter', '    log:');
  for (const q of plan.quarters) lines.push(`      ${plan.year}-Q${q}: ${date(dayFromYMD(plan.year, q * 3, 28))}`);
  if (plan.quarters.length === 0) lines.pop();
  return lines.join('\n') + '\n';
}

const identityOrder = (n: number) => [...Array(n).keys()];

describe('properties', () => {
  it('form is not content: date style, task order and file name never make a change', async () => {
    await fc.assert(
      fc.asyncProperty(genPlan, fc.infiniteStream(fc.nat()), async (plan, noise) => {
        const order = identityOrder(plan.tasks.length);
        const shuffled = [...order].sort(() => (noise.next().value % 3) - 1);
        const before = await side({ 'plans/a.yaml': writePlan(plan, formatISO, order) });
        const after = await side({ 'plans/khac/b.yml': writePlan(plan, formatViShort, shuffled) });
        expect(diffRecords(before, after)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('moving one deadline by k days is exactly one due-moved of k days, and back is -k', async () => {
    await fc.assert(
      fc.asyncProperty(genPlan, fc.nat(), fc.integer({ min: -200, max: 200 }).filter((k) => k !== 0), async (plan, pick, k) => {
        const i = pick % plan.tasks.length;
        const moved = { ...plan, tasks: plan.tasks.map((t, j) => (j === i ? { ...t, due: t.due + k } : t)) };
        // A completion date is kept where it was, so that only the deadline moves.
        if (plan.tasks[i].status === 'done') moved.tasks[i].doneAfter = plan.tasks[i].doneAfter - k;
        fc.pre(Math.max(0, plan.tasks[i].due + plan.tasks[i].doneAfter) === Math.max(0, moved.tasks[i].due + moved.tasks[i].doneAfter));
        const order = identityOrder(plan.tasks.length);
        const a = await side({ 'plans/a.yaml': writePlan(plan, formatISO, order) });
        const b = await side({ 'plans/a.yaml': writePlan(moved, formatISO, order) });
        const start = dayFromYMD(plan.year, 1, 1);
        const expected = {
          change: 'due-moved',
          plan: 'kh-sinh',
          task: `viec-${i}`,
          from: formatISO(start + plan.tasks[i].due),
          to: formatISO(start + plan.tasks[i].due + k),
          days: k,
        };
        expect(diffRecords(a, b)).toEqual([expected]);
        expect(diffRecords(b, a)).toEqual([{ ...expected, from: expected.to, to: expected.from, days: -k }]);
      }),
      { numRuns: 40 },
    );
  });

  it('recording a quarter is exactly one done-recorded for that occurrence', async () => {
    await fc.assert(
      fc.asyncProperty(genPlan, fc.constantFrom(1, 2, 3, 4), async (plan, quarter) => {
        fc.pre(!plan.quarters.includes(quarter));
        const order = identityOrder(plan.tasks.length);
        const a = await side({ 'plans/a.yaml': writePlan(plan, formatISO, order) });
        const b = await side({ 'plans/a.yaml': writePlan({ ...plan, quarters: [...plan.quarters, quarter] }, formatViShort, order) });
        expect(diffRecords(a, b)).toEqual([
          {
            change: 'done-recorded',
            plan: 'kh-sinh',
            task: 'giao-ban',
            occurrence: `${plan.year}-Q${quarter}`,
            date: formatISO(dayFromYMD(plan.year, quarter * 3, 28)),
          },
        ]);
      }),
      { numRuns: 30 },
    );
  });
});
