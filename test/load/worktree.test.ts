/** Finding record files on disk: recursion, skipped folders, ignore globs and symbolic links. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecords } from '../../src/load/load.js';
import { WorkTreeSource } from '../../src/load/worktree.js';
import { BIN } from '../helpers/cli.js';
import { tempFolder } from '../helpers/folder.js';

const PLAN = (id: string) => `kind: plan\nid: ${id}\ntitle: T\nsigned: 2022-01-01\nperiod: 2022\nparties: [a, b]\n`;

describe('WorkTreeSource', () => {
  it('finds .yaml and .yml files in every folder, sorted, with / separators', async () => {
    const dir = tempFolder({
      'phoihop.yaml': 'kind: config\n',
      'plans/2022/b.yml': PLAN('b'),
      'plans/2022/a.yaml': PLAN('a'),
      'plans/README.md': '# not a record',
      'plans/notes.yaml.txt': 'x',
      'Z.YAML': PLAN('z'),
    });
    expect(await new WorkTreeSource(dir).listRecordFiles()).toEqual(['Z.YAML', 'phoihop.yaml', 'plans/2022/a.yaml', 'plans/2022/b.yml']);
  });

  it('skips dot-folders, dot-files and node_modules at any depth', async () => {
    const dir = tempFolder({
      'a.yaml': PLAN('a'),
      '.git/config.yaml': 'x',
      '.vscode/settings.yaml': 'x',
      'node_modules/pkg/x.yaml': 'x',
      'plans/.drafts/d.yaml': 'x',
      'plans/node_modules/n.yaml': 'x',
      'plans/.hidden-file.yaml': PLAN('h'),
      '.gitlab-ci.yml': 'stages: [test]\n',
      '.pre-commit-config.yaml': 'repos: []\n',
    });
    // Dot-files are CI and tool settings (.gitlab-ci.yml at a repository root), never records.
    expect(await new WorkTreeSource(dir).listRecordFiles()).toEqual(['a.yaml']);
  });

  it('never walks a symbolic link round a loop', async () => {
    const dir = tempFolder({ 'plans/a.yaml': PLAN('a') });
    symlinkSync('..', join(dir, 'plans', 'loop'));
    symlinkSync(join(dir, 'plans'), join(dir, 'plans', 'self'));
    expect(await new WorkTreeSource(dir).listRecordFiles()).toEqual(['plans/a.yaml']);
  });

  it('never follows a link out of the folder, to a folder or to a file', async () => {
    const outside = tempFolder({ 'secret.yaml': PLAN('secret'), 'more/other.yaml': PLAN('other') });
    const dir = tempFolder({ 'plans/a.yaml': PLAN('a') });
    symlinkSync(join(outside, 'more'), join(dir, 'plans', 'more'));
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'plans', 'secret.yaml'));
    symlinkSync('../../../etc', join(dir, 'etc'));
    const source = new WorkTreeSource(dir);
    expect(await source.listRecordFiles()).toEqual(['plans/a.yaml']);
    // The link to a file is named (a plan went missing); the links to folders are not record files.
    expect(source.unreadLinks).toEqual([{ path: 'plans/secret.yaml', target: join(outside, 'secret.yaml'), reason: 'outside' }]);
  });

  it('reads a link to a file inside the folder once, and names the dangling links it leaves out', async () => {
    const dir = tempFolder({ 'plans/a.yaml': PLAN('a'), '.shared/p.yaml': 'kind: parties\nparties: [{ id: a, name: A }]\n' });
    symlinkSync('a.yaml', join(dir, 'plans', 'alias-of-a.yaml')); // same file as plans/a.yaml: not twice
    symlinkSync('.shared/p.yaml', join(dir, 'parties.yaml')); // a file kept in a dot-folder, linked in
    symlinkSync('missing.yaml', join(dir, 'plans', 'dangling.yaml'));
    mkdirSync(join(dir, 'linked-dir'));
    const source = new WorkTreeSource(dir);
    expect(await source.listRecordFiles()).toEqual(['parties.yaml', 'plans/a.yaml']);
    // Not read, but said: a plan linked in and then moved would otherwise drop out unnoticed.
    expect(source.unreadLinks).toEqual([{ path: 'plans/dangling.yaml', target: 'missing.yaml', reason: 'missing' }]);
  });

  it('works when the records folder itself is reached through a link', async () => {
    const real = tempFolder({ 'plans/a.yaml': PLAN('a') });
    const holder = tempFolder();
    symlinkSync(real, join(holder, 'records'));
    const source = new WorkTreeSource(join(holder, 'records'));
    expect(await source.listRecordFiles()).toEqual(['plans/a.yaml']);
    expect(new TextDecoder().decode(await source.readFile('plans/a.yaml'))).toBe(PLAN('a'));
  });
});

describe('ignore globs in phoihop.yaml', () => {
  it('leaves out matching files, and counts only what is loaded', async () => {
    const dir = tempFolder({
      'phoihop.yaml': 'kind: config\nignore: ["drafts/**", "**/*.bak.yaml", old.yaml]\n',
      'drafts/broken.yaml': 'kind: [',
      'plans/a.yaml': PLAN('a'),
      'plans/a.bak.yaml': 'not: even: yaml',
      'old.yaml': '',
      'plans/old.yaml': PLAN('old'),
    });
    symlinkSync('gone.yaml', join(dir, 'drafts', 'linked.yaml')); // ignored: no warning either
    symlinkSync('gone.yaml', join(dir, 'plans', 'linked.yaml'));
    const loaded = await loadRecords(new WorkTreeSource(dir));
    expect(loaded.paths).toEqual(['phoihop.yaml', 'plans/a.yaml', 'plans/old.yaml']);
    expect(loaded.fileCount).toBe(3);
    expect(loaded.diagnostics).toEqual([
      { file: 'plans/linked.yaml', line: 1, column: 1, severity: 'warning', rule: 'link-not-read', args: { reason: 'missing', target: 'gone.yaml' } },
    ]);
  });

  it('takes folders by name, a leading / as the folder itself, and !glob back, the last glob that matches deciding', async () => {
    const files = {
      'drafts/a.yaml': PLAN('da'),
      'drafts/keep.yaml': PLAN('dk'),
      'old/x.yaml': PLAN('ox'),
      'plans/old/y.yaml': PLAN('poy'),
      'tmp/z.yaml': PLAN('tz'),
      'plans/p.yaml': PLAN('p'),
    };
    const paths = async (ignore: string[]) => (await loadRecords(new WorkTreeSource(tempFolder({ 'phoihop.yaml': `kind: config\nignore: ${JSON.stringify(ignore)}\n`, ...files })))).paths;
    const all = ['drafts/a.yaml', 'drafts/keep.yaml', 'old/x.yaml', 'phoihop.yaml', 'plans/old/y.yaml', 'plans/p.yaml', 'tmp/z.yaml'];
    const without = (...left: string[]) => all.filter((p) => !left.includes(p));
    // A folder by its name, with or without a slash; from the top only, as every glob here.
    expect(await paths(['drafts'])).toEqual(without('drafts/a.yaml', 'drafts/keep.yaml'));
    expect(await paths(['old/', '/tmp'])).toEqual(without('old/x.yaml', 'tmp/z.yaml'));
    expect(await paths(['**/old'])).toEqual(without('old/x.yaml', 'plans/old/y.yaml'));
    // A trailing slash names folders only; a file glob names files.
    expect(await paths(['plans/p.yaml/'])).toEqual(all);
    // Taken back: what a .gitignore writer expects, not "everything but this file".
    expect(await paths(['drafts/**', '!drafts/keep.yaml'])).toEqual(without('drafts/a.yaml'));
    expect(await paths(['drafts', '!drafts/keep.yaml'])).toEqual(without('drafts/a.yaml'));
    expect(await paths(['!drafts/keep.yaml'])).toEqual(all);
    expect(await paths(['!drafts/keep.yaml', 'drafts/**'])).toEqual(without('drafts/a.yaml', 'drafts/keep.yaml'));
  });

  it('so a ! glob cannot make a folder with errors pass by loading nothing', () => {
    const dir = tempFolder({
      'phoihop.yaml': 'kind: config\nignore: [drafts/**, "!drafts/keep.yaml"]\n',
      'parties.yaml': 'kind: parties\nparties:\n  - { id: a, name: A }\n  - { id: b, name: B }\n',
      'plans/p.yaml': PLAN('p').replace('parties: [a, b]', 'parties: [a, ai-do]'),
    });
    const r = spawnSync(process.execPath, [BIN, 'validate', '-C', dir, '--format', 'json'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 3, errors: 1 });
  });

  it('refuses a glob it cannot use as an error at the glob, leaving nothing out for it, never as a crash', () => {
    // '' is the schema's (minLength); the others name nothing once ! and slashes are off, or are past picomatch's length limit.
    for (const glob of ['', '/', '!', '!/', '//', 'x'.repeat(70_000)]) {
      const dir = tempFolder({
        'phoihop.yaml': `kind: config\nignore:\n  - drafts\n  - ${JSON.stringify(glob)}\n`,
        'parties.yaml': 'kind: parties\nparties:\n  - { id: a, name: A }\n  - { id: b, name: B }\n',
        'drafts/p.yaml': PLAN('d'),
        'plans/p.yaml': PLAN('p'),
      });
      const r = spawnSync(process.execPath, [BIN, 'validate', '-C', dir, '--format', 'json', '--lang', 'en'], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      const report = JSON.parse(r.stdout) as { files: number; diagnostics: { file: string; line: number; column: number; rule: string; message: string }[] };
      // The usable glob still leaves drafts out.
      expect(report.files).toBe(3);
      expect(report.diagnostics).toMatchObject([{ file: 'phoihop.yaml', line: 4, column: 5, rule: glob === '' ? 'empty-value' : 'invalid-ignore' }]);
      expect(report.diagnostics[0].message.length).toBeLessThan(300);
    }
  });

  it('cannot ignore the config itself', async () => {
    const dir = tempFolder({ 'phoihop.yaml': 'kind: config\nignore: ["*.yaml"]\n', 'a.yaml': PLAN('a') });
    const loaded = await loadRecords(new WorkTreeSource(dir));
    expect(loaded.paths).toEqual(['phoihop.yaml']);
  });
});

describe('a folder that cannot be read', () => {
  // Root reads any folder whatever its mode: the CLI then runs as `nobody`, which Node can do for a root parent.
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? { uid: 65534, gid: 65534 } : {};
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', ...user });

  it.skipIf(process.platform === 'win32')('is an error at the folder, not a folder that passes without its files', (ctx) => {
    // As `nobody`, a clone in a private home folder cannot be run at all: nothing to learn there.
    if (asRoot && run(['--version']).status !== 0) ctx.skip();
    const dir = tempFolder({ 'phoihop.yaml': 'kind: config\n', 'parties.yaml': 'kind: parties\nparties:\n  - { id: a, name: A }\n  - { id: b, name: B }\n', 'plans/p.yaml': PLAN('p') });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'plans'), 0o000);
    try {
      const r = run(['validate', '-C', dir, '--lang', 'en', '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout).diagnostics).toEqual([
        { file: 'plans', line: 1, column: 1, severity: 'error', rule: 'unreadable-folder', message: expect.stringMatching(/^Cannot read the folder: permission denied \(EACCES\)\. /) },
      ]);
      // The reports refuse it as they refuse any error.
      expect(run(['status', '-C', dir]).status).toBe(1);
    } finally {
      chmodSync(join(dir, 'plans'), 0o755);
    }
  });
});
