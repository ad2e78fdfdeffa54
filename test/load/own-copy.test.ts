/**
 * ownCopy: the same text, holding no other string alive. The memory is
 * measured in a separate node with a collector it can call (`--expose-gc`),
 * on the built module, against a control that keeps the slices themselves.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownCopy } from '../../src/load/own-copy.js';
import { REPO_ROOT } from '../helpers/cli.js';

/** Megabytes of heap that 1,000 80-character pieces of a 13 MB text keep once the text is let go. */
function heapKept(how: 'ownCopy' | 'slice'): number {
  const script = `
    const { ownCopy } = await import(${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'dist/load/own-copy.js')).href)});
    const keep = ${how === 'ownCopy' ? 'ownCopy' : '(s) => s'};
    function pieces() {
      // Decoded, as a file's text is: node 24 keeps a text made by join or repeat alive, whoever holds it.
      const text = new TextDecoder().decode(Buffer.from(Array.from({ length: 200000 }, (_, i) => 'Chương trình phối hợp số ' + i + ' ').join('')));
      return Array.from({ length: 1000 }, (_, i) => keep(text.slice(i * 1000, i * 1000 + 80)));
    }
    gc();
    const before = process.memoryUsage().heapUsed;
    // Held by the global object, so that the collector cannot take them before the measure.
    globalThis.kept = pieces();
    gc();
    gc();
    process.stdout.write(String((process.memoryUsage().heapUsed - before) / 1e6));
  `;
  const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return Number(run.stdout);
}

describe('ownCopy', () => {
  it('gives the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.nat(20), (s, cut) => {
        const piece = s.slice(cut);
        expect(ownCopy(piece)).toBe(piece);
      }),
    );
  });

  it('keeps no text alive that it was cut from, where the pieces themselves would', () => {
    // The text is two-byte (Vietnamese): about 13 MB, which the pieces keep on node 20 and 22 (CI's is 20).
    // Node 24 let the text go under the pieces in this measure: there it only holds that the copies keep nothing.
    const [major] = process.versions.node.split('.').map(Number);
    if (major < 24) expect(heapKept('slice')).toBeGreaterThan(10);
    expect(heapKept('ownCopy')).toBeLessThan(1);
  });
});
