/**
 * Revisions and folders that try to be options, folders outside any
 * repository, and folder names that are not plain ASCII words.
 */
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/folder.js';
import { baseRecords, gitRepo, gitTestEnv } from '../helpers/git-repo.js';
import { PLAN_B, PLAN_C } from './fixtures.js';

const run = (cwd: string, ...args: string[]) => runCli(args, { cwd, env: gitTestEnv() });

describe('a revision that starts with -', () => {
  const repo = gitRepo({ ...baseRecords(), 'plans/kh-c.yaml': PLAN_C });
  repo.commit('Khởi tạo');
  const out = join(tempFolder(), 'out.txt');

  it.each([
    ['validate --rev=--output=…', ['validate', `--rev=--output=${out}`]],
    ['validate --rev --output=…', ['validate', '--rev', `--output=${out}`]],
    ['validate --rev -h', ['validate', '--rev', '-h']],
    ['diff -- --output=…', ['diff', '--', `--output=${out}`]],
    ['diff HEAD..--output=…', ['diff', `HEAD..--output=${out}`]],
    ['diff --output=…..HEAD', ['diff', '--', `--output=${out}..HEAD`]],
    ['validate --changed=--output=…', ['validate', `--changed=--output=${out}`]],
  ])('is refused before git sees it: %s', (_name, args) => {
    const r = run(repo.root, '--lang', 'en', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^phoihop: A git revision cannot start with '-': '-/);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves option-looking arguments to commander when not after --', () => {
    const r = run(repo.root, 'diff', `--output=${out}`);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a folder outside any git repository', () => {
  const dir = tempFolder({ ...baseRecords(), 'plans/kh-c.yaml': PLAN_C });

  it.each([
    ['validate --rev HEAD', ['validate', '--rev', 'HEAD']],
    ['validate --changed', ['validate', '--changed']],
    ['diff', ['diff']],
    ['diff HEAD~1..HEAD', ['diff', 'HEAD~1..HEAD']],
  ])('exits 2 with a clear message: %s', (_name, args) => {
    const r = run(dir, ...args, '-C', dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`phoihop: Thư mục hồ sơ không nằm trong một kho git: ${dir}\n`);
  });

  it('still validates its work tree without git', () => {
    expect(run(dir, 'validate').code).toBe(0);
  });
});

describe('a records folder whose name is not a plain word', () => {
  // A leading dash, Vietnamese letters, a space and glob brackets: none may be read as an option or a pattern.
  const folder = '-hồ sơ [2023]';
  const repo = gitRepo({
    ...baseRecords(`${folder}/`),
    [`${folder}/plans/kh-b.yaml`]: PLAN_B.replace('parent: ctr-a\n', ''),
    // `[2023]` as a glob would match this sibling, whose plan does not validate.
    '-hồ sơ 2/phoihop.yaml': 'kind: config\n',
    '-hồ sơ 2/plans/x.yaml': 'kind: plan\n',
  });
  const first = repo.commit('Hồ sơ năm 2023');
  repo.write({ [`${folder}/plans/kh-b.yaml`]: PLAN_B.replace('parent: ctr-a\n', '').replace('due: 2023-09-30', 'due: 2023-10-31') });
  const second = repo.commit('Lùi hạn hội thi');
  const dir = join(repo.root, folder);

  it('is read at a revision through -C', () => {
    const r = run(repo.root, 'validate', '-C', dir, '--rev', first, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 3, errors: 0 });
  });

  it('is found from inside it and diffed', () => {
    const r = run(join(dir, 'plans'), 'diff', `${first}..${second}`, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).changes).toEqual([
      { change: 'due-moved', plan: 'kh-b', task: 'hoi-thi', from: '2023-09-30', to: '2023-10-31', days: 31 },
    ]);
  });

  it('reports changed files relative to itself', () => {
    repo.write({ [`${folder}/plans/kh-c.yaml`]: PLAN_C.replace('lead: hnb', 'lead: mttq') });
    const r = run(repo.root, 'validate', '-C', dir, '--changed', '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.files).toBe(1);
    expect(report.diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`)).toEqual(['plans/kh-c.yaml unknown-party']);
  });
});

describe('diff usage', () => {
  const repo = gitRepo({ ...baseRecords(), 'plans/kh-c.yaml': PLAN_C });
  repo.commit('Khởi tạo');
  repo.git('branch', 'worktree');

  it.each([
    ['--rev', ['diff', '--rev', 'HEAD'], 'diff does not take --rev: give the revisions after diff, e.g. phoihop diff main..HEAD.'],
    ['A...B', ['diff', 'HEAD...main'], "diff does not take a three-dot range 'HEAD...main': write phoihop diff $(git merge-base HEAD main)..main"],
    ['A...B...C', ['diff', 'a...b...c'], "Invalid revision range: 'a...b...c' (use <rev> or <rev>..<rev>)."],
    ['..', ['diff', '..'], "Invalid revision range: '..' (use <rev> or <rev>..<rev>)."],
    // The examples are the repository's own branches (here main, and a branch called worktree).
    ['unknown revision', ['diff', 'HEAD..nope'], "Unknown git revision 'nope' (a commit, branch or tag, e.g. HEAD, HEAD~1, main, worktree)."],
    ['a tree, not a commit', ['diff', 'HEAD:plans..HEAD'], "'HEAD:plans' is a git object but not a commit (such as a folder HEAD:plans, or a file): give a commit, branch or tag, e.g. HEAD, HEAD~1, main, worktree."],
    ['a file, not a commit', ['diff', 'HEAD:parties.yaml'], "'HEAD:parties.yaml' is a git object but not a commit (such as a folder HEAD:plans, or a file): give a commit, branch or tag, e.g. HEAD, HEAD~1, main, worktree."],
    ['unknown format', ['diff', '--format', 'csv'], "Format 'csv' is not available for this command (choose: text, markdown, json)."],
  ])('refuses %s with exit 2', (_name, args, message) => {
    const r = run(repo.root, '--lang', 'en', ...args);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `phoihop: ${message}\n` });
  });

  it('reads a branch that happens to be called worktree from git, not from the work tree', () => {
    repo.write({ 'plans/kh-c.yaml': PLAN_C.replace('due: 2022-06-30', 'due: 2022-07-30') });
    expect(JSON.parse(run(repo.root, 'diff', 'worktree..HEAD', '--format', 'json').stdout).changes).toEqual([]);
    expect(JSON.parse(run(repo.root, 'diff', 'worktree', '--format', 'json').stdout).changes).toHaveLength(1);
  });

  it('takes an empty side as HEAD, as git does', () => {
    expect(JSON.parse(run(repo.root, 'diff', 'main..', '--format', 'json').stdout)).toEqual({ from: 'main', to: 'HEAD', changes: [] });
  });
});

describe('a symbolic link in the records folder', () => {
  it('is not followed out of the folder, at a revision as in the work tree', () => {
    const repo = gitRepo({ ...baseRecords('records/'), 'records/plans/kh-c.yaml': PLAN_C, 'ngoai.yaml': 'kind: plan\n' });
    symlinkSync('../../ngoai.yaml', join(repo.root, 'records/plans/lien-ket.yaml'));
    repo.commit('Thêm liên kết');
    expect(repo.git('ls-files', '-s', 'records/plans/lien-ket.yaml')).toMatch(/^120000 /);
    const records = join(repo.root, 'records');
    for (const args of [[], ['--rev', 'HEAD']]) {
      const r = run(repo.root, 'validate', '-C', records, '--format', 'json', ...args);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ files: 3, errors: 0 });
    }
  });
});
