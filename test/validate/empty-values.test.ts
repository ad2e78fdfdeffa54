/**
 * A field left empty (`title:` with nothing after it, which YAML reads as
 * null) reads as left empty, as `title: ""` does: what goes there, never the
 * word null a clerk did not write.
 */
import { describe, expect, it } from 'vitest';
import { failingDiagnostics, type JsonDiagnostic } from '../helpers/cli.js';
import { minimalFolder } from '../helpers/folder.js';

const PLAN = [
  'kind: plan', //                1
  'id: kh-2022', //               2
  'title:', //                    3
  'signed:', //                   4
  'period: 2022', //              5
  'parties:', //                  6
  'contents:', //                 7
  'tasks:', //                    8
  '  - id: bao-cao', //           9
  '    title: ""', //            10
  '    lead:', //                11
  '    support:', //             12
  '      -', //                  13
  '    due:', //                 14
  '    status:', //              15
  '    results: { articles: }', // 16
  '  - id: giao-ban', //         17
  '    title: Giao ban', //      18
  '    lead: bdv-tu', //         19
  '    every: quarter', //       20
  '    offset:', //              21
  '    log:', //                 22
  '',
].join('\n');

/** A plan whose tasks are not written yet, as a clerk starts a list. */
const NO_TASKS = 'kind: plan\nid: kh-2023\ntitle: Kế hoạch 2023\nsigned: 2023-01-05\nperiod: 2023\nparties: [bdv-tu, btg-tu]\ntasks:\n';

type Report = { diagnostics: JsonDiagnostic[] };

function validate(lang: 'vi' | 'en', env: Record<string, string> = {}) {
  return failingDiagnostics(minimalFolder({ 'kh-2022.yaml': PLAN, 'kh-2023.yaml': NO_TASKS, 'trong.yaml': 'kind:\nid: x\n' }), lang, env);
}

describe('a field left empty', () => {
  const vi = validate('vi');
  const en = validate('en');
  /** The diagnostics at a line of PLAN, or of another file (`kind:` alone, or the plan without tasks). */
  const at = (found: Report['diagnostics'], line: number | string) =>
    found.filter((d) => (typeof line === 'string' ? d.file === `plans/${line}` : d.file === 'plans/kh-2022.yaml' && d.line === line)).map((d) => `${d.rule} ${d.message}`);

  it('is empty-value wherever it is, as title: "" is, and never reads as null', () => {
    expect(vi.map((d) => `${d.file}:${d.line}`)).toEqual([...[3, 4, 6, 7, 10, 11, 13, 14, 15, 16, 21, 22].map((l) => `plans/kh-2022.yaml:${l}`), 'plans/kh-2023.yaml:7', 'plans/trong.yaml:1']);
    for (const d of [...vi, ...en]) {
      expect(d.rule === 'empty-value' || d.rule === 'unknown-kind').toBe(true);
      expect(d.message).not.toMatch(/null/i);
    }
    for (const d of vi) expect(d.message).toContain('để trống');
    for (const d of en) expect(d.message).toContain('left empty');
  });

  it('says what goes there, in both languages', () => {
    expect(at(vi, 3)).toEqual(["empty-value 'title' không được để trống: hãy viết nội dung sau dấu hai chấm."]);
    expect(at(en, 3)).toEqual(["empty-value 'title' must not be left empty: write its text after the colon."]);
    // The same words for title: "" as for title: with nothing after it.
    expect(at(en, 10)).toEqual(at(en, 3));
    expect(at(vi, 4)).toEqual(["empty-value 'signed' không được để trống: cần ngày (YYYY-MM-DD hoặc D/M/YYYY)."]);
    expect(at(en, 14)).toEqual(["empty-value 'due' must not be left empty: expected a date (YYYY-MM-DD or D/M/YYYY); or remove the line."]);
    expect(at(en, 11)[0]).toMatch(/^empty-value 'lead' must not be left empty: expected an id .*\.$/);
    expect(at(vi, 15)).toEqual(["empty-value 'status' không được để trống: dùng một trong planned, in-progress, done, cancelled; hoặc xóa dòng này."]);
    expect(at(en, 16)).toEqual(["empty-value 'articles' must not be left empty: write a number after the colon; or remove the line."]);
    expect(at(vi, 21)).toEqual(["empty-value 'offset' không được để trống: hãy viết một số nguyên sau dấu hai chấm; hoặc xóa dòng này."]);
    expect(at(en, 13)[0]).toMatch(/^empty-value An item of 'support' must not be left empty: expected an id .*; or remove the item\.$/);
    expect(at(vi, 'trong.yaml')).toEqual(['unknown-kind Loại hồ sơ (kind) không được để trống: dùng một trong config, parties, plan.']);
    expect(at(en, 'trong.yaml')).toEqual(['unknown-kind The kind must not be left empty: use one of config, parties, plan.']);
  });

  it('is written [] or {} when it is a list or mapping that may have nothing, or its line removed', () => {
    expect(at(vi, 'kh-2023.yaml')).toEqual(["empty-value 'tasks' đang để trống: hãy liệt kê các mục trong [ ], hoặc mỗi mục một dòng \"- \" thụt vào bên dưới; viết [] nếu không có gì; hoặc xóa dòng này."]);
    expect(at(en, 7)).toEqual(["empty-value 'contents' is left empty: list its items in [ ], or one \"- \" line each indented below it; write [] for none; or remove the line."]);
    expect(at(en, 22)).toEqual(["empty-value 'log' is left empty: write its key: value lines indented below it; write {} for none; or remove the line."]);
    expect(at(vi, 22)).toEqual(["empty-value 'log' đang để trống: hãy viết các dòng khóa: giá trị thụt vào bên dưới; viết {} nếu không có gì; hoặc xóa dòng này."]);
    // A plan's parties are required and need two: neither [] nor removing the line would do.
    expect(at(en, 6)).toEqual(["empty-value 'parties' must not be left empty: list its items in [ ], or one \"- \" line each indented below it (at least 2 are needed)."]);
  });

  it('gets the same diagnostics from the positions parser', () => {
    expect(validate('en', { PHOIHOP_PARSER: 'yaml' })).toEqual(en);
  });

  it('is not told to be {} when the mapping needs keys (a metric needs its label)', () => {
    const config = 'kind: config\nmetrics:\n  articles: { label: Tin bài }\n  participants:\n';
    const found = failingDiagnostics(minimalFolder({}, { 'phoihop.yaml': config }), 'en');
    expect(found.map((d) => `${d.line} ${d.rule} ${d.message}`)).toEqual([
      "4 empty-value 'participants' must not be left empty: write its key: value lines indented below it (label needed); or remove the line.",
    ]);
  });
});
