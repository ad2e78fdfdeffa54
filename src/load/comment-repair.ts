/**
 * A workaround for a bug of the yaml package's lexer (2.9; 3.0.0-2 too).
 * At the start of a line it lowers the indentation that a plain scalar must
 * keep to continue (`parseLineStart`: `indentNext = indentValue` when the
 * character after the line's indentation is followed by a non-space). It
 * does so on comment and blank lines as well, so after a comment glued to its
 * `#` (`#ghi chú`), or a blank line before a comment at column 0, a value on
 * a line of its own runs on into the next key: `a:\n#c\n  x\nk: 1` is refused
 * ("implicit keys need to be on a single line") and `- \n#c\n  x\n- y` reads
 * `x - y`, though YAML (and js-yaml) read `{a: x, k: 1}` and `[x, y]`.
 *
 * Comments are not content, so the text is given to yaml with a space after
 * each such `#` and a CR before the LF of each such blank line: the same YAML
 * document, which yaml then reads right. Every line keeps its number and
 * every node its column; offsets are mapped back to the file's own.
 */
import { CST, Lexer } from 'yaml';

/** A text that may hold such a comment: cheap, and false for nearly every file. */
const MAY_LOWER = /(?:^|\n) *#[^ \t\r\n]|\n *\n#/;

/** Passes of the lexer before giving the file to yaml as it is (one is the rule; see the loop). */
const MAX_PASSES = 4;

export interface RepairedText {
  /** The text to parse. */
  text: string;
  /** The offset in the file's text of an offset in `text`. */
  originalOffset: (offset: number) => number;
}

/** The text with its misleading comment lines made harmless, or undefined when it has none. */
export function repairLoweringComments(text: string): RepairedText | undefined {
  if (!text.includes('#') || !MAY_LOWER.test(text)) return undefined;
  let inserts: Insert[] = []; // at the file's offsets, in order
  let repaired = text;
  // Once repaired, the lexer may see a comment that its misreading hid: repeat until nothing is left to repair.
  for (let pass = 0; ; pass++) {
    const points = inserts.map((i) => i.at);
    const found = insertsFor(repaired).map((i) => ({ at: originalOffset(points, i.at), char: i.char }));
    if (found.length === 0) break;
    if (pass === MAX_PASSES) return undefined;
    inserts = [...inserts, ...found].sort((a, b) => a.at - b.at);
    repaired = applyInserts(text, inserts);
  }
  if (inserts.length === 0) return undefined;
  const points = inserts.map((i) => i.at);
  return { text: repaired, originalOffset: (offset) => originalOffset(points, offset) };
}

/** A character to insert before the character at `at`. */
interface Insert {
  at: number;
  char: string;
}

function applyInserts(text: string, inserts: readonly Insert[]): string {
  let out = '';
  let from = 0;
  for (const { at, char } of inserts) {
    out += text.slice(from, at) + char;
    from = at;
  }
  return out + text.slice(from);
}

/** What one pass of the lexer shows to repair, in order. */
function insertsFor(text: string): Insert[] {
  const inserts: Insert[] = [];
  let offset = 0;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // Markers the lexer adds, not in the text; after a scalar marker comes scalar content, even one that starts with '#'.
    if (type === 'doc-mode' || type === 'flow-error-end' || type === 'scalar') {
      scalarNext = type === 'scalar';
      continue;
    }
    if (type === 'comment' && !scalarNext && startsLine(text, offset)) {
      const blankBefore = blankLineBefore(text, offset);
      if (blankBefore !== undefined) inserts.push({ at: blankBefore, char: '\r' });
      if (!isYamlSpace(text.charCodeAt(offset + 1))) inserts.push({ at: offset + 1, char: ' ' });
    }
    scalarNext = false;
    offset += token.length;
  }
  return inserts;
}

/** Whether only spaces come before `offset` on its line. */
function startsLine(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  return i < 0 || text.charCodeAt(i) === 10;
}

/**
 * For a comment at column 0 after a line of nothing but spaces and an LF: that LF's offset.
 * Not for the first line, where nothing is indented yet: the file's first line break stays as it is.
 */
function blankLineBefore(text: string, offset: number): number | undefined {
  if (offset < 2 || text.charCodeAt(offset - 1) !== 10) return undefined;
  let i = offset - 2;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  return i >= 0 && text.charCodeAt(i) === 10 ? offset - 1 : undefined;
}

/** Space, tab, CR, LF or the end: what yaml's lexer counts as empty after a character. */
function isYamlSpace(c: number): boolean {
  return Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13;
}

/** Maps an offset in the repaired text back: an inserted character maps to the character it was put before. */
function originalOffset(points: readonly number[], offset: number): number {
  let shift = 0;
  for (const point of points) {
    const inserted = point + shift;
    if (offset < inserted) break;
    if (offset === inserted) return point;
    shift++;
  }
  return offset - shift;
}
