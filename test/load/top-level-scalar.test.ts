/**
 * topLevelScalar reads a `key: value` line without a parser (the locale of
 * --help, a plan's id at a revision): where it gives a value, it is the one
 * yaml reads; where the line is written in a way it does not read, it gives none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { topLevelScalar } from '../../src/load/top-level-scalar.js';

const slug = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const written = (value: string) => fc.constantFrom(value, `"${value}"`, `'${value}'`);
const after = fc.constantFrom('', '   ', '  # ghi chú', '\t# x');

describe('topLevelScalar', () => {
  it('reads what yaml reads, plain or quoted, a comment after it, among other lines', () => {
    fc.assert(
      fc.property(slug, slug.chain(written), after, fc.constantFrom('\n', '\r\n'), (other, value, comment, eol) => {
        const text = ['kind: plan', `title: ${other}`, `id: ${value}${comment}`, 'meta:', '  id: not-top-level', ''].join(eol);
        // As text, as yaml's failsafe schema reads every scalar: a plain 0 is '0', not the number.
        expect(topLevelScalar(text, 'id')).toBe(parse(text, { schema: 'failsafe' }).id);
      }),
    );
  });

  it('gives none for a form it does not read, rather than a wrong value', () => {
    for (const text of ['{kind: plan, id: a}\n', 'id: "a\\tb"\n', 'id: |\n  a\n', 'id: >-\n  a\n', 'id: &x a\n', 'id: !!str a\n', 'id: "a\n', 'kind: plan\n']) expect(topLevelScalar(text, 'id')).toBeUndefined();
  });
});
