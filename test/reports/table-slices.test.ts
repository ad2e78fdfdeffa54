/** A table drawn by our own code reads exactly as cli-table3 draws it (see CLI_TABLE3_MAX_ROWS). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Column, type Document, type Row, rowsOf, text } from '../../src/render/document.js';
import { makePaint, PLAIN } from '../../src/render/paint.js';
import { renderGrid, renderGridChunks, renderTableChunks } from '../../src/render/table.js';

const words = fc.array(fc.constantFrom('Sở', 'Giáo', 'dục', 'và', 'Đào', 'tạo', 'báo cáo', 'quý', 'x', '12', 'Ủy ban nhân dân tỉnh', '', '全角', '✅', 'Hòa', 'a-very-long-unbroken-word-here'), { maxLength: 8 });
const cellText = words.map((w) => w.join(' '));

describe('long tables', () => {
  it('equal cli-table3 for any rows, widths, alignments and tones, with and without colour', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ header: fc.constantFrom('Hạn', 'Nội dung', 'Kế hoạch dài', 'N'), align: fc.constantFrom<'left' | 'right' | undefined>('left', 'right', undefined), wrap: fc.option(fc.integer({ min: 4, max: 20 }), { nil: undefined }) }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.array(cellText, { minLength: 5, maxLength: 5 }), fc.constantFrom<Row['tone']>('overdue', 'due-soon', undefined)), { minLength: 0, maxLength: 30 }),
        fc.integer({ min: 0, max: 8 }),
        fc.boolean(),
        (columns: Column[], data, cliTable3MaxRows, colour) => {
          const rows: Row[] = data.map(([cells, tone]) => ({ cells: cells.slice(0, columns.length).map((t) => text(t)), tone }));
          const paint = colour ? makePaint(true) : PLAIN;
          expect(renderGrid(columns, rows, "vi", paint, cliTable3MaxRows)).toBe(renderGrid(columns, rows, 'vi', paint, Number.POSITIVE_INFINITY));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('long tables in chunks', () => {
  it('read the same from rows made when asked and cut into small chunks, each chunk whole UTF-8, each row asked for once', () => {
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(
        fc.array(fc.record({ header: fc.constantFrom('Hạn', 'Nội dung', 'N'), align: fc.constantFrom<'left' | 'right' | undefined>('left', 'right', undefined), wrap: fc.option(fc.integer({ min: 4, max: 20 }), { nil: undefined }) }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.array(cellText, { minLength: 4, maxLength: 4 }), fc.constantFrom<Row['tone']>('overdue', 'due-soon', undefined)), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 400 }),
        fc.boolean(),
        (columns: Column[], data, cliTable3MaxRows, chunkBytes, colour) => {
          const rows: Row[] = data.map(([cells, tone]) => ({ cells: cells.slice(0, columns.length).map((t) => text(t)), tone }));
          const asked = rows.map(() => 0);
          const lazy = rowsOf(rows.map((_, r) => r), (r) => (asked[r]++, rows[r]));
          const paint = colour ? makePaint(true) : PLAIN;
          const chunks = renderGridChunks(columns, lazy, 'vi', paint, cliTable3MaxRows, chunkBytes);
          const pieces = chunks.map((chunk) => utf8.decode(chunk));
          expect(pieces.join('')).toBe(renderGrid(columns, rows, 'vi', paint, Number.POSITIVE_INFINITY));
          if (rows.length > cliTable3MaxRows) expect(asked.every((n) => n === 1)).toBe(true);
          // Chunks much smaller than a row: the table is really cut, between rows.
          if (rows.length > cliTable3MaxRows && chunkBytes < 40) expect(chunks.length).toBeGreaterThan(1);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('lent chunks', () => {
  const columns: Column[] = [{ header: 'Hạn' }, { header: 'Nội dung', wrap: 12 }, { header: 'N', align: 'right' }];
  const documentOf = (rows: Row[]): Document => [{ kind: 'title', text: 'Nhiệm vụ' }, { kind: 'table', columns, rows }];
  /**
   * What a reader that copies each chunk as it comes (as a write does) receives, and the memory the chunks were in:
   * a buffer and an offset, since Node may cut small buffers from one shared pool (8 KB in Node 20, 64 KB in Node 24).
   */
  const readCopying = (chunks: Iterable<Uint8Array>) => {
    const copies: Buffer[] = [];
    const buffers: ArrayBufferLike[] = [];
    const memory = new Set<string>();
    for (const chunk of chunks) {
      copies.push(Buffer.from(chunk));
      if (!buffers.includes(chunk.buffer)) buffers.push(chunk.buffer);
      memory.add(`${buffers.indexOf(chunk.buffer)}:${chunk.byteOffset}`);
    }
    return { text: Buffer.concat(copies).toString('utf8'), memory: [...memory] };
  };

  it('read the same as fresh chunks, whatever the chunk size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(cellText, { minLength: 3, maxLength: 3 }), fc.constantFrom<Row['tone']>('overdue', 'due-soon', undefined)), { minLength: 0, maxLength: 40 }),
        // Tables of any length, drawn row by row into the chunks.
        fc.constantFrom(0, 190, 230),
        fc.integer({ min: 1, max: 5000 }),
        fc.boolean(),
        (data, repeat, chunkBytes, colour) => {
          const some: Row[] = data.map(([cells, tone]) => ({ cells: cells.map((t) => text(t)), tone }));
          const rows = some.length === 0 ? some : Array.from({ length: some.length + repeat }, (_, r) => some[r % some.length]);
          const paint = colour ? makePaint(true) : PLAIN;
          const fresh = Buffer.concat([...renderTableChunks(documentOf(rows), 'vi', paint, { chunkBytes })]).toString('utf8');
          expect(readCopying(renderTableChunks(documentOf(rows), 'vi', paint, { chunkBytes, lend: true })).text).toBe(fresh);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fill the same two buffers again and again, where fresh chunks each take new memory', () => {
    const rows: Row[] = Array.from({ length: 2000 }, (_, r) => ({ cells: [text(`${r % 28}/11/2026`), text(`Báo cáo quý ${r % 4} của đơn vị số ${r}`), text(String(r))], tone: r % 3 ? 'overdue' : undefined }));
    // 8 KB chunks: 63 of them for this table.
    const lent = readCopying(renderTableChunks(documentOf(rows), 'vi', PLAIN, { chunkBytes: 8192, lend: true }));
    const fresh = readCopying(renderTableChunks(documentOf(rows), 'vi', PLAIN, { chunkBytes: 8192 }));
    expect(lent.text).toBe(fresh.text);
    expect(fresh.memory.length).toBeGreaterThan(20);
    expect(lent.memory.length).toBe(2);
  });
});
