/**
 * `validate --changed [ref]`: only the record files added or modified
 * against a revision (staged, unstaged or untracked) are reported on, still
 * resolved against the whole folder, as a pre-commit hook would use it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { baseRecords, gitRepo, gitTestEnv } from '../helpers/git-repo.js';
import { PLAN_A, PLAN_B, PLAN_C } from './fixtures.js';

interface Report {
  files: number;
  errors: number;
  diagnostics: Array<{ file: string; rule: string }>;
}

const planB = PLAN_B.replace('parent: ctr-a\n', '');
const plan = (id: string, lead = 'hnb') => PLAN_C.replace('id: kh-c', `id: ${id}`).replace('lead: hnb', `lead: ${lead}`);

function validateChanged(cwd: string, ...args: string[]): { code: number; stderr: string; report: Report; reported: string[] } {
  const r = runCli(['validate', '--format', 'json', ...args], { cwd, env: gitTestEnv() });
  const report = r.stdout ? (JSON.parse(r.stdout) as Report) : { files: -1, errors: -1, diagnostics: [] };
  return { code: r.code, stderr: r.stderr, report, reported: report.diagnostics.map((d) => `${d.file} ${d.rule}`) };
}

describe('validate --changed', () => {
  const repo = gitRepo({
    ...baseRecords('records/'),
    'records/plans/a.yaml': plan('kh-a'),
    // Committed with an error that nobody touches: a hook on other files must not block on it.
    'records/plans/b.yaml': planB.replace('due: 2023-09-30', 'due: 31/2/2023'),
    'records/plans/d.yaml': plan('kh-d'),
    'records/plans/f.yaml': plan('kh-f'),
    'other/x.yaml': 'kind: plan\n',
  });
  const first = repo.commit('Khởi tạo hồ sơ');
  repo.write({ 'records/plans/g.yaml': plan('kh-g') });
  const second = repo.commit('Thêm kế hoạch g');
  const records = join(repo.root, 'records');

  // Staged edit with an error, untracked plan with an error, a rename, a deletion, and files that are not records.
  repo.write({ 'records/plans/a.yaml': plan('kh-a', 'mttq') });
  repo.git('add', 'records/plans/a.yaml');
  repo.write({ 'records/plans/c.yaml': plan('kh-c', 'ubmttq') });
  repo.write({ 'records/plans/2023/.keep': '' });
  repo.git('mv', 'records/plans/d.yaml', 'records/plans/2023/e.yaml');
  repo.remove('records/plans/f.yaml');
  repo.write({ 'records/.drafts/x.yaml': 'kind: plan\n', 'records/notes.txt': 'ghi chú\n', 'other/x.yaml': 'kind: nope\n' });

  it('reports on the changed record files only, against HEAD by default', () => {
    for (const args of [['--changed'], ['--changed', 'HEAD']]) {
      const r = validateChanged(repo.root, '-C', records, ...args);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      expect(r.report.files).toBe(3); // a (staged), c (untracked), 2023/e (renamed)
      expect(r.reported).toEqual(['plans/a.yaml unknown-party', 'plans/c.yaml unknown-party']);
    }
  });

  it('takes an older revision', () => {
    const r = validateChanged(repo.root, '-C', records, '--changed', first);
    expect(r.report.files).toBe(4); // g was added since
    expect(validateChanged(repo.root, '-C', records, '--changed', second).report.files).toBe(3);
  });

  it('resolves references against the whole folder, and passes once the changed files are fixed', () => {
    repo.write({ 'records/plans/a.yaml': plan('kh-a', 'bdv-tu').replace('[btg-tu, hnb]', '[btg-tu, hnb, bdv-tu]') });
    repo.write({ 'records/plans/c.yaml': plan('kh-c') });
    const r = validateChanged(repo.root, '-C', records, '--changed');
    expect(r).toMatchObject({ code: 0, reported: [], report: { files: 3, errors: 0 } });
    // The whole folder still has the old error in b.yaml.
    expect(validateChanged(repo.root, '-C', records).reported).toEqual(['plans/b.yaml invalid-date']);
  });

  it('narrows given paths to the changed ones', () => {
    const r = validateChanged(repo.root, '-C', records, '--changed', 'HEAD', 'records/plans/b.yaml', 'records/plans/c.yaml');
    expect(r.report.files).toBe(1);
    expect(r.code).toBe(0);
  });
});

describe('validate --changed in a repository with no commit yet', () => {
  it('counts every staged and untracked record file as changed', () => {
    const repo = gitRepo({ ...baseRecords(), 'plans/a.yaml': plan('kh-a') });
    repo.git('add', 'phoihop.yaml', 'parties.yaml');
    const r = validateChanged(repo.root, '--changed');
    expect(r).toMatchObject({ code: 0, stderr: '', report: { files: 3, errors: 0 } });
  });

  it('still refuses another unknown revision', () => {
    const repo = gitRepo({ ...baseRecords() });
    const r = runCli(['validate', '--changed', 'main~1', '--lang', 'en'], { cwd: repo.root, env: gitTestEnv() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown git revision 'main~1'");
  });
});

describe('a change that breaks references in files it does not touch', () => {
  /** A committed folder: ctr-a is kh-b's parent, and bao-chi (in parties.yaml) leads kh-c's task; plans/x.yaml has an old unknown party. */
  function folder() {
    const repo = gitRepo({
      ...baseRecords(),
      'parties.yaml': baseRecords()['parties.yaml'] + '  - { id: bao-chi, name: Báo tỉnh }\n',
      'plans/a.yaml': PLAN_A,
      'plans/b.yaml': PLAN_B,
      'plans/c.yaml': plan('kh-c').replace('[btg-tu, hnb]', '[btg-tu, hnb, bao-chi]').replace('lead: hnb', 'lead: bao-chi'),
      'plans/x.yaml': plan('kh-x', 'mttq'),
    });
    repo.commit('Hồ sơ');
    return repo;
  }

  it('--changed: a deleted parent plan fails the commit on the child that names it', () => {
    const repo = folder();
    repo.git('rm', '-q', 'plans/a.yaml');
    const r = validateChanged(repo.root, '--changed');
    expect(r.code).toBe(1);
    // Every reference broken between files is shown: the old unknown party of x.yaml too, for the deletion could have caused it.
    expect(r.reported).toEqual(['plans/b.yaml unknown-parent', 'plans/x.yaml unknown-party']);
    expect(r.report.files).toBe(2);
  });

  it('a parties file given or changed: a party taken out fails on the plan that uses it', () => {
    const repo = folder();
    repo.write({ 'parties.yaml': baseRecords()['parties.yaml'] });
    for (const args of [['parties.yaml'], ['--changed']]) {
      const r = validateChanged(repo.root, ...args);
      expect(r.code).toBe(1);
      expect(r.reported).toContain('plans/c.yaml unknown-party');
    }
  });

  it('a parent plan given or changed: a child whose period it no longer covers fails with it', () => {
    const repo = folder();
    repo.write({ 'plans/a.yaml': PLAN_A.replace('period: 2022..2026', 'period: 2022') });
    for (const args of [['plans/a.yaml'], ['--changed']]) {
      const r = validateChanged(repo.root, ...args);
      expect(r.code).toBe(1);
      // a.yaml's own warning (a task due after its new period), and its child's error.
      expect(r.reported).toEqual(['plans/a.yaml due-outside-period', 'plans/b.yaml period-outside-parent']);
    }
  });

  it('--changed: a parent plan whose id changed fails on the child that names the old one, as a deletion does', () => {
    const repo = folder();
    repo.write({ 'plans/a.yaml': PLAN_A.replace('id: ctr-a', 'id: ctr-a-moi') });
    const r = validateChanged(repo.root, '--changed');
    expect(r.code).toBe(1);
    expect(r.reported).toEqual(['plans/b.yaml unknown-parent', 'plans/x.yaml unknown-party']);
    // A quoted id, changed only in how it is written, is no rename.
    repo.write({ 'plans/a.yaml': PLAN_A.replace('id: ctr-a', 'id: "ctr-a"   # mã chương trình') });
    expect(validateChanged(repo.root, '--changed')).toMatchObject({ code: 0, reported: [] });
  });

  it('a deleted file that the ignore globs leave out breaks nothing: old mistakes elsewhere stay out of the report', () => {
    const repo = gitRepo({
      ...baseRecords(),
      'phoihop.yaml': baseRecords()['phoihop.yaml'] + 'ignore: ["docs/**"]\n',
      'docs/mkdocs.yml': 'site_name: Hồ sơ\n',
      'plans/x.yaml': plan('kh-x', 'mttq'),
    });
    repo.commit('Hồ sơ');
    repo.git('rm', '-q', 'docs/mkdocs.yml');
    expect(validateChanged(repo.root, '--changed')).toMatchObject({ code: 0, reported: [] });
  });

  it('a plan alone keeps to its own problems: an old broken reference elsewhere does not block it', () => {
    const repo = folder();
    repo.write({ 'plans/c.yaml': plan('kh-c').replace('title: Kế hoạch tuyên truyền năm 2022', 'title: Kế hoạch tuyên truyền năm 2022 (sửa)') });
    for (const args of [['plans/c.yaml'], ['--changed']]) expect(validateChanged(repo.root, ...args)).toMatchObject({ code: 0, reported: [] });
  });
});
