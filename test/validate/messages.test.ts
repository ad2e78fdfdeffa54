/** The words of a few diagnostics, as the native-speaker review asked for them. */
import { describe, expect, it } from 'vitest';
import { diagnosticMessage } from '../../src/i18n/diagnostics.js';
import { editMessage } from '../../src/i18n/edit.js';
import { dayFromYMD } from '../../src/model/dates.js';
import { MINIMAL_PARTIES, memorySource, validateSource } from '../helpers/edits.js';

const vi = (rule: string, args: Record<string, string | number>) => diagnosticMessage({ rule, args }, 'vi');
const en = (rule: string, args: Record<string, string | number>) => diagnosticMessage({ rule, args }, 'en');

describe('diagnostic messages', () => {
  it('show dates as DD/MM/YYYY in Vietnamese and ISO in English, without changing the args', () => {
    const args = { date: '2022-05-11', signed: '2022-05-12' };
    expect(vi('done-before-signed', args)).toBe('Ngày hoàn thành 11/05/2022 trước ngày ký 12/05/2022: kiểm tra lại ngày.');
    expect(en('done-before-signed', args)).toBe('Completion date 2022-05-11 is before the signing date 2022-05-12: check the date.');
    expect(args).toEqual({ date: '2022-05-11', signed: '2022-05-12' });
    expect(vi('done-in-future', { date: '2026-11-20', asOf: '2026-11-01' })).toBe(
      'Ngày hoàn thành 20/11/2026 sau ngày tính số liệu 01/11/2026: kiểm tra lại ngày (chưa được tính là đã hoàn thành).',
    );
  });

  it('say how to fix a wrong type when the value shows it', () => {
    expect(vi('wrong-type', { field: 'title', expected: 'string', value: '2022' })).toBe("'title' phải là chữ (văn bản), không phải 2022: hãy đặt trong dấu nháy: '2022'.");
    expect(en('wrong-type', { field: 'title', expected: 'string', value: '2022' })).toBe("'title' must be text, not 2022: put it in quotes: '2022'.");
    expect(vi('wrong-type', { field: 'support', expected: 'array', value: 'btg-tu' })).toBe("'support' phải là một danh sách, không phải btg-tu: hãy viết [btg-tu].");
    expect(vi('wrong-type', { field: 'results', expected: 'object', value: '[1]' })).toBe("'results' phải là một nhóm các dòng khóa: giá trị, không phải [1].");
  });

  it('give limits in words', () => {
    expect(vi('out-of-range', { field: 'day', value: -1, comparison: '>=', limit: 0 })).toBe("'day' = -1 nằm ngoài giới hạn: phải lớn hơn hoặc bằng 0.");
    expect(vi('out-of-range', { field: 'day', value: 32, comparison: '<=', limit: 31 })).toBe("'day' = 32 nằm ngoài giới hạn: không được lớn hơn 31.");
    expect(en('out-of-range', { field: 'day', value: 32, comparison: '<=', limit: 31 })).toBe("'day' = 32 is out of range: it must be at most 31.");
  });

  it('name the kind of occurrence a log key must be', () => {
    expect(vi('log-key-granularity', { key: '2022-07', every: 'quarter' })).toBe("'2022-07' không phải là một kỳ quý (every: quarter): hãy viết khóa dạng 2022-Q3.");
    expect(vi('log-key-granularity', { key: '2022-Q1', every: 'half' })).toBe("'2022-Q1' không phải là một kỳ 6 tháng (every: half): hãy viết khóa dạng 2022-H1.");
  });

  it('name the field of a party that is not in the plan', () => {
    expect(vi('party-not-in-plan', { party: 'hnb', role: 'signatory', plan: 'kh' })).toBe(
      "'hnb' (cơ quan của người ký, trường signatories) không phải là bên tham gia kế hoạch kh: thêm vào parties của kế hoạch hoặc chọn một bên khác.",
    );
  });
});

describe('done messages', () => {
  it('say "định kỳ 6 tháng" and show dates as DD/MM/YYYY in Vietnamese', () => {
    expect(editMessage('vi', 'period-required', { task: 'gb', every: 'half', open: '' })).toBe("Nhiệm vụ 'gb' là nhiệm vụ định kỳ (định kỳ 6 tháng): hãy ghi kỳ bằng --period.");
    expect(editMessage('vi', 'already-done', { task: 'tk', date: '2026-11-20' })).toBe("Nhiệm vụ 'tk' đã hoàn thành (ngày 20/11/2026). Dùng --force để ghi lại ngày hoàn thành.");
    // A date written another way in the file is quoted as it is.
    expect(editMessage('vi', 'already-done', { task: 'tk', date: '20/11/2026' })).toContain('(ngày 20/11/2026)');
    expect(editMessage('en', 'already-done', { task: 'tk', date: '2026-11-20' })).toContain('(on 2026-11-20)');
  });
});

describe('unknown-metric', () => {
  /** The messages of a plan whose task reports `x` and `y`, under a config declaring `count` metrics m0, m1, … */
  async function messages(count: number) {
    const metrics = Array.from({ length: count }, (_, i) => `  m${i}: { label: M${i} }`).join('\n');
    const plan = 'kind: plan\nid: p\ntitle: P\nsigned: 2022-01-01\nperiod: 2022\nparties: [bdv-tu, btg-tu]\ntasks:\n  - { id: t, title: T, lead: bdv-tu, status: done, done: 2022-03-01, results: { x: 1, y: 2 } }\n';
    const v = await validateSource(memorySource({ 'phoihop.yaml': `kind: config\nlocale: vi\nmetrics:\n${metrics}\n`, 'parties.yaml': MINIMAL_PARTIES, 'plans/p.yaml': plan }), dayFromYMD(2022, 6, 1));
    const found = v.diagnostics.filter((d) => d.rule === 'unknown-metric');
    expect(found.map((d) => d.args.metric)).toEqual(['x', 'y']);
    return { vi: diagnosticMessage(found[0], 'vi'), en: diagnosticMessage(found[0], 'en') };
  }

  it('names every declared metric when there are up to twenty, as before', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `m${i}`).join(', ');
    expect(await messages(20)).toEqual({
      vi: `Chỉ tiêu 'x' chưa khai báo trong metrics của phoihop.yaml (đã có: ${names}): hãy khai báo hoặc sửa lại mã.`,
      en: `Metric 'x' is not declared under metrics in phoihop.yaml (declared: ${names}): declare it or correct the id.`,
    });
  });

  it('names all twenty-one rather than twenty and "1 more"', async () => {
    const names = Array.from({ length: 21 }, (_, i) => `m${i}`).join(', ');
    expect((await messages(21)).en).toBe(`Metric 'x' is not declared under metrics in phoihop.yaml (declared: ${names}): declare it or correct the id.`);
  });

  it('names the first twenty of more, and how many more: each use of an unknown metric would list them all', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `m${i}`).join(', ');
    expect(await messages(2021)).toEqual({
      vi: `Chỉ tiêu 'x' chưa khai báo trong metrics của phoihop.yaml (đã có: ${names} … và 2001 chỉ tiêu khác): hãy khai báo hoặc sửa lại mã.`,
      en: `Metric 'x' is not declared under metrics in phoihop.yaml (declared: ${names} … and 2001 more): declare it or correct the id.`,
    });
  });
});
