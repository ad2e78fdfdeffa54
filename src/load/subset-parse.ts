/**
 * A reader for the small part of YAML that record files are written in:
 * block mappings with plain ASCII keys, block sequences, one-line plain and
 * quoted scalars, `|` and `>` block scalars, one-line flow collections and
 * comments. It reads such a file several times faster than js-yaml (which
 * handles all of YAML) and answers "not sure" (undefined) at the first thing
 * outside that part, so the caller falls back to js-yaml, and to `yaml` for
 * positions and diagnostics. Its values are `yaml`'s values: test/perf holds
 * every text it takes to what `yaml` reads from it.
 *
 * It stands on its own (fast-parse's scanText need not run first): tabs,
 * control characters, CR, anchors, tags, directives, explicit and quoted
 * keys, escapes, multi-line scalars and flow collections all send a text
 * back. A false alarm only costs speed.
 */
import { resolvePlain } from './core-scalars.js';
import { ownCopy } from './own-copy.js';

/** Thrown (not an Error: no stack to build) at the first thing outside the subset. */
const UNSURE = Symbol('unsure');

/** Keys this reader takes; any other key (quoted, non-ASCII, spaced) is left to the full parsers. */
const PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/** YAML refuses implicit keys longer than this. */
const MAX_KEY_LENGTH = 1024;
/**
 * Collections nested deeper than any record: yaml's recursive composer runs
 * out of stack some hundreds of levels down (and reports it), and so would
 * this reader.
 */
const MAX_DEPTH = 64;

/** Tabs (white space in YAML, not here), CR, controls, NEL, line and paragraph separators, BOM, non-characters. */
const UNUSUAL_CHARACTER = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** The mapping a record file holds, or undefined when the text is outside the subset. */
export function parseSubset(text: string): Record<string, unknown> | undefined {
  if (UNUSUAL_CHARACTER.test(text)) return undefined;
  try {
    return new SubsetReader(text).document();
  } catch (error) {
    if (error === UNSURE) return undefined;
    throw error;
  }
}

function unsure(): never {
  throw UNSURE;
}

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === SPACE) i++;
  return i;
}

/** Blank (spaces only) or a comment: lines the block structure skips. */
function isSkippable(line: string): boolean {
  const i = indentOf(line);
  return i === line.length || line.charCodeAt(i) === HASH;
}

function isSequenceItem(line: string, at: number): boolean {
  return line.charCodeAt(at) === DASH && (at + 1 === line.length || line.charCodeAt(at + 1) === SPACE);
}

/** After a value: nothing but spaces and a comment (a `#` after a space). */
function restIsEmpty(line: string, from: number): boolean {
  let i = from;
  while (line.charCodeAt(i) === SPACE) i++;
  return i === line.length || (line.charCodeAt(i) === HASH && i > from);
}

/** The index of the colon that ends a plain key starting at `at`, or -1 when the line holds no such key. */
function keyEnd(line: string, at: number): number {
  for (let i = at; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === COLON && (i + 1 === line.length || line.charCodeAt(i + 1) === SPACE)) return i;
    if (c === HASH && i > at && line.charCodeAt(i - 1) === SPACE) return -1;
  }
  return -1;
}

/** A plain key as a JavaScript property name, as `yaml` makes it (`2022` → "2022", `True` → "true"). */
function keyName(text: string): string {
  const known = keyNames.get(text);
  if (known !== undefined) return known;
  if (text.length > MAX_KEY_LENGTH || !PLAIN_KEY.test(text) || text === '__proto__') unsure();
  const value = resolvePlain(text);
  if (value === null) unsure();
  const name = typeof value === 'string' ? value : String(value);
  if (keyNames.size < KEY_NAMES_KEPT) keyNames.set(ownCopy(text), ownCopy(name));
  return name;
}
/**
 * Record files repeat a few dozen keys (`id`, `title`, `lead`, log keys…):
 * each is checked once, and every object then gets the same string as its
 * property name, which is cheaper to store than a new one. Bounded, since
 * keys come from the files, and copied: a key cut from a file's text would
 * keep the whole text alive for the rest of the run.
 */
const keyNames = new Map<string, string>();
const KEY_NAMES_KEPT = 4096;

function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  // A duplicate key, which yaml reports (no value here is undefined; `constructor` and the like are false alarms).
  if (map[key] !== undefined) unsure();
  map[key] = value;
}

/** Characters that start something other than a plain scalar. */
function startsPlain(line: string, at: number): boolean {
  const c = line[at];
  if ('&*!%@`|>,[]{}#\'"'.includes(c)) return false;
  if (c === '-' || c === '?' || c === ':') {
    // Only when followed by a character that could go on a plain scalar in either context.
    return at + 1 < line.length && !' ,[]{}'.includes(line[at + 1]);
  }
  return true;
}

class SubsetReader {
  private readonly lines: string[];
  /** The next line not yet read. */
  private next = 0;
  /** Collections open around the one being read. */
  private depth = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
  }

  document(): Record<string, unknown> {
    let k = this.nextContent();
    if (k < 0) unsure();
    if (this.lines[k].startsWith('---')) {
      if (!restIsEmpty(this.lines[k], 3)) unsure();
      this.next = k + 1;
      k = this.nextContent();
      if (k < 0) unsure();
    }
    if (indentOf(this.lines[k]) !== 0 || isSequenceItem(this.lines[k], 0)) unsure();
    const value = this.mapping(0);
    if (this.nextContent() >= 0) unsure(); // a second document, or a line out of place
    return value;
  }

  /** Opens a collection; past MAX_DEPTH the text goes to the full parsers. */
  private enter(): void {
    if (++this.depth > MAX_DEPTH) unsure();
  }

  /** Closes the collection `enter` opened, handing on what it read. */
  private leave<T>(value: T): T {
    this.depth--;
    return value;
  }

  /** The index of the next line with content (skipping blanks and comments), or -1 at the end. */
  private nextContent(): number {
    while (this.next < this.lines.length && isSkippable(this.lines[this.next])) this.next++;
    return this.next < this.lines.length ? this.next : -1;
  }

  /** A block mapping whose keys stand at `indent`; `first` is a key already found mid-line (`- key: …`). */
  private mapping(indent: number, first?: { line: number; at: number }): Record<string, unknown> {
    this.enter();
    const map: Record<string, unknown> = {};
    if (first) this.entry(map, first.line, first.at, indent);
    for (;;) {
      const k = this.nextContent();
      if (k < 0) return this.leave(map);
      const line = this.lines[k];
      const at = indentOf(line);
      if (at < indent) return this.leave(map);
      if (at > indent || isSequenceItem(line, at)) unsure();
      this.entry(map, k, at, indent);
    }
  }

  private entry(map: Record<string, unknown>, k: number, at: number, indent: number): void {
    const line = this.lines[k];
    const colon = keyEnd(line, at);
    // After an empty value yaml measures the 1024 characters from the line break before the key.
    if (colon < 0 || colon + 1 > MAX_KEY_LENGTH) unsure();
    const key = keyName(line.slice(at, colon));
    this.next = k + 1;
    setKey(map, key, this.inlineValue(line, colon + 1, indent, true));
  }

  /** A block sequence whose dashes stand at `indent`. */
  private sequence(indent: number): unknown[] {
    this.enter();
    const items: unknown[] = [];
    for (;;) {
      const k = this.nextContent();
      if (k < 0) return this.leave(items);
      const line = this.lines[k];
      const at = indentOf(line);
      if (at < indent) return this.leave(items);
      if (at > indent) unsure();
      if (!isSequenceItem(line, at)) return this.leave(items); // a key at the dashes' indent: the parent mapping goes on
      this.next = k + 1;
      let q = at + 1;
      while (line.charCodeAt(q) === SPACE) q++;
      if (q === line.length || line.charCodeAt(q) === HASH || isSequenceItem(line, q)) unsure();
      if (startsPlain(line, q) && keyEnd(line, q) >= 0) items.push(this.mapping(q, { line: k, at: q }));
      else items.push(this.inlineValue(line, q, at, false));
    }
  }

  /**
   * The value that starts at `from` on a line (after `key:` or `- `), or on
   * the lines below it. `indent` is the indentation of the collection the
   * value belongs to; a mapping's value may be a sequence at that same indent.
   */
  private inlineValue(line: string, from: number, indent: number, inMapping: boolean): unknown {
    let q = from;
    while (line.charCodeAt(q) === SPACE) q++;
    if (q === line.length || (line.charCodeAt(q) === HASH && q > from)) return this.valueBelow(indent, inMapping);
    const c = line[q];
    if (c === '[' || c === '{') {
      const [value, end] = this.flow(line, q);
      if (!restIsEmpty(line, end)) unsure();
      return value;
    }
    if (c === '"' || c === "'") {
      const [value, end] = quoted(line, q);
      if (!restIsEmpty(line, end)) unsure();
      return value;
    }
    if (c === '|' || c === '>') return this.blockScalar(line, q, indent);
    if (!startsPlain(line, q)) unsure();
    return plainInBlock(line, q);
  }

  /** A value written on the lines below its key: a nested collection, or null. */
  private valueBelow(indent: number, inMapping: boolean): unknown {
    const k = this.nextContent();
    if (k < 0) return null;
    const line = this.lines[k];
    const at = indentOf(line);
    if (at > indent) return isSequenceItem(line, at) ? this.sequence(at) : this.mapping(at);
    if (at === indent && inMapping && isSequenceItem(line, at)) return this.sequence(at);
    if (!inMapping) unsure(); // `- ` with nothing after it: scanText sends these to yaml already
    return null;
  }

  /** `|`, `|-`, `>` or `>-` at `q`; the content lines follow, indented more than `indent`. */
  private blockScalar(line: string, q: number, indent: number): string {
    const folded = line[q] === '>';
    let r = q + 1;
    const strip = line[r] === '-';
    if (strip) r++;
    if (r < line.length && line.charCodeAt(r) !== SPACE) unsure(); // keep `+`, explicit indentation
    if (!restIsEmpty(line, r)) unsure();

    const first = this.next;
    if (first >= this.lines.length || isBlank(this.lines[first])) unsure(); // leading blank lines
    const contentIndent = indentOf(this.lines[first]);
    if (contentIndent <= indent) unsure(); // an empty block scalar
    const parts: string[] = [];
    let k = first;
    for (; k < this.lines.length; k++) {
      const text = this.lines[k];
      if (text === '') {
        parts.push('');
        continue;
      }
      const at = indentOf(text);
      if (at === text.length) unsure(); // spaces only: which indentation they count for differs
      if (at < contentIndent) break;
      const content = text.slice(contentIndent);
      if (content.charCodeAt(content.length - 1) === SPACE) unsure();
      if (folded && content.charCodeAt(0) === SPACE) unsure(); // more-indented lines are not folded
      parts.push(content);
    }
    if (k === this.lines.length && parts[parts.length - 1] !== '') unsure(); // no line break at the end of the file
    while (parts[parts.length - 1] === '') parts.pop();
    this.next = k;
    const body = folded ? fold(parts) : parts.join('\n');
    return strip ? body : `${body}\n`;
  }

  /** A flow collection that closes on its line: the value and the index after it. */
  private flow(line: string, q: number): [unknown, number] {
    this.enter();
    const close = line[q] === '[' ? ']' : '}';
    const seq: unknown[] = [];
    const map: Record<string, unknown> = {};
    let p = skipSpaces(line, q + 1);
    if (line[p] === close) return this.leave([close === ']' ? seq : map, p + 1]);
    for (;;) {
      if (close === ']') {
        const [value, end] = this.flowItem(line, p);
        seq.push(value);
        p = end;
      } else {
        const colon = line.indexOf(':', p);
        if (colon < 0 || line.charCodeAt(colon + 1) !== SPACE) unsure();
        const key = keyName(line.slice(p, colon));
        const [value, end] = this.flowItem(line, skipSpaces(line, colon + 1));
        setKey(map, key, value);
        p = end;
      }
      p = skipSpaces(line, p);
      if (line[p] === close) return this.leave([close === ']' ? seq : map, p + 1]);
      if (line[p] !== ',') unsure();
      p = skipSpaces(line, p + 1);
      if (line[p] === close || line[p] === ',') unsure(); // trailing or doubled comma
    }
  }

  private flowItem(line: string, p: number): [unknown, number] {
    const c = line[p];
    if (c === '[' || c === '{') return this.flow(line, p);
    if (c === '"' || c === "'") return quoted(line, p);
    if (p >= line.length || !startsPlain(line, p)) unsure();
    let end = p;
    for (; end < line.length; end++) {
      const d = line[end];
      if (d === ',' || d === ']' || d === '}') break;
      // A colon (a pair in a sequence, `08:30`), a nested opener or a comment: left to the full parsers.
      if (d === ':' || d === '[' || d === '{' || (d === '#' && line.charCodeAt(end - 1) === SPACE)) unsure();
    }
    const text = trimSpaces(line.slice(p, end));
    return [plainValue(text), end];
  }
}

function isBlank(line: string): boolean {
  return indentOf(line) === line.length;
}

/** Drops trailing spaces, and only those: to YAML, U+00A0 or U+3000 is content, not white space (trimEnd would drop it). */
function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === SPACE) end--;
  return end === text.length ? text : text.slice(0, end);
}

function skipSpaces(line: string, p: number): number {
  while (line.charCodeAt(p) === SPACE) p++;
  return p;
}

/** A plain scalar in block context, to the end of its line or its comment. */
function plainInBlock(line: string, q: number): unknown {
  const hash = line.indexOf(' #', q);
  const text = trimSpaces(hash < 0 ? line.slice(q) : line.slice(q, hash));
  // `: ` inside would be a nested mapping, which yaml refuses on one line.
  if (text.includes(': ') || text.endsWith(':')) unsure();
  return plainValue(text);
}

/**
 * A plain scalar's value, remembered for short texts that start with a
 * digit. Those are mostly dates, which a folder repeats thousands of times
 * (every log entry has one): each is resolved once (a date is tried against
 * six number patterns first), and every record then holds the same string,
 * whose hash the date reader's memo then finds already computed. Bounded,
 * since texts come from the files, and copied (see keyNames): document
 * numbers start with a digit too, and each is in one file only.
 */
function plainValue(text: string): unknown {
  if (text.length > SHARED_VALUE_LENGTH || !isDigit(text.charCodeAt(0))) return resolvePlain(text);
  const known = plainValues.get(text);
  if (known !== undefined) return known;
  const value = resolvePlain(text);
  if (plainValues.size < SHARED_VALUES_KEPT) plainValues.set(ownCopy(text), typeof value === 'string' ? ownCopy(value) : value);
  return value;
}
const plainValues = new Map<string, unknown>();
const SHARED_VALUE_LENGTH = 24;
const SHARED_VALUES_KEPT = 50_000;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** A quoted scalar closed on its line (double quotes without escapes): the text and the index after it. */
function quoted(line: string, q: number): [string, number] {
  const quote = line[q];
  if (quote === '"') {
    const close = line.indexOf('"', q + 1);
    if (close < 0 || line.lastIndexOf('\\', close) > q) unsure();
    return [line.slice(q + 1, close), close + 1];
  }
  let text = '';
  let from = q + 1;
  for (;;) {
    const close = line.indexOf("'", from);
    if (close < 0) unsure();
    text += line.slice(from, close);
    if (line[close + 1] !== "'") return [text, close + 1];
    text += "'";
    from = close + 2;
  }
}

/** Folds the lines of a `>` scalar: a single line break becomes a space; each blank line, a line break. */
function fold(parts: string[]): string {
  let out = parts[0] ?? '';
  let blanks = 0;
  for (let i = 1; i < parts.length; i++) {
    if (parts[i] === '') {
      blanks++;
      continue;
    }
    out += blanks > 0 ? '\n'.repeat(blanks) : ' ';
    out += parts[i];
    blanks = 0;
  }
  return out;
}
