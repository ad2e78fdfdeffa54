/**
 * yaml 2.9's lexer misreads a value on its own line after a comment glued to
 * its `#`, after a tab, or after a blank line before a comment at column 0
 * (see src/load/yaml-documents.ts). The loader reads such files as YAML
 * does, with every diagnostic on the file's own line and column.
 */
import { isScalar, parseDocument, visit } from 'yaml';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parseDocument as parseWithSearch } from '../../src/load/yaml-documents.js';
import { fastParse } from '../../src/load/fast-parse.js';
import { composeDocuments, parseOneDocument, parseRecordText } from '../../src/load/parse.js';
import { YAML_PARSE_OPTIONS } from '../../src/edit/scalar.js';
import { recordLikeDocument, structuredDocument, yamlDocument } from '../perf/yaml-texts.js';

const RUNS = Number(process.env.PHOIHOP_FUZZ_RUNS ?? 300);
const read = (text: string) => parseRecordText('f.yaml', text);

describe('files with comments that yaml alone misreads', () => {
  it('are read as YAML (and js-yaml) read them', () => {
    const cases: Array<[string, unknown]> = [
      ['a:\n#c\n  x\nk: 1\n', { a: 'x', k: 1 }],
      ['a:\n\n# c\n  x\nk: 1\n', { a: 'x', k: 1 }],
      ['l:\n- \n#c\n  x\n- y\n', { l: ['x', 'y'] }],
      ['ghi_chu:\n#ghi chú\n  nội dung\nid: x\n', { ghi_chu: 'nội dung', id: 'x' }],
      ['tasks:\n  - id: a\n    title:\n#tạm bỏ\n      Nội dung\n    lead: b\n', { tasks: [{ id: 'a', title: 'Nội dung', lead: 'b' }] }],
      // Not comments: a block scalar's lines stay as they are.
      ['a: |\n  #c\n\n  #d\nb: 1\n', { a: '#c\n\n#d\n', b: 1 }],
    ];
    for (const [text, value] of cases) {
      // The case must really be one that yaml alone misreads, or this tests nothing.
      const alone = parseDocument(text, { version: '1.2' });
      expect(alone.errors.length > 0 || JSON.stringify(alone.toJS()) !== JSON.stringify(value) || text.includes('|'), JSON.stringify(text)).toBe(true);
      expect(read(text), JSON.stringify(text)).toMatchObject({ data: value, diagnostics: [] });
      expect(jsyaml.load(text)).toEqual(value);
    }
  });

  it("keep every diagnostic and every node's place on the file's own line and column", () => {
    expect(read('a:\n#c\n  x\nk: 1\nk: 2\n').diagnostics).toMatchObject([{ line: 5, column: 1, rule: 'duplicate-key' }]);
    expect(read('a:\n\n#c\n  !!binary x\n').diagnostics).toMatchObject([{ line: 4, column: 3, rule: 'unsupported-tag' }]);
    expect(read('a:\n#c\n  x\nb: "open\n').diagnostics).toMatchObject([{ line: 4, column: 4, rule: 'yaml-syntax' }]);
    const located = read('a:\n\n#c\n  x\n#d\nk:   [1, 2]\n');
    expect(located.diagnostics).toEqual([]);
    expect(located.locate(['a'])).toEqual({ line: 4, column: 3 });
    expect(located.locate(['k', 1])).toEqual({ line: 6, column: 10 });
    expect(located.locate(['k'], 'key')).toEqual({ line: 6, column: 1 });
  });

  it('are read right where a misled lexer would take content for a comment, or give up', () => {
    // Found by review: after a misleading comment, a later block or quoted scalar's `#` line, and nested chains.
    const cases: Array<[string, unknown]> = [
      ['a:\n#c\n  x\nk: |\n #y\n', { a: 'x', k: '#y\n' }],
      ['- \n#c\n  x\n- |\n #y\n', ['x', '#y\n']],
      ['a:\n#c\n  x\nk: "p\n #y q"\n', { a: 'x', k: 'p #y q' }],
      ['a:\n\n#c\n  x\nk: >\n #y\n', { a: 'x', k: '#y\n' }],
      ['- \n\t#c\n  x\n- y\n', ['x', 'y']],
      ['a:\n\t# c\n  x\nk: 1\n', { a: 'x', k: 1 }],
      [
        'tasks:\n  - id: mo\n    lead:\n#ghi chú\n      bdv-tu\n    title: >-\n      #1 Nhiệm vụ mở\n      ##2 thêm dòng\n',
        { tasks: [{ id: 'mo', lead: 'bdv-tu', title: '#1 Nhiệm vụ mở ##2 thêm dòng' }] },
      ],
    ];
    let chain = 'a:\n';
    for (let level = 0; level < 6; level++) {
      const i = ' '.repeat(2 + 2 * level);
      chain += `${i}k${level}:\n${i.slice(1)}#c\n${i}  |1\n${i}m${level}:\n`;
    }
    chain += `${' '.repeat(14)}z: 1\n`;
    let nested: unknown = { z: 1 };
    for (let level = 5; level >= 0; level--) nested = { [`k${level}`]: '', [`m${level}`]: nested };
    cases.push([chain, { a: nested }]);
    for (const [text, value] of cases) {
      expect(read(text), JSON.stringify(text)).toMatchObject({ data: value, diagnostics: [] });
      expect(jsyaml.load(text)).toEqual(value);
    }
  });

  it('agree with the fast path (js-yaml) on generated texts of comments, blank lines and scalars under a key', () => {
    const line = fc.tuple(
      fc.constantFrom('', ' ', '  ', '    '),
      fc.constantFrom('', '', '#c', '# c', '#', 'K:', 'K:', 'K: x', 'x', 'x', '#y', '- x', '- #c', 'K: |', 'K: >-', 'K: x #c', '"q', 'q"', "'q", "#y q'", '#ghi chú'),
    );
    // Under a key, as in a record (at the top, yaml and js-yaml differ on plain scalars that run on to column 0); keys numbered, never the same.
    const text = fc
      .array(line, { minLength: 1, maxLength: 8 })
      .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => ['k:', ...lines.map(([indent, content], i) => indent + content.replace('K', `k${i}`))].join(eol) + eol));
    let compared = 0;
    fc.assert(
      fc.property(text, (original) => {
        // Where the fast path (js-yaml, on the plain subset where the two agree) reads the text, yaml must read the same.
        const fast = fastParse('f.yaml', original);
        if (!fast) return;
        const expected = JSON.stringify(fast.data);
        const doc = parseAllDocuments(original, { version: '1.2' });
        compared++;
        expect(doc.map((d) => d.errors.map((e) => e.code)), JSON.stringify(original)).toEqual([[]]);
        expect(JSON.stringify(doc[0].toJS()), JSON.stringify(original)).toBe(expected);
      }),
      { numRuns: RUNS * 30 },
    );
    expect(compared).toBeGreaterThan(RUNS);
  });
});

describe('duplicate keys, found in one pass instead of by yaml\'s search', () => {
  /**
   * What the loader's reading and yaml's own (which compares every pair of keys) say of a text: values, errors
   * and warnings alike; of duplicate keys, how many. Where yaml puts a duplicate is checked apart (below): the
   * pass puts it at the key, where yaml sometimes puts it at the end of the line above (after an empty value).
   */
  const reading = (text: string, keySearch: 'one-pass' | 'yaml') =>
    composeDocuments(text, keySearch).map((doc) => ({
      value: valueOf(doc),
      errors: doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY').map((e) => `${e.code}@${e.pos[0]}`),
      duplicates: doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').length,
      warnings: doc.warnings.map((w) => `${w.code}@${w.pos[0]}`),
    }));
  /** The one pass's duplicates are each at the first character of a key that repeats one before it in its mapping. */
  const atRepeatedKeys = (text: string) => {
    for (const doc of composeDocuments(text, 'one-pass')) {
      const repeated = new Set<number>();
      visit(doc, {
        Map(_, map) {
          const seen = new Set<string>();
          for (const { key } of map.items) {
            if (!isScalar(key)) continue;
            const name = typeof key.value === 'string' ? key.value.normalize('NFC') : String(key.value);
            if (seen.has(name)) repeated.add((key as { range?: number[] }).range![0]);
            seen.add(name);
          }
        },
      });
      const places = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]);
      // An empty key repeated is left to yaml's search, which places it its own way.
      if (places.every((p) => repeated.has(p)) === false) expect(composeDocuments(text, 'yaml')[0]?.errors.map((e) => `${e.code}@${e.pos[0]}`)).toEqual(doc.errors.map((e) => `${e.code}@${e.pos[0]}`));
      else expect(places).toEqual([...repeated].sort((a, b) => a - b));
    }
  };
  const valueOf = (doc: ReturnType<typeof composeDocuments>[number]) => {
    try {
      return JSON.stringify(doc.toJS({ maxAliasCount: -1 }));
    } catch (error) {
      return `throws ${(error as Error).message}`; // an alias to nothing, say
    }
  };
  const agree = (text: string) => {
    expect(reading(text, 'one-pass'), JSON.stringify(text)).toEqual(reading(text, 'yaml'));
    atRepeatedKeys(text);
  };

  it('reports the same duplicates at the same places as yaml, for every way two keys can be one', () => {
    const cases = [
      'k: 1\nk: 2\n',
      "2022: a\n'2022': b\n",
      'null: a\n~: b\n',
      '"null": a\n~: b\n',
      'true: a\n"true": b\n',
      '1.0: a\n1: b\n',
      '-0: a\n0: b\n',
      '.nan: a\n.NaN: b\n',
      'Kế: a\nKe\u0302\u0301: b\n',
      '{a: 1, a: 2}\n',
      'x:\n  - {a: 1, b: 2, a: 3}\n  - y: 1\n    y: 2\n',
      '[a, b]: 1\n[a, b]: 2\n',
      '&k a: 1\n*k : 2\n',
      'a: 1\nb: 2\n',
    ];
    for (const text of cases) agree(text);
    // The cases must hold duplicates, or this tests nothing.
    expect(cases.filter((text) => reading(text, 'yaml')[0].duplicates > 0).length).toBe(11);
  });

  it('puts a key repeated after an empty value at the key, where yaml put it at the end of the line above, naming no key', () => {
    const text = 'kind: plan\nnote:\nnote: x\n';
    expect(composeDocuments(text, 'yaml')[0].errors.map((e) => `${e.code}@${e.pos[0]}`)).toEqual(['DUPLICATE_KEY@16']);
    expect(composeDocuments(text, 'one-pass')[0].errors.map((e) => `${e.code}@${e.pos[0]}`)).toEqual(['DUPLICATE_KEY@17']);
    expect(parseRecordText('a.yaml', text).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.args.key}`)).toEqual(['3:1 duplicate-key note']);
  });

  it('agrees with yaml on a mapping of thousands of keys, with and without one repeated', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `k${i}: ${i}\n`).join('');
    agree(keys);
    agree(`${keys}k1234: again\n`);
  });

  it('agrees with yaml on generated documents', () => {
    fc.assert(fc.property(fc.oneof(yamlDocument, structuredDocument, recordLikeDocument), (text) => void agree(text)), { numRuns: RUNS });
  });
});

describe("one document without yaml's duplicate-key search (done's two parses, the config peek)", () => {
  /** done's options (sameKey), and the config peek's (yaml's own test of keys, the default). */
  const OPTIONS = [
    ['done', YAML_PARSE_OPTIONS],
    ['peek', { version: '1.2', schema: 'core', logLevel: 'silent' }],
  ] as const;
  const errors = (doc: ReturnType<typeof parseOneDocument>) => doc.errors.map((e) => ({ code: e.code, pos: e.pos, message: e.message }));
  const warnings = (doc: ReturnType<typeof parseOneDocument>) => doc.warnings.map((w) => ({ code: w.code, pos: w.pos, message: w.message }));
  const value = (doc: ReturnType<typeof parseOneDocument>) => {
    // done's options leave yaml's warnings on (toJS prints some to stderr): quiet here.
    doc.options.logLevel = 'error';
    try {
      return JSON.stringify(doc.toJS({ maxAliasCount: -1 }));
    } catch (error) {
      return `throws ${(error as Error).message}`;
    }
  };
  let withDuplicates = 0;
  let differentTests = 0;
  /** What yaml's own search says, exactly (errors in its order, at its places), for either options; the one pass's reading agrees on whether there are any. */
  const agree = (text: string) => {
    const counts = OPTIONS.map(([name, options]) => {
      const searched = parseWithSearch(text, options);
      const read = parseOneDocument(text, options);
      expect({ errors: errors(read), warnings: warnings(read), value: value(read) }, `${name}: ${JSON.stringify(text)}`).toEqual({
        errors: errors(searched),
        warnings: warnings(searched),
        value: value(searched),
      });
      const passed = parseOneDocument(text, options, 'one-pass');
      expect(passed.errors.length > 0, `${name}, one pass: ${JSON.stringify(text)}`).toBe(searched.errors.length > 0);
      expect(passed.errors.map((e) => e.code).sort(), `${name}, one pass: ${JSON.stringify(text)}`).toEqual(searched.errors.map((e) => e.code).sort());
      return searched.errors.filter((e) => e.code === 'DUPLICATE_KEY').length;
    });
    if (counts[0] > 0 || counts[1] > 0) withDuplicates++;
    if (counts[0] !== counts[1]) differentTests++;
  };

  /** Mappings (block and flow, nested) whose keys are often one key written another way: quoted, a number, NFD, with an anchor or tag. */
  const keysOften = fc.constantFrom('a', 'a', '"a"', "'a'", '2022', "'2022'", '"2022"', 'null', '~', '"null"', '1', '1.0', '0x1', '-0', '0', '.nan', '.NaN', 'Kế', 'Ke\u0302\u0301', '&k a', '!!str a', '*k', '? a', '');
  const valueOften = fc.constantFrom('1', '', ' x', ' {a: 1, a: 2}', ' {2022: x, "2022": y}', ' [a, b]', ' |\n      t', ' "q', ' # c');
  const duplicateDocument = fc
    .array(fc.tuple(fc.constantFrom('', '', '  ', '    '), keysOften, valueOften), { minLength: 1, maxLength: 10 })
    .map((lines) => 'kind: plan\n' + lines.map(([indent, key, v]) => `${indent}${key}:${v}\n`).join(''));

  it("gives yaml's own errors, warnings and value, on documents with keys repeated every way", () => {
    const cases = [
      'k: 1\nk: 2\n',
      "2022: a\n'2022': b\n",
      '-0: a\n0: b\n',
      '.nan: a\n.NaN: b\n',
      'Kế: a\nKe\u0302\u0301: b\n',
      'kind: plan\nnote:\nnote: x\n',
      '{a: 1, a: 2}\n',
      'a:\n  x: 1\n  x\nb: 2\nb: 3\n',
      'a: 1\nb: 2\n',
    ];
    for (const text of cases) agree(text);
    fc.assert(fc.property(fc.oneof(duplicateDocument, yamlDocument, recordLikeDocument, structuredDocument), (text) => void agree(text)), { numRuns: RUNS * 5 });
    // Not vacuous: many documents had duplicates, and some only under one of the two tests ('2022' and 2022, NFD).
    expect(withDuplicates).toBeGreaterThan(RUNS);
    expect(differentTests).toBeGreaterThan(0);
  });

  it("composes a document with no duplicate without yaml's search; one with a duplicate again, with it", () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `  k${i}: ${i}\n`).join('');
    for (const [, options] of OPTIONS) {
      // The pass names the keys itself: the document it returns was composed with uniqueKeys false.
      const read = parseOneDocument(`log:\n${keys}`, options);
      expect(read.options.uniqueKeys).toBe(false);
      expect(read.errors).toEqual([]);
      const repeated = parseOneDocument(`log:\n${keys}  k123: again\n`, options);
      expect(repeated.options.uniqueKeys).toBe(options.uniqueKeys ?? true);
      expect(errors(repeated)).toEqual([{ code: 'DUPLICATE_KEY', pos: [5 + keys.length + 2, 5 + keys.length + 3], message: 'Map keys must be unique' }]);
    }
  });
});
