/**
 * `phoihop diff` on lists whose entries have no unique key (basis documents
 * without a number, two signatories of one party), run as a subprocess on
 * the Phú Yên example committed to a real repository: entries are matched by
 * what they say, so moving one is no change and editing, adding or removing
 * one is one change, named by its title or name rather than its position.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from '../helpers/cli.js';
import { type GitRepo, gitRepo, gitTestEnv } from '../helpers/git-repo.js';

const PLAN_2022 = 'plans/btg-bdv-2022.yaml';
const PROGRAM = 'plans/btg-bdv-2022-2026.yaml';
const A = '  - title: Văn bản A\n';
const B = '  - title: Văn bản B\n';
const C = '  - title: Văn bản C\n';
const KL01 = '  - number: 01-KL/TW\n    date: 2021-05-18\n    title: Kết luận của Bộ Chính trị (khóa XIII) về tiếp tục thực hiện Chỉ thị số 05-CT/TW\n';

let repo: GitRepo;
let original: Record<string, string>;

/** The example's plan file with `text` inserted after its `parties:` line, as the audit did. */
function afterParties(file: string, text: string): string {
  return original[file].replace(/^(parties: .*\n)/m, `$1${text}`);
}

function write(file: string, text: string): void {
  writeFileSync(join(repo.root, file), text);
}

function diff(...args: string[]) {
  return runCli(['diff', ...args], { cwd: repo.root, env: gitTestEnv() });
}

function diffJson(...args: string[]): unknown[] {
  const r = diff('--format', 'json', ...args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).changes;
}

const field = (plan: string, path: string, from: unknown, to: unknown) => ({ change: 'field-changed', plan, task: null, path, from, to });

beforeAll(() => {
  repo = gitRepo();
  cpSync(join(EXAMPLES, 'phu-yen'), repo.root, { recursive: true });
  original = { [PLAN_2022]: readFileSync(join(repo.root, PLAN_2022), 'utf8'), [PROGRAM]: readFileSync(join(repo.root, PROGRAM), 'utf8') };
  write(PLAN_2022, afterParties(PLAN_2022, `basis:\n${A}${B}${C}`));
  repo.commit('Thêm căn cứ chưa có số hiệu');
});

describe('diff of un-numbered basis entries against HEAD', () => {
  it('two un-numbered entries swapped (the audit’s case) are no change', () => {
    write(PLAN_2022, afterParties(PLAN_2022, `basis:\n${B}${A}${C}`));
    const r = diff();
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('Không có thay đổi nào trong các kế hoạch.\n');
  });

  it('one edited is one field change, named by its title', () => {
    write(PLAN_2022, afterParties(PLAN_2022, `basis:\n${A}${B.replace('B', 'B (sửa đổi)')}${C}`));
    expect(diffJson()).toEqual([field('btg-bdv-2022', 'basis[Văn bản B].title', 'Văn bản B', 'Văn bản B (sửa đổi)')]);
    expect(diff('--format', 'markdown').stdout).toContain('- **Sửa** `basis[Văn bản B].title`: `"Văn bản B"` → `"Văn bản B (sửa đổi)"`\n');
  });

  it('one added in front is one addition; one removed from the middle is one removal', () => {
    write(PLAN_2022, afterParties(PLAN_2022, `basis:\n  - { title: Văn bản D, date: 1/3/2022 }\n${A}${B}${C}`));
    expect(diffJson()).toEqual([field('btg-bdv-2022', 'basis[Văn bản D]', null, { date: '2022-03-01', title: 'Văn bản D' })]);
    write(PLAN_2022, afterParties(PLAN_2022, `basis:\n${A}${C}`));
    expect(diffJson()).toEqual([field('btg-bdv-2022', 'basis[Văn bản B]', { title: 'Văn bản B' }, null)]);
  });
});

describe('diff between revisions', () => {
  it('an un-numbered entry moved among numbered ones, and a second signatory of a party, each read right', () => {
    write(PLAN_2022, afterParties(PLAN_2022, `basis:\n${A}${B}${C}`)); // as committed: the tests above leave their edits
    const start = repo.git('rev-parse', 'HEAD').trim();
    // The program's basis gains an un-numbered entry between its two numbered ones.
    write(PROGRAM, original[PROGRAM].replace('  - number: 05-CT/TW\n', `${A}  - number: 05-CT/TW\n`));
    const added = repo.commit('Thêm căn cứ vào Chương trình');
    write(PROGRAM, original[PROGRAM].replace(KL01, '').replace('  - number: 05-CT/TW\n', `${A}${KL01}  - number: 05-CT/TW\n`));
    const moved = repo.commit('Sắp xếp lại căn cứ');
    write(PROGRAM, readFileSync(join(repo.root, PROGRAM), 'utf8').replace('contacts:\n', '  - { party: btg-tu, name: Nguyễn Văn Sự, title: Phó Trưởng Ban trực }\ncontacts:\n'));
    const signed = repo.commit('Thêm người ký thứ hai của Ban Tuyên giáo');

    expect(diffJson(`${start}..${added}`)).toEqual([field('btg-bdv-2022-2026', 'basis[Văn bản A]', null, { title: 'Văn bản A' })]);
    expect(diffJson(`${added}..${moved}`)).toEqual([]);
    expect(diffJson(`${moved}..${signed}`)).toEqual([
      field('btg-bdv-2022-2026', 'signatories.btg-tu[Nguyễn Văn Sự]', null, { name: 'Nguyễn Văn Sự', title: 'Phó Trưởng Ban trực' }),
    ]);
    expect(diffJson(`${signed}..${moved}`)).toEqual([
      field('btg-bdv-2022-2026', 'signatories.btg-tu[Nguyễn Văn Sự]', { name: 'Nguyễn Văn Sự', title: 'Phó Trưởng Ban trực' }, null),
    ]);
  });
});

describe('diff of a list of names inside an entry', () => {
  const withStaff = (staff: string) =>
    original[PROGRAM].replace('  - { party: bdv-tu, leader: Lê Thị Ngọc Hoa }\n', `  - { party: bdv-tu, leader: Lê Thị Ngọc Hoa, staff: [${staff}] }\n`);

  it('a contact’s staff reordered is no change; one more is one change, the lists sorted as parties are', () => {
    write(PROGRAM, withStaff('Trần Văn B, Nguyễn Thị A'));
    repo.commit('Ghi cán bộ theo dõi của Ban Dân vận');
    write(PROGRAM, withStaff('Nguyễn Thị A, Trần Văn B'));
    expect(readFileSync(join(repo.root, PROGRAM), 'utf8')).toContain('staff: [Nguyễn Thị A, Trần Văn B]');
    expect(diff()).toEqual({ code: 0, stderr: '', stdout: 'Không có thay đổi nào trong các kế hoạch.\n' });
    write(PROGRAM, withStaff('Trần Văn B, Lê Văn C, Nguyễn Thị A'));
    expect(diffJson()).toEqual([
      field('btg-bdv-2022-2026', 'contacts.bdv-tu.staff', ['Nguyễn Thị A', 'Trần Văn B'], ['Lê Văn C', 'Nguyễn Thị A', 'Trần Văn B']),
    ]);
  });
});

describe('a lead changed', () => {
  it('names both parties for people, with their ids for the YAML; JSON keeps the ids alone', () => {
    write(PROGRAM, original[PROGRAM]);
    repo.commit('Chương trình như ban đầu');
    // The task nam-bat-du-luan is led by btg-tu, supported by bdv-tu: the two swap.
    const swapped = original[PROGRAM].replace(/(- id: nam-bat-du-luan\n(?:.*\n)*?\s+lead: )btg-tu/, '$1bdv-tu').replace(/(- id: nam-bat-du-luan\n(?:.*\n)*?\s+support: )\[bdv-tu\]/, '$1[btg-tu]');
    expect(swapped).not.toBe(original[PROGRAM]);
    write(PROGRAM, swapped);
    const lead = { change: 'lead-changed', plan: 'btg-bdv-2022-2026', task: 'nam-bat-du-luan', from: 'btg-tu', to: 'bdv-tu' };
    expect(diffJson()).toContainEqual(lead);
    expect(diff().stdout).toContain('btg-bdv-2022-2026/nam-bat-du-luan: đổi đơn vị chủ trì: "Ban Tuyên giáo Tỉnh ủy" (btg-tu) → "Ban Dân vận Tỉnh ủy" (bdv-tu)\n');
    expect(diff('--format', 'markdown', '--lang', 'en').stdout).toMatch(/- \*\*Lead changed\*\*: `nam-bat-du-luan` .* — Ban Tuyên giáo Tỉnh ủy \(`btg-tu`\) → Ban Dân vận Tỉnh ủy \(`bdv-tu`\)\n/);
  });
});
