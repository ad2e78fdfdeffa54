/**
 * One mistake, one message: a tab in the indentation, or a parties file that
 * cannot be read, is reported where it is, without the errors it would
 * otherwise set off in the lines after it or in every plan of the folder.
 */
import { describe, expect, it } from 'vitest';
import { diagnosticMessage } from '../../src/i18n/diagnostics.js';
import { parseRecordText } from '../../src/load/parse.js';
import { runCli } from '../helpers/cli.js';
import { minimalFolder } from '../helpers/folder.js';

const PLAN = [
  'kind: plan',
  'id: a',
  'title: Kế hoạch A',
  'signed: 2022-05-12',
  'period: 2022..2026',
  'parties: [bdv-tu, btg-tu]',
  'tasks:',
  '  - id: t1',
  '    title: Tuyên truyền',
  '    lead: bdv-tu',
  '    support: [btg-tu]',
  '  - id: t2',
  '    title: Giao ban',
  '    lead: btg-tu',
  '    due: 2026-01-01',
  '',
];

/** The plan with lines (0-based) re-indented by `indent`. */
function indented(lines: number[], indent: (line: string) => string): string {
  return PLAN.map((line, i) => (lines.includes(i) ? indent(line) : line)).join('\n');
}

const summary = (text: string) => parseRecordText('a.yaml', text).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.args.code ?? ''}`.trim());

describe('a tab in the indentation', () => {
  it('is the only error, not the well-indented lines after it', () => {
    // yaml alone also reports line 12 as a block used as a key (complex-key and BLOCK_AS_IMPLICIT_KEY).
    expect(summary(indented([9], (l) => l.replace(/^ {4}/, '\t')))).toEqual(['10:1 yaml-syntax TAB_AS_INDENT']);
  });

  it('is named as a tab when it follows spaces, at its own column', () => {
    // yaml calls this BAD_INDENT ("All mapping items must start at the same column").
    expect(summary(indented([9], (l) => l.replace(/^ {4}/, '  \t')))).toEqual(['10:3 yaml-syntax TAB_AS_INDENT']);
  });

  it('gives one error a tab-indented line and no duplicate key made by the shift', () => {
    const tabs = indented([8, 9, 10, 11, 12], (l) => l.replace(/^ {4}/, '\t\t').replace(/^ {2}/, '\t'));
    expect(summary(tabs)).toEqual(['9:1 yaml-syntax TAB_AS_INDENT', '10:1 yaml-syntax TAB_AS_INDENT', '11:1 yaml-syntax TAB_AS_INDENT', '12:1 yaml-syntax TAB_AS_INDENT', '13:1 yaml-syntax TAB_AS_INDENT']);
  });

  it('leaves other syntax errors as they were when no line is indented with a tab', () => {
    expect(summary(PLAN.join('\n').replace('title: Giao ban', 'title: "Giao ban'))).toEqual(['13:12 yaml-syntax MISSING_CHAR']);
  });

  it('inside a block scalar is text, not an error', () => {
    const text = PLAN.join('\n') + 'note: |\n  \tthụt vào bằng tab\n';
    expect(summary(text)).toEqual([]);
  });
});

describe('a key indented wrong, or a bracket left open', () => {
  /** Each diagnostic as `line:column rule: English message`, and the Vietnamese messages. */
  const read = (text: string) => {
    const found = parseRecordText('a.yaml', text).diagnostics;
    return { en: found.map((d) => `${d.line}:${d.column} ${d.rule}: ${diagnosticMessage(d, 'en')}`), vi: found.map((d) => diagnosticMessage(d, 'vi')) };
  };
  const deeper = 'this line is indented deeper than the key above it, so it reads as the rest of that value (indent it as its sibling keys)';

  it('deeper than the key above: at the deeper line, not at the value above it that yaml names', () => {
    // yaml reads `a` and ` title` as one value followed by a colon, and says so at line 2.
    const top = read(PLAN.map((line, i) => (i === 2 ? ' ' + line : line)).join('\n'));
    expect(top.en).toEqual([`3:2 yaml-syntax: YAML syntax error: ${deeper}. Check the indentation, colons and quotes on this line.`]);
    expect(top.vi[0]).toContain('thụt lề sâu hơn khóa ở dòng trên');
    expect(read(indented([9], (l) => '  ' + l)).en).toEqual([`10:7 yaml-syntax: YAML syntax error: ${deeper}. Check the indentation, colons and quotes on this line.`]);
  });

  it('shallower than the keys of its list item: named as such, not as a missing bracket or quote', () => {
    const r = read(indented([9], (l) => l.slice(1)));
    // One message: the line after it, now deeper than it, is not reported again as indented too deep.
    expect(r.en).toHaveLength(1);
    expect(r.en[0]).toBe(
      '10:1 yaml-syntax: YAML syntax error: this line is indented less than the keys of the item above it, or lacks the - of a list item (indent it as its sibling keys). Check the indentation, colons and quotes on this line.',
    );
    expect(r.vi[0]).toContain('thụt lề ít hơn các khóa của mục ở trên');
    expect(r.vi[0]).not.toContain('ngoặc');
  });

  it('a [ or { never closed: at the bracket, named as such, not as indentation', () => {
    for (const [open, close] of [['[', ']'], ['{', '}']]) {
      const text = PLAN.join('\n').replace('support: [btg-tu]', `support: ${open}btg-tu`);
      const r = read(text);
      expect(r.en).toEqual([`11:14 yaml-syntax: YAML syntax error: the bracket opened here is not closed with ${close}. Check the indentation, colons and quotes on this line.`]);
      expect(r.vi).toEqual([`Lỗi cú pháp YAML: ngoặc mở ở đây chưa được đóng bằng ${close}. Kiểm tra thụt lề, dấu hai chấm và dấu nháy ở dòng này.`]);
    }
  });

  it('a colon inside a one-line value keeps its own advice: quote the value', () => {
    const r = read(PLAN.join('\n').replace('title: Giao ban', 'title: Giao ban: quý'));
    expect(r.en).toEqual(['13:12 yaml-syntax: YAML syntax error: Nested mappings are not allowed in compact mappings. Check the indentation, colons and quotes on this line.']);
    expect(r.vi[0]).toContain('hãy đặt cả nội dung trong dấu nháy');
  });
});

describe('a parties file that cannot be used', () => {
  const plan = PLAN.join('\n');
  const partiesLines = ['kind: parties', 'parties:', '  - id: bdv-tu', '    name: Ban Dân vận Tỉnh ủy', '  - { id: btg-tu, name: Ban Tuyên giáo Tỉnh ủy }', ''];

  it('with a tab: its own error only, no unknown-party in the plans', () => {
    const dir = minimalFolder({ 'a.yaml': plan }, { 'parties.yaml': partiesLines.join('\n').replace('    name: Ban Dân', '\tname: Ban Dân') });
    const r = runCli(['validate', '-C', dir, '--lang', 'en']);
    expect(r.stdout).toBe('parties.yaml:4:1: error [yaml-syntax] YAML syntax error: Tabs are not allowed as indentation. Check the indentation, colons and quotes on this line.\n1 error, 0 warnings in 3 files.\n');
    expect(r.code).toBe(1);
  });

  it('saved as UTF-16: named as such, and no unknown-party in the plans', () => {
    const text = partiesLines.join('\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const dir = minimalFolder({ 'a.yaml': plan }, { 'parties.yaml': utf16 as unknown as string });
    const r = runCli(['validate', '-C', dir]);
    expect(r.stdout).toBe('parties.yaml:1:1: error [invalid-utf8] Tệp được lưu ở mã UTF-16 (trong Notepad là "Unicode"), không phải UTF-8: hãy lưu lại tệp với mã hóa UTF-8.\n1 lỗi, 0 cảnh báo trong 3 tệp.\n');
  });

  it('saved as UTF-32 (LE or BE, with its byte order mark): named as UTF-32, at 1:1, and no unknown-party in the plans', () => {
    const text = partiesLines.join('\n');
    const le = Buffer.alloc(4 * (text.length + 1));
    const be = Buffer.alloc(4 * (text.length + 1));
    [0xfeff, ...[...text].map((c) => c.codePointAt(0)!)].forEach((code, i) => {
      le.writeUInt32LE(code, 4 * i);
      be.writeUInt32BE(code, 4 * i);
    });
    for (const bytes of [le, be]) {
      const dir = minimalFolder({ 'a.yaml': plan }, { 'parties.yaml': bytes as unknown as string });
      const vi = runCli(['validate', '-C', dir]);
      expect(vi).toEqual({ code: 1, stderr: '', stdout: 'parties.yaml:1:1: error [invalid-utf8] Tệp được lưu ở mã UTF-32, không phải UTF-8: hãy lưu lại tệp với mã hóa UTF-8.\n1 lỗi, 0 cảnh báo trong 3 tệp.\n' });
      const en = runCli(['validate', '-C', dir, '--lang', 'en']);
      expect(en.stdout).toBe('parties.yaml:1:1: error [invalid-utf8] The file is saved as UTF-32, not UTF-8: save it again with the UTF-8 encoding.\n1 error, 0 warnings in 3 files.\n');
    }
  });

  it('still lets a party it does not declare be unknown', () => {
    const dir = minimalFolder({ 'a.yaml': plan.replace('lead: btg-tu', 'lead: hnd-tinh').replace('parties: [bdv-tu, btg-tu]', 'parties: [bdv-tu, btg-tu, hnd-tinh]') }, {
      'parties.yaml': partiesLines.join('\n').replace('    name: Ban Dân', '\tname: Ban Dân'),
    });
    const r = runCli(['validate', '-C', dir, '--format', 'json']);
    const rules = JSON.parse(r.stdout).diagnostics.map((d: { file: string; line: number; rule: string }) => `${d.file}:${d.line} ${d.rule}`);
    expect(rules).toEqual(['parties.yaml:4 yaml-syntax', 'plans/a.yaml:6 unknown-party', 'plans/a.yaml:14 unknown-party']);
  });

  it('in cp1258 (stray bytes): the ids it spells in ASCII still count', () => {
    const bytes = Buffer.from(partiesLines.join('\n').replace('Ban Dân vận', 'Ban D\u00e2n'), 'latin1');
    const dir = minimalFolder({ 'a.yaml': plan }, { 'parties.yaml': bytes as unknown as string });
    const r = runCli(['validate', '-C', dir, '--format', 'json']);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['invalid-utf8']);
  });
});

describe('an unknown party id one typo away', () => {
  it('is suggested', () => {
    const dir = minimalFolder({ 'a.yaml': PLAN.join('\n').replace('lead: bdv-tu', 'lead: bdv-ut') });
    const r = runCli(['validate', '-C', dir, '--lang', 'en']);
    expect(r.stdout).toContain("plans/a.yaml:10:11: error [unknown-party] No party has the id 'bdv-ut': did you mean 'bdv-tu'?\n");
    const far = runCli(['validate', '-C', minimalFolder({ 'a.yaml': PLAN.join('\n').replace('lead: bdv-tu', 'lead: hoi-nong-dan') })]);
    expect(far.stdout).toContain("Không có cơ quan mã 'hoi-nong-dan': hãy khai báo trong parties.yaml hoặc sửa lại mã.");
  });
});

describe('a value of the wrong type where the schema lists the allowed values', () => {
  it('is one error, the list, not the list and the type besides', () => {
    const dir = minimalFolder(
      { 'a.yaml': PLAN.join('\n').replace('    title: Giao ban', '    title: Giao ban\n    type: [briefing]') },
      { 'phoihop.yaml': 'kind: config\nlocale: [en]\n' },
    );
    const r = runCli(['validate', '-C', dir, '--format', 'json']);
    const found = JSON.parse(r.stdout).diagnostics.map((d: { file: string; line: number; rule: string }) => `${d.file}:${d.line} ${d.rule}`);
    expect(found).toEqual(['phoihop.yaml:2 invalid-value', 'plans/a.yaml:14 invalid-value']);
    expect(r.code).toBe(1);
  });

  it('keeps the type error where no list applies', () => {
    const dir = minimalFolder({ 'a.yaml': PLAN.join('\n').replace('title: Giao ban', 'title: [Giao ban]') });
    const r = runCli(['validate', '-C', dir, '--format', 'json']);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['wrong-type']);
  });
});

describe('a key or an id written twice', () => {
  it('says on which line the first one is, in both languages', () => {
    const twice = PLAN.join('\n').replace('    lead: btg-tu\n', '    lead: btg-tu\n    title: Giao ban quý\n').replace('  - id: t2', '  - id: t1');
    const dir = minimalFolder({ 'a.yaml': twice });
    // The repeated key hides the plan's semantic errors (the file cannot be read), so the id is checked apart.
    expect(runCli(['validate', '-C', dir]).stdout).toContain("plans/a.yaml:15:5: error [duplicate-key] Khóa 'title' xuất hiện hai lần trong cùng một ánh xạ (lần đầu ở dòng 13): ");
    const ids = minimalFolder({ 'a.yaml': PLAN.join('\n').replace('  - id: t2', '  - id: t1') });
    expect(runCli(['validate', '-C', ids, '--lang', 'en']).stdout).toContain("plans/a.yaml:12:9: error [duplicate-task-id] Task id 't1' is used twice in this plan (first on line 8): rename one of them.");
  });
});
