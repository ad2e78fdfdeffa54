/**
 * Documents as terminal tables (cli-table3). Text is NFC-normalised so that a
 * name typed in decomposed Unicode lines up like a composed one, and control
 * characters from the records are written out (`\u001b`) rather than sent to
 * the terminal; colour comes only from the Paint given (overdue red, due soon
 * yellow), never in borders.
 */
import { createRequire } from 'node:module';
import Table from 'cli-table3';
import type { Lang } from '../i18n/lang.js';
import { ByteChunks, CHUNK_BYTES, decode, encode } from './bytes.js';
import { allRows, type Block, type Cell, type Column, type Document, humanCell, type Rows, type Tone } from './document.js';
import type { Paint } from './paint.js';
import { visible } from './visible.js';

/** Text as a cell shows it: NFC, control characters written out, line breaks kept (they split the cell). */
const shownText = (s: string) => visible(s.normalize('NFC'), true);
/** Display width of NFC text; Vietnamese letters are one column each. */
const width = (s: string) => [...s].length;

function toneColour(paint: Paint, tone: Tone | undefined): (s: string) => string {
  if (tone === 'overdue') return paint.red;
  if (tone === 'due-soon') return paint.yellow;
  return (s) => s;
}

interface TableUtils {
  strlen(text: string): number;
  pad(text: string, width: number, fill: string, align: string): string;
  truncate(text: string, width: number, ellipsis?: string): string;
  wordWrap(width: number, text: string, onWordBoundary?: boolean): string[];
  colorizeLines(lines: string[]): string[];
}
/** cli-table3's own text helpers, so that our tables measure, wrap and cut text exactly as it does. */
const utils = createRequire(import.meta.url)('cli-table3/src/utils.js') as TableUtils;

/**
 * Tables with more rows than this are drawn here rather than by cli-table3:
 * its layout step is quadratic in the row count (about 20 s for 10,000 rows),
 * and it measures every cell several times, so that even a briefing's tables
 * of a few dozen rows cost it tens of milliseconds (`summary` on 1,000 plans
 * 0.91 → 0.81 s). The text is the same as cli-table3 gives
 * (test/reports/table-slices.test.ts compares the two, from one row up);
 * cli-table3 draws a table without rows, and one whose rows do not match
 * its columns.
 */
export const CLI_TABLE3_MAX_ROWS = 0;

/** A table as text, drawn here (or by cli-table3, see CLI_TABLE3_MAX_ROWS): the same text either way. */
export function renderGrid(columns: Column[], rows: Rows, lang: Lang, paint: Paint, cliTable3MaxRows = CLI_TABLE3_MAX_ROWS): string {
  return decodeAll(renderGridChunks(columns, rows, lang, paint, cliTable3MaxRows));
}

/** The same as UTF-8 chunks of about `chunkBytes` each (tests make them small). */
export function renderGridChunks(columns: Column[], rows: Rows, lang: Lang, paint: Paint, cliTable3MaxRows = CLI_TABLE3_MAX_ROWS, chunkBytes = CHUNK_BYTES): Uint8Array[] {
  const out = new ByteChunks(chunkBytes);
  return [...writeGrid(out, columns, rows, lang, paint, cliTable3MaxRows), ...out.finish()];
}

/** Writes a table to `out`, handing out the chunks it fills as it goes (a long table is tens of megabytes). */
function* writeGrid(out: ByteChunks, columns: Column[], rows: Rows, lang: Lang, paint: Paint, cliTable3MaxRows = CLI_TABLE3_MAX_ROWS): Generator<Uint8Array> {
  const head = columns.map((c) => paint.bold(shownText(c.header)));
  const indexed = rows.length > cliTable3MaxRows ? indexCells(columns, rows, lang) : undefined;
  if (indexed) return yield* drawTable(out, columns, head, indexed, paint);
  const list = allRows(rows);
  const texts = list.map((row) => row.cells.map((cell) => shownText(humanCell(cell, lang))));
  // A wrap width only where some cell is wider; otherwise the column keeps its natural width.
  const colWidths = columns.map((column, i) => {
    if (column.wrap === undefined) return null;
    const widest = Math.max(width(shownText(column.header)), ...texts.map((r) => width(r[i] ?? '')));
    return widest > column.wrap ? column.wrap + 2 : null;
  });
  const table = new Table({
    head,
    style: { head: [], border: [] },
    colWidths,
    wordWrap: true,
  });
  for (const [r, row] of list.entries()) {
    table.push(row.cells.map((cell: Cell, i) => ({ content: toneColour(paint, cell.tone ?? row.tone)(texts[r][i]), hAlign: columns[i]?.align ?? 'left' })));
  }
  out.text(table.toString());
}

const decodeAll = (chunks: Uint8Array[]) => decode(Buffer.concat(chunks));

/** Text cli-table3 measures as one column a character (no escape, control, combining, wide or emoji characters). */
const NARROW = /^[\x20-\x7e\xc0-\u024f\u1e00-\u1eff]*$/;
const measure = (s: string) => (NARROW.test(s) ? s.length : utils.strlen(s));

/** A cell as our drawer draws it: its lines, padded, each with the border after it, as UTF-8. */
interface DrawnCell {
  lines: Uint8Array[];
  size: number;
}

const TONES: readonly (Tone | undefined)[] = [undefined, 'overdue', 'due-soon'];
const toneIndex = (tone: Tone | undefined) => (tone === undefined ? 0 : tone === 'overdue' ? 1 : 2);

/** A table's cells, each as the number of its text among its column's distinct texts, and of its tone. */
interface IndexedCells {
  rowCount: number;
  /** Each column's distinct texts, NFC. */
  texts: string[][];
  /** Row r, column i at r * columns + i. */
  text: Int32Array;
  tone: Uint8Array;
}

/**
 * Each row is asked for once and left behind: what is kept is a number a
 * cell. Undefined when some row has more or fewer cells than the columns
 * (cli-table3 then draws the table).
 */
function indexCells(columns: Column[], rows: Rows, lang: Lang): IndexedCells | undefined {
  const n = columns.length;
  const distinct = columns.map(() => new Map<string, number>());
  const texts: string[][] = columns.map(() => []);
  const text = new Int32Array(rows.length * n);
  const tone = new Uint8Array(rows.length * n);
  // A column often repeats the text just above (a date, a state): compared first, it spares a lookup.
  const above: (string | undefined)[] = columns.map(() => undefined);
  for (let r = 0; r < rows.length; r++) {
    const row = rows.at(r);
    if (row === undefined || row.cells.length !== n) return undefined;
    for (let i = 0; i < n; i++) {
      const cell = row.cells[i];
      const human = humanCell(cell, lang);
      let k: number | undefined;
      if (human === above[i]) k = text[(r - 1) * n + i];
      else {
        k = distinct[i].get(human);
        if (k === undefined) {
          k = texts[i].push(shownText(human)) - 1;
          distinct[i].set(human, k);
        }
        above[i] = human;
      }
      text[r * n + i] = k;
      tone[r * n + i] = toneIndex(cell.tone ?? row.tone);
    }
  }
  return { rowCount: rows.length, texts, text, tone };
}

/**
 * cli-table3's drawing of a table without spans, with one space of padding
 * each side and plain borders, as UTF-8. Each distinct cell of a column (its
 * text and tone) is measured, wrapped, padded and encoded once: a long report
 * repeats most of its cells (states, parties, titles, dates).
 */
function* drawTable(out: ByteChunks, columns: Column[], head: string[], cells: IndexedCells, paint: Paint): Generator<Uint8Array> {
  const n = columns.length;
  const { texts } = cells;
  // A wrap width only where some cell is wider (as writeGrid decides for cli-table3).
  const colWidths = columns.map((column, i) => {
    if (column.wrap === undefined) return null;
    let widest = width(shownText(column.header));
    for (const t of texts[i]) widest = Math.max(widest, width(t));
    return widest > column.wrap ? column.wrap + 2 : null;
  });
  // A column's width: the one given (its text wraps), or its widest text plus the padding (colour adds no width).
  const widths = colWidths.map((w, i) => {
    if (w !== null) return w;
    let widest = Math.max(1, measure(head[i]) + 2);
    for (const t of texts[i]) widest = Math.max(widest, measure(t) + 2);
    return widest;
  });
  const aligns = columns.map((c) => c.align ?? 'left');
  // The left border goes with the first column's lines and the line break with the last's: fewer, longer copies.
  const edges = (i: number, line: string) => (i === 0 ? '│' : '') + line + (i === n - 1 ? '\n' : '');
  const drawCell = (i: number, content: string, align: 'left' | 'right'): DrawnCell => {
    const w = widths[i] - 2;
    const lines = cellLines(content, colWidths[i] === null ? null : w).map((line) => encode(edges(i, ' ' + fit(line, w, align) + ' │')));
    return { lines, size: lines.reduce((sum, line) => sum + line.length, 0) };
  };
  const rule = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w)).join(mid) + right;
  const blanks = widths.map((w, i) => encode(edges(i, ' '.repeat(w) + '│')));
  out.text(rule('┌', '┬', '┐') + '\n');
  const rows: DrawnRows = {
    count: cells.rowCount,
    n,
    text: cells.text,
    tone: cells.tone,
    drawn: columns.map(() => []),
    draw: (i, k, tone) => drawCell(i, toneColour(paint, TONES[tone])(texts[i][k]), aligns[i]),
    row: head.map((h, i) => drawCell(i, h, 'left')),
    blanks,
    separator: encode(rule('├', '┼', '┤') + '\n'),
  };
  putRow(out, rows, false);
  for (let r = 0; r < rows.count; ) {
    r = putRows(out, rows, r);
    if (out.ready) yield* out.take();
  }
  // The table's last line ends without a line break, as cli-table3's does.
  out.text(rule('└', '┴', '┘'));
}

/** A table's rows as drawTable hands them to putRows. */
interface DrawnRows {
  count: number;
  /** Columns. */
  n: number;
  text: Int32Array;
  tone: Uint8Array;
  /** drawn[column][text * TONES.length + tone], drawn when first met. */
  drawn: (DrawnCell | undefined)[][];
  draw: (column: number, text: number, tone: number) => DrawnCell;
  /** The cells of the row being put. */
  row: DrawnCell[];
  blanks: Uint8Array[];
  separator: Uint8Array;
}

/**
 * Puts rows from `from` on until a chunk is filled or the rows end, and
 * returns the next row. The loop that runs for every row lives in a plain
 * function, not in the generator, where its variables would live in the
 * generator's context rather than in registers.
 */
function putRows(out: ByteChunks, rows: DrawnRows, from: number): number {
  const { count, n, text, tone, drawn, row } = rows;
  for (let r = from; r < count; r++) {
    for (let i = 0; i < n; i++) {
      const k = text[r * n + i];
      const t = tone[r * n + i];
      const slot = k * TONES.length + t;
      row[i] = drawn[i][slot] ??= rows.draw(i, k, t);
    }
    putRow(out, rows, true);
    if (out.ready) return r + 1;
  }
  return count;
}

/** Puts `rows.row`, its lines padded with blanks to the tallest cell's, after a separator line unless it is the header. */
function putRow(out: ByteChunks, rows: DrawnRows, separated: boolean): void {
  const { n, row, blanks, separator } = rows;
  let height = 1;
  for (let i = 0; i < n; i++) if (row[i].lines.length > height) height = row[i].lines.length;
  let size = separated ? separator.length : 0;
  for (let i = 0; i < n; i++) size += row[i].size + blanks[i].length * (height - row[i].lines.length);
  const buffer = out.room(size);
  let at = out.offset;
  if (separated) {
    buffer.set(separator, at);
    at += separator.length;
  }
  for (let line = 0; line < height; line++) {
    for (let i = 0; i < n; i++) {
      const piece = row[i].lines[line] ?? blanks[i];
      buffer.set(piece, at);
      at += piece.length;
    }
  }
  out.advance(size);
}

function cellLines(content: string, wrapWidth: number | null): string[] {
  const plain = !content.includes('\u001b');
  if (wrapWidth === null) return plain ? content.split('\n') : utils.colorizeLines(content.split('\n'));
  // Text that fits stays one line, as cli-table3's word wrap leaves it.
  if (plain && content !== '' && content.trim() === content && NARROW.test(content) && content.length <= wrapWidth) return [content];
  const wrapped = plain && NARROW.test(content) ? narrowWordWrap(wrapWidth, content) : utils.wordWrap(wrapWidth, content, true);
  return plain ? wrapped : utils.colorizeLines(wrapped);
}

/** cli-table3's word wrap (utils.js wordWrap) for one line of narrow text, where a character is a column. */
function narrowWordWrap(maxLength: number, input: string): string[] {
  const lines: string[] = [];
  const split = input.split(/(\s+)/g);
  let line: string[] = [];
  let lineLength = 0;
  let whitespace: string | undefined;
  for (let i = 0; i < split.length; i += 2) {
    const word = split[i];
    let newLength = lineLength + word.length;
    if (lineLength > 0 && whitespace) newLength += whitespace.length;
    if (newLength > maxLength) {
      if (lineLength !== 0) lines.push(line.join(''));
      line = [word];
      lineLength = word.length;
    } else {
      line.push(whitespace || '', word);
      lineLength = newLength;
    }
    whitespace = split[i + 1];
  }
  if (lineLength) lines.push(line.join(''));
  return lines;
}

function fit(line: string, w: number, align: 'left' | 'right'): string {
  if (NARROW.test(line) && line.length <= w) return align === 'right' ? ' '.repeat(w - line.length) + line : line + ' '.repeat(w - line.length);
  return utils.pad(utils.truncate(line, w, '…'), w, ' ', align);
}

export function renderTableDocument(doc: Document, lang: Lang, paint: Paint): string {
  return decodeAll([...renderTableChunks(doc, lang, paint)]);
}

export interface ChunkOptions {
  /** The reader is done with each chunk before it asks for the next, so their memory is filled again (bytes.ts). */
  lend?: boolean;
  /** About how many bytes a chunk holds (tests make them small). */
  chunkBytes?: number;
}

/** The document as UTF-8, in chunks as they are made, as the CLI writes it. */
export function* renderTableChunks(doc: Document, lang: Lang, paint: Paint, options: ChunkOptions = {}): Generator<Uint8Array> {
  const out = new ByteChunks(options.chunkBytes ?? CHUNK_BYTES, options.lend);
  // Blocks are lines joined by line breaks, the whole ending with one: nothing at all is one line break.
  if (doc.length === 0) out.text('\n');
  let previous: Block['kind'] | undefined;
  for (const block of doc) {
    // A blank line before each section, but a heading stays next to its table.
    if (previous !== undefined && (block.kind === 'heading' || (block.kind === 'table' && previous !== 'heading'))) out.text('\n');
    switch (block.kind) {
      case 'title':
      case 'heading':
        out.text(paint.bold(shownText(block.text)) + '\n');
        break;
      case 'lines':
        for (const line of block.lines) out.text(shownText(line) + '\n');
        break;
      case 'table':
        if (block.rows.length === 0 && block.empty !== undefined) out.text(shownText(block.empty));
        else yield* writeGrid(out, block.columns, block.rows, lang, paint);
        out.text('\n');
        break;
    }
    previous = block.kind;
  }
  yield* out.finish();
}
