/**
 * Documents as terminal tables (cli-table3). Text is NFC-normalised so that a
 * name typed in decomposed Unicode lines up like a composed one; colour comes
 * only from the Paint given (overdue red, due soon yellow), never in borders.
 */
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

function renderGrid(columns: Column[], rows: Row[], lang: Lang, paint: Paint): string {
  const texts = rows.map((row) => row.cells.map((cell) => nfc(humanCell(cell, lang))));
  // A wrap width only where some cell is wider; otherwise the column keeps its natural width.
  const colWidths = columns.map((column, i) => {
    if (column.wrap === undefined) return null;
    const widest = Math.max(width(nfc(column.header)), ...texts.map((r) => width(r[i] ?? '')));
    return widest > column.wrap ? column.wrap + 2 : null;
  });
  const table = new Table({
    head: columns.map((c) => paint.bold(nfc(c.header))),
    style: { head: [], border: [] },
    colWidths,
    wordWrap: true,
  });
  rows.forEach((row, r) => {
    table.push(
      row.cells.map((cell: Cell, i) => ({
        content: toneColour(paint, cell.tone ?? row.tone)(texts[r][i]),
        hAlign: columns[i]?.align ?? 'left',
      })),
    );
  });
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
