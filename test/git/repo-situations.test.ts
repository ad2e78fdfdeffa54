/**
 * What real repositories do to a reviewer and to CI: a folder that a
 * revision does not have, a repository without a commit, a shallow or
 * partial clone, a hook of a linked work tree, a folder owned by someone
 * else, and record text that would act on a terminal or on Markdown.
 */
import { shellWord } from '../../src/i18n/cli.js';
import { chmodSync, cpSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/folder.js';
import { baseRecords, gitRepo, gitTestEnv } from '../helpers/git-repo.js';
import { PLAN_A } from './fixtures.js';

const env = gitTestEnv();

describe('a records folder the revision does not have', () => {
  const repo = gitRepo({ 'README.md': 'Hồ sơ\n' });
  const before = repo.commit('Chưa có hồ sơ');
  repo.write({ ...baseRecords('records/'), 'records/plans/ctr-a.yaml': PLAN_A });
  repo.commit('Thêm hồ sơ');

  it('is bad usage for --rev, whether mistyped or not there yet, instead of an empty pass', () => {
    const mistyped = runCli(['deadlines', '--rev', 'HEAD', '-C', join(repo.root, 'recordz'), '--fail-on-overdue', '--as-of', '2026-11-22'], { env });
    expect(mistyped).toEqual({ code: 2, stdout: '', stderr: `phoihop: Thư mục hồ sơ không có ở phiên bản git 'HEAD': ${join(repo.root, 'recordz')}\n` });
    const notYet = runCli(['validate', '--rev', before, '-C', join(repo.root, 'records'), '--lang', 'en'], { env });
    expect(notYet).toEqual({ code: 2, stdout: '', stderr: `phoihop: The records folder does not exist at git revision '${before}': ${join(repo.root, 'records')}\n` });
    expect(runCli(['validate', '--rev', 'HEAD', '-C', join(repo.root, 'records')], { env }).code).toBe(0);
  });

  it('names the revision when a file given to validate --rev is not in it', () => {
    repo.write({ 'records/plans/ctr-b.yaml': PLAN_A.replace('id: ctr-a', 'id: ctr-b') });
    const r = runCli(['validate', '--rev', 'HEAD', '-C', join(repo.root, 'records'), 'plans/ctr-b.yaml', '--lang', 'en'], { env });
    expect(r).toEqual({ code: 2, stdout: '', stderr: "phoihop: No record file at 'plans/ctr-b.yaml' in git revision 'HEAD'.\n" });
    repo.remove('records/plans/ctr-b.yaml');
  });

  it('is an empty side for diff: every plan was added since', () => {
    const r = runCli(['diff', `${before}..HEAD`, '-C', join(repo.root, 'records'), '--format', 'json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).changes).toEqual([{ change: 'plan-added', plan: 'ctr-a' }]);
  });

  it('is bad usage for diff A..B when neither revision has it, instead of "no changes"', () => {
    const mistyped = runCli(['diff', `${before}..HEAD`, '-C', join(repo.root, 'recordz'), '--format', 'json', '--lang', 'en'], { env });
    expect(mistyped).toEqual({
      code: 2,
      stdout: '',
      stderr: `phoihop: The records folder exists at neither git revision '${before}' nor 'HEAD': ${join(repo.root, 'recordz')}\n`,
    });
    expect(runCli(['diff', 'HEAD..HEAD', '-C', join(repo.root, 'records'), '--format', 'json'], { env })).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('a records folder moved or gone since the revisions compared', () => {
  const repo = gitRepo({ ...baseRecords('rec/', 'en'), 'rec/plans/ctr-a.yaml': PLAN_A });
  const first = repo.commit('Hồ sơ');
  repo.write({ 'rec/plans/ctr-a.yaml': PLAN_A.replace('due: 2024-06-30', 'due: 2024-07-31') });
  const second = repo.commit('Lùi hạn');
  repo.git('mv', 'rec', 'records');
  // The work tree's config now speaks Vietnamese; the revisions compared speak English.
  repo.write({ 'records/phoihop.yaml': 'kind: config\nlocale: vi\n' });
  repo.commit('Đổi tên thư mục');

  it('diff A..B reads both sides from git, in the later revision\'s language, whatever the work tree holds', () => {
    const r = runCli(['diff', `${first}..${second}`, '-C', join(repo.root, 'rec')], { env });
    expect(r).toEqual({ code: 0, stderr: '', stdout: `ctr-a/so-ket: due moved 31 days later: 2024-06-30 → 2024-07-31\n1 change in 1 plan (${first} → ${second}).\n` });
  });

  it('a side with the work tree still needs the folder on disk', () => {
    const r = runCli(['diff', first, '-C', join(repo.root, 'rec'), '--lang', 'en'], { env });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `phoihop: Records folder not found: ${join(repo.root, 'rec')}\n` });
  });
});

describe('symbolic links to record files', () => {
  // A plan kept once in a dot-folder and linked where the loader looks; the other links must not be read.
  const repo = gitRepo({ ...baseRecords('records/'), 'records/.chung/ctr-a.yaml': PLAN_A, 'ngoai.yaml': PLAN_A, 'records/plans/.keep': '' });
  const records = join(repo.root, 'records');
  const link = (target: string, name: string) => symlinkSync(target, join(records, 'plans', name));
  link('../.chung/ctr-a.yaml', 'ctr-a.yaml');
  link('ctr-a.yaml', 'lan-nua.yaml'); // the same file again, through a link
  link('../../ngoai.yaml', 'ngoai.yaml'); // out of the records folder
  link('vong-2.yaml', 'vong-1.yaml'); // a loop
  link('vong-1.yaml', 'vong-2.yaml');
  link('khong-co.yaml', 'treo.yaml'); // dangling
  link('../.chung', 'thu-muc.yaml'); // a folder: not a record file, whatever its name, so nothing to say
  repo.commit('Kế hoạch dùng chung');

  it('are read alike from the work tree and from a revision, so an unchanged repository shows no change', () => {
    const files = (args: string[]) => JSON.parse(runCli(['validate', '-C', records, '--format', 'json', ...args], { env }).stdout).files;
    expect(files([])).toBe(3);
    expect(files(['--rev', 'HEAD'])).toBe(3);
    expect(runCli(['diff', '-C', records, '--format', 'json'], { env }).stdout).toBe('{\n  "from": "HEAD",\n  "to": "worktree",\n  "changes": []\n}\n');
    const status = runCli(['status', '-C', records, '--rev', 'HEAD', '--as-of', '2026-11-22', '--all', '--format', 'json'], { env });
    expect(JSON.parse(status.stdout).plans.map((p: { id: string }) => p.id)).toEqual(['ctr-a']);
  });

  it('warn alike, from the work tree and from a revision, about each link not read and why; --strict makes that fail', () => {
    const warnings = (args: string[]) => {
      const r = runCli(['validate', '-C', records, '--format', 'json', '--lang', 'en', ...args], { env });
      return { code: r.code, diagnostics: JSON.parse(r.stdout).diagnostics.map((d: { file: string; severity: string; rule: string; message: string }) => `${d.file} ${d.severity} ${d.rule}: ${d.message}`) };
    };
    const expected = [
      'plans/ngoai.yaml warning link-not-read: This symbolic link leads out of the records folder (../../ngoai.yaml): phoihop reads no file outside the folder; copy the file in instead.',
      'plans/treo.yaml warning link-not-read: This symbolic link points to khong-co.yaml, where there is no file: it was not read; fix or remove it.',
      'plans/vong-1.yaml warning link-not-read: This symbolic link goes round a loop of links (vong-2.yaml): it was not read; fix or remove it.',
      'plans/vong-2.yaml warning link-not-read: This symbolic link goes round a loop of links (vong-1.yaml): it was not read; fix or remove it.',
    ];
    expect(warnings([])).toEqual({ code: 0, diagnostics: expected });
    expect(warnings(['--rev', 'HEAD'])).toEqual({ code: 0, diagnostics: expected });
    expect(warnings(['--strict']).code).toBe(1);
  });
});

describe('a repository without a commit yet', () => {
  const repo = gitRepo({ ...baseRecords(), 'plans/ctr-a.yaml': PLAN_A });

  it('diff shows every plan as added', () => {
    const r = runCli(['diff', '-C', repo.root, '--format', 'json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ from: 'HEAD', to: 'worktree', changes: [{ change: 'plan-added', plan: 'ctr-a' }] });
  });

  it('a report at HEAD says there is no commit, not that HEAD is unknown', () => {
    const r = runCli(['status', '--rev', 'HEAD', '-C', repo.root, '--lang', 'en'], { env });
    expect(r).toEqual({ code: 2, stdout: '', stderr: "phoihop: The git repository has no commit yet, so there is no revision 'HEAD' to read.\n" });
  });

  it('diff between revisions naming HEAD, even twice, says so too, instead of "no changes"', () => {
    for (const range of ['HEAD..HEAD', '..HEAD', 'HEAD..']) {
      const r = runCli(['diff', range, '-C', repo.root, '--lang', 'en'], { env });
      expect(r, range).toEqual({ code: 2, stdout: '', stderr: "phoihop: The git repository has no commit yet, so there is no revision 'HEAD' to read.\n" });
    }
  });
});

describe('a shallow clone', () => {
  const origin = gitRepo({ ...baseRecords(), 'plans/ctr-a.yaml': PLAN_A });
  const first = origin.commit('Một');
  origin.write({ 'plans/ctr-a.yaml': PLAN_A.replace('due: 2024-06-30', 'due: 2024-07-31') });
  origin.commit('Hai');
  const clone = join(tempFolder(), 'clone');
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.root}`, clone], { env: { ...process.env, ...definedOnly(env) } });

  it('says the history is missing and how to fetch it, for a revision the full history has', () => {
    const r = runCli(['diff', 'HEAD~1', '-C', clone], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "phoihop: Không có phiên bản git 'HEAD~1' trong bản sao này: kho git chỉ có một phần lịch sử (shallow clone). Hãy lấy đủ lịch sử bằng git fetch --unshallow, hoặc fetch-depth: 0 trong actions/checkout.\n",
    );
  });

  it('says the same for the full id of a commit the clone lacks, as CI passes a base commit, not that it is no commit', () => {
    const r = runCli(['diff', first, '-C', clone, '--lang', 'en'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`'${first}'`);
    expect(r.stderr).toContain('shallow clone');
    expect(r.stderr).not.toContain('not a commit');
  });
});

describe('a partial clone (--filter=blob:none)', () => {
  const origin = gitRepo({ ...baseRecords(), 'plans/ctr-a.yaml': PLAN_A, 'plans/ctr-b.yaml': PLAN_A.replace('id: ctr-a', 'id: ctr-b') });
  origin.commit('Một');
  origin.write({ 'plans/ctr-a.yaml': PLAN_A.replace('due: 2024-06-30', 'due: 2024-07-31') });
  origin.commit('Hai');
  execFileSync('git', ['config', 'uploadpack.allowFilter', 'true'], { cwd: origin.root });
  execFileSync('git', ['config', 'uploadpack.allowAnySHA1InWant', 'true'], { cwd: origin.root });
  const gitEnvironment = { ...process.env, ...definedOnly(env) };
  const cloneOf = (url: string) => {
    const clone = join(tempFolder(), 'clone');
    execFileSync('git', ['clone', '-q', '--filter=blob:none', '--no-checkout', url, clone], { env: gitEnvironment });
    return clone;
  };
  // Each fetch of missing objects leaves one `.promisor` pack beside the clone's own.
  const fetches = (clone: string) => readdirSync(join(clone, '.git/objects/pack')).filter((f) => f.endsWith('.promisor')).length - 1;

  it('fetches the files a revision lacks in one request per side, not one per file', () => {
    const clone = cloneOf(`file://${origin.root}`);
    const r = runCli(['diff', 'HEAD~1..HEAD', '-C', clone, '--format', 'json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).changes).toEqual([{ change: 'due-moved', plan: 'ctr-a', task: 'so-ket', from: '2024-06-30', to: '2024-07-31', days: 31 }]);
    expect(fetches(clone)).toBe(2); // 5 files missing at first: one per file would be 5
    expect(runCli(['diff', 'HEAD~1..HEAD', '-C', clone], { env }).code).toBe(0);
    expect(fetches(clone)).toBe(2);
  });

  it('knows a promisor remote however its boolean is written (yes, 1, 1k, 0x10, a key without a value)', () => {
    for (const written of ['promisor = yes', 'promisor = 1', 'promisor = 1k', 'promisor = 0x10', 'promisor']) {
      const clone = cloneOf(`file://${origin.root}`);
      const config = join(clone, '.git/config');
      writeFileSync(config, readFileSync(config, 'utf8').replace(/promisor = true/, written));
      // The clone must really carry the other spelling, or this would test `true` three times.
      expect(readFileSync(config, 'utf8')).not.toContain('promisor = true');
      expect(execFileSync('git', ['config', '--bool', 'remote.origin.promisor'], { cwd: clone, encoding: 'utf8' })).toBe('true\n');
      expect(runCli(['diff', 'HEAD~1..HEAD', '-C', clone], { env }).code).toBe(0);
      expect(fetches(clone), written).toBe(2);
    }
  });

  it('says once that the origin cannot be reached, not once per file', () => {
    const moved = `${origin.root}-moved`;
    const clone = cloneOf(`file://${origin.root}`);
    renameSync(origin.root, moved);
    try {
      const r = runCli(['status', '--rev', 'HEAD', '-C', clone, '--lang', 'en'], { env });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /^phoihop: This git copy is a partial clone and lacks the contents of record files at the revision to read \(4 git objects\); fetching them from 'origin' failed: .+\. Check the connection to 'origin' and run again; if it no longer holds this revision, make a full clone \(without --filter\) from a repository that does\.\n$/,
      );
    } finally {
      renameSync(moved, origin.root);
    }
  });
});

describe('a hook of a linked work tree', () => {
  // Git runs such hooks at the work tree's top with GIT_DIR set and no GIT_WORK_TREE.
  const repo = gitRepo({ ...baseRecords('records/'), 'records/plans/ctr-a.yaml': PLAN_A });
  repo.commit('Khởi tạo');
  const linked = join(tempFolder(), 'nhanh');
  repo.git('worktree', 'add', '-q', linked, '-b', 'nhanh');
  const gitDir = repo.git('-C', linked, 'rev-parse', '--absolute-git-dir').trim();
  const hookEnv = { ...env, GIT_DIR: gitDir };

  it('reads the folder as from the work tree itself', () => {
    cpSync(join(repo.root, 'records', 'plans', 'ctr-a.yaml'), join(linked, 'records', 'plans', 'ctr-b.yaml'));
    const plain = runCli(['validate', '--changed', '-C', 'records', '--format', 'json'], { env, cwd: linked });
    const inHook = runCli(['validate', '--changed', '-C', 'records', '--format', 'json'], { env: hookEnv, cwd: linked });
    expect(inHook).toEqual(plain);
    // The copy repeats ctr-a's id: the one changed file is checked, against the whole folder.
    expect(JSON.parse(inHook.stdout)).toMatchObject({ files: 1, errors: 1, diagnostics: [{ file: 'plans/ctr-b.yaml', rule: 'duplicate-plan-id' }] });
    const status = runCli(['status', '--rev', 'HEAD', '-C', 'records', '--as-of', '2026-11-22', '--format', 'json'], { env: hookEnv, cwd: linked });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).plans.map((p: { id: string }) => p.id)).toEqual(['ctr-a']);
  });
});

describe('a repository git will not read', () => {
  const isRoot = process.getuid?.() === 0;

  it.runIf(isRoot)("passes on git's own reason (another user's folder) instead of 'not a repository'", () => {
    const repo = gitRepo({ ...baseRecords(), 'plans/ctr-a.yaml': PLAN_A });
    repo.commit('Khởi tạo');
    execFileSync('chown', ['-R', 'nobody', repo.root]);
    try {
      const r = runCli(['diff', '-C', repo.root, '--lang', 'en'], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`phoihop: git cannot read the repository of the records folder ${repo.root}:\n`);
      expect(r.stderr).toContain('safe.directory');
    } finally {
      execFileSync('chown', ['-R', 'root', repo.root]);
      chmodSync(repo.root, 0o755);
    }
  });
});

describe('a revision whose records have errors', () => {
  const repo = gitRepo({ ...baseRecords(), 'plans/ctr-a.yaml': PLAN_A.replace('lead: btg-tu', 'lead: hoi-nd') });
  repo.commit('Sai mã cơ quan');
  repo.write({ 'plans/ctr-a.yaml': PLAN_A });

  it('is named in the advice: validate --rev that revision, not the work tree that is fine', () => {
    const status = runCli(['status', '--rev', 'HEAD', '-C', repo.root, '--lang', 'en'], { env });
    expect(status.code).toBe(1);
    // With the -C it was given: run from elsewhere (a repository's root), the advice must name the records folder too.
    expect(status.stderr.split('\n').at(-2)).toBe(`phoihop: The records have errors, so no report was made: fix the errors above (phoihop validate -C ${shellWord(repo.root)} --rev HEAD).`);
    const diff = runCli(['diff', '-C', repo.root, '--lang', 'en'], { env });
    expect(diff.code).toBe(1);
    expect(diff.stdout.trimEnd().split('\n').at(-1)).toBe(`Fix the errors above (phoihop validate -C ${shellWord(repo.root)} --rev HEAD), then compare again.`);
    const here = runCli(['diff', '--lang', 'en'], { env, cwd: repo.root });
    expect(here.stdout.trimEnd().split('\n').at(-1)).toBe('Fix the errors above (phoihop validate --rev HEAD), then compare again.');
    expect(runCli(['validate', '--rev', 'HEAD', '-C', repo.root], { env }).code).toBe(1);
  });
});

describe('a diff for a pull request comment, of a side with many errors', () => {
  it('lists the first 50 diagnostics and counts the rest, to stay under the comment size limit', () => {
    const repo = gitRepo({ ...baseRecords(), 'plans/ctr-a.yaml': PLAN_A });
    repo.commit('Khởi tạo');
    const tasks = Array.from({ length: 60 }, (_, i) => `  - { id: t${i}, title: Việc ${i}, lead: hoi-nd }`).join('\n');
    repo.write({ 'plans/ctr-a.yaml': PLAN_A.replace(/^tasks:\n[\s\S]*$/m, `tasks:\n${tasks}\n`) });
    const r = runCli(['diff', '-C', repo.root, '--format', 'markdown', '--lang', 'en'], { env });
    expect(r.code).toBe(1);
    const items = r.stdout.split('\n').filter((line) => line.startsWith('- '));
    expect(items).toHaveLength(51);
    expect(items.slice(0, 50).every((line) => line.includes('[unknown-party]'))).toBe(true);
    expect(items[50]).toBe(`- … and 10 more (see them all with \`phoihop validate -C ${shellWord(repo.root)}\`).`);
  });
});

describe('a diff for a pull request comment, of a big change set', () => {
  const repo = gitRepo({ ...baseRecords(), 'plans/ctr-a.yaml': PLAN_A, 'plans/ctr-b.yaml': PLAN_A.replace('id: ctr-a', 'id: ctr-b') });
  const start = repo.commit('Khởi tạo');
  // 200 tasks a plan with long titles: about 110,000 characters each, where a comment holds at most 65,536.
  const title = (i: number) => `Việc ${i}: ${'tuyên truyền, vận động nhân dân thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước '.repeat(5).trim()}`;
  const tasks = Array.from({ length: 200 }, (_, i) => `  - { id: t${String(i).padStart(3, '0')}, title: "${title(i)}", lead: bdv-tu, due: 2024-01-31 }`).join('\n');
  repo.write({
    'plans/ctr-a.yaml': PLAN_A.replace('tasks:\n', `tasks:\n${tasks}\n`).replace('due: 2024-06-30', 'due: 2024-07-31'),
    'plans/ctr-b.yaml': PLAN_A.replace('id: ctr-a', 'id: ctr-b').replace('tasks:\n', `tasks:\n${tasks}\n`),
  });
  const end = repo.commit('Thêm 400 nhiệm vụ');

  it('keeps whole lines under 60,000 characters, then says how many were left out and which command lists them all', () => {
    const r = runCli(['diff', `${start}..${end}`, '-C', repo.root, '--format', 'markdown', '--lang', 'en'], { env });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.length).toBeLessThanOrEqual(60_000);
    // No room left for one more change (an item here is some 560 characters).
    expect(r.stdout.length).toBeGreaterThan(60_000 - 600);
    const lines = r.stdout.split('\n');
    // The counts are the whole diff's.
    expect(lines[2]).toBe(`Comparing \`${start}\` with \`${end}\`: 401 changes in 2 plans.`);
    // The moved deadline, first of its plan, is kept; every item shown is whole.
    expect(lines[4]).toMatch(/^### ctr-a — /);
    expect(lines[6]).toBe('- **Due moved 31 days later**: `so-ket` Sơ kết giữa kỳ — 2024-06-30 → 2024-07-31');
    const items = lines.filter((line) => line.startsWith('- '));
    expect(items.slice(1).every((line, i) => line === `- **Task added**: \`t${String(i).padStart(3, '0')}\` ${title(i)}`)).toBe(true);
    expect(items.length).toBeGreaterThan(90);
    expect(lines.at(-2)).toBe(`… and ${401 - items.length} more changes, left out to keep the comment within GitHub's limit (see them all with \`phoihop diff -C ${shellWord(repo.root)} ${start}..${end}\`).`);
    expect(lines.at(-3)).toBe('');
    // The command named lists every change.
    const text = runCli(['diff', `${start}..${end}`, '-C', repo.root], { env });
    expect(text.stdout.split('\n')).toHaveLength(403);
  });

  it('in Vietnamese too; a diff with the work tree names the revision alone', () => {
    repo.write({ 'plans/ctr-b.yaml': PLAN_A.replace('id: ctr-a', 'id: ctr-b') });
    // Run from the records folder, without -C, as CI runs it.
    const r = runCli(['diff', '--format', 'markdown'], { env, cwd: repo.root });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.length).toBeLessThanOrEqual(60_000);
    expect(r.stdout).toMatch(/\n\n… và \d+ thay đổi khác không hiển thị để bình luận không vượt giới hạn độ dài của GitHub \(xem đủ bằng `phoihop diff HEAD`\)\.\n$/);
    expect(r.stdout.split('\n')[2]).toBe(`So sánh \`HEAD\` (\`${end.slice(0, 10)}\`) với bản làm việc hiện tại: 200 thay đổi trong 1 kế hoạch.`);
  });

  it('keeps room for the changes outside the plans, after the count of those left out', () => {
    const parties = Array.from({ length: 60 }, (_, i) => `  - { id: xa-${i}, name: "Ủy ban Mặt trận Tổ quốc Việt Nam xã số ${i}, huyện Tuy An, tỉnh Phú Yên" }`).join('\n');
    repo.write({ 'parties.yaml': `${baseRecords()['parties.yaml']}${parties}\n` });
    const r = runCli(['diff', '--format', 'markdown'], { env, cwd: repo.root });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.length).toBeLessThanOrEqual(60_000);
    expect(r.stdout.length).toBeGreaterThan(60_000 - 600);
    const tail = r.stdout.slice(r.stdout.indexOf('\n… và '));
    expect(tail).toMatch(/^\n… và \d+ thay đổi khác không hiển thị[^\n]*\n\n### Ngoài các kế hoạch\n\n/);
    expect(tail.match(/^- Đơn vị `xa-\d+`: \*\*thêm\*\*/gm)).toHaveLength(50);
    expect(tail).toMatch(/\n- … và 10 thay đổi khác ngoài các kế hoạch \(xem đủ bằng `phoihop diff HEAD`\)\.\n$/);
  });
});

describe('record text in a diff', () => {
  const repo = gitRepo({ ...baseRecords(), 'plans/ctr-a.yaml': PLAN_A });
  repo.commit('Khởi tạo');
  repo.write({
    'plans/ctr-a.yaml': PLAN_A.replace(/^title: .*$/m, 'title: "KH \\e[31mĐỎ\\e[0m\\rXYZ\\u0007 & `a`` b` *x*"'),
  });

  it('shows control characters written out in text, as tables do', () => {
    const r = runCli(['diff', '-C', repo.root], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.stdout).toContain('"KH \\u001b[31mĐỎ\\u001b[0m\\rXYZ\\u0007 & `a`` b` *x*"');
    expect(r.stdout.split('\n')).toHaveLength(3);
  });

  it('keeps Markdown literal: code spans outlast the backticks inside, headings escape entities and emphasis', () => {
    const r = runCli(['diff', '-C', repo.root, '--format', 'markdown'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.stdout).toContain('### ctr-a — KH \\\\u001b\\[31mĐỎ\\\\u001b\\[0m\\\\rXYZ\\\\u0007 \\& \\`a\\`\\` b\\` \\*x\\*\n');
    expect(r.stdout).toContain('→ ```"KH \\u001b[31mĐỎ\\u001b[0m\\rXYZ\\u0007 & `a`` b` *x*"```\n');
  });
});

describe('invisible and bidirectional characters in a diff', () => {
  // Each would make a before and an after look alike, or (U+202E) show `6202 - 2202` as "2022 - 2026".
  const INVISIBLE = ['\u200b', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u2060', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff', '\u061c'];
  const written = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  const repo = gitRepo({ ...baseRecords(), 'plans/ctr-a.yaml': PLAN_A });
  repo.commit('Khởi tạo');
  const yamlEscaped = (s: string) => [...s].map((c) => (INVISIBLE.includes(c) || c === '\u202e' ? written(c) : c)).join('');
  repo.write({
    'plans/ctr-a.yaml': PLAN_A.replace(/^title: (.*) 2022 - 2026$/m, 'title: "$1 \\u202e6202 - 2202"')
      .replace('title: Sơ kết giữa kỳ', `title: "${yamlEscaped(`Sơ${INVISIBLE.join('')} kết giữa kỳ`)}"`)
      .replace('title: Báo cáo kết quả', 'title: Báo cáo\u00a0kết quả')
      .replace('"Tuyên truyền, quán triệt', '"Tuyên truyền,\\nquán triệt'),
  });
  const FORMAT_CHARACTER = /\p{Cf}/u;

  it('writes them out in text, as control characters are, and keeps a no-break space as it is', () => {
    const r = runCli(['diff', '-C', repo.root], { env });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).not.toMatch(FORMAT_CHARACTER);
    expect(r.stdout).toContain('ctr-a: sửa title: "Chương trình phối hợp về công tác dân vận, công tác tuyên giáo giai đoạn 2022 - 2026" → "Chương trình phối hợp về công tác dân vận, công tác tuyên giáo giai đoạn \\u202e6202 - 2202"\n');
    expect(r.stdout).toContain(`ctr-a/so-ket: sửa tasks.so-ket.title: "Sơ kết giữa kỳ" → "Sơ${INVISIBLE.map(written).join('')} kết giữa kỳ"\n`);
    expect(r.stdout).toContain('ctr-a/bao-cao-nam-2022: sửa tasks.bao-cao-nam-2022.title: "Báo cáo kết quả thực hiện năm 2022" → "Báo cáo\u00a0kết quả thực hiện năm 2022"\n');
  });

  it('writes them out in markdown, and a value\'s line break as text does, so that before and after never look alike', () => {
    const r = runCli(['diff', '-C', repo.root, '--format', 'markdown'], { env });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).not.toMatch(FORMAT_CHARACTER);
    expect(r.stdout).toContain('### ctr-a — Chương trình phối hợp về công tác dân vận, công tác tuyên giáo giai đoạn \\\\u202e6202 - 2202\n');
    expect(r.stdout).toContain(`- **Sửa** \`tasks.so-ket.title\`: \`"Sơ kết giữa kỳ"\` → \`"Sơ${INVISIBLE.map(written).join('')} kết giữa kỳ"\`\n`);
    expect(r.stdout).toContain('- **Sửa** `contents.quan-triet.title`: `"Tuyên truyền, quán triệt các nghị quyết"` → `"Tuyên truyền,\\nquán triệt các nghị quyết"`\n');
    expect(r.stdout).toContain('`"Báo cáo\u00a0kết quả thực hiện năm 2022"`');
  });
});

describe('quotes, backslashes and commas in a diff\'s values', () => {
  const repo = gitRepo({ ...baseRecords(), 'plans/ctr-a.yaml': PLAN_A.replace('contents:\n', 'contacts:\n  - { party: bdv-tu, staff: [Nguyễn Văn A, Trần Thị B] }\ncontents:\n') });
  repo.commit('Khởi tạo');
  // A title that, shown between plain quotes, would read as two changes; staff that, shown bare, would read as the two names before.
  repo.write({
    'plans/ctr-a.yaml': PLAN_A.replace('contents:\n', 'contacts:\n  - { party: bdv-tu, staff: ["Nguyễn Văn A, Trần Thị B"] }\ncontents:\n')
      .replace('title: Sơ kết giữa kỳ', `title: 'Sơ kết giữa kỳ" → "Tổng kết \\ C:\\hồ-sơ'`)
      .replace('tasks:\n', 'tasks:\n  - { id: moi, title: \'Việc "mới"\', lead: bdv-tu, due: 2024-01-31 }\n'),
  });

  it('are written as JSON writes a string in text: quotes and backslashes escaped, a list item quoted when it could be misread', () => {
    const r = runCli(['diff', '-C', repo.root], { env });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('ctr-a/so-ket: sửa tasks.so-ket.title: "Sơ kết giữa kỳ" → "Sơ kết giữa kỳ\\" → \\"Tổng kết \\\\ C:\\\\hồ-sơ"\n');
    expect(r.stdout).toContain('ctr-a/moi: thêm nhiệm vụ "Việc \\"mới\\""\n');
    expect(r.stdout).toContain('ctr-a: sửa contacts.bdv-tu.staff: [Nguyễn Văn A, Trần Thị B] → ["Nguyễn Văn A, Trần Thị B"]\n');
  });

  it('are written the same inside markdown\'s code spans', () => {
    const r = runCli(['diff', '-C', repo.root, '--format', 'markdown'], { env });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('- **Sửa** `tasks.so-ket.title`: `"Sơ kết giữa kỳ"` → `"Sơ kết giữa kỳ\\" → \\"Tổng kết \\\\ C:\\\\hồ-sơ"`\n');
    expect(r.stdout).toContain('- **Sửa** `contacts.bdv-tu.staff`: `[Nguyễn Văn A, Trần Thị B]` → `["Nguyễn Văn A, Trần Thị B"]`\n');
  });
});

describe('@mentions in a markdown diff', () => {
  const repo = gitRepo({ ...baseRecords(), 'plans/ctr-a.yaml': PLAN_A });
  repo.commit('Khởi tạo');
  repo.write({
    'plans/ctr-a.yaml': PLAN_A.replace(/^title: (.*)$/m, 'title: $1 (@octocat, @org/team)').replace('tasks:\n', 'tasks:\n  - { id: moi, title: Gửi @octocat*, lead: bdv-tu, due: 2024-01-31 }\n'),
  });
  /** The markdown outside code spans: where GitHub links @name and notifies that user. */
  const outsideCode = (md: string) => md.replace(/(`+)[^`]*?\1/g, '');

  it('notifies no one: a zero-width space, invisible, follows each @ of a title; code spans stay literal', () => {
    const r = runCli(['diff', '-C', repo.root, '--format', 'markdown'], { env });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('(@&#8203;octocat, @&#8203;org/team)\n');
    expect(r.stdout).toContain('- **Thêm nhiệm vụ**: `moi` Gửi @&#8203;octocat\\*\n');
    // In a code span GitHub links no one, and the entity would show as typed.
    expect(r.stdout).toContain('(@octocat, @org/team)"`\n');
    expect(outsideCode(r.stdout)).not.toMatch(/@[A-Za-z0-9]/);
  });

  it('leaves an e-mail address whole, for no @ after a letter or digit mentions anyone', () => {
    const mail = gitRepo({ ...baseRecords(), 'plans/ctr-a.yaml': PLAN_A });
    mail.commit('Khởi tạo');
    mail.write({ 'plans/ctr-a.yaml': PLAN_A.replace('tasks:\n', 'tasks:\n  - { id: moi, title: "Gửi bandanvan@tinhuy.vn, sao @octocat", lead: bdv-tu, due: 2024-01-31 }\n') });
    const r = runCli(['diff', '-C', mail.root, '--format', 'markdown'], { env });
    expect(r.stdout).toContain('`moi` Gửi bandanvan@tinhuy.vn, sao @&#8203;octocat\n');
  });

  it('nor does a markdown report, which escapes text the same way', () => {
    const r = runCli(['status', '-C', repo.root, '--as-of', '2023-01-01', '--format', 'markdown'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(@&#8203;octocat, @&#8203;org/team) |');
    expect(r.stdout).not.toMatch(/@[A-Za-z0-9]/);
  });
});

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

describe('an unknown revision in a repository whose branch is master', () => {
  it('gives the branches it has as examples, not main', () => {
    const repo = gitRepo({ ...baseRecords(), 'plans/ctr-a.yaml': PLAN_A });
    repo.commit('Một');
    repo.git('branch', '-m', 'master');
    const r = runCli(['diff', 'main', '-C', repo.root], { env });
    expect(r).toEqual({ code: 2, stdout: '', stderr: "phoihop: Không có phiên bản git 'main' (một commit, nhánh hoặc thẻ, ví dụ HEAD, HEAD~1, master).\n" });
  });
});
