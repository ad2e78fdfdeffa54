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
    // Made recurring again without a log written: no `log` change from nothing to {}.
    const noLog = noOffset.replace('    log:\n      2022-Q3: 2022-10-13\n      2022-Q4: { status: cancelled }\n', '');
    expect(await diff(oneOff, noLog)).toEqual([
      { change: 'field-changed', plan: 'ctr', task: 'giao-ban', path: 'tasks.giao-ban.due', from: '2023-06-30', to: null },
      { change: 'field-changed', plan: 'ctr', task: 'giao-ban', path: 'tasks.giao-ban.every', from: null, to: 'quarter' },
    ]);
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

  it('recording a one-off task done is one done-recorded with its date, not a status change', async () => {
    const planned = PLAN.replace('    status: done\n    done: 2023-03-20\n', '');
    expect(await diff(planned, PLAN)).toEqual([{ change: 'done-recorded', plan: 'ctr', task: 'mot-lan', occurrence: null, date: '2023-03-20' }]);
  });
});

/** PLAN with its `basis` and `signatories` entries (flow mappings, one a line) replaced, and `contacts` added when given. */
function withLists(lists: { basis?: string[]; signatories?: string[]; contacts?: string[] }): string {
  const block = (name: string, entries: string[]) => `${name}:\n${entries.map((e) => `  - ${e}\n`).join('')}`;
  let plan = PLAN;
  if (lists.basis) plan = plan.replace(/basis:\n(  - .*\n)+/, block('basis', lists.basis));
  if (lists.signatories) plan = plan.replace(/signatories:\n(  - .*\n)+/, block('signatories', lists.signatories));
  if (lists.contacts) plan = plan.replace('contents:\n', block('contacts', lists.contacts) + 'contents:\n');
  return plan;
}

const KL01 = '{ number: 01-KL/TW, date: 2021-05-18, title: Kết luận 01 }';
const NQ = '{ title: Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII }';
const CTHD = '{ title: Chương trình hành động của Tỉnh ủy, date: 2021-08-02 }';
const KH = '{ title: Kế hoạch của Ban Thường vụ Tỉnh ủy }';
const BASIS = [KL01, NQ, CTHD, KH];
const field = (path: string, from: unknown, to: unknown) => ({ change: 'field-changed', plan: 'ctr', task: null, path, from, to });

describe('list entries without a unique key are matched by content, not position', () => {
  it('reordering basis, signatories of one party and contacts of one party is no change', async () => {
    const signatories = ['{ party: btg-tu, name: Bùi Thanh Toàn }', '{ party: bdv-tu, name: Đinh Thị Thu Thanh }', '{ party: btg-tu, name: Nguyễn Văn Phó }'];
    const contacts = ['{ party: bdv-tu, leader: Lê Thị Ngọc Hoa }', '{ party: bdv-tu, staff: [Nguyễn Văn B] }', '{ party: btg-tu, leader: Nguyễn Văn Sự }'];
    const before = withLists({ basis: BASIS, signatories, contacts });
    const after = withLists({ basis: [KH, NQ, KL01, CTHD], signatories: [...signatories].reverse(), contacts: [...contacts].reverse() });
    expect(await diff(before, after)).toEqual([]);
    // The audit's case: two un-numbered entries swapped.
    expect(await diff(withLists({ basis: [NQ, KH] }), withLists({ basis: [KH, NQ] }))).toEqual([]);
  });

  it('an edited un-numbered entry is one change per field, named by its title as it was', async () => {
    const after = withLists({ basis: [KL01, NQ.replace('XVII', 'XVIII'), CTHD.replace('2021-08-02', '2/9/2021'), KH] });
    expect(await diff(withLists({ basis: BASIS }), after)).toEqual([
      field('basis[Chương trình hành động của Tỉnh ủy].date', '2021-08-02', '2021-09-02'),
      field('basis[Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII].title', 'Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII', 'Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII'),
    ]);
  });

  it('an entry added in front, or removed from the middle, is one change and moves no other', async () => {
    const added = '{ title: Quy chế phối hợp, date: 2020-01-15 }';
    expect(await diff(withLists({ basis: BASIS }), withLists({ basis: [added, ...BASIS] }))).toEqual([
      field('basis[Quy chế phối hợp]', null, { date: '2020-01-15', title: 'Quy chế phối hợp' }),
    ]);
    expect(await diff(withLists({ basis: BASIS }), withLists({ basis: [KL01, CTHD, KH] }))).toEqual([
      field('basis[Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII]', { title: 'Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII' }, null),
    ]);
  });

  it('a number given to an un-numbered entry is a field change; another number is another document', async () => {
    expect(await diff(withLists({ basis: BASIS }), withLists({ basis: [KL01, NQ.replace('{ ', '{ number: 15-NQ/TU, '), CTHD, KH] }))).toEqual([
      field('basis[Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII].number', null, '15-NQ/TU'),
    ]);
    expect(await diff(withLists({ basis: BASIS }), withLists({ basis: [KL01.replace('01-KL/TW', '02-KL/TW'), NQ, CTHD, KH] }))).toEqual([
      field('basis.01-KL/TW', { date: '2021-05-18', number: '01-KL/TW', title: 'Kết luận 01' }, null),
      field('basis.02-KL/TW', null, { date: '2021-05-18', number: '02-KL/TW', title: 'Kết luận 01' }),
    ]);
  });

  it('entries sharing a number are told apart by title, then by what else they say, and identical copies by #n', async () => {
    const directive = '{ number: 05-CT/TW, date: 2016-05-15, title: Chỉ thị 05 }';
    const guidance = '{ number: 05-CT/TW, title: Hướng dẫn thực hiện Chỉ thị 05 }';
    expect(await diff(withLists({ basis: [directive, guidance] }), withLists({ basis: [guidance, directive] }))).toEqual([]);
    expect(await diff(withLists({ basis: [directive, guidance] }), withLists({ basis: [guidance.replace(' }', ', date: 2016-09-01 }'), directive] }))).toEqual([
      field('basis.05-CT/TW[Hướng dẫn thực hiện Chỉ thị 05].date', null, '2016-09-01'),
    ]);
    expect(await diff(withLists({ basis: [directive, guidance] }), withLists({ basis: [directive] }))).toEqual([
      field('basis.05-CT/TW[Hướng dẫn thực hiện Chỉ thị 05]', { number: '05-CT/TW', title: 'Hướng dẫn thực hiện Chỉ thị 05' }, null),
    ]);
    // Same number and title, told apart by the date (as it was).
    const twins = [directive, directive.replace('2016-05-15', '2016-06-01')];
    expect(await diff(withLists({ basis: twins }), withLists({ basis: [twins[1].replace('2016-06-01', '2016-06-02'), twins[0]] }))).toEqual([
      field('basis.05-CT/TW[Chỉ thị 05, 2016-06-01].date', '2016-06-01', '2016-06-02'),
    ]);
    // Identical copies: one of them went.
    expect(await diff(withLists({ basis: [directive, KH, directive] }), withLists({ basis: [KH, directive] }))).toEqual([
      field('basis.05-CT/TW[Chỉ thị 05, 2016-05-15]#2', { date: '2016-05-15', number: '05-CT/TW', title: 'Chỉ thị 05' }, null),
    ]);
  });

  it('signatories and contacts of one party are told apart by name, and a second one is one addition', async () => {
    const two = ['{ party: btg-tu, name: Bùi Thanh Toàn }', '{ party: bdv-tu, name: Đinh Thị Thu Thanh }', '{ party: btg-tu, name: Nguyễn Văn Phó }'];
    const one = two.slice(0, 2);
    expect(await diff(withLists({ signatories: two }), withLists({ signatories: [two[2], two[0].replace('Bùi Thanh Toàn', 'Nguyễn Văn Sự'), two[1]] }))).toEqual([
      field('signatories.btg-tu[Bùi Thanh Toàn].name', 'Bùi Thanh Toàn', 'Nguyễn Văn Sự'),
    ]);
    expect(await diff(withLists({ signatories: one }), withLists({ signatories: [two[2], ...one] }))).toEqual([field('signatories.btg-tu[Nguyễn Văn Phó]', null, { name: 'Nguyễn Văn Phó' })]);
    expect(await diff(withLists({ signatories: two }), withLists({ signatories: one }))).toEqual([field('signatories.btg-tu[Nguyễn Văn Phó]', { name: 'Nguyễn Văn Phó' }, null)]);
    // A party's only signatory keeps its plain name.
    expect(await diff(withLists({ signatories: one }), withLists({ signatories: [one[0].replace('Bùi Thanh Toàn', 'Nguyễn Văn Sự'), one[1]] }))).toEqual([
      field('signatories.btg-tu.name', 'Bùi Thanh Toàn', 'Nguyễn Văn Sự'),
    ]);
    const contacts = ['{ party: bdv-tu, leader: Lê Thị Ngọc Hoa }', '{ party: bdv-tu, staff: [Nguyễn Văn B] }'];
    expect(await diff(withLists({ contacts }), withLists({ contacts: [contacts[1].replace(']', ', Trần Thị C]'), contacts[0]] }))).toEqual([
      field('contacts.bdv-tu[Nguyễn Văn B].staff', ['Nguyễn Văn B'], ['Nguyễn Văn B', 'Trần Thị C']),
    ]);
  });

  it('a title in a path has its control characters written out in text', async () => {
    const report = diffReport('HEAD', 'worktree', await side({ 'plans/p.yaml': withLists({ basis: [NQ, '{ title: "Văn bản\\e[31m đỏ" }'] }) }), await side({ 'plans/p.yaml': withLists({ basis: [NQ] }) }));
    expect(renderDiffText(report, 'en', PLAIN).split('\n')[0]).toBe('ctr: changed basis[Văn bản\\u001b[31m đỏ]: {"title":"Văn bản\\u001b[31m đỏ"} → (none)');
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

// Generated basis and signatories: numbers, parties, titles and names drawn from small pools, so that missing and repeated keys, and whole twins, are common.
interface GenEntry {
  key: string | undefined;
  label: string;
  date: number | undefined;
  /** Where the entry goes in a shuffled copy of the list. */
  place: number;
}

const genBasis = fc.record({
  key: fc.option(fc.constantFrom('01-KL/TW', '05-CT/TW', '15-NQ/TU'), { nil: undefined }),
  label: fc.constantFrom('Kết luận 01', 'Chỉ thị 05', 'Nghị quyết tỉnh'),
  date: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  place: fc.nat(),
});
const genSignatory = fc.record({
  key: fc.constantFrom('btg-tu', 'bdv-tu', 'hnb'),
  label: fc.constantFrom('Bùi Thanh Toàn', 'Nguyễn Văn Sự'),
  date: fc.constant(undefined),
  place: fc.nat(),
});
const genLists = fc.record({ basis: fc.array(genBasis, { maxLength: 7 }), signatories: fc.array(genSignatory, { maxLength: 5 }) });
type GenLists = { basis: GenEntry[]; signatories: GenEntry[] };
type ListName = keyof GenLists;

const genDay = (d: number) => formatISO(dayFromYMD(2021, 1, 1) + d);
const basisLine = (e: GenEntry) => `{ ${e.key ? `number: ${e.key}, ` : ''}${e.date !== undefined ? `date: ${genDay(e.date)}, ` : ''}title: "${e.label}" }`;
const signatoryLine = (e: GenEntry) => `{ party: ${e.key}, name: "${e.label}" }`;

/** PLAN with the generated lists; `shuffle` writes them in their `place` order instead of as generated. */
function writeLists(lists: GenLists, shuffle = false): string {
  const order = (entries: GenEntry[]) => (shuffle ? [...entries].sort((x, y) => x.place - y.place) : entries);
  let plan = PLAN.replace(/basis:\n(  - .*\n)+/, '').replace(/signatories:\n(  - .*\n)+/, '');
  const block = (name: string, lines: string[]) => (lines.length > 0 ? `${name}:\n${lines.map((l) => `  - ${l}\n`).join('')}` : '');
  plan = plan.replace('contents:\n', block('basis', order(lists.basis).map(basisLine)) + block('signatories', order(lists.signatories).map(signatoryLine)) + 'contents:\n');
  return plan;
}

/** An entry as the diff shows it whole. */
function shownEntry(list: ListName, e: GenEntry): Record<string, string> {
  if (list === 'signatories') return { name: e.label };
  return { ...(e.date !== undefined ? { date: genDay(e.date) } : {}), ...(e.key ? { number: e.key } : {}), title: e.label };
}

const genPick = fc.record({ list: fc.constantFrom<ListName>('basis', 'signatories'), at: fc.nat() });

describe('properties of lists without a unique key', () => {
  it('any reordering of basis and signatories is no change', async () => {
    await fc.assert(
      fc.asyncProperty(genLists, async (lists) => {
        expect(await diff(writeLists(lists), writeLists(lists, true))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('removing any one entry, whatever the order, is one change of that entry to null; adding it back, one from null', async () => {
    await fc.assert(
      fc.asyncProperty(genLists, genPick, async (lists, { list, at }) => {
        fc.pre(lists[list].length > 0);
        const i = at % lists[list].length;
        const removed = lists[list][i];
        const fewer = { ...lists, [list]: lists[list].filter((_, j) => j !== i) };
        const [change, ...more] = await diff(writeLists(lists), writeLists(fewer, true));
        expect(more).toEqual([]);
        expect(change).toMatchObject({ change: 'field-changed', task: null, from: shownEntry(list, removed), to: null });
        expect((change as { path: string }).path.startsWith(list)).toBe(true);
        // Named the same both ways; only which of identical copies it was (`#n`) may differ.
        const back = await diff(writeLists(fewer, true), writeLists(lists));
        const copyless = (c: Change) => ({ ...c, path: (c as { path: string }).path.replace(/#\d+$/, '') });
        expect(back.map(copyless)).toEqual([copyless({ ...change, from: null, to: change.from } as Change)]);
      }),
      { numRuns: 60 },
    );
  });

  it('between any two lists, no two changes share a path, and whole entries removed less added is the change in length', async () => {
    await fc.assert(
      fc.asyncProperty(genLists, genLists, async (before, after) => {
        const changes = (await diff(writeLists(before), writeLists(after))) as Array<Change & { path: string; from: unknown; to: unknown }>;
        expect(new Set(changes.map((c) => c.path)).size).toBe(changes.length);
        const whole = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
        for (const list of ['basis', 'signatories'] as const) {
          const ofList = changes.filter((c) => c.path.startsWith(list));
          const removed = ofList.filter((c) => whole(c.from) && c.to === null).length;
          const added = ofList.filter((c) => c.from === null && whole(c.to)).length;
          expect(removed - added).toBe(before[list].length - after[list].length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('renaming any one entry (a title, a signatory), whatever the order, is exactly that one field change', async () => {
    await fc.assert(
      fc.asyncProperty(genLists, genPick, async (lists, { list, at }) => {
        fc.pre(lists[list].length > 0);
        const i = at % lists[list].length;
        const renamed = { ...lists, [list]: lists[list].map((e, j) => (j === i ? { ...e, label: 'Tên mới' } : e)) };
        const field = list === 'basis' ? 'title' : 'name';
        const changes = await diff(writeLists(lists), writeLists(renamed, true));
        expect(changes).toHaveLength(1);
        expect(changes[0]).toMatchObject({ change: 'field-changed', from: lists[list][i].label, to: 'Tên mới' });
        expect((changes[0] as { path: string }).path).toMatch(new RegExp(`^${list}.*\\.${field}$`));
      }),
      { numRuns: 60 },
    );
  });
});
