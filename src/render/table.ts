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

/** cli-table3's own measure of a cell (ANSI stripped, widest line), so computed widths match its natural ones. */
const { strlen } = createRequire(import.meta.url)('cli-table3/src/utils.js') as { strlen(text: string): number };

/**
 * Rows per cli-table3 table. Its layout step is quadratic in the row count
 * (about 20 s for 10,000 rows), so long tables are drawn in slices with the
 * column widths fixed for the whole table and joined on a row separator; the
 * text is the same as one table would give (test/reports/table-slices.test.ts).
 */
export const TABLE_SLICE_ROWS = 200;

export function renderGrid(columns: Column[], rows: Row[], lang: Lang, paint: Paint, sliceRows = TABLE_SLICE_ROWS): string {
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
  if (rows.length <= sliceRows) return drawTable(head, cells, colWidths);
  // Natural widths as cli-table3 computes them over the whole table (text plus one space each side);
  // those columns never wrap, as in one table.
  const natural = colWidths.map((w, i) => w ?? Math.max(1, strlen(head[i] ?? '') + 2, ...cells.map((r) => (r[i] ? strlen(r[i].content) + 2 : 0))));
  const fixed = cells.map((r) => r.map((cell, i) => (colWidths[i] === null ? { ...cell, wordWrap: false } : cell)));
  const out: string[] = [];
  for (let start = 0; start < fixed.length; start += sliceRows) {
    const lines = drawTable(start === 0 ? head : undefined, fixed.slice(start, start + sliceRows), natural).split('\n');
    const last = start + sliceRows >= fixed.length;
    // Every slice after the first starts with a row separator instead of the top border.
    if (start > 0) lines[0] = lines[0].replace('┌', '├').replaceAll('┬', '┼').replace('┐', '┤');
    out.push(...(last ? lines : lines.slice(0, -1)));
  }
  return out.join('\n');
}

type TableCell = { content: string; hAlign: 'left' | 'right'; wordWrap?: boolean };

function drawTable(head: string[] | undefined, rows: TableCell[][], colWidths: (number | null)[]): string {
  const table = new Table({
    head: head ?? [],
    style: { head: [], border: [] },
    colWidths: [...colWidths],
    wordWrap: true,
  });
  for (const row of rows) table.push(row);
  return table.toString();
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
