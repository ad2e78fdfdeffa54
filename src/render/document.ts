/**
 * A report laid out for people, independent of the output format: titles,
 * lines of text and tables of typed cells. Views build it (in the reader's
 * language); the table, markdown and csv renderers print it. Cells keep their
 * raw value so that CSV can write ISO dates and plain numbers.
 */
import { type Day, formatISO } from '../model/dates.js';
import type { Lang } from '../i18n/lang.js';
import { formatDay, formatNumber } from '../i18n/reports.js';

/** How a row stands out: overdue in red, due soon in yellow (table format only). */
export type Tone = 'overdue' | 'due-soon';

export type Cell = (
  | { kind: 'text'; text: string }
  /** `text` is how people read it (`còn 14 ngày`, `75%`); CSV writes `value`. */
  | { kind: 'number'; value: number | null; text?: string }
  /** `none` is what people read when there is no day (`—` for an ongoing task); CSV leaves the cell empty. */
  | { kind: 'date'; day: Day | null; none?: string }
) & { tone?: Tone };

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Wrap the column's text at this many characters in the terminal table. */
  wrap?: number;
}

export interface Row {
  cells: Cell[];
  tone?: Tone;
}

/**
 * A table's rows: an array, or rows made one at a time as a renderer asks
 * for them (`rowsOf`). A long report's cells then live only while they are
 * drawn, instead of all until the whole table is done.
 */
export interface Rows {
  readonly length: number;
  /** The row at `index`, from 0 to length - 1. */
  at(index: number): Row | undefined;
}

/** One row for each item, made when asked for. */
export function rowsOf<T>(items: readonly T[], row: (item: T) => Row): Rows {
  return { length: items.length, at: (index) => (index >= 0 && index < items.length ? row(items[index]) : undefined) };
}

/** Every row, for a renderer that needs them all at once. */
export function allRows(rows: Rows): readonly Row[] {
  if (Array.isArray(rows)) return rows as Row[];
  return Array.from({ length: rows.length }, (_, index) => rows.at(index) as Row);
}

export type Block =
  /** The report's first heading. */
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  /** Lines shown one under the other. */
  | { kind: 'lines'; lines: string[] }
  /** A table; `empty` is said instead when it has no rows (CSV still writes the header). */
  | { kind: 'table'; columns: Column[]; rows: Rows; empty?: string };

export type Document = Block[];

export const text = (t: string, tone?: Tone): Cell => ({ kind: 'text', text: t, tone });
export const num = (value: number | null, display?: string, tone?: Tone): Cell => ({ kind: 'number', value, text: display, tone });
export const date = (day: Day | null, tone?: Tone, none?: string): Cell => ({ kind: 'date', day, tone, none });

/** A cell as people read it, in their language; `undefined` values print empty. */
export function humanCell(cell: Cell, lang: Lang): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return cell.text ?? (cell.value === null ? '' : formatNumber(lang, cell.value));
    case 'date':
      return cell.day === null ? (cell.none ?? '') : formatDay(lang, cell.day);
  }
}

/** A cell for machines and spreadsheets: ISO dates, plain numbers. */
export function rawCell(cell: Cell): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return cell.value === null ? '' : String(cell.value);
    case 'date':
      return cell.day === null ? '' : formatISO(cell.day);
  }
}
