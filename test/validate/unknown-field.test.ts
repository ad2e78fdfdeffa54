/**
 * An unknown field: its Vietnamese name (`hạn`) suggests the field meant
 * (`due`), the hint about commas inside { } only where there are { }, and a
 * small mapping lists its fields when nothing else can be suggested.
 */
import { describe, expect, it } from 'vitest';
import { FIELDS_NAMED } from '../../src/i18n/field-words.js';
import { loadSchema } from '../../src/schemas.js';
import { failingDiagnostics, type JsonDiagnostic } from '../helpers/cli.js';
import { minimalFolder } from '../helpers/folder.js';

const PLAN = [
  'kind: plan', //                                                 1
  'id: kh-2022', //                                                2
  'title: Kế hoạch 2022', //                                       3
  'signed: 2022-01-05', //                                         4
  'period: 2022', //                                               5
  'parties: [bdv-tu, btg-tu]', //                                  6
  'Giai đoạn: 2022', //                                            7
  'contents:', //                                                  8
  '  - { id: quan-triet, title: Tuyên truyền, phổ biến nghị quyết }', // 9
  'tasks:', //                                                    10
  '  - id: bao-cao', //                                           11
  '    title: Báo cáo', //                                        12
  '    lead: bdv-tu', //                                          13
  '    hạn: 2022-12-01', //                                       14
  '    ghi chú: x', //                                            15
  '    HẠN_CHÓT: 2022-12-01', //                                  16
  '    tên: Báo cáo năm', //                                      17
  '    xyz: 1', //                                                18
  '  - { id: giao-ban, title: Giao ban, chủ trì: bdv-tu, every: quarter, log: { 2022-Q1: { zz: 1 } } }', // 19
  '',
].join('\n');

const PARTIES = 'kind: parties\nparties:\n  - id: bdv-tu\n    name: Ban Dân vận\n    tên ngắn: Dân vận\n  - id: btg-tu\n    tên: Ban Tuyên giáo\n    foo: 1\n';

type Report = { diagnostics: JsonDiagnostic[] };

function validate(lang: 'vi' | 'en', env: Record<string, string> = {}) {
  return failingDiagnostics(minimalFolder({ 'kh-2022.yaml': PLAN }, { 'parties.yaml': PARTIES }), lang, env).filter((d) => d.rule === 'unknown-field');
}

describe('an unknown field', () => {
  const vi = validate('vi');
  const en = validate('en');
  const at = (found: Report['diagnostics'], file: string, line: number) => found.filter((d) => d.file === file && d.line === line).map((d) => d.message);
  const plan = (found: Report['diagnostics'], line: number) => at(found, 'plans/kh-2022.yaml', line);

  it("written as the field's Vietnamese name suggests the field, whatever its case and accents", () => {
    expect(plan(vi, 14)).toEqual(["Trường 'hạn' không có trong định dạng (tên các trường viết bằng tiếng Anh): có phải ý bạn là 'due'?"]);
    expect(plan(en, 14)).toEqual(["Unknown field 'hạn' (field names are in English): did you mean 'due'?"]);
    expect(plan(en, 15)).toEqual(["Unknown field 'ghi chú' (field names are in English): did you mean 'note'?"]);
    expect(plan(en, 16)).toEqual(["Unknown field 'HẠN_CHÓT' (field names are in English): did you mean 'due'?"]);
    expect(plan(en, 7)).toEqual(["Unknown field 'Giai đoạn' (field names are in English): did you mean 'period'?"]);
    // Inside { }, a field's name is not text cut by a comma.
    expect(plan(en, 19)[0]).toBe("Unknown field 'chủ trì' (field names are in English): did you mean 'lead'?");
  });

  it('suggests only a field that the place has', () => {
    expect(plan(en, 17)).toEqual(["Unknown field 'tên' (field names are in English): did you mean 'title'?"]);
    expect(at(en, 'parties.yaml', 7)).toEqual(["Unknown field 'tên' (field names are in English): did you mean 'name'?"]);
    expect(at(vi, 'parties.yaml', 5)).toEqual(["Trường 'tên ngắn' không có trong định dạng (tên các trường viết bằng tiếng Anh): có phải ý bạn là 'short'?"]);
  });

  it('gets the hint about a comma inside { } only when it is inside { }', () => {
    for (const d of [...vi, ...en].filter((d) => d.line !== 9)) expect(d.message).not.toMatch(/\{ \}/);
    expect(plan(vi, 9)).toEqual([
      "Trường 'phổ biến nghị quyết' không có trong định dạng: ở đây chỉ dùng các trường id, title; hãy sửa lại tên trường hoặc xóa trường này. Nếu đây là phần sau dấu phẩy của một đoạn văn viết trong { }, hãy đặt cả đoạn văn trong dấu nháy kép.",
    ]);
    expect(plan(en, 9)).toEqual([
      "Unknown field 'phổ biến nghị quyết': the fields here are id, title; correct its name or remove it. If this is text after a comma inside { }, put the whole text in double quotes.",
    ]);
  });

  it('lists the fields of a small mapping when there is nothing to suggest, not the many of a task', () => {
    expect(at(en, 'parties.yaml', 8)).toEqual(["Unknown field 'foo': the fields here are id, name, short, abbr; correct its name or remove it."]);
    expect(plan(en, 19)[1]).toBe("Unknown field 'zz': the fields here are done, status, note, evidence, results; correct its name or remove it.");
    expect(plan(vi, 18)).toEqual(["Trường 'xyz' không có trong định dạng: hãy xóa hoặc sửa lại tên trường."]);
  });

  it('gets the same diagnostics from the positions parser', () => {
    expect(validate('en', { PHOIHOP_PARSER: 'yaml' })).toEqual(en);
  });
});

it('names, for each Vietnamese word, only fields of the record format', () => {
  const fields = new Set<string>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties') for (const name of Object.keys(value as object)) fields.add(name);
        collect(value);
      }
    }
  };
  for (const kind of ['config', 'parties', 'plan'] as const) collect(loadSchema(kind));
  expect(FIELDS_NAMED.filter((f) => !fields.has(f))).toEqual([]);
});
