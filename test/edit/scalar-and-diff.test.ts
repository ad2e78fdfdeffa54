/** The small pieces done relies on: writing strings YAML reads back unchanged, and showing which lines changed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, type Scalar } from 'yaml';
import { lineChanges } from '../../src/edit/line-diff.js';
import { YAML_PARSE_OPTIONS, yamlString, yamlStringLike } from '../../src/edit/scalar.js';
import { textProblem } from '../../src/load/text-problems.js';

/** Any character, and more often those YAML or the loader treat specially. */
const charArb = fc.oneof(
  fc.constantFrom(...'ăđơư:#,{}[]"\'-?&*!|>%@`\\ \t\n\r\u007f\u0085\u0080\u009f\u2028\u2029\ufeff\ufffe\uffff'.split('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const noProblem = (text: string) => textProblem(text, () => ({ line: 1, column: 1 }));

describe('yamlString', () => {
  it('reads back as the same string, in a block and inside a flow mapping', () => {
    fc.assert(
      fc.property(fc.string({ unit: charArb }), (s) => {
        // Nothing the loader refuses (a control character, a lone CR) is left raw.
        expect(noProblem(yamlString(s, 'block'))).toBeUndefined();
        expect(noProblem(yamlString(s, 'flow'))).toBeUndefined();
        const block = parseDocument(`k: ${yamlString(s, 'block')}\n`, YAML_PARSE_OPTIONS);
        expect(block.errors).toEqual([]);
        expect(block.get('k')).toBe(s);
        const flow = parseDocument(`k: { a: ${yamlString(s, 'flow')}, b: 1 }\n`, YAML_PARSE_OPTIONS);
        expect(flow.errors).toEqual([]);
        expect(flow.toJS()).toEqual({ k: { a: s, b: 1 } });
      }),
      { numRuns: 300 },
    );
  });

  it('leaves ordinary text plain and quotes what YAML would misread', () => {
    expect(yamlString('Giao ban quý III', 'block')).toBe('Giao ban quý III');
    expect(yamlString('45-BC/BDVTU', 'flow')).toBe('45-BC/BDVTU');
    expect(yamlString('Tin, bài', 'block')).toBe('Tin, bài');
    expect(yamlString('Tin, bài', 'flow')).toBe('"Tin, bài"');
    for (const s of ['12', 'true', 'null', '~', '2022', 'a: b', '# x', 'x #y', '- a', '', ' a']) expect(yamlString(s, 'block')).toMatch(/^"/);
  });
});

describe('yamlStringLike', () => {
  const old = (written: string) => parseDocument(`k: ${written}\n`).get('k', true) as Scalar;

  it('keeps the quoting of the value it replaces when the new one can be written so', () => {
    expect(yamlStringLike(old('"planned"'), 'done', 'block')).toBe('"done"');
    expect(yamlStringLike(old("'planned'"), 'done', 'block')).toBe("'done'");
    expect(yamlStringLike(old('planned'), 'done', 'block')).toBe('done');
    expect(yamlStringLike(old("'cũ'"), "it's", 'flow')).toBe("'it''s'");
    // No escapes in single quotes, and plain text cannot hold everything: then double quotes.
    expect(yamlStringLike(old("'cũ'"), 'a\nb', 'block')).toBe('"a\\nb"');
    expect(yamlStringLike(old('cũ'), 'a: b', 'block')).toBe('"a: b"');
    expect(yamlStringLike(old('"x"'), 'a\u007fb\u0085\ufffe', 'block')).toBe('"a\\x7Fb\\x85\\uFFFE"');
  });

  it('reads back as the same string whatever the old quoting', () => {
    const olds = ['planned', '"planned"', "'planned'", '|\n  planned'].map(old);
    fc.assert(
      fc.property(fc.string({ unit: charArb }), fc.constantFrom(...olds), fc.constantFrom('block' as const, 'flow' as const), (s, previous, context) => {
        const written = yamlStringLike(previous, s, context);
        expect(noProblem(written)).toBeUndefined();
        const doc = parseDocument(context === 'block' ? `k: ${written}\n` : `k: { a: ${written}, b: 1 }\n`, YAML_PARSE_OPTIONS);
        expect(doc.errors).toEqual([]);
        expect(doc.toJS()).toEqual(context === 'block' ? { k: s } : { k: { a: s, b: 1 } });
      }),
      { numRuns: 300 },
    );
  });
});

describe('lineChanges', () => {
  it('tells added, changed and removed lines that rebuild the new text', () => {
    const lineArb = fc.constantFrom('a', 'b', 'c', 'd', '', 'status: done', 'status: planned', 'done: 2022-01-01', '- x', '- y');
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 12 }), fc.array(lineArb, { maxLength: 12 }), (a, b) => {
        const oldText = a.join('\n');
        const newText = b.join('\n');
        const changes = lineChanges(oldText, newText);
        const touched = new Set(changes.filter((c) => c.kind !== 'removed').map((c) => c.line - 1));
        for (const c of changes) if (c.kind !== 'removed') expect(c.text).toBe(newText.split('\n')[c.line - 1]);
        // The new lines not reported are the old lines not reported, in order.
        const removed = changes.filter((c) => c.kind === 'removed').length;
        const changed = changes.filter((c) => c.kind === 'changed').length;
        expect(newText.split('\n').length - touched.size).toBe(oldText.split('\n').length - removed - changed);
      }),
    );
    expect(lineChanges('x\nstatus: planned\ny\n', 'x\nstatus: done\ndone: 2022-01-01\ny\n')).toEqual([
      { kind: 'changed', line: 2, text: 'status: done' },
      { kind: 'added', line: 3, text: 'done: 2022-01-01' },
    ]);
  });

  it('shows a line as changed only in place of a line with the same key', () => {
    // done adds status and done above a flow results line it rewrites.
    expect(lineChanges('x\n    results: {a: 1}\ny\n', 'x\n    status: done\n    done: 2022-06-20\n    results: {a: 2}\ny\n')).toEqual([
      { kind: 'added', line: 2, text: '    status: done' },
      { kind: 'added', line: 3, text: '    done: 2022-06-20' },
      { kind: 'changed', line: 4, text: '    results: {a: 2}' },
    ]);
    expect(lineChanges('  - metric: 1\n', '  - other: 1\n  - metric: 2\n')).toEqual([
      { kind: 'added', line: 1, text: '  - other: 1' },
      { kind: 'changed', line: 2, text: '  - metric: 2' },
    ]);
    // Quoted keys are keys; a line with no key replaces one with no key, side by side.
    expect(lineChanges('"a b": 1\n- a\n', '"a b": 3\n- b\n- c\n')).toEqual([
      { kind: 'changed', line: 1, text: '"a b": 3' },
      { kind: 'changed', line: 2, text: '- b' },
      { kind: 'added', line: 3, text: '- c' },
    ]);
    // Different keys: one removed, one added.
    expect(lineChanges('due: 2022-06-30\n', 'done: 2022-06-30\n')).toEqual([
      { kind: 'added', line: 1, text: 'done: 2022-06-30' },
      { kind: 'removed', line: 1, text: 'due: 2022-06-30' },
    ]);
  });
});
