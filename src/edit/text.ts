/**
 * Offsets and lines in a file's original text. Edits are splices into that
 * text, never a re-serialisation, so every byte not spliced stays as it was.
 */

/** One splice: replace text[start, end) with `text`; an insertion has start === end. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies splices that do not overlap; later offsets first so earlier ones
 * stay valid. Insertions at the same offset keep the order they are given in.
 */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  for (const s of ordered) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/**
 * The line ending new lines take next to the line holding `offset`: that
 * line's own, else (a last line without one) the line's before it, else LF.
 * Not the file's first line's: a CRLF file whose first line a Unix tool
 * added (`# yaml-language-server: …`) keeps CRLF where it is edited.
 */
export function lineEndingAt(text: string, offset: number): '\n' | '\r\n' {
  let lf = text.indexOf('\n', offset);
  if (lf === -1) lf = text.lastIndexOf('\n', offset);
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** Offset of the first character of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Column (0-based, in characters) of `offset` within its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Offset just past the end of `[start, end)` once trailing spaces, tabs and line breaks are dropped. */
export function contentEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[ \t\r\n]/.test(text[e - 1])) e--;
  return e;
}

/**
 * Splice that inserts whole lines after the line holding `offset` (after its
 * comment and line break). At the end of a file without a final line break,
 * the break goes before the new lines, so the file still ends without one.
 */
export function insertLinesAfter(text: string, offset: number, lines: readonly string[]): Splice {
  const eol = lineEndingAt(text, offset);
  const lf = text.indexOf('\n', offset);
  if (lf === -1) return { start: text.length, end: text.length, text: lines.map((l) => eol + l).join('') };
  return { start: lf + 1, end: lf + 1, text: lines.map((l) => l + eol).join('') };
}
