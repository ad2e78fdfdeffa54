/**
 * YAML's `.nan` and `.inf` where a number goes: one `not-a-number` at the
 * value, in place of the bounds and type it breaks all at once.
 */
import { describe, expect, it } from 'vitest';
import { diagnosticMessage } from '../../src/i18n/diagnostics.js';
import { parseDate } from '../../src/model/dates.js';
import { MINIMAL_CONFIG, MINIMAL_PARTIES, memorySource, validateSource } from '../helpers/edits.js';

const AS_OF = (parseDate('2026-11-22') as { day: number }).day;

const plan = (lines: string[]) =>
  ['kind: plan', 'id: p', 'title: Kế hoạch', 'signed: 2022-05-12', 'period: 2022..2026', 'parties: [bdv-tu, btg-tu]', ...lines, ''].join('\n');

/** A folder with one plan (and a config of its own, if given): its diagnostics as `file:line:column rule`, and as they read. */
async function check(planText: string, config = MINIMAL_CONFIG) {
  const v = await validateSource(memorySource({ 'phoihop.yaml': config, 'parties.yaml': MINIMAL_PARTIES, 'plans/p.yaml': planText }), AS_OF);
  return {
    found: v.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`),
    en: v.diagnostics.map((d) => diagnosticMessage(d, 'en')),
    vi: v.diagnostics.map((d) => diagnosticMessage(d, 'vi')),
  };
}

const recurring = (field: string) => ['tasks:', '  - id: gb', '    title: Giao ban', '    lead: bdv-tu', '    every: quarter', `    ${field}`];

describe('a number field holding .nan or .inf', () => {
  it('period: .nan is one error saying it is not a number, not "≤ 9999" and "≥ 1"', async () => {
    const r = await check(plan([]).replace('period: 2022..2026', 'period: .nan'));
    expect(r.found).toEqual(['plans/p.yaml:5:9 not-a-number']);
    expect(r.en).toEqual([
      `'period' = .nan is not a number (YAML reads .nan as "not a number"): expected a period (2022, 2022-H1, 2022-Q3, 2022-05, 2022-05-12 or a range 2022..2026).`,
    ]);
    expect(r.vi).toEqual([
      `'period' = .nan không phải là một số (YAML hiểu .nan là "không phải số"): cần kỳ (2022, 2022-H1, 2022-Q3, 2022-05, 2022-05-12 hoặc khoảng 2022..2026).`,
    ]);
  });

  it('day: .nan is one error, not two bounds and a wrong type', async () => {
    const r = await check(plan(recurring('day: .nan')));
    expect(r.found).toEqual(['plans/p.yaml:12:10 not-a-number']);
    expect(r.en).toEqual([`'day' = .nan is not a number (YAML reads .nan as "not a number"): write a whole number.`]);
    expect(r.vi).toEqual([`'day' = .nan không phải là một số (YAML hiểu .nan là "không phải số"): hãy viết một số nguyên.`]);
  });

  it('offset: -.inf, which breaks one bound only, is named as infinite too', async () => {
    const r = await check(plan(recurring('offset: -.INF')));
    expect(r.found).toEqual(['plans/p.yaml:12:13 not-a-number']);
    expect(r.en).toEqual([`'offset' = -.inf is not a finite number (YAML reads -.inf as minus infinity): write a whole number.`]);
    expect(r.vi).toEqual([`'offset' = -.inf không phải là một số hữu hạn (YAML hiểu -.inf là âm vô cực): hãy viết một số nguyên.`]);
  });

  it('a result of .nan or .inf, on a task or a log entry, is one error each', async () => {
    const r = await check(
      plan([
        'tasks:',
        '  - { id: a, title: A, lead: bdv-tu, status: done, done: 2022-10-01, results: { articles: .nan, participants: 3 } }',
        ...recurring('log:').slice(1),
        '      2022-Q3: { done: 2022-10-01, results: { articles: .inf } }',
      ]),
    );
    expect(r.found).toEqual(['plans/p.yaml:8:91 not-a-number', 'plans/p.yaml:14:57 not-a-number']);
    expect(r.en).toEqual([
      `'articles' = .nan is not a number (YAML reads .nan as "not a number"): write a number.`,
      `'articles' = .inf is not a finite number (YAML reads .inf as infinity): write a number.`,
    ]);
  });

  it('soon: .nan is one error; soon: .inf, which the schema let through, is one too', async () => {
    for (const [value, rest] of [
      ['.nan', 'is not a number (YAML reads .nan as "not a number")'],
      ['.inf', 'is not a finite number (YAML reads .inf as infinity)'],
    ]) {
      const r = await check(plan([]), `kind: config\nsoon: ${value}\n`);
      expect(r.found).toEqual(['phoihop.yaml:2:7 not-a-number']);
      expect(r.en).toEqual([`'soon' = ${value} ${rest}: write a whole number.`]);
    }
  });
});

describe('a number with too many digits, which YAML reads as infinity', () => {
  it('is quoted as written and called too large, not a .inf the file never had', async () => {
    const nines = '9'.repeat(400);
    const r = await check(
      plan(['tasks:', '  - { id: a, title: A, lead: bdv-tu, status: done, done: 2022-10-01, results: { articles: 1e400 } }']).replace('period: 2022..2026', 'period: -1e309'),
      `kind: config\nsoon: ${nines}\n`,
    );
    expect(r.found).toEqual(['phoihop.yaml:2:7 not-a-number', 'plans/p.yaml:5:9 not-a-number', 'plans/p.yaml:8:91 not-a-number']);
    expect(r.en).toEqual([
      `'soon' = ${nines.slice(0, 57)}… is too large: YAML reads it as infinity, not as a finite number: write a whole number.`,
      `'period' = -1e309 is too large: YAML reads it as infinity, not as a finite number: expected a period (2022, 2022-H1, 2022-Q3, 2022-05, 2022-05-12 or a range 2022..2026).`,
      `'articles' = 1e400 is too large: YAML reads it as infinity, not as a finite number: write a number.`,
    ]);
    expect(r.vi[2]).toBe(`'articles' = 1e400 quá lớn, YAML hiểu là vô cực chứ không phải một số hữu hạn: hãy viết một số.`);
  });
});

describe('a number where text goes', () => {
  it('is quoted as written in the hint, leading zeros and all, so that following it keeps the text', async () => {
    const r = await check(
      plan([
        'tasks:',
        '  - { id: a, title: A, lead: bdv-tu, status: done, done: 2022-10-01, evidence: 0045 }',
        '  - id: b',
        '    title: +12',
        '    lead: bdv-tu',
        '    note: 0x1F   # a comment after it',
        '  - { id: c, title: C, lead: bdv-tu, note: 1.50e3}',
      ]),
    );
    expect(r.found).toEqual(['plans/p.yaml:8:80 wrong-type', 'plans/p.yaml:10:12 wrong-type', 'plans/p.yaml:12:11 wrong-type', 'plans/p.yaml:13:44 wrong-type']);
    expect(r.en).toEqual([
      `'evidence' must be text, not 0045: put it in quotes: '0045'.`,
      `'title' must be text, not +12: put it in quotes: '+12'.`,
      `'note' must be text, not 0x1F: put it in quotes: '0x1F'.`,
      `'note' must be text, not 1.50e3: put it in quotes: '1.50e3'.`,
    ]);
  });
});

describe('.nan or .inf where no number goes', () => {
  it('in a text field is a wrong type, quoted as written, with the quote hint', async () => {
    const r = await check(plan([]).replace('title: Kế hoạch', 'title: .nan'));
    expect(r.found).toEqual(['plans/p.yaml:3:8 wrong-type']);
    expect(r.en).toEqual([`'title' must be text, not .nan: put it in quotes: '.nan'.`]);
  });

  it('in an id or a date is a format error; under an unknown field, only the field is wrong', async () => {
    const r = await check(plan(['tasks:', '  - { id: .inf, title: A, lead: bdv-tu, due: .nan, count: .nan }']));
    expect(r.found).toEqual(['plans/p.yaml:8:11 invalid-format', 'plans/p.yaml:8:46 invalid-format', 'plans/p.yaml:8:52 unknown-field']);
    expect(r.en[0]).toMatch(/^'id' = \.inf is not well formed: expected an id/);
    expect(r.en[1]).toMatch(/^'due' = \.nan is not well formed: expected a date/);
  });
});
