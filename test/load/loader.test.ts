/**
 * The loader in-process: line ends, BOM and Unicode normalisation do not
 * change what is found or where, and odd YAML becomes diagnostics.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Alias } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { diagnosticMessage } from '../../src/i18n/diagnostics.js';
import { systemError } from '../../src/i18n/system-errors.js';
import { loadRecords } from '../../src/load/load.js';
import { parseDate } from '../../src/model/dates.js';
import { validateRecords } from '../../src/validate/validate.js';
import { EXAMPLES, EXAMPLE_FOLDERS } from '../helpers/cli.js';
import { InMemorySource } from '../helpers/memory-source.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));
const AS_OF = (parseDate('2026-11-22') as { day: number }).day;

/** Every record file under a folder, path → text. */
function readFolder(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name)) out[relative(root, full).split('\\').join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}

const mapTexts = (files: Record<string, string>, f: (s: string) => string | Uint8Array) =>
  Object.fromEntries(Object.entries(files).map(([p, t]) => [p, f(t)]));
const crlf = (s: string) => s.replace(/\n/g, '\r\n');
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]);

async function diagnose(files: Record<string, string | Uint8Array>) {
  return validateRecords(await loadRecords(new InMemorySource(files)), { asOf: AS_OF });
}
const places = (v: Awaited<ReturnType<typeof diagnose>>) => v.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`);

const fixtureNames = readdirSync(FIXTURES).filter((n) => statSync(join(FIXTURES, n)).isDirectory());
const exampleNames = EXAMPLE_FOLDERS;

describe('line ends, BOM and Unicode forms', () => {
  it.each(fixtureNames)('%s: CRLF and BOM+CRLF give the same diagnostics at the same places', async (name) => {
    const files = readFolder(join(FIXTURES, name));
    const lf = places(await diagnose(files));
    expect(lf.length).toBeGreaterThan(0);
    expect(places(await diagnose(mapTexts(files, crlf)))).toEqual(lf);
    expect(places(await diagnose(mapTexts(files, (t) => withBom(crlf(t)))))).toEqual(lf);
  });

  it.each(fixtureNames)('%s: decomposed (NFD) text gives the same diagnostics on the same lines', async (name) => {
    const files = readFolder(join(FIXTURES, name));
    const lines = (v: Awaited<ReturnType<typeof diagnose>>) => v.diagnostics.map((d) => ({ file: d.file, line: d.line, rule: d.rule, args: d.args }));
    expect(lines(await diagnose(mapTexts(files, (t) => t.normalize('NFD'))))).toEqual(lines(await diagnose(files)));
  });

  it.each(exampleNames)('example %s: same model whether its text is NFC, NFD, CRLF or has a BOM', async (name) => {
    const files = readFolder(join(EXAMPLES, name));
    const nfc = await diagnose(files);
    expect(nfc.diagnostics).toEqual([]);
    for (const variant of [mapTexts(files, (t) => t.normalize('NFD')), mapTexts(files, crlf), mapTexts(files, (t) => withBom(t))]) {
      const other = await diagnose(variant);
      expect(other.diagnostics).toEqual([]);
      expect(other.model).toEqual(nfc.model);
    }
    // Decomposed input really was different text, and comes out composed.
    const titles = nfc.model.plans.map((p) => p.title);
    expect(titles.some((t) => t.normalize('NFD') !== t)).toBe(true);
  });

  it('reports a decomposed unknown key in composed form, at its column in the file', async () => {
    const text = 'kind: parties\nparties:\n  - { id: a, name: Ban Tuyên giáo, phổ biến }\n'.normalize('NFD');
    const v = await diagnose({ 'parties.yaml': text });
    expect(v.diagnostics.map((d) => [d.rule, d.line, d.column, d.args.field])).toEqual([
      ['unknown-field', 3, text.split('\n')[2].indexOf('ph') + 1, 'phổ biến'],
    ]);
  });
});

describe('a file that cannot be read', () => {
  it('is a read-error at 1:1, and the other files still load', async () => {
    const source = new InMemorySource({ 'parties.yaml': 'kind: parties\nparties: [{ id: a, name: A }]\n', 'plans/x.yaml': 'kind: plan\n' });
    const failing = Object.assign(Object.create(source) as InMemorySource, {
      readFile: async (path: string) => {
        if (path === 'plans/x.yaml') throw new Error('EACCES: permission denied');
        return source.readFile(path);
      },
    });
    const loaded = await loadRecords(failing);
    expect(loaded.diagnostics.map((d) => [d.file, d.line, d.column, d.rule, d.args.detail])).toEqual([['plans/x.yaml', 1, 1, 'read-error', 'EACCES: permission denied']]);
    expect(loaded.files.map((f) => f.path)).toEqual(['parties.yaml']);
    expect(loaded.fileCount).toBe(2);
  });

  it("is told in the reader's language when the error has a code Node gave, and as Node wrote it otherwise", async () => {
    const source = new InMemorySource({ 'plans/x.yaml': 'kind: plan\n', 'plans/y.yaml': 'kind: plan\n' });
    const failing = Object.assign(Object.create(source) as InMemorySource, {
      readFile: async (path: string) => {
        if (path === 'plans/x.yaml') throw Object.assign(new Error("EACCES: permission denied, open '/h/plans/x.yaml'"), { code: 'EACCES', path: '/h/plans/x.yaml' });
        throw new Error('git cat-file failed');
      },
    });
    const [x, y] = (await loadRecords(failing)).diagnostics;
    expect(diagnosticMessage(x, 'vi')).toBe('Không đọc được tệp: không có quyền truy cập (EACCES). Kiểm tra quyền đọc của tệp.');
    expect(diagnosticMessage(x, 'en')).toBe('Cannot read the file: permission denied (EACCES). Check that it is readable.');
    expect(diagnosticMessage(y, 'en')).toBe('Cannot read the file: git cat-file failed. Check that it is readable.');
  });
});

describe('systemError: what a failed file operation says', () => {
  it.each([
    [{ code: 'ENOENT', path: '/x/y' }, 'không có tệp hay thư mục /x/y (ENOENT)', 'no such file or folder /x/y (ENOENT)'],
    [{ code: 'EACCES', path: '/x' }, 'không có quyền truy cập /x (EACCES)', 'permission denied on /x (EACCES)'],
    [{ code: 'ENOSPC', path: '/x' }, 'đĩa đã đầy (ENOSPC)', 'the disk is full (ENOSPC)'],
    [{ code: 'EROFS' }, 'ổ đĩa chỉ cho phép đọc (EROFS)', 'the file system is read-only (EROFS)'],
    [{ code: 'EWHATEVER', message: 'EWHATEVER: something, open /x' }, 'EWHATEVER: something, open /x', 'EWHATEVER: something, open /x'],
    [{ message: 'plain' }, 'plain', 'plain'],
  ])('%j', (error, vi, en) => {
    expect([systemError('vi', error), systemError('en', error)]).toEqual([vi, en]);
  });

  it('leaves the path out where the message names the file already', () => {
    expect(systemError('en', { code: 'EISDIR', path: '/x' }, { withPath: false })).toBe('the path is a folder (EISDIR)');
  });
});

describe('odd YAML becomes diagnostics', () => {
  const one = async (text: string) => (await loadRecords(new InMemorySource({ 'x.yaml': text }))).diagnostics.map((d) => [d.rule, d.line, d.column]);

  it('an explicit null, a number, a list: not a mapping', async () => {
    expect(await one('~\n')).toEqual([['not-a-mapping', 1, 1]]);
    expect(await one('# c\n2022\n')).toEqual([['not-a-mapping', 2, 1]]);
    expect(await one('[kind, plan]\n')).toEqual([['not-a-mapping', 1, 1]]);
  });

  it('a bare ---, a --- then ..., comments only, nothing: empty', async () => {
    for (const text of ['---\n', '---\n...\n', '# c\n\n# d\n', '', '\n\n', '\r\n']) expect(await one(text)).toEqual([['empty-file', 1, 1]]);
  });

  it('a trailing --- starts a second document', async () => {
    expect(await one('kind: plan\n---\n')).toEqual([['multiple-documents', 2, 1]]);
    expect(await one('kind: plan\n--- \nkind: plan\n---\nkind: plan\n')).toEqual([['multiple-documents', 2, 1]]);
  });

  it('a leading --- or a directive is one document', async () => {
    expect(await one('---\nkind: plan\n')).toEqual([]);
    expect(await one('%YAML 1.2\n---\nkind: plan\n')).toEqual([]);
  });

  it('a tag on an empty document is still a tag', async () => {
    expect(await one('--- !plan\n')).toEqual([['unsupported-tag', 1, 5]]);
  });

  it('core tags are fine, others are not', async () => {
    expect(await one('kind: !!str plan\nid: !!str 5\n')).toEqual([]);
    expect(await one('kind: plan\nsigned: !!timestamp 2022-01-01\n')).toEqual([['unsupported-tag', 2, 9]]);
    expect(await one('kind: plan\nparties: !<tag:example.com,2000:x> [a]\n')).toEqual([['unsupported-tag', 2, 10]]);
  });

  it('a key __proto__ stays a key, so the schema can name it', async () => {
    const v = await diagnose({ 'x.yaml': 'kind: config\n__proto__: { locale: en }\n' });
    expect(v.diagnostics.map((d) => [d.rule, d.line, d.column, d.args.field])).toEqual([['unknown-field', 2, 1, '__proto__']]);
    expect(v.model.config.locale).toBe('vi');
  });

  it('a billion laughs stops at the alias limit', async () => {
    let text = 'kind: plan\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    const names = 'bcdefghijklmnop';
    for (let i = 0; i < names.length; i++) text += `${names[i]}: &${names[i]} [${Array(10).fill(`*${i === 0 ? 'a' : names[i - 1]}`).join(',')}]\n`;
    expect(await one(text)).toEqual([['alias-limit', 3, 8]]);
  });

  it('nesting too deep for the parser is named as such in both languages, not as aliases or a call stack', async () => {
    const v = await diagnose({ 'x.yaml': `kind: party\nid: ${'['.repeat(20000)}\n` });
    expect(v.diagnostics.map((d) => [d.rule, d.line])).toEqual([['yaml-syntax', 2]]);
    expect(diagnosticMessage(v.diagnostics[0], 'vi')).toContain('lồng nhau quá sâu');
    expect(diagnosticMessage(v.diagnostics[0], 'en')).toContain('brackets [ ] { } or indentation nest too deeply to read');
  });

  it('an alias to an anchor defined later is an error, not a crash', async () => {
    expect(await one('kind: plan\nid: *later\ntitle: &later x\n')).toEqual([['yaml-syntax', 2, 5]]);
  });

  // Counted, not timed: each of these was quadratic (60 s and more for a 400 KB file) until the work stopped growing with the square.
  it('many aliases are resolved in one walk, not one walk of the document each', async () => {
    const resolve = vi.spyOn(Alias.prototype, 'resolve');
    try {
      const text = `kind: plan\na: &a x\nb: [${Array(20000).fill('*a').join(',')}]\nc: *nowhere\n`;
      expect(await one(text)).toEqual([['yaml-syntax', 4, 4]]);
      expect(resolve).not.toHaveBeenCalled();
    } finally {
      resolve.mockRestore();
    }
  });

  it('thousands of unknown keys are each located and worded without writing out their mapping each time', async () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `k${i}: 1`).join('\n');
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const v = await diagnose({ 'x.yaml': `kind: config\n${keys}\n` });
      expect(v.diagnostics).toHaveLength(3000);
      expect(v.diagnostics.at(-1)).toMatchObject({ rule: 'unknown-field', line: 3001, column: 1 });
      const wholeMapping = stringify.mock.calls.filter(([value]) => value !== null && typeof value === 'object' && Object.keys(value).length > 1000);
      expect(wholeMapping.length).toBeLessThanOrEqual(1);
    } finally {
      stringify.mockRestore();
    }
  });

  it('a few aliases are fine', async () => {
    expect(await one('kind: parties\nparties:\n  - &p { id: a, name: A }\n  - { id: b, name: B }\nx: *p\n')).toEqual([]);
  });

  it('a merge key << is an ordinary key (YAML 1.2), so the schema rejects it', async () => {
    const v = await diagnose({ 'x.yaml': 'kind: config\nbase: &b { locale: en }\n<<: *b\n' });
    expect(v.diagnostics.map((d) => [d.rule, d.line, d.column, d.args.field])).toEqual([
      ['unknown-field', 2, 1, 'base'],
      ['unknown-field', 3, 1, '<<'],
    ]);
  });

  it('a conflict marker is found even when git left only the lower half', async () => {
    expect(await one('kind: plan\nid: a\n=======\nid: b\n>>>>>>> feature\n')).toEqual([['merge-conflict', 3, 1]]);
  });

  it('an unclosed quote or bracket is shown where it opens', async () => {
    expect(await one('kind: plan\ntitle: "Kế hoạch\nid: a\n')).toEqual([['yaml-syntax', 2, 8]]);
    expect(await one("kind: plan\nparties: [a, b\n")).toEqual([['yaml-syntax', 2, 10]]);
  });
});
