/**
 * Documents as CSV that Excel opens with Vietnamese intact: UTF-8 with a BOM,
 * CRLF line ends, RFC 4180 quoting; headers in the reader's language, dates
 * ISO (Excel reads them as dates) and numbers plain.
 */
import { allRows, type Cell, type Document, rawCell } from './document.js';

const BOM = '\uFEFF';

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  const s = value.normalize('NFC');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Text as a spreadsheet shows it, not as a formula: Excel and LibreOffice
 * compute a cell that begins with = + - @ (a title written as a bullet,
 * `- Tuyên truyền…`, shows #NAME?), so such text gets a leading apostrophe,
 * as OWASP advises for CSV. Numbers and dates are not text and stay as they are.
 */
export function spreadsheetText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const csvCell = (cell: Cell) => (cell.kind === 'text' ? spreadsheetText(cell.text) : rawCell(cell));
const record = (fields: string[]) => fields.map(csvField).join(',');
const textRecord = (texts: string[]) => record(texts.map(spreadsheetText));

/**
 * A document with one table is that table alone, ready to sort and filter.
 * With several (the summary), the title lines come first, and each table is
 * preceded by its heading and followed by an empty line.
 */
export function renderCsvDocument(doc: Document): string {
  const tables = doc.filter((b) => b.kind === 'table');
  const records: string[] = [];
  if (tables.length === 1) {
    const table = tables[0];
    if (table.kind === 'table') {
      records.push(textRecord(table.columns.map((c) => c.header)));
      for (const row of allRows(table.rows)) records.push(record(row.cells.map(csvCell)));
    }
  } else {
    let pendingBreak = false;
    for (const block of doc) {
      if (block.kind === 'title' || block.kind === 'heading') {
        if (pendingBreak) records.push('');
        records.push(textRecord([block.text]));
        pendingBreak = false;
      } else if (block.kind === 'lines') {
        for (const line of block.lines) records.push(textRecord([line]));
        pendingBreak = true;
      } else {
        if (pendingBreak) records.push('');
        records.push(textRecord(block.columns.map((c) => c.header)));
        for (const row of allRows(block.rows)) records.push(record(row.cells.map(csvCell)));
        pendingBreak = true;
      }
    }
  }
  return BOM + records.map((r) => r + '\r\n').join('');
}
