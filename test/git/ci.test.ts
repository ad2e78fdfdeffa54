/**
 * The CI recipes as shipped: the pre-commit hooks, the GitHub Actions
 * workflow and the GitLab CI job are read from their files and their
 * commands run, as the CI service would run them, against real repositories
 * (only the step that installs phoihop from a registry is left out: `phoihop`
 * on the PATH is the built CLI).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, REPO_ROOT, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/folder.js';
import { baseRecords, type GitRepo, gitRepo, gitTestEnv } from '../helpers/git-repo.js';
import { PLAN_A, PLAN_B } from './fixtures.js';

const planB = PLAN_B.replace('parent: ctr-a\n', '');
const brokenB = planB.replace('lead: hnb', 'lead: mttq');
const movedB = planB.replace('due: 2023-09-30', 'due: 2023-10-31');

/** A folder with a `phoihop` command that runs the built CLI, to put first on the PATH. */
function phoihopOnPath(): string {
  const bin = tempFolder();
  const shim = join(bin, 'phoihop');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(shim, 0o755);
  return bin;
}

const PATH_WITH_PHOIHOP = `${phoihopOnPath()}:${process.env.PATH}`;

function shell(script: string, cwd: string, env: Record<string, string>): { code: number; stdout: string; stderr: string } {
  // GitHub runs `run:` with `bash -e -o pipefail`; GitLab stops at the first failing line, like `-e`.
  const r = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', script], {
    cwd,
    env: { ...cleanEnv(), ...env, PATH: PATH_WITH_PHOIHOP },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function cleanEnv(): Record<string, string> {
  const env: Record<string, string | undefined> = { ...process.env, ...gitTestEnv() };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as Record<string, string>;
}

/**
 * A records repository at the root, as `phoihop init` makes it, with the CI
 * files it would hold: those dot-files are YAML, but never records.
 */
function recordsRepo(plan = planB): GitRepo {
  const base = baseRecords();
  const repo = gitRepo({
    ...base,
    'plans/kh-b.yaml': plan,
    '.pre-commit-config.yaml': 'repos: []\n',
    '.gitlab-ci.yml': readFileSync(join(REPO_ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8'),
    '.github/workflows/phoihop.yml': readFileSync(join(REPO_ROOT, 'examples/ci/github-actions.yml'), 'utf8'),
  });
  repo.commit('Khởi tạo hồ sơ');
  return repo;
}

/** A clone of `origin` on a pull request branch holding `plan`, as a CI runner checks it out. */
function pullRequestClone(origin: GitRepo, plan: string): string {
  const dir = tempFolder();
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, env: cleanEnv(), encoding: 'utf8' });
  expect(git('clone', '-q', origin.root, '.').status).toBe(0);
  git('checkout', '-q', '-b', 'cap-nhat-ke-hoach');
  writeFileSync(join(dir, 'plans/kh-b.yaml'), plan);
  git('commit', '-q', '-am', 'Cập nhật kế hoạch năm 2023');
  return dir;
}

interface Hook {
  id: string;
  entry: string;
  language: string;
  files?: string;
  exclude?: string;
  pass_filenames: boolean;
  always_run?: boolean;
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

  it('offers phoihop-validate as a node hook over YAML files', () => {
    expect(hooks.map((h) => h.id)).toEqual(['phoihop-validate', 'phoihop-validate-changed']);
    for (const hook of hooks) {
      expect(hook.language).toBe('node');
      expect(hook.entry.split(' ')[0]).toBe('phoihop');
    }
  });

  /**
   * Runs a hook as pre-commit does: `entry`, then the staged files (deleted ones left out) that match
   * `files` and not `exclude`; skipped (undefined) when none does, unless `always_run`.
   */
  function runHook(hook: Hook, cwd: string) {
    const staged = spawnSync('git', ['diff', '--cached', '--name-only', '--diff-filter=d', '-z'], { cwd, env: cleanEnv(), encoding: 'utf8' })
      .stdout.split('\0')
      .filter((f) => f && new RegExp(hook.files ?? '').test(f) && !(hook.exclude && new RegExp(hook.exclude).test(f)));
    if (staged.length === 0 && !hook.always_run) return undefined;
    const [command, ...args] = hook.entry.split(' ');
    expect(command).toBe('phoihop');
    return runCli([...args, ...(hook.pass_filenames ? staged : [])], { cwd, env: gitTestEnv() });
  }

  it.each(['phoihop-validate', 'phoihop-validate-changed'])('%s passes a good commit and stops a bad one', (id) => {
    const hook = hooks.find((h) => h.id === id)!;
    const repo = recordsRepo();
    repo.write({ 'plans/kh-b.yaml': movedB, '.pre-commit-config.yaml': 'repos:\n  - repo: local\n' });
    repo.git('add', '-A');
    const good = runHook(hook, repo.root)!;
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    // The edited .pre-commit-config.yaml is YAML but a dot-file, so neither hook counts it.
    expect(good.stdout).toBe('0 lỗi, 0 cảnh báo trong 1 tệp.\n');

    repo.write({ 'plans/kh-b.yaml': brokenB });
    repo.git('add', '-A');
    const bad = runHook(hook, repo.root)!;
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^plans\/kh-b\.yaml:\d+:\d+: error \[unknown-party\] /);
  });

  it('phoihop-validate-changed stops a commit that only deletes the plan another names as its parent', () => {
    const repo = recordsRepo(PLAN_B);
    repo.write({ 'plans/ctr-a.yaml': PLAN_A });
    repo.commit('Chương trình và kế hoạch năm 2023');
    repo.git('rm', '-q', 'plans/ctr-a.yaml');
    // The staged-files hook has no file to run on: pre-commit skips it.
    expect(runHook(hooks.find((h) => h.id === 'phoihop-validate')!, repo.root)).toBeUndefined();
    const changed = runHook(hooks.find((h) => h.id === 'phoihop-validate-changed')!, repo.root)!;
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/^plans\/kh-b\.yaml:\d+:\d+: error \[unknown-parent\] /);
  });
});

interface Step {
  name?: string;
  uses?: string;
  with?: Record<string, unknown>;
  if?: string;
  env?: Record<string, string>;
  run?: string;
}

describe('examples/ci/github-actions.yml', () => {
  const workflow = parse(readFileSync(join(REPO_ROOT, 'examples/ci/github-actions.yml'), 'utf8')) as {
    on: Record<string, unknown>;
    jobs: Record<string, { env: Record<string, string>; steps: Step[] }>;
  };
  const job = Object.values(workflow.jobs)[0];
  let origin: GitRepo;
  beforeAll(() => {
    origin = recordsRepo();
  });

  it('runs on pull requests and fetches the history diff needs', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request');
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
  });

  /** GitHub's expressions, for a pull request into main (anything else fails the test: the recipe must stay this simple). */
  function expand(text: string, conclusion: 'success' | 'failure'): string {
    return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_all, expr: string) => {
      const known: Record<string, string> = {
        'github.base_ref': 'main',
        "!cancelled() && github.event_name == 'pull_request'": 'true',
        'success()': conclusion === 'success' ? 'true' : 'false',
      };
      if (!(expr in known)) throw new Error(`unknown expression in the workflow: ${expr}`);
      return known[expr];
    });
  }

  function runJob(checkout: string) {
    const summary = join(tempFolder(), 'summary.md');
    writeFileSync(summary, '');
    const outputs: Record<string, { code: number; stdout: string; stderr: string }> = {};
    let conclusion: 'success' | 'failure' = 'success';
    for (const step of job.steps) {
      if (!step.run || step.name === 'Install phoihop') continue;
      const condition = step.if ? expand(step.if, conclusion) : conclusion === 'success' ? 'true' : 'false';
      if (condition !== 'true') continue;
      const env: Record<string, string> = { GITHUB_WORKSPACE: checkout, GITHUB_STEP_SUMMARY: summary, GITHUB_BASE_REF: 'main', GITHUB_EVENT_NAME: 'pull_request' };
      for (const [k, v] of Object.entries({ ...job.env, ...step.env })) env[k] = expand(String(v), conclusion);
      const r = shell(step.run, checkout, env);
      outputs[step.name ?? step.run] = r;
      if (r.code !== 0) conclusion = 'failure';
    }
    return { outputs, conclusion, summary: readFileSync(summary, 'utf8') };
  }

  it('validates and writes the pull request plan changes to the job summary', () => {
    const clone = pullRequestClone(origin, movedB);
    const base = spawnSync('git', ['rev-parse', 'origin/main'], { cwd: clone, encoding: 'utf8' }).stdout.trim();
    const { outputs, conclusion, summary } = runJob(clone);
    expect(outputs['Validate the records']).toEqual({ code: 0, stdout: '0 lỗi, 0 cảnh báo trong 3 tệp.\n', stderr: '' });
    expect(conclusion).toBe('success');
    expect(summary).toBe(
      [
        '## Thay đổi trong các kế hoạch phối hợp',
        '',
        // With the commit origin/main named: the summary is read after the branch has moved.
        `So sánh \`origin/main\` (\`${base.slice(0, 10)}\`) với bản làm việc hiện tại: 1 thay đổi trong 1 kế hoạch.`,
        '',
        '### kh-b — Kế hoạch phối hợp năm 2023',
        '',
        '- **Lùi hạn 31 ngày**: `hoi-thi` Hội thi báo chí viết về Dân vận khéo — 30/09/2023 → 31/10/2023',
        '',
      ].join('\n'),
    );
  });

  it('annotates errors, fails, and still says in the summary why there is no diff', () => {
    const { outputs, conclusion, summary } = runJob(pullRequestClone(origin, brokenB));
    const validate = outputs['Validate the records'];
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/^::error file=plans\/kh-b\.yaml,line=\d+,col=\d+,title=unknown-party::/);
    expect(conclusion).toBe('failure');
    expect(summary).toContain('**Không so sánh được: hồ sơ tại bản làm việc hiện tại có 1 lỗi.**');
  });

  it('passes a pull request that fixes a broken main, and says why there is no diff', () => {
    const { outputs, conclusion, summary } = runJob(pullRequestClone(recordsRepo(brokenB), planB));
    expect(outputs['Validate the records'].code).toBe(0);
    expect(outputs['Write the plan changes to the job summary'].code).toBe(0);
    expect(conclusion).toBe('success');
    expect(summary).toContain('**Không so sánh được: hồ sơ tại `origin/main` có 1 lỗi.**');
  });

  it('still fails when diff cannot run at all (a base branch the clone lacks)', () => {
    const checkout = pullRequestClone(origin, movedB);
    spawnSync('git', ['update-ref', '-d', 'refs/remotes/origin/main'], { cwd: checkout, env: cleanEnv() });
    const { outputs, conclusion } = runJob(checkout);
    const step = outputs['Write the plan changes to the job summary'];
    expect(step.code).not.toBe(0);
    expect(step.stderr).toMatch(/^phoihop: .*'origin\/main'/);
    expect(conclusion).toBe('failure');
  });
});

describe('examples/ci/gitlab-ci.yml', () => {
  const pipeline = parse(readFileSync(join(REPO_ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8')) as Record<
    string,
    { variables: Record<string, string>; script: string[]; before_script: string[]; artifacts: { paths: string[] } }
  >;
  const job = pipeline.phoihop;
  let origin: GitRepo;
  beforeAll(() => {
    origin = recordsRepo();
  });

  function runJob(checkout: string, givenBase?: string) {
    const base = givenBase ?? spawnSync('git', ['merge-base', 'HEAD', 'origin/main'], { cwd: checkout, env: cleanEnv(), encoding: 'utf8' }).stdout.trim();
    const env = { ...job.variables, CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_DIFF_BASE_SHA: base };
    return shell(job.script.join('\n'), checkout, env);
  }

  it('installs phoihop before the script and keeps the diff as an artifact', () => {
    expect(job.before_script.join('\n')).toContain('npm install --global');
    expect(job.variables.GIT_DEPTH).toBe('0');
    expect(job.artifacts.paths).toEqual(['phoihop-diff.md']);
  });

  it('validates and writes the merge request plan changes to phoihop-diff.md', () => {
    const checkout = pullRequestClone(origin, movedB);
    const r = runJob(checkout);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('0 lỗi, 0 cảnh báo trong 3 tệp.\n');
    const diff = readFileSync(join(checkout, 'phoihop-diff.md'), 'utf8');
    expect(diff).toMatch(/^## Thay đổi trong các kế hoạch phối hợp\n\nSo sánh `[0-9a-f]{40}` với bản làm việc hiện tại: 1 thay đổi trong 1 kế hoạch\./);
    expect(diff).toContain('- **Lùi hạn 31 ngày**: `hoi-thi` Hội thi báo chí viết về Dân vận khéo — 30/09/2023 → 31/10/2023\n');
  });

  it('fails on errors and still writes why there is no diff', () => {
    const checkout = pullRequestClone(origin, brokenB);
    const r = runJob(checkout);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^plans\/kh-b\.yaml:\d+:\d+: error \[unknown-party\] /);
    expect(readFileSync(join(checkout, 'phoihop-diff.md'), 'utf8')).toContain('có 1 lỗi');
  });

  it('passes a merge request that fixes a broken default branch, and writes why there is no diff', () => {
    const checkout = pullRequestClone(recordsRepo(brokenB), planB);
    const r = runJob(checkout);
    expect(r.code).toBe(0);
    expect(readFileSync(join(checkout, 'phoihop-diff.md'), 'utf8')).toMatch(/Không so sánh được: hồ sơ tại `[0-9a-f]{40}` có 1 lỗi\./);
  });

  it('still fails when diff cannot run at all (a base commit the clone lacks)', () => {
    const r = runJob(pullRequestClone(origin, movedB), 'f'.repeat(40));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`'${'f'.repeat(40)}'`);
  });
});
