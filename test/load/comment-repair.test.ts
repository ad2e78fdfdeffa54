/**
 * yaml 2.9's lexer misreads a value on its own line after a comment glued to
 * its `#`, or after a blank line before a comment at column 0 (see
 * src/load/comment-repair.ts). The loader reads such files as YAML does, with
 * every diagnostic still on the file's own line and column.
 */
import { parseDocument } from 'yaml';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { repairLoweringComments } from '../../src/load/comment-repair.js';
import { isSuspicious } from '../../src/load/fast-parse.js';
import { parseRecordText } from '../../src/load/parse.js';

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

  it('leave files without such comments to yaml as they are', () => {
    for (const text of ['a: 1\n', 'a: 1 #c\n', '# c\na: 1\n', 'a:\r\n\r\n#c\r\n', 'a: |\n  x\n']) {
      const repaired = repairLoweringComments(text);
      if (text.includes('#c')) expect(repaired?.text.includes('\n# c') ?? true).toBe(true);
      else expect(repaired).toBeUndefined();
    }
  });

  it('change only comment lines and blank lines, and map every offset back to its character', () => {
    const line = fc.tuple(
      fc.constantFrom('', ' ', '  ', '    '),
      fc.constantFrom('', '#c', '# c', '#', 'k:', 'k: x', 'x', '- ', '- x', '- #c', 'k: |', 'k: x #c', '"q', 'q"', '[a,', 'b]', '#ghi chú'),
    ).map(([indent, content]) => indent + content);
    // Under a key, as in a record (at the top, yaml and js-yaml differ on plain scalars that run on to column 0).
    const text = fc.array(line, { minLength: 1, maxLength: 10 }).chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => ['k:', ...lines].join(eol) + eol));
    let repairedSome = 0;
    fc.assert(
      fc.property(text, (original) => {
        const repaired = repairLoweringComments(original);
        if (!repaired) return;
        repairedSome++;
        const out = repaired.text;
        // Lines are kept, and only spaces after a `#` and CRs before an LF are added.
        expect(out.split('\n').length).toBe(original.split('\n').length);
        let kept = '';
        for (let offset = 0; offset < out.length; offset++) {
          const back = repaired.originalOffset(offset);
          if (out[offset] === original[back]) kept += out[offset];
          else expect([' ', '\r']).toContain(out[offset]);
        }
        expect(kept).toBe(original);
        expect(repaired.originalOffset(out.length)).toBe(original.length);
        // The same YAML: where yaml reads the repaired text cleanly, it reads what js-yaml reads in the file
        // (unless the file holds one of the constructs the two read differently anyway: isSuspicious).
        const yamlDoc = parseDocument(out, { version: '1.2' });
        if (yamlDoc.errors.length > 0 || isSuspicious(original)) return;
        expect(JSON.stringify(yamlDoc.toJS()), JSON.stringify(original)).toBe(JSON.stringify(jsyaml.load(original)));
      }),
      { numRuns: RUNS * 10 },
    );
    expect(repairedSome).toBeGreaterThan(RUNS);
  });
});
