/**
 * A records folder with a history: completions recorded, a plan file
 * renamed, a plan deleted, two branches merged. `diff` must give the exact
 * change list between any two points, `--rev` must read any point, and
 * neither may touch the work tree or the index.
 */
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { baseRecords, type GitRepo, gitRepo, gitTestEnv } from '../helpers/git-repo.js';
import { PLAN_A, PLAN_A_DONE, PLAN_B, PLAN_C } from './fixtures.js';

let repo: GitRepo;
const commits: Record<string, string> = {};
let records: string;

const phoihop = (...args: string[]) => runCli(args, { cwd: repo.root, env: gitTestEnv() });
/** The first ten characters of the commit a revision names, as the markdown diff shows them. */
const commitOf = (rev: string) => repo.git('rev-parse', rev).trim().slice(0, 10);
const diffJson = (...args: string[]) => {
  const r = phoihop('diff', '-C', records, '--format', 'json', ...args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { from: string; to: string; changes: Array<Record<string, unknown>> };
};

beforeAll(() => {
  repo = gitRepo({ ...baseRecords('records/'), 'records/plans/ctr-a.yaml': PLAN_A, 'records/plans/kh-b.yaml': PLAN_B, 'records/plans/kh-c.yaml': PLAN_C, 'README.md': '# Hồ sơ\n' });
  records = join(repo.root, 'records');
  commits.init = repo.commit('Khởi tạo hồ sơ chương trình phối hợp');
  repo.write({ 'records/plans/ctr-a.yaml': PLAN_A_DONE });
  commits.done = repo.commit('Ghi nhận hoàn thành báo cáo quý III');
  repo.git('mv', 'records/plans/kh-b.yaml', 'records/plans/ke-hoach-2023.yaml');
  commits.renamed = repo.commit('Đổi tên tệp kế hoạch năm 2023');
  repo.remove('records/plans/kh-c.yaml');
  commits.deleted = repo.commit('Xóa kế hoạch đã hết hiệu lực');

  repo.git('checkout', '-q', '-b', 'feature');
  repo.write({
    'records/plans/ctr-a.yaml': PLAN_A_DONE.replace(
      '    lead: bdv-tu\n    every: quarter',
      '    lead: btg-tu\n    support: [bdv-tu]\n    every: quarter',
    ).replace('      2022-Q3:', '      2022-Q4: { status: cancelled, note: Gộp vào giao ban quý I }\n      2022-Q3:'),
  });
  commits.feature = repo.commit('Đổi đơn vị chủ trì giao ban quý');
  repo.git('checkout', '-q', 'main');
  repo.write({
    'records/plans/ke-hoach-2023.yaml': PLAN_B.replace('Kế hoạch phối hợp năm 2023', 'Kế hoạch phối hợp thực hiện Chương trình năm 2023')
      .replace('due: 2023-09-30', 'due: 25/9/2023') +
      '  - id: tap-huan\n    title: Tập huấn nghiệp vụ báo chí\n    lead: bdv-tu\n    due: 2023-06-15\n',
  });
  commits.main = repo.commit('Bổ sung nhiệm vụ tập huấn');
  repo.git('merge', '-q', '--no-ff', 'feature', '-m', 'Hợp nhất nhánh đổi chủ trì');
  commits.merge = repo.git('rev-parse', 'HEAD').trim();

  // A branch whose last commit does not validate.
  repo.git('checkout', '-q', '-b', 'broken');
  repo.write({ 'records/plans/kh-d.yaml': PLAN_C.replace('id: kh-c', 'id: kh-d').replace('lead: hnb', 'lead: mttq') });
  commits.broken = repo.commit('Thêm kế hoạch có lỗi');
  repo.git('checkout', '-q', 'main');
});

const DONE_CHANGES = [
  { change: 'due-moved', plan: 'ctr-a', task: 'so-ket', from: '2024-06-30', to: '2024-07-31', days: 31 },
  { change: 'done-recorded', plan: 'ctr-a', task: 'bao-cao-nam-2022', occurrence: null, date: '2022-12-10' },
  { change: 'done-recorded', plan: 'ctr-a', task: 'giao-ban-quy', occurrence: '2022-Q3', date: '2022-10-13' },
  { change: 'field-changed', plan: 'ctr-a', task: 'giao-ban-quy', path: 'tasks.giao-ban-quy.log.2022-Q3.results.participants', from: null, to: 25 },
];
const FEATURE_CHANGES = [
  { change: 'status-changed', plan: 'ctr-a', task: 'giao-ban-quy', occurrence: '2022-Q4', from: 'planned', to: 'cancelled' },
  { change: 'lead-changed', plan: 'ctr-a', task: 'giao-ban-quy', from: 'bdv-tu', to: 'btg-tu' },
  { change: 'field-changed', plan: 'ctr-a', task: 'giao-ban-quy', path: 'tasks.giao-ban-quy.log.2022-Q4.note', from: null, to: 'Gộp vào giao ban quý I' },
  { change: 'field-changed', plan: 'ctr-a', task: 'giao-ban-quy', path: 'tasks.giao-ban-quy.support', from: [], to: ['bdv-tu'] },
];
const MAIN_CHANGES = [
  { change: 'task-added', plan: 'kh-b', task: 'tap-huan' },
  { change: 'due-moved', plan: 'kh-b', task: 'hoi-thi', from: '2023-09-30', to: '2023-09-25', days: -5 },
  {
    change: 'field-changed',
    plan: 'kh-b',
    task: null,
    path: 'title',
    from: 'Kế hoạch phối hợp năm 2023',
    to: 'Kế hoạch phối hợp thực hiện Chương trình năm 2023',
  },
];

describe('diff between revisions', () => {
  it('reports a quarter of recorded work, ignoring rewritten dates and reordered tasks', () => {
    expect(diffJson(`${commits.init}..${commits.done}`)).toEqual({ from: commits.init, to: commits.done, changes: DONE_CHANGES });
  });

  it('sees no change in a renamed plan file', () => {
    expect(diffJson(`${commits.done}..${commits.renamed}`).changes).toEqual([]);
  });

  it('reports a deleted plan once, not its tasks', () => {
    expect(diffJson(`${commits.renamed}..${commits.deleted}`).changes).toEqual([{ change: 'plan-removed', plan: 'kh-c' }]);
    expect(diffJson(`${commits.deleted}..${commits.renamed}`).changes).toEqual([{ change: 'plan-added', plan: 'kh-c' }]);
  });

  it('splits a merge commit by parent', () => {
    expect(diffJson('HEAD^1..HEAD').changes).toEqual(FEATURE_CHANGES);
    expect(diffJson('HEAD^2..HEAD').changes).toEqual(MAIN_CHANGES);
    expect(diffJson(`${commits.deleted}..feature`).changes).toEqual(FEATURE_CHANGES);
  });

  it('adds up over the whole history', () => {
    const all = diffJson(`${commits.init}..${commits.merge}`);
    const [dueMoved, doneOneOff, doneOccurrence, results] = DONE_CHANGES;
    const [cancelled, lead, note, support] = FEATURE_CHANGES;
    // Sorted by plan, then kind (moved deadlines first), then task, occurrence and path.
    expect(all.changes).toEqual([
      dueMoved,
      cancelled,
      doneOneOff,
      doneOccurrence,
      lead,
      results,
      note,
      support,
      ...MAIN_CHANGES,
      { change: 'plan-removed', plan: 'kh-c' },
    ]);
  });

  it('takes revisions by message, with Vietnamese text passed untouched', () => {
    const r = diffJson(':/Ghi nhận hoàn thành báo cáo quý III..:/Đổi tên tệp');
    expect(r.from).toBe(':/Ghi nhận hoàn thành báo cáo quý III');
    expect(r.changes).toEqual([]);
    expect(diffJson(':/Khởi tạo hồ sơ..:/Ghi nhận hoàn thành').changes).toEqual(DONE_CHANGES);
  });

  it('writes a markdown comment in the records language, moved deadlines first', () => {
    const r = phoihop('diff', '-C', records, 'HEAD^2..HEAD', '--format', 'markdown');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '## Thay đổi trong các kế hoạch phối hợp',
        '',
        `So sánh \`HEAD^2\` (\`${commitOf('HEAD^2')}\`) với \`HEAD\` (\`${commitOf('HEAD')}\`): 3 thay đổi trong 1 kế hoạch.`,
        '',
        '### kh-b — Kế hoạch phối hợp thực hiện Chương trình năm 2023',
        '',
        '- **Hạn sớm hơn 5 ngày**: `hoi-thi` Hội thi báo chí viết về Dân vận khéo — 30/09/2023 → 25/09/2023',
        '- **Thêm nhiệm vụ**: `tap-huan` Tập huấn nghiệp vụ báo chí',
        '- **Sửa** `title`: `"Kế hoạch phối hợp năm 2023"` → `"Kế hoạch phối hợp thực hiện Chương trình năm 2023"`',
        '',
      ].join('\n'),
    );
  });

  it('writes one plain line per change in English on request', () => {
    const r = phoihop('diff', '-C', records, `${commits.init}..${commits.done}`, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'ctr-a/so-ket: due moved 31 days later: 2024-06-30 → 2024-07-31',
        'ctr-a/bao-cao-nam-2022: completion recorded on 2022-12-10',
        'ctr-a/giao-ban-quy (occurrence 2022-Q3): completion recorded on 2022-10-13',
        'ctr-a/giao-ban-quy: changed tasks.giao-ban-quy.log.2022-Q3.results.participants: (none) → 25',
        `4 changes in 1 plan (${commits.init} → ${commits.done}).`,
        '',
      ].join('\n'),
    );
  });

  it('refuses to diff a side that does not validate, showing its diagnostics', () => {
    const r = phoihop('diff', '-C', records, 'main..broken', '--format', 'json', '--lang', 'en');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.changes).toBeNull();
    expect(out.invalid).toHaveLength(1);
    expect(out.invalid[0]).toMatchObject({ side: 'to', rev: 'broken', errors: 1 });
    expect(out.invalid[0].diagnostics[0]).toMatchObject({ file: 'plans/kh-d.yaml', severity: 'error', rule: 'unknown-party' });

    const text = phoihop('diff', '-C', records, 'main..broken');
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^Không so sánh được: hồ sơ tại broken có 1 lỗi\.\nplans\/kh-d\.yaml:\d+:\d+: error \[unknown-party\]/);
    // Each side's diagnostics close with validate's count line (cli.md, Text diagnostics).
    expect(text.stdout).toMatch(/\[unknown-party\][^\n]*\n1 lỗi, 0 cảnh báo trong 5 tệp\.\nHãy sửa/);
  });
});

describe('--rev', () => {
  const validateJson = (rev: string) => {
    const r = phoihop('validate', '-C', records, '--rev', rev, '--format', 'json');
    return { code: r.code, stderr: r.stderr, report: JSON.parse(r.stdout) as { files: number; errors: number; diagnostics: Array<Record<string, unknown>> } };
  };

  it('reads the records as they were at each revision', () => {
    expect(validateJson(commits.init)).toMatchObject({ code: 0, stderr: '', report: { files: 5, errors: 0, diagnostics: [] } });
    expect(validateJson(commits.renamed)).toMatchObject({ code: 0, report: { files: 5, errors: 0 } });
    expect(validateJson(commits.deleted)).toMatchObject({ code: 0, report: { files: 4, errors: 0 } });
    expect(validateJson('HEAD^2')).toMatchObject({ code: 0, report: { files: 4, errors: 0 } });
    expect(validateJson(':/Ghi nhận hoàn thành báo cáo quý III')).toMatchObject({ code: 0, report: { files: 5, errors: 0 } });
  });

  it('reports the errors of a revision, with paths inside the records folder', () => {
    const { code, report } = validateJson('broken');
    expect(code).toBe(1);
    expect(report.files).toBe(5);
    expect(report.diagnostics).toEqual([expect.objectContaining({ file: 'plans/kh-d.yaml', rule: 'unknown-party', severity: 'error' })]);
    expect(phoihop('validate', '-C', records).code).toBe(0);
  });

  it('refuses an unknown revision, or one that is not a commit, with exit 2', () => {
    for (const rev of ['no-such-branch', 'HEAD~99', '']) {
      const r = phoihop('validate', '-C', records, '--rev', rev, '--lang', 'en');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      // The repository's own branches as examples; none for an empty revision, refused before git is asked.
      const examples = rev === '' ? 'HEAD, HEAD~1' : 'HEAD, HEAD~1, broken, feature, main';
      expect(r.stderr).toBe(`phoihop: Unknown git revision '${rev}' (a commit, branch or tag, e.g. ${examples}).\n`);
    }
    // A folder of a commit names an object, but not one whose records can be read: told so.
    const tree = phoihop('validate', '-C', records, '--rev', 'HEAD:records', '--lang', 'en');
    expect([tree.code, tree.stdout]).toEqual([2, '']);
    expect(tree.stderr).toBe("phoihop: 'HEAD:records' is a git object but not a commit (such as a folder HEAD:plans, or a file): give a commit, branch or tag, e.g. HEAD, HEAD~1, broken, feature, main.\n");
  });
});

describe('the work tree and the index', () => {
  it('are untouched by --rev, diff and validate --changed, even with stale stat data', () => {
    // A dirty work tree: an edit, an untracked plan, a staged edit, and a file whose mtime no longer matches the index.
    const planA = join(records, 'plans/ctr-a.yaml');
    writeFileSync(planA, readFileSync(planA, 'utf8').replace('due: 31/7/2024', 'due: 2024-08-15'));
    repo.write({ 'records/plans/kh-e.yaml': PLAN_C.replace('id: kh-c', 'id: kh-e') });
    repo.write({ 'README.md': '# Hồ sơ phối hợp\n' });
    repo.git('add', 'README.md');
    utimesSync(join(repo.root, 'records/parties.yaml'), new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    const before = repo.snapshot();

    expect(diffJson().changes).toEqual([
      { change: 'due-moved', plan: 'ctr-a', task: 'so-ket', from: '2024-07-31', to: '2024-08-15', days: 15 },
      { change: 'plan-added', plan: 'kh-e' },
    ]);
    expect(diffJson(commits.deleted).changes).toEqual([
      { change: 'due-moved', plan: 'ctr-a', task: 'so-ket', from: '2024-07-31', to: '2024-08-15', days: 15 },
      ...FEATURE_CHANGES,
      ...MAIN_CHANGES,
      { change: 'plan-added', plan: 'kh-e' },
    ]);
    expect(phoihop('validate', '-C', records, '--rev', commits.init).code).toBe(0);
    expect(phoihop('validate', '-C', records, '--rev', 'broken').code).toBe(1);
    const changed = phoihop('validate', '-C', records, '--changed', '--format', 'json');
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.stdout).files).toBe(2);
    expect(phoihop('diff', '-C', records, 'main..broken').code).toBe(1);

    expect(repo.snapshot()).toEqual(before);
  });
});
