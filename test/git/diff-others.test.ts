/**
 * `phoihop diff` on changes outside the plans (parties, the config), run as
 * a subprocess on the Phú Yên example committed to a real repository. Text
 * and markdown list them under their own heading, since a renamed party
 * changes every report; the JSON keeps cli.md's shape, plan changes only.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from '../helpers/cli.js';
import { type GitRepo, gitRepo, gitTestEnv } from '../helpers/git-repo.js';

let repo: GitRepo;
let committed: Record<string, string>;

const FILES = ['phoihop.yaml', 'parties.yaml', 'plans/btg-bdv-2022.yaml'];

beforeEach(() => {
  repo = gitRepo();
  cpSync(join(EXAMPLES, 'phu-yen'), repo.root, { recursive: true });
  repo.commit('Phú Yên');
  committed = Object.fromEntries(FILES.map((file) => [file, readFileSync(join(repo.root, file), 'utf8')]));
});

/** Rewrites a committed file of the work tree with `edit`, which must change it. */
function edit(file: string, change: (text: string) => string): void {
  const text = change(committed[file]);
  expect(text).not.toBe(committed[file]);
  writeFileSync(join(repo.root, file), text);
}

function diff(...args: string[]) {
  const r = runCli(['diff', '--no-color', ...args], { cwd: repo.root, env: gitTestEnv() });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

const renameParty = (text: string) => text.replace('name: Ban Dân vận Tỉnh ủy Phú Yên', 'name: Ban Dân vận Tỉnh ủy tỉnh Phú Yên');

describe('diff: parties and the config', () => {
  it('lists a renamed party and a changed config field under their own heading, after the plans’ "no changes"', () => {
    edit('parties.yaml', renameParty);
    edit('phoihop.yaml', (text) => text.replace(/^soon: 14$/m, 'soon: 7'));
    expect(diff()).toBe(
      [
        'Không có thay đổi nào trong các kế hoạch.',
        'Thay đổi ngoài các kế hoạch:',
        'cấu hình: sửa soon: 14 → 7',
        'đơn vị bdv-tu: sửa name: "Ban Dân vận Tỉnh ủy Phú Yên" → "Ban Dân vận Tỉnh ủy tỉnh Phú Yên"',
        '',
      ].join('\n'),
    );
    expect(diff('--lang', 'en')).toContain('Changes outside the plans:\nconfig: changed soon: 14 → 7\nparty bdv-tu: changed name:');
  });

  it('keeps the JSON to cli.md’s shape: plan changes only', () => {
    edit('parties.yaml', renameParty);
    expect(JSON.parse(diff('--format', 'json'))).toEqual({ from: 'HEAD', to: 'worktree', changes: [] });
  });

  it('follows the plans’ changes and their count line in text, and their sections in markdown', () => {
    edit('parties.yaml', (text) => `${text}  - id: hnd-tinh\n    name: Hội Nông dân tỉnh Phú Yên\n`);
    edit('plans/btg-bdv-2022.yaml', (text) => text.replace(/^title: (.*)$/m, 'title: $1 (sửa)'));
    const lines = diff().trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual(['Thay đổi ngoài các kế hoạch:', 'đơn vị hnd-tinh: thêm "Hội Nông dân tỉnh Phú Yên"']);
    expect(lines[lines.length - 3]).toMatch(/^1 thay đổi trong 1 kế hoạch/);

    const markdown = diff('--format', 'markdown');
    expect(markdown.indexOf('### btg-bdv-2022')).toBeGreaterThan(0);
    expect(markdown.indexOf('### Ngoài các kế hoạch')).toBeGreaterThan(markdown.indexOf('### btg-bdv-2022'));
    expect(markdown).toContain('- Đơn vị `hnd-tinh`: **thêm** Hội Nông dân tỉnh Phú Yên\n');
  });

  it('shows a removed party and a metric changed field by field', () => {
    edit('parties.yaml', (text) => `${text}  - id: hnd-tinh\n    name: Hội Nông dân tỉnh Phú Yên\n`);
    repo.commit('Hội Nông dân');
    committed['parties.yaml'] = readFileSync(join(repo.root, 'parties.yaml'), 'utf8');
    edit('parties.yaml', (text) => text.replace('  - id: hnd-tinh\n    name: Hội Nông dân tỉnh Phú Yên\n', ''));
    edit('phoihop.yaml', (text) =>
      text.replace('articles: { label: "Tin, bài", unit: bài }', 'articles: { label: "Tin, bài viết", unit: bài }\n  volunteers: { label: Tình nguyện viên, unit: người }'),
    );
    expect(diff()).toContain(
      [
        'cấu hình: sửa metrics.articles.label: "Tin, bài" → "Tin, bài viết"',
        // A metric added is told field by field too.
        'cấu hình: sửa metrics.volunteers.label: (trống) → "Tình nguyện viên"',
        'cấu hình: sửa metrics.volunteers.unit: (trống) → "người"',
        'đơn vị hnd-tinh: xóa "Hội Nông dân tỉnh Phú Yên"',
        '',
      ].join('\n'),
    );
  });

  it('reads the config and parties as they act: a default written out or left out, globs reordered, a party moved to another file are no change', () => {
    edit('phoihop.yaml', (text) => `${text}ignore: ["nhap/**", "cu/**"]\n`);
    repo.commit('ignore');
    committed['phoihop.yaml'] = readFileSync(join(repo.root, 'phoihop.yaml'), 'utf8');
    edit('phoihop.yaml', (text) => text.replace(/^soon: 14$/m, 'soon: 14 # mặc định').replace('timezone: Asia/Ho_Chi_Minh\n', '').replace('["nhap/**", "cu/**"]', '["cu/**", "nhap/**"]'));
    const moved = '  - id: bdv-tu\n    name: Ban Dân vận Tỉnh ủy Phú Yên\n    short: Ban Dân vận Tỉnh ủy\n    abbr: BDVTU\n';
    edit('parties.yaml', (text) => text.replace(moved, ''));
    writeFileSync(join(repo.root, 'parties-bdv.yaml'), `kind: parties\nparties:\n${moved}`);
    expect(diff()).toBe('Không có thay đổi nào trong các kế hoạch.\n');
  });

  it('lists 50 such changes in markdown, then counts the rest', () => {
    const parties = Array.from({ length: 60 }, (_, i) => `  - id: xa-${String(i).padStart(2, '0')}\n    name: Ủy ban MTTQ xã số ${i}\n`).join('');
    edit('parties.yaml', (text) => text + parties);
    const markdown = diff('--format', 'markdown');
    expect(markdown.match(/^- Đơn vị `xa-\d\d`: \*\*thêm\*\*/gm)).toHaveLength(50);
    expect(markdown).toContain('- Đơn vị `xa-49`: **thêm** Ủy ban MTTQ xã số 49\n- … và 10 thay đổi khác ngoài các kế hoạch (xem đủ bằng `phoihop diff HEAD`).\n');
    expect(diff().match(/^đơn vị xa-\d\d: thêm/gm)).toHaveLength(60);
  });

  it('keeps the markdown within its size however long the names: the rest are counted', () => {
    const long = 'Ủy ban Mặt trận Tổ quốc Việt Nam '.repeat(40).trim();
    const parties = Array.from({ length: 60 }, (_, i) => `  - id: xa-${String(i).padStart(2, '0')}\n    name: ${long} ${i}\n`).join('');
    edit('parties.yaml', (text) => text + parties);
    const markdown = diff('--format', 'markdown');
    const shown = markdown.match(/^- Đơn vị `xa-\d\d`: \*\*thêm\*\*/gm) ?? [];
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(50);
    expect(markdown.length).toBeLessThanOrEqual(15_000 + 500);
    expect(markdown).toContain(`- … và ${60 - shown.length} thay đổi khác ngoài các kế hoạch (xem đủ bằng \`phoihop diff HEAD\`).\n`);
  });

  it('writes out invisible characters in a party’s name', () => {
    edit('parties.yaml', (text) => text.replace('name: Ban Dân vận Tỉnh ủy Phú Yên', 'name: "Ban Dân vận\\u202E Tỉnh ủy Phú Yên"'));
    expect(diff()).toContain('"Ban Dân vận\\u202e Tỉnh ủy Phú Yên"');
  });
});
