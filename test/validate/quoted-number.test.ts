/**
 * Text where a number goes (`articles: "10"`) is shown as text, quotes and
 * all, so that the message does not say that 10 is not a number; when the
 * quotes are all that is wrong, it says to remove them.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { minimalFolder } from '../helpers/folder.js';

const PLAN = [
  'kind: plan', //                                     1
  'id: kh-2022', //                                    2
  'title: Kế hoạch 2022', //                           3
  'signed: 2022-01-05', //                             4
  'period: 2022', //                                   5
  'parties: [bdv-tu, btg-tu]', //                      6
  'tasks:', //                                         7
  '  - id: bao-cao', //                                8
  '    title: Báo cáo', //                             9
  '    lead: bdv-tu', //                              10
  '    status: done', //                              11
  '    done: 2022-12-01', //                          12
  '    results: { articles: "10", events: nhiều }', // 13
  '  - id: giao-ban', //                              14
  '    title: Giao ban', //                           15
  '    lead: bdv-tu', //                              16
  '    every: quarter', //                            17
  "    offset: '1.5'", //                             18
  '',
].join('\n');

function validate(lang: 'vi' | 'en', env: Record<string, string> = {}) {
  const run = runCli(['validate', '--lang', lang], { cwd: minimalFolder({ 'kh-2022.yaml': PLAN }), env });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  return run.stdout.split('\n').filter((line) => line.startsWith('plans/'));
}

describe('text where a number goes', () => {
  it('is shown as text, with a hint to remove the quotes when it reads as the number wanted', () => {
    expect(validate('vi')).toEqual([
      `plans/kh-2022.yaml:13:26: error [wrong-type] 'articles' phải là một số, không phải chữ "10": hãy bỏ dấu nháy: 10.`,
      `plans/kh-2022.yaml:13:40: error [wrong-type] 'events' phải là một số, không phải chữ "nhiều".`,
      // 1.5 is no whole number: removing the quotes would not do.
      `plans/kh-2022.yaml:18:13: error [wrong-type] 'offset' phải là một số nguyên, không phải chữ "1.5".`,
    ]);
    expect(validate('en')).toEqual([
      `plans/kh-2022.yaml:13:26: error [wrong-type] 'articles' must be a number, not the text "10": remove the quotes: 10.`,
      `plans/kh-2022.yaml:13:40: error [wrong-type] 'events' must be a number, not the text "nhiều".`,
      `plans/kh-2022.yaml:18:13: error [wrong-type] 'offset' must be a whole number, not the text "1.5".`,
    ]);
  });

  it('gets the same diagnostics from the positions parser', () => {
    expect(validate('en', { PHOIHOP_PARSER: 'yaml' })).toEqual(validate('en'));
  });
});
