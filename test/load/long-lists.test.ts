/**
 * Lists longer than a call's arguments: `push(...list)` and `Math.max(...list)`
 * throw past about 125,000 items in V8, so a folder with that many
 * diagnostics ended in "internal error" (exit 1, as if it had only failed).
 * src/arrays.ts takes lists of any length.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxOf, minOf, pushAll } from '../../src/arrays.js';
import { runCli } from '../helpers/cli.js';
import { tempFolder, writeFiles } from '../helpers/folder.js';

const MANY = 200_000;

describe('lists of any length', () => {
  it('are appended and measured where a spread would throw', () => {
    const many = Array.from({ length: MANY }, (_, i) => i);
    expect(() => [].push(...(many as never[]))).toThrow(RangeError);
    const target = [-1];
    pushAll(target, many);
    expect(target).toHaveLength(MANY + 1);
    expect(maxOf(many, 0)).toBe(MANY - 1);
    expect(minOf(many, 0)).toBe(0);
    expect(maxOf([], 7)).toBe(7);
  });

  it('validate lists 130,000 repeated keys of one mapping and counts them, with no internal error', () => {
    const dir = tempFolder();
    writeFiles(dir, {
      'parties.yaml': 'kind: parties\nparties:\n  - { id: a, name: A }\n  - { id: b, name: B }\n',
    });
    writeFileSync(join(dir, 'p.yaml'), 'kind: plan\nid: p\ntype: program\ntitle: T\nsigned: 2022-01-01\nperiod: 2022\nparties: [a, b]\n' + 'x: 1\n'.repeat(130_000));
    const r = runCli(['validate', '-C', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('129999 errors, 0 warnings in 2 files.');
    expect(lines.filter((line) => line.includes('[duplicate-key]'))).toHaveLength(129_999);
  });
});
