/** `phoihop init` and `phoihop new` through the built CLI. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLES, runCli } from '../helpers/cli.js';
import { copyFolder, tempFolder } from '../helpers/folder.js';

const VI_ENV = { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'vi_VN.UTF-8', TZ: 'Asia/Ho_Chi_Minh' };
const EN_ENV = { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'en_GB.UTF-8', TZ: 'Europe/London' };
const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

describe('phoihop init', () => {
  it('makes a folder that validates, with editor schema settings, in the user language and time zone', () => {
    const dir = join(tempFolder(), 'ho-so');
    const r = runCli(['init', dir], { env: VI_ENV });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const made = files(dir);
    const plan = `plans/vi-du-${YEAR}.yaml`;
    expect(made).toEqual(
      [
        '.gitignore',
        '.phoihop/schemas/config.schema.json',
        '.phoihop/schemas/parties.schema.json',
        '.phoihop/schemas/plan.schema.json',
        '.vscode/extensions.json',
        '.vscode/settings.json',
        'parties.yaml',
        'phoihop.yaml',
        plan,
      ].sort(),
    );
    expect(r.stdout).toMatch(/^Đã tạo thư mục hồ sơ /);
    for (const f of made) expect(r.stdout).toContain(`  ${f}\n`);

    const validate = runCli(['validate', '--strict', '-C', dir]);
    expect(validate.stdout).toBe('0 lỗi, 0 cảnh báo trong 3 tệp.\n');
    expect(validate.code).toBe(0);

    const config = parse(readFileSync(join(dir, 'phoihop.yaml'), 'utf8'));
    expect([config.locale, config.timezone]).toEqual(['vi', 'Asia/Ho_Chi_Minh']);

    // Every YAML file opens with a schema line whose path exists, relative to the file.
    for (const f of made.filter((p) => p.endsWith('.yaml'))) {
      const first = readFileSync(join(dir, f), 'utf8').split('\n')[0];
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, f).not.toBeNull();
      const schema = resolve(dirname(join(dir, f)), m![1]);
      const kind = parse(readFileSync(join(dir, f), 'utf8')).kind;
      expect(schema).toBe(join(dir, `.phoihop/schemas/${kind}.schema.json`));
    }
    // The schema copies are the ones `phoihop schema` prints.
    for (const kind of ['config', 'parties', 'plan']) {
      expect(readFileSync(join(dir, `.phoihop/schemas/${kind}.schema.json`), 'utf8')).toBe(runCli(['schema', kind]).stdout);
    }
    // yaml.schemas maps each schema to globs that match the files of its kind.
    const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'));
    const mapping = settings['yaml.schemas'] as Record<string, string[]>;
    const others: [string, string][] = [['parties.yml', 'parties'], ['parties/tinh.yml', 'parties'], ['parties/tinh.yaml', 'parties'], ['plans/2027/kh.yml', 'plan']];
    for (const [f, kind] of [['phoihop.yaml', 'config'], ['parties.yaml', 'parties'], [plan, 'plan'], ...others]) {
      const matching = Object.entries(mapping).filter(([, globs]) => picomatch(globs)(f)).map(([schema]) => schema);
      expect(matching).toEqual([`./.phoihop/schemas/${kind}.schema.json`]);
      expect(existsSync(join(dir, matching[0]))).toBe(true);
    }
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('.*.phoihop-*.tmp\n.phoihop.lock*\n');
  });

  it('speaks English when the environment does, and takes --timezone', () => {
    const dir = tempFolder();
    const r = runCli(['init', '--timezone', 'Asia/Bangkok'], { cwd: dir, env: EN_ENV });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Created the records folder \/.+:\n/);
    const config = parse(readFileSync(join(dir, 'phoihop.yaml'), 'utf8'));
    expect([config.locale, config.timezone]).toEqual(['en', 'Asia/Bangkok']);
    expect(existsSync(join(dir, `plans/example-${YEAR}.yaml`))).toBe(true);
    expect(runCli(['validate', '--strict', '-C', dir]).code).toBe(0);
  });

  it('lets a new folder record a completion straight away', () => {
    const dir = tempFolder();
    expect(runCli(['init', '-C', dir], { env: VI_ENV }).code).toBe(0);
    const r = runCli(['done', '-C', dir, `vi-du-${YEAR}/so-ket`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(runCli(['validate', '--strict', '-C', dir]).code).toBe(0);
  });

  it('works in a folder with other files, leaving them alone', () => {
    const dir = tempFolder({ 'README.md': '# hồ sơ\n', 'docs/a.txt': 'x' });
    expect(runCli(['init', dir], { env: VI_ENV }).code).toBe(0);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# hồ sơ\n');
  });

  it.each(['.gitignore', 'phoihop.yaml', '.vscode/settings.json', '.phoihop/schemas/plan.schema.json'])(
    'writes nothing at all when %s exists',
    (existing) => {
      const dir = tempFolder({ [existing]: 'của tôi\n' });
      const r = runCli(['init', dir], { env: VI_ENV });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`không ghi đè): ${existing}`);
      expect(files(dir)).toEqual([existing]);
      expect(readFileSync(join(dir, existing), 'utf8')).toBe('của tôi\n');
    },
  );

  it('refuses a folder inside a records folder, unless that folder leaves it out', () => {
    const outer = copyFolder(join(EXAMPLES, 'phu-yen'));
    const before = files(outer);
    const r = runCli(['init', 'moi'], { cwd: join(outer, 'plans'), env: EN_ENV });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `phoihop: Nothing was written: moi is inside the records folder ${outer}, which would read the new folder as part of itself (a phoihop.yaml not at its root, clashing party ids). Choose a folder outside it, or first add plans/moi to the ignore list of ${join(outer, 'phoihop.yaml')}.\n`,
    );
    expect(files(outer)).toEqual(before);
    // Left out by the outer folder's ignore globs, or in a dot-folder it skips: made, and the outer folder still validates.
    writeFileSync(join(outer, 'phoihop.yaml'), readFileSync(join(outer, 'phoihop.yaml'), 'utf8') + 'ignore: [plans/moi]\n');
    expect(runCli(['init', 'moi'], { cwd: join(outer, 'plans'), env: EN_ENV }).code).toBe(0);
    expect(runCli(['init', join(outer, '.luu-tru', 'cu')], { env: EN_ENV }).code).toBe(0);
    expect(runCli(['validate', '-C', outer, '--strict', '--as-of', '2026-11-22']).code).toBe(0);
  });

  it('refuses, naming it, a config already there under another name, and writes nothing', () => {
    const dir = tempFolder({ 'phoihop.yml': 'kind: config\n' });
    const r = runCli(['init', dir], { env: VI_ENV });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'phoihop: Không ghi gì vì thư mục đã có hồ sơ trùng với những gì phoihop init tạo ra (thư mục sẽ không hợp lệ): ' +
        'phoihop.yml (đã là tệp cấu hình, mà mỗi thư mục hồ sơ chỉ có một: phoihop.yaml)\n',
    });
    expect(files(dir)).toEqual(['phoihop.yml']);
  });

  it('refuses a parties.yml or a plan that uses the ids its files declare, and writes nothing', () => {
    const parties = 'kind: parties\nparties:\n  - id: btg-tu\n    name: Ban Tuyên giáo\n  - id: bdv-tu\n    name: Ban Dân vận\n';
    const plan = `kind: plan\nid: example-${YEAR}\ntype: plan\ntitle: A\nsigned: ${YEAR}-01-05\nperiod: ${YEAR}\nparties: [bdv-tu, btg-tu]\n`;
    const dir = tempFolder({ 'parties.yml': parties, 'cu/a.yaml': plan });
    const r = runCli(['init', dir], { env: EN_ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'phoihop: Nothing was written because the folder already holds records that clash with what phoihop init makes (the folder would not validate): ' +
        `cu/a.yaml (same ids as plans/example-${YEAR}.yaml: example-${YEAR}), parties.yml (same ids as parties.yaml: btg-tu, bdv-tu)\n`,
    );
    expect(files(dir)).toEqual(['cu/a.yaml', 'parties.yml']);
  });

  it('accepts a parties.yml with other ids: the folder it makes still validates', () => {
    const dir = tempFolder({ 'parties.yml': 'kind: parties\nparties:\n  - id: hoi-nong-dan\n    name: Hội Nông dân tỉnh\n' });
    expect(runCli(['init', dir], { env: VI_ENV }).code).toBe(0);
    expect(runCli(['validate', '--strict', '-C', dir])).toMatchObject({ code: 0, stdout: '0 lỗi, 0 cảnh báo trong 4 tệp.\n' });
  });

  it('refuses a bad time zone or locale, and a path that is a file', () => {
    const dir = tempFolder({ 'f.txt': 'x' });
    expect(runCli(['init', join(dir, 'a'), '--timezone', 'Sao/Hoa'], { env: VI_ENV })).toMatchObject({ code: 2, stderr: expect.stringContaining("Múi giờ không hợp lệ: 'Sao/Hoa'") });
    expect(runCli(['init', join(dir, 'a'), '--locale', 'fr'], { env: VI_ENV }).code).toBe(2);
    expect(runCli(['init', join(dir, 'f.txt')], { env: VI_ENV })).toMatchObject({ code: 2, stderr: expect.stringContaining('không phải là thư mục') });
    expect(files(dir)).toEqual(['f.txt']);
  });

  it.each(['.phoihop', 'plans', '.vscode'])('refuses a file where its folder %s must go, and makes no folder either', (blocker) => {
    const dir = tempFolder({ [blocker]: 'x' });
    const r = runCli(['init', dir], { env: EN_ENV });
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining(`these files exist (phoihop init never overwrites): ${blocker}\n`) });
    expect(readdirSync(dir)).toEqual([blocker]);
  });

  it('refuses, as bad usage naming the file, a folder to be made under a file', () => {
    const dir = tempFolder({ f: 'ghi chú\n' });
    const vi = runCli(['init', 'f/x'], { cwd: dir, env: VI_ENV });
    expect(vi).toEqual({ code: 2, stdout: '', stderr: 'phoihop: Không tạo được f/x: f là một tệp, không phải là thư mục. Không ghi gì.\n' });
    const en = runCli(['init', join(dir, 'f/x/y')], { env: EN_ENV });
    expect(en).toEqual({ code: 2, stdout: '', stderr: `phoihop: Cannot make ${join(dir, 'f/x/y')}: ${join(dir, 'f')} is a file, not a folder. Nothing was written.\n` });
    expect(files(dir)).toEqual(['f']);
    expect(readFileSync(join(dir, 'f'), 'utf8')).toBe('ghi chú\n');
  });

  it('refuses a dangling link where a folder must go', () => {
    const dir = tempFolder();
    symlinkSync(join(dir, 'nowhere'), join(dir, '.phoihop'));
    expect(runCli(['init', dir], { env: EN_ENV }).code).toBe(2);
    expect(readdirSync(dir)).toEqual(['.phoihop']);
  });

  // Inside /proc, making a folder fails with ENOENT although its parent is there: Node's recursive mkdir retried that for ever.
  it.runIf(existsSync('/proc/self'))('ends with a message where the system refuses to make the folder, instead of hanging', () => {
    const r = runCli(['init', '/proc/phoihop-test/ho-so'], { env: EN_ENV, timeout: 20_000 });
    // In the user's words, not Node's (`ENOENT: no such file or directory, mkdir …`); and nothing was made, so nothing is said to be removed.
    expect(r).toEqual({ code: 1, stdout: '', stderr: "phoihop: Cannot write the records folder /proc/phoihop-test/ho-so: no such file or folder /proc/phoihop-test (ENOENT). Nothing was made.\n" });
    const vi = runCli(['init', '/proc/phoihop-test/ho-so', '--lang', 'vi'], { timeout: 20_000 });
    expect(vi.stderr).toBe('phoihop: Không ghi được thư mục hồ sơ /proc/phoihop-test/ho-so: không có tệp hay thư mục /proc/phoihop-test (ENOENT). Chưa có gì được tạo.\n');
    expect(existsSync('/proc/phoihop-test')).toBe(false);
  });

  it('checks the global options as every command does, and refuses in the language of a config already there', () => {
    const dir = tempFolder({ 'phoihop.yaml': 'kind: config\nlocale: en\n' });
    expect(runCli(['init', dir, '--as-of', '2022-02-30'], { env: VI_ENV })).toMatchObject({ code: 2, stderr: expect.stringContaining('No such day') });
    expect(runCli(['init', dir, '--format', 'json'], { env: VI_ENV })).toMatchObject({ code: 2, stderr: expect.stringContaining("Format 'json'") });
    expect(runCli(['init', dir], { env: VI_ENV })).toMatchObject({ code: 2, stderr: expect.stringContaining('Nothing was written') });
    expect(runCli(['init', dir, '--lang', 'vi'], { env: EN_ENV })).toMatchObject({ code: 2, stderr: expect.stringContaining('Không ghi gì') });
    expect(readdirSync(dir)).toEqual(['phoihop.yaml']);
  });
});

const NEW = ['--title', 'Kế hoạch phối hợp thực hiện Chương trình năm 2027', '--parties', 'bdv-tu,btg-tu'];

describe('phoihop new', () => {
  it('writes a plan that validates, with the schema line and commented examples that validate once uncommented', () => {
    const dir = tempFolder();
    runCli(['init', dir], { env: VI_ENV });
    const r = runCli(['new', '-C', dir, 'kh-2027', ...NEW, '--period', 'H1/2027', '--signed', '15/12/2026', '--number', '12-KH/BDVTU-BTGTU']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã tạo plans/kh-2027.yaml.');
    const text = readFileSync(join(dir, 'plans/kh-2027.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../.phoihop/schemas/plan.schema.json');
    expect(parse(text)).toEqual({
      kind: 'plan',
      id: 'kh-2027',
      type: 'program',
      title: 'Kế hoạch phối hợp thực hiện Chương trình năm 2027',
      number: '12-KH/BDVTU-BTGTU',
      signed: '2026-12-15',
      period: '2027-H1',
      parties: ['bdv-tu', 'btg-tu'],
    });
    expect(runCli(['validate', '--strict', '-C', dir]).code).toBe(0);
    // The clerk uncomments the sample contents and tasks: still valid.
    writeFileSync(join(dir, 'plans/kh-2027.yaml'), text.replace(/^# (contents:|tasks:|  .*)$/gm, '$1'));
    const uncommented = parse(readFileSync(join(dir, 'plans/kh-2027.yaml'), 'utf8'));
    expect(uncommented.tasks.map((t: { id: string }) => t.id)).toEqual(['bao-cao-ket-qua', 'giao-ban']);
    expect(uncommented.contents).toHaveLength(1);
    const v = runCli(['validate', '--strict', '-C', dir]);
    expect(v.stdout).toBe('0 lỗi, 0 cảnh báo trong 4 tệp.\n');
  });

  it('writes an implementation plan under its parent, typed plan by default', () => {
    const dir = copyFolder(EXAMPLES + 'phu-yen');
    const r = runCli(['new', '-C', dir, 'btg-bdv-2023', ...NEW, '--period', '2023', '--parent', 'btg-bdv-2022-2026', '--signed', '2023-01-05', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Created plans/btg-bdv-2023.yaml.');
    // No schema copies in this folder: the clerk is told how to make them.
    expect(r.stderr).toContain('.phoihop/schemas/plan.schema.json is missing');
    const plan = parse(readFileSync(join(dir, 'plans/btg-bdv-2023.yaml'), 'utf8'));
    expect([plan.type, plan.parent, plan.period, plan.signed]).toEqual(['plan', 'btg-bdv-2022-2026', 2023, '2023-01-05']);
    expect(runCli(['validate', '--strict', '-C', dir, '--as-of', '2026-11-22']).code).toBe(0);
  });

  const refusals: Array<[string, string[], number, RegExp]> = [
    ['an id in use', ['btg-bdv-2022', ...NEW, '--period', '2022'], 2, /Mã 'btg-bdv-2022' đã được dùng trong plans\/btg-bdv-2022.yaml/],
    ['an id that is not a slug', ['KH 2027', ...NEW, '--period', '2027'], 2, /Mã 'KH 2027' không hợp lệ/],
    ['an unknown party', ['kh-2027', '--title', 'A', '--parties', 'bdv-tu,hoi-nong-dan', '--period', '2027'], 2, /Không có cơ quan mã 'hoi-nong-dan'/],
    ['one unknown party, in English', ['kh-2027', '--title', 'A', '--parties', 'bdv-tu,hoi-nong-dan', '--period', '2027', '--lang', 'en'], 2, /No party has the id 'hoi-nong-dan'\. Known ids:/],
    ['two unknown parties, in English', ['kh-2027', '--title', 'A', '--parties', 'hoi-a,hoi-b', '--period', '2027', '--lang', 'en'], 2, /No parties have the ids 'hoi-a', 'hoi-b'\. Known ids:/],
    ['a single party', ['kh-2027', '--title', 'A', '--parties', 'bdv-tu', '--period', '2027'], 2, /ít nhất hai bên/],
    ['a missing title and period', ['kh-2027', '--parties', 'bdv-tu,btg-tu'], 2, /Thiếu --title, --period/],
    ['an empty title, which the schema refuses', ['kh-2027', '--title', '', '--parties', 'bdv-tu,btg-tu', '--period', '2027'], 2, /Thiếu --title \(/],
    ['a bad period', ['kh-2027', ...NEW, '--period', '2027..2025'], 2, /Kỳ không hợp lệ/],
    ['an impossible signing date', ['kh-2027', ...NEW, '--period', '2027', '--signed', '30/2/2027'], 2, /Ngày không có thật: '30\/2\/2027'/],
    ['an unknown type', ['kh-2027', ...NEW, '--period', '2027', '--type', 'ke-hoach'], 2, /program hoặc plan/],
    ['an unknown parent', ['kh-2027', ...NEW, '--period', '2027', '--parent', 'khong-co'], 2, /Không có chương trình mã 'khong-co'/],
    ['a period outside the parent', ['kh-2027', ...NEW, '--period', '2027', '--parent', 'btg-bdv-2022-2026'], 1, /error \[period-outside-parent\][\s\S]*chưa ghi gì/],
  ];

  it.each(refusals)('refuses %s and writes nothing', (_name, args, code, message) => {
    const dir = copyFolder(EXAMPLES + 'phu-yen');
    const before = files(dir);
    const r = runCli(['new', '-C', dir, ...args]);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(code);
    expect(files(dir)).toEqual(before);
  });

  it('refuses, naming it, a file called plans where the plans folder must be', () => {
    const dir = copyFolder(EXAMPLES + 'phu-yen');
    renameSync(join(dir, 'plans'), join(dir, 'pl'));
    writeFileSync(join(dir, 'plans'), 'không phải thư mục\n');
    const before = files(dir);
    const r = runCli(['new', '-C', dir, 'x1', ...NEW, '--period', '2027']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'phoihop: Không tạo được plans/x1.yaml: plans là một tệp, không phải là thư mục. Không ghi gì.\n' });
    const en = runCli(['new', '-C', dir, 'x1', ...NEW, '--period', '2027', '--lang', 'en']);
    expect(en.stderr).toBe('phoihop: Cannot make plans/x1.yaml: plans is a file, not a folder. Nothing was written.\n');
    expect(files(dir)).toEqual(before);
    expect(readFileSync(join(dir, 'plans'), 'utf8')).toBe('không phải thư mục\n');
  });

  it('refuses an id whose file exists even if it holds another plan', () => {
    const dir = copyFolder(EXAMPLES + 'phu-yen');
    mkdirSync(join(dir, 'plans/cu'), { recursive: true });
    const text = readFileSync(join(dir, 'plans/btg-bdv-2022.yaml'));
    writeFileSync(join(dir, 'plans/kh-moi.yaml'), text.toString().replace('id: btg-bdv-2022', 'id: kh-khac'));
    const r = runCli(['new', '-C', dir, 'kh-moi', ...NEW, '--period', '2027']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plans/kh-moi.yaml đã có');
  });
});
