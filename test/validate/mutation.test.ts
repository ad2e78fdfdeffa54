/**
 * Any damage to an example file (lines deleted, duplicated or re-indented,
 * characters swapped, random bytes inserted) yields located diagnostics with
 * messages in both languages, and never an exception.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnosticMessage, KNOWN_RULES } from '../../src/i18n/diagnostics.js';
import { loadRecords } from '../../src/load/load.js';
import { parseDate } from '../../src/model/dates.js';
import { validateRecords } from '../../src/validate/validate.js';
import { EXAMPLES, EXAMPLE_FOLDERS } from '../helpers/cli.js';
import { InMemorySource } from '../helpers/memory-source.js';

const AS_OF = (parseDate('2026-11-22') as { day: number }).day;

/** Every example file, as bytes, with the rest of its folder. */
const folders = EXAMPLE_FOLDERS
  .map((name) => {
    const files: Record<string, Uint8Array> = {};
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.ya?ml$/.test(entry)) files[relative(join(EXAMPLES, name), full).split('\\').join('/')] = readFileSync(full);
      }
    };
    walk(join(EXAMPLES, name));
    return files;
  });
const targets = folders.flatMap((files) => Object.keys(files).map((path) => ({ files, path })));
/** An example file by number, printed by name when a property fails. */
const target = fc.integer({ min: 0, max: targets.length - 1 }).map((i) => ({ ...targets[i], [fc.toStringMethod]: () => targets[i].path }));

type Mutation = (bytes: Uint8Array) => Uint8Array;
const named = (name: string, apply: Mutation) => ({ name, apply, [fc.toStringMethod]: () => name });
const lines = (b: Uint8Array) => Buffer.from(b).toString('latin1').split('\n');
const join_ = (ls: string[]) => Uint8Array.from(Buffer.from(ls.join('\n'), 'latin1'));

/** Mutations at positions given as fractions of the file, so one arbitrary fits every file. */
const mutation = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }).map((at) =>
    named(`delete line @${at.toFixed(3)}`, (b) => {
      const ls = lines(b);
      ls.splice(Math.floor(at * ls.length), 1);
      return join_(ls);
    }),
  ),
  fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }).map((at) =>
    named(`duplicate line @${at.toFixed(3)}`, (b) => {
      const ls = lines(b);
      const i = Math.floor(at * ls.length);
      ls.splice(i, 0, ls[i]);
      return join_(ls);
    }),
  ),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: -4, max: 4 }), fc.constantFrom(' ', '\t')).map(([at, by, ch]) =>
    named(`indent line @${at.toFixed(3)} by ${by} ${JSON.stringify(ch)}`, (b) => {
      const ls = lines(b);
      const i = Math.floor(at * ls.length);
      ls[i] = by >= 0 ? ch.repeat(by) + ls[i] : ls[i].replace(new RegExp(`^ {0,${-by}}`), '');
      return join_(ls);
    }),
  ),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })).map(([x, y]) =>
    named(`swap bytes @${x.toFixed(3)},${y.toFixed(3)}`, (b) => {
      const out = Uint8Array.from(b);
      const i = Math.floor(x * out.length);
      const j = Math.floor(y * out.length);
      [out[i], out[j]] = [out[j], out[i]];
      return out;
    }),
  ),
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        fc.constantFrom(Uint8Array.of(0), Uint8Array.of(0xff), Uint8Array.of(0xc3), Uint8Array.of(0xe2, 0x82), Uint8Array.of(0xed, 0xa0, 0x80)),
        fc.constantFrom(':', '- ', '{', '[', '"', "'", '&a ', '*a', '!x ', '? ', '---\n', '<<<<<<< HEAD\n', '#', '|\n', '>-\n', ',').map((s) => Uint8Array.from(Buffer.from(s))),
      ),
    )
    .map(([at, bytes]) =>
      named(`insert ${Buffer.from(bytes).toString('hex')} @${at.toFixed(3)}`, (b) => {
        const i = Math.floor(at * (b.length + 1));
        return Uint8Array.from([...b.subarray(0, i), ...bytes, ...b.subarray(i)]);
      }),
    ),
);

/** The file as a person's editor shows it: BOM dropped, bad bytes as one replacement character each. */
function shownLines(bytes: Uint8Array): string[] {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes).split('\n');
}

describe('mutated example files', () => {
  it('every example folder is clean before mutation', async () => {
    for (const files of folders) {
      const v = validateRecords(await loadRecords(new InMemorySource(files)), { asOf: AS_OF });
      expect(v.diagnostics).toEqual([]);
    }
  });

  it('never throw, and every diagnostic is located and explained in both languages', async () => {
    await fc.assert(
      fc.asyncProperty(target, fc.array(mutation, { minLength: 1, maxLength: 3 }), async ({ files, path }, mutations) => {
        const mutated = mutations.reduce((b, m) => m.apply(b), files[path]);
        const v = validateRecords(await loadRecords(new InMemorySource({ ...files, [path]: mutated })), { asOf: AS_OF });
        for (const d of v.diagnostics) {
          expect(KNOWN_RULES).toContain(d.rule);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          const shown = shownLines(d.file === path ? mutated : files[d.file]);
          expect(d.line).toBeLessThanOrEqual(shown.length);
          expect(d.column).toBeLessThanOrEqual(shown[d.line - 1].replace(/\r$/, '').length + 1);
          for (const lang of ['vi', 'en'] as const) {
            const message = diagnosticMessage(d, lang);
            expect(message.length).toBeGreaterThan(10);
            expect(message).not.toMatch(/undefined|NaN|\[object Object\]/);
          }
        }
        // Bytes that are not text can never pass.
        const text = Buffer.from(mutated);
        let decodes = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(text);
        } catch {
          decodes = false;
        }
        if (!decodes || text.includes(0)) expect(v.diagnostics.some((d) => d.severity === 'error' && d.file === path)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
