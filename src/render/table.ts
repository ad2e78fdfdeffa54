/**
 * Documents as terminal tables (cli-table3). Text is NFC-normalised so that a
 * name typed in decomposed Unicode lines up like a composed one; colour comes
 * only from the Paint given (overdue red, due soon yellow), never in borders.
 */
import { createRequire } from 'node:module';
import Table from 'cli-table3';
import type { Lang } from '../i18n/lang.js';
import { type Block, type Cell, type Column, type Document, humanCell, type Row, type Tone } from './document.js';
import type { Paint } from './paint.js';

const nfc = (s: string) => s.normalize('NFC');
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
/** cli-table3's own text helpers, so that long tables measure, wrap and cut text exactly as it does. */
const utils = createRequire(import.meta.url)('cli-table3/src/utils.js') as TableUtils;

/**
 * Tables longer than this are drawn here rather than by cli-table3: its
 * layout step is quadratic in the row count (about 20 s for 10,000 rows) and
 * it measures every cell several times. The text is the same as cli-table3
 * gives (test/reports/table-slices.test.ts compares the two).
 */
export const LONG_TABLE_ROWS = 200;

export function renderGrid(columns: Column[], rows: Row[], lang: Lang, paint: Paint, longTableRows = LONG_TABLE_ROWS): string {
  const texts = rows.map((row) => row.cells.map((cell) => nfc(humanCell(cell, lang))));
  // A wrap width only where some cell is wider; otherwise the column keeps its natural width.
  const colWidths = columns.map((column, i) => {
    if (column.wrap === undefined) return null;
    const widest = Math.max(width(nfc(column.header)), ...texts.map((r) => width(r[i] ?? '')));
    return widest > column.wrap ? column.wrap + 2 : null;
  });
  const head = columns.map((c) => paint.bold(nfc(c.header)));
  const cells = rows.map((row, r) =>
    row.cells.map((cell: Cell, i) => ({
      content: toneColour(paint, cell.tone ?? row.tone)(texts[r][i]),
      hAlign: columns[i]?.align ?? 'left',
    })),
  );
  if (rows.length > longTableRows && rows.every((row) => row.cells.length === columns.length)) return drawLongTable(head, cells, colWidths);
  const table = new Table({
    head,
    style: { head: [], border: [] },
    colWidths,
    wordWrap: true,
  });
  for (const row of cells) table.push(row);
  return table.toString();
}

/** Text cli-table3 measures as one column a character (no escape, control, combining, wide or emoji characters). */
const NARROW = /^[\x20-\x7e\xc0-\u024f\u1e00-\u1eff]*$/;
const measure = (s: string) => (NARROW.test(s) ? s.length : utils.strlen(s));

/** cli-table3's drawing of a table without spans, with one space of padding each side and plain borders. */
function drawLongTable(head: string[], rows: { content: string; hAlign: 'left' | 'right' }[][], colWidths: (number | null)[]): string {
  const all = [head.map((content) => ({ content, hAlign: 'left' as const })), ...rows];
  // A column's width: the one given (its text wraps), or its widest text plus the padding.
  const widths = colWidths.map((w, i) => w ?? Math.max(1, ...all.map((r) => measure(r[i].content) + 2)));
  const rule = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w)).join(mid) + right;
  const out = [rule('┌', '┬', '┐')];
  all.forEach((row, y) => {
    if (y > 0) out.push(rule('├', '┼', '┤'));
    const lines = row.map((cell, i) => cellLines(cell.content, colWidths[i] === null ? null : widths[i] - 2));
    const height = Math.max(1, ...lines.map((l) => l.length));
    for (let n = 0; n < height; n++) {
      const parts = row.map((cell, i) => {
        const w = widths[i] - 2;
        const line = lines[i][n];
        if (line === undefined) return ' '.repeat(w + 2);
        return ' ' + fit(line, w, cell.hAlign) + ' ';
      });
      out.push('│' + parts.join('│') + '│');
    }
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
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
  const out: string[] = [];
  let previous: Block['kind'] | undefined;
  for (const block of doc) {
    // A blank line before each section, but a heading stays next to its table.
    if (previous !== undefined && (block.kind === 'heading' || (block.kind === 'table' && previous !== 'heading'))) out.push('');
    switch (block.kind) {
      case 'title':
      case 'heading':
        out.push(paint.bold(nfc(block.text)));
        break;
      case 'lines':
        out.push(...block.lines.map(nfc));
        break;
      case 'table':
        out.push(block.rows.length === 0 && block.empty !== undefined ? nfc(block.empty) : renderGrid(block.columns, block.rows, lang, paint));
        break;
    }
    previous = block.kind;
  }
  return out.join('\n') + '\n';
}
