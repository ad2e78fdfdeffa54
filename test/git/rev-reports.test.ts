/**
 * `--rev` reaches every report: status, deadlines and summary computed from
 * the records as they were at a revision, while the work tree says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { baseRecords, gitRepo, gitTestEnv } from '../helpers/git-repo.js';

const plan = (briefingLog: string) =>
  [
    'kind: plan',
    'id: ptg-2026',
    'type: program',
    'title: Chương trình phối hợp năm 2026',
    'signed: 2026-01-05',
    'period: 2026',
    'parties: [bdv-tu, btg-tu]',
    'tasks:',
    '  - id: giao-ban-quy',
    '    title: Giao ban quý',
    '    type: briefing',
    '    lead: bdv-tu',
    '    every: quarter',
    '    offset: 15',
    briefingLog,
    '',
  ].join('\n');

describe('--rev with the reports', () => {
  // Commit 1: nothing logged. Commit 2: Q1 and Q2 briefings logged. Work tree: Q3 logged too (uncommitted).
  const repo = gitRepo({ ...baseRecords('records/'), 'records/plans/ptg.yaml': plan('    log: {}') });
  const first = repo.commit('Kế hoạch năm 2026');
  repo.write({ 'records/plans/ptg.yaml': plan('    log:\n      2026-Q1: 2026-04-10\n      2026-Q2: 2026-07-10') });
  repo.commit('Ghi nhận giao ban quý I, quý II');
  repo.write({ 'records/plans/ptg.yaml': plan('    log:\n      2026-Q1: 2026-04-10\n      2026-Q2: 2026-07-10\n      2026-Q3: 2026-10-12') });
  const dir = `${repo.root}/records`;
  const run = (...args: string[]) => runCli(['-C', dir, '--as-of', '2026-11-22', ...args], { env: gitTestEnv() });

  it('status counts what was done at each revision', () => {
    const done = (args: string[]) => JSON.parse(run('status', '--format', 'json', ...args).stdout).plans[0].items.done;
    expect(done([])).toBe(3);
    expect(done(['--rev', 'HEAD'])).toBe(2);
    expect(done(['--rev', first])).toBe(0);
    expect(done(['--rev', 'HEAD~1'])).toBe(0);
  });

  it('deadlines lists the overdue briefings of an older revision', () => {
    const items = (args: string[]) =>
      JSON.parse(run('deadlines', '--format', 'json', ...args).stdout).items.map((i: { occurrence: string; state: string }) => `${i.occurrence}:${i.state}`);
    expect(items([])).toEqual([]);
    expect(items(['--rev', 'HEAD'])).toEqual(['2026-Q3:overdue']);
    expect(items(['--rev', first])).toEqual(['2026-Q1:overdue', '2026-Q2:overdue', '2026-Q3:overdue']);
  });

  it('summary of a quarter reads the revision', () => {
    const summary = (args: string[]) => JSON.parse(run('summary', '--period', '2026-Q3', '--format', 'json', ...args).stdout);
    // The Q2 briefing was held on 10/7, inside Q3; the Q3 one on 12/10, inside Q4.
    expect(summary([]).completed).toBe(1);
    expect(summary(['--rev', 'HEAD']).completed).toBe(1);
    expect(summary(['--rev', first]).completed).toBe(0);
    expect(summary(['--period', '2026-Q4']).completed).toBe(1);
    expect(summary(['--period', '2026-Q4', '--rev', 'HEAD']).completed).toBe(0);
  });

  it('speaks the language of the revision’s config, as it uses its window and zone (--lang still decides)', () => {
    const en = gitRepo({ ...baseRecords('records/', 'en'), 'records/plans/ptg.yaml': plan('    log: {}') });
    en.commit('Kế hoạch năm 2026, config in English');
    // Uncommitted: the config now says Vietnamese and a 60-day window.
    en.write({ 'records/phoihop.yaml': 'kind: config\ntitle: Ban Dân vận Tỉnh ủy\nlocale: vi\nsoon: 60\n' });
    const at = (...args: string[]) => runCli(['-C', `${en.root}/records`, '--as-of', '2026-11-22', 'deadlines', ...args], { env: gitTestEnv() }).stdout;
    // The organisation (the config's title) heads every report, the report's own title under it.
    expect(at()).toMatch(/^Ban Dân vận Tỉnh ủy\nNhiệm vụ quá hạn và sắp đến hạn \(trong 60 ngày tới\)\n/);
    expect(at('--rev', 'HEAD')).toMatch(/^Ban Dân vận Tỉnh ủy\nOverdue items and items due in the next 14 days\n/);
    expect(at('--rev', 'HEAD', '--lang', 'vi')).toMatch(/^Ban Dân vận Tỉnh ủy\nNhiệm vụ quá hạn và sắp đến hạn \(trong 14 ngày tới\)\n/);
    const validate = runCli(['-C', `${en.root}/records`, 'validate', '--rev', 'HEAD'], { env: gitTestEnv() });
    expect(validate.stdout).toBe('0 errors, 0 warnings in 3 files.\n');
  });

  it('leaves the work tree and index untouched, and refuses an unknown revision with exit 2', () => {
    const before = repo.snapshot();
    run('status', '--rev', 'HEAD');
    const bad = run('deadlines', '--rev', 'no-such-branch');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no-such-branch/);
    expect(repo.snapshot()).toEqual(before);
  });
});
