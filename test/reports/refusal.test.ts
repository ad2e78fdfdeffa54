/** Reports on a folder with errors refuse (exit 1); warnings go to stderr and the report goes on. */
import { describe, expect, it } from 'vitest';
import { shellWord } from '../../src/i18n/cli.js';
import { EXAMPLES, runCli } from '../helpers/cli.js';
import { minimalFolder } from '../helpers/folder.js';

const plan = (extra: string) =>
  ['kind: plan', 'id: a', 'title: Kế hoạch A', 'signed: 2022-01-01', 'period: 2022', 'parties: [bdv-tu, btg-tu]', 'tasks:', extra].join('\n') + '\n';

describe('a folder with errors', () => {
  const broken = minimalFolder({ 'a.yaml': plan('  - { id: t, title: T, lead: khong-co, due: 2022-03-01 }') });

  it.each([['status'], ['status', 'a'], ['deadlines'], ['summary'], ['deadlines', '--format', 'json']])('%j prints the diagnostics and exits 1', (...args) => {
    const r = runCli([...args, '-C', broken, '--as-of', '2022-03-01']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^plans\/a\.yaml:8:\d+: error \[(?:lead-not-in-plan|unknown-party)\]/m);
    expect(r.stderr).toContain('Hồ sơ có lỗi nên không lập báo cáo');
  });

  it('still exits 2 on a bad option it can check before reading', () => {
    expect(runCli(['summary', '-C', broken, '--period', '2022-Q5']).code).toBe(2);
    expect(runCli(['deadlines', '-C', broken, '--as-of', '30/2/2022']).code).toBe(2);
  });
});

describe('a folder with warnings', () => {
  it('prints them on stderr and the report on stdout', () => {
    const dir = minimalFolder({ 'a.yaml': plan('  - { id: t, title: T, lead: bdv-tu, due: 2023-03-01 }') });
    const r = runCli(['deadlines', '-C', dir, '--as-of', '2023-02-20', '--lang', 'en', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^plans\/a\.yaml:\d+:\d+: warning \[/m);
    expect(JSON.parse(r.stdout).items).toEqual([
      { plan: 'a', task: 't', occurrence: null, title: 'T', type: 'activity', due: '2023-03-01', daysLeft: 9, state: 'due-soon', lead: 'bdv-tu', support: [] },
    ]);
  });
});

describe('warnings with a past --as-of', () => {
  it('a report prints the later completions as warnings, the first 10 each on a line, then a count', () => {
    const benTre = EXAMPLES + 'ben-tre';
    const validate = runCli(['validate', '-C', benTre, '--as-of', '2017-10-20', '--format', 'json', '--lang', 'en']);
    const diagnostics = JSON.parse(validate.stdout).diagnostics as { rule: string }[];
    expect(new Set(diagnostics.map((d) => d.rule))).toEqual(new Set(['done-in-future']));
    expect(diagnostics.length).toBeGreaterThan(10);
    const report = runCli(['summary', '-C', benTre, '--period', 'Q3/2017', '--as-of', '2017-10-20', '--lang', 'en']);
    expect(report.code).toBe(0);
    expect(report.stdout).not.toBe('');
    const lines = report.stderr.trimEnd().split('\n');
    expect(lines.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => expect.stringMatching(/^plans\/.*: warning \[done-in-future\] /)));
    // The command that lists them all, with the folder and the day this report was given.
    expect(lines.slice(10)).toEqual([
      `phoihop: … and ${diagnostics.length - 10} more completions dated after the as-of date (not counted yet; phoihop validate -C ${shellWord(benTre)} --as-of 2017-10-20 lists them all).`,
    ]);
  });

  it('a report with a few prints them all', () => {
    const dir = minimalFolder({ 'a.yaml': plan('  - { id: t, title: T, lead: bdv-tu, due: 2022-03-01, status: done, done: 2022-03-05 }') });
    const r = runCli(['deadlines', '-C', dir, '--as-of', '2022-03-02', '--lang', 'en', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^plans\/a\.yaml:8:\d+: warning \[done-in-future\] Completion date 2022-03-05 is after the as-of date 2022-03-02/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).items).toEqual([
      { plan: 'a', task: 't', occurrence: null, title: 'T', type: 'activity', due: '2022-03-01', daysLeft: -1, state: 'overdue', lead: 'bdv-tu', support: [] },
    ]);
  });
});
