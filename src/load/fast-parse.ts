/**
 * The fast path for clean files. Parsing with the `yaml` package costs about
 * eight times what this path costs (1.9 against 0.23 ms for a 4 KB plan),
 * and most files of a real folder have nothing to report. So a file is parsed with js-yaml when it uses only the
 * plain subset of YAML that both parsers read alike, and with `yaml`
 * (parse.ts, the single source of truth for diagnostics and positions) in
 * every other case: when js-yaml throws, when the text has anything that
 * could be read two ways, and, lazily, when a later stage needs a position.
 *
 * Speed never changes an answer: test/perf checks that whenever this path
 * takes a text, `yaml` reads the same value from it and reports nothing (on
 * the YAML test suite, the examples, generated and edited files), and that
 * `validate` prints the same bytes either way (fixtures included).
 */
import jsyaml from 'js-yaml';
import { type CoreTag, type Form, formOf } from './core-scalars.js';
import { normalizeStrings, parseRecordText, type ParseOutcome, type Pointer, type Position } from './parse.js';
import { LONE_CR } from './text-problems.js';
import { parseSubset } from './subset-parse.js';

/** Which parser reads clean files: `fast` (default) or `yaml` (the positions path for every file). */
export type ParserChoice = 'fast' | 'yaml';

/** `PHOIHOP_PARSER=yaml` turns the fast path off, to compare or to rule it out. */
export function defaultParser(env: NodeJS.ProcessEnv = process.env): ParserChoice {
  return env.PHOIHOP_PARSER === 'yaml' ? 'yaml' : 'fast';
}

/** Parses one file's text with the chosen parser; the outcome is the same either way. */
export function parseRecord(file: string, text: string, parser: ParserChoice = defaultParser()): ParseOutcome {
  if (parser === 'fast') {
    const fast = fastParse(file, text);
    if (fast) return fast;
  }
  return parseRecordText(file, text);
}

/**
 * The js-yaml schema that resolves plain scalars exactly as `yaml`'s YAML 1.2
 * core schema does (core-scalars.ts).
 */
/** js-yaml calls resolve then construct on the same text: the form found first is kept for construct. */
let lastText: string | undefined;
let lastForm: Form | undefined;

const scalarType = (tag: CoreTag) =>
  new jsyaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (s: unknown) => {
      const form = formOf(tag, s);
      if (form) [lastText, lastForm] = [s as string, form];
      return form !== undefined;
    },
    construct: (s: string) => (s === lastText && lastForm ? lastForm : formOf(tag, s)!)[1](s),
  });

// One type per tag: js-yaml keeps only the last of several types with the same tag.
const YAML_1_2_CORE = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [scalarType('null'), scalarType('bool'), scalarType('int'), scalarType('float')] });

/**
 * Text the fast path leaves to `yaml`, because the two parsers could read it
 * differently or `yaml` would have something to say about it. Every check
 * was found needed by the equivalence tests (test/perf) or by reading the
 * parsers; a false alarm only costs speed. Each is a plain scan, and those
 * that need context run only when a cheap search finds their character.
 */
const SPECIAL_CHARACTER = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/; // tabs, controls, NEL, LS/PS, BOM
/** Anchors, aliases, tags at the start of a token; explicit keys (`? `). */
const PROPERTY_OR_EXPLICIT_KEY = /(?:^|[\s[\]{},])(?:[&*!]|\?(?=[\s[\]{},]|$))/;
/** Directives, conflict markers, document end, and content after `---` on its line. */
const LINE_START_MARKER = /(?:^|\n)(?:%|={7}|>{7}|\|{7}|\.\.\.|---(?:[^\s]| +[^\s#]))/;
/** A flow collection used as a key (`[a, b]: x`, `{a: 1}:x`). */
const FLOW_KEY = /[\]}] *:/;
/** `yaml` wants white space before a comment that follows a flow collection, a quoted scalar, a block scalar header or `---`. */
const GLUED_COMMENT = /[\]}"'|>-]#/;
/** Keep chomping and indentation indicators: the two parsers differ on trailing lines. */
const BLOCK_SCALAR_INDICATOR = /[|>](?:[-+]?[1-9]|[1-9]?\+)/;
/**
 * A sequence item with nothing after its dash, at the start of a line or
 * after other dashes (`- -`): js-yaml lets a less indented item continue its sequence.
 */
const EMPTY_SEQUENCE_ITEM = /(?:^|\n) *(?:- +)*-(?: *| +#[^\n]*)\r?(?:\n|$)/;
/** A line of spaces only: in a block scalar, the parsers differ on where its indentation comes from. */
const SPACES_ONLY_LINE = /(?:^|\n) +\r?(?:\n|$)/;

/** The specification of what goes to `yaml`; fastParse runs scanText, its one-pass form. */
export function isSuspicious(text: string): boolean {
  return (
    SPECIAL_CHARACTER.test(text) ||
    (text.includes('\r') && LONE_CR.test(text)) ||
    (/[&*!?]/.test(text) && PROPERTY_OR_EXPLICIT_KEY.test(text)) ||
    text.includes('<<') ||
    text.includes('__proto__') ||
    ((text.startsWith('%') || text.includes('\n%') || text.includes('=======') || text.includes('>>>>>>>') || text.includes('|||||||') || text.includes('...') || text.includes('---')) &&
      LINE_START_MARKER.test(text)) ||
    FLOW_KEY.test(text) ||
    (text.includes('#') && GLUED_COMMENT.test(text)) ||
    BLOCK_SCALAR_INDICATOR.test(text) ||
    EMPTY_SEQUENCE_ITEM.test(text) ||
    ((text.startsWith(' ') || text.includes(' \n') || text.includes(' \r') || text.endsWith(' ')) && /[|>]/.test(text) && SPACES_ONLY_LINE.test(text))
  );
}

/** What a scan found besides suspicious text: a possible null key, a backslash. */
const NULL_KEY = 1;
const BACKSLASH = 2;
const SUSPICIOUS = -1;

/** JavaScript's `\s`, as the patterns above use it. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && /\s/.test(String.fromCharCode(c)));
}

function isBoundary(c: number): boolean {
  return c === 91 || c === 93 || c === 123 || c === 125 || c === 44 || isSpace(c); // [ ] { } , or space
}

const startsAt = (text: string, i: number, s: string) => text.startsWith(s, i);

/**
 * All the checks of isSuspicious in one pass over the text (a tenth of the
 * time of the separate patterns, which stay as their specification: the
 * tests hold the two to the same answers), plus whether a null key could be
 * there (NULL_KEY_POSSIBLE) and whether the text has a backslash.
 * Returns SUSPICIOUS, or the flags.
 */
export function scanText(text: string): number {
  const n = text.length;
  let flags = 0;
  let blockIndicator = false;
  let spacesOnlyLine = false;
  // Line-start checks run at the start and after each LF; the loop below sees every character once.
  const lineStart = (i: number): boolean => {
    let j = i;
    while (j < n && text.charCodeAt(j) === 32) j++;
    if (j > i && lineEndsAt(text, j)) spacesOnlyLine = true;
    const c = text.charCodeAt(i);
    if (c === 37 || c === 61 || c === 62 || c === 124 || c === 46 || (c === 45 && startsAt(text, i, '---'))) {
      if (markerAt(text, i, c)) return true;
    }
    return text.charCodeAt(j) === 45 && emptySequenceItemAt(text, j);
  };
  if (n > 0 && lineStart(0)) return SUSPICIOUS;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      if (c <= 0x9f || c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0xfffe || c === 0xffff) return SUSPICIOUS;
      continue;
    }
    if (c < 32) {
      if (c === 10) {
        if (i + 1 < n && lineStart(i + 1)) return SUSPICIOUS;
        continue;
      }
      if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
      return SUSPICIOUS; // tab, control, lone CR
    }
    switch (c) {
      case 127: // DEL
        return SUSPICIOUS;
      case 38: // &
      case 42: // *
      case 33: // !
        if (i === 0 || isBoundary(text.charCodeAt(i - 1))) return SUSPICIOUS;
        break;
      case 63: // ?
        if ((i === 0 || isBoundary(text.charCodeAt(i - 1))) && (i + 1 === n || isBoundary(text.charCodeAt(i + 1)))) return SUSPICIOUS;
        break;
      case 60: // <
        if (text.charCodeAt(i + 1) === 60) return SUSPICIOUS;
        break;
      case 95: // _
        if (startsAt(text, i, '__proto__')) return SUSPICIOUS;
        break;
      case 93: // ]
      case 125: {
        // }
        let j = i + 1;
        while (text.charCodeAt(j) === 32) j++;
        if (text.charCodeAt(j) === 58 || text.charCodeAt(i + 1) === 35) return SUSPICIOUS; // flow key, glued comment
        break;
      }
      case 34: // "
      case 39: // '
      case 45: // -
        if (text.charCodeAt(i + 1) === 35) return SUSPICIOUS;
        break;
      case 124: // |
      case 62: {
        // >
        blockIndicator = true;
        const d = text.charCodeAt(i + 1);
        if (d === 35 || d === 43 || (d >= 49 && d <= 57)) return SUSPICIOUS;
        if (d === 45) {
          const e = text.charCodeAt(i + 2);
          if (e >= 49 && e <= 57) return SUSPICIOUS;
        }
        break;
      }
      case 126: // ~
        flags |= NULL_KEY;
        break;
      case 110: // n
      case 78: // N
        if (startsAt(text, i, 'null') || startsAt(text, i, 'Null') || startsAt(text, i, 'NULL')) flags |= NULL_KEY;
        break;
      case 58: // :
        if (i + 1 === n || isSpace(text.charCodeAt(i + 1))) {
          let j = i - 1;
          while (j >= 0 && text.charCodeAt(j) === 32) j--;
          const b = j < 0 ? -1 : text.charCodeAt(j);
          if (b === -1 || b === 10 || b === 123 || b === 44 || b === 91 || b === 63 || b === 45) flags |= NULL_KEY;
        }
        break;
      case 92: // backslash
        flags |= BACKSLASH;
        break;
    }
  }
  return spacesOnlyLine && blockIndicator ? SUSPICIOUS : flags;
}

/** True when the line holds nothing from `j`: a line end (LF or CRLF) or the end of the text. */
function lineEndsAt(text: string, j: number): boolean {
  const c = text.charCodeAt(j);
  return j >= text.length || c === 10 || (c === 13 && (j + 1 >= text.length || text.charCodeAt(j + 1) === 10));
}

/** At column 0: a directive, a conflict marker, a document end, or `---` with content after it. */
function markerAt(text: string, i: number, c: number): boolean {
  if (c === 37) return true; // %
  if (startsAt(text, i, '=======') || startsAt(text, i, '>>>>>>>') || startsAt(text, i, '|||||||') || startsAt(text, i, '...')) return true;
  if (!startsAt(text, i, '---')) return false;
  const d = text.charCodeAt(i + 3);
  if (i + 3 < text.length && !isSpace(d)) return true;
  if (d !== 32) return false;
  let j = i + 3;
  while (text.charCodeAt(j) === 32) j++;
  return j < text.length && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 35;
}

/**
 * At the `-` that starts a line's content: an item with nothing after it but
 * spaces or a comment, itself or the last of a compact chain (`- - -`).
 */
function emptySequenceItemAt(text: string, dash: number): boolean {
  for (let at = dash; ; ) {
    let j = at + 1;
    while (text.charCodeAt(j) === 32) j++;
    if (lineEndsAt(text, j)) return true;
    const c = text.charCodeAt(j);
    if (j === at + 1) return false;
    if (c === 35) return true;
    if (c !== 45) return false;
    at = j;
  }
}

/**
 * yaml refuses an implicit key whose `:` comes more than 1024 characters
 * after the key starts; js-yaml takes it. A line with its first `: ` (or
 * final `:`) that far in goes the positions path, which words the refusal.
 */
function mayHaveLongKey(text: string): boolean {
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > MAX_IMPLICIT_KEY) {
      const line = text.slice(start, end);
      // Counted from the line's start: after an empty value yaml counts the indentation too.
      const colon = line.search(/:(?:[ \t\r]|$)/);
      if (colon < 0 || colon + 1 > MAX_IMPLICIT_KEY) return true;
    }
    start = end + 1;
  }
  return false;
}
const MAX_IMPLICIT_KEY = 1024;

/** The fast parse, or undefined when the file must go the positions path. */
/** Thrown from js-yaml's onWarning to stop it at the first warning. */
const WARNED = new Error('js-yaml warned');

export function fastParse(file: string, text: string): ParseOutcome | undefined {
  // The subset reader takes most record files on its own; js-yaml takes what the scan lets through of the rest.
  let value: unknown = parseSubset(text);
  let scan = 0;
  if (value === undefined) {
    scan = scanText(text);
    if (scan === SUSPICIOUS || !flowCollectionsOnOneLine(text) || mayHaveLongKey(text)) return undefined;
    try {
      // The first warning ends the parse: the positions path words it, and js-yaml would go on to warn (quoting the text around
      // each) at every later line, for minutes in a big file with one unclosed quote.
      value = jsyaml.load(text, {
        schema: YAML_1_2_CORE,
        json: false,
        onWarning: () => {
          throw WARNED;
        },
      });
    } catch {
      return undefined;
    }
    // Not a mapping (empty, a list, a scalar): the positions path words the diagnostic.
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    if (scan & NULL_KEY && !keysAgree(value)) return undefined;
  }
  // Text already composed (NFC) parses to composed strings, unless escapes or joined lines build new ones.
  const composed = !(scan & BACKSLASH) && text.normalize('NFC') === text;
  if (composed) return fastOutcome(file, text, value);
  // Two keys that differ only in composition are one key twice: the positions path reports it.
  const normalized = normalizeStrings(value, true);
  return normalized === undefined ? undefined : fastOutcome(file, text, normalized);
}

/**
 * The outcome of a fast parse (here or in a worker): the value now, and
 * positions only when a later stage asks for one, from `yaml`, parsed once.
 */
export function fastOutcome(file: string, text: string, data: unknown): ParseOutcome {
  let positions: ParseOutcome | undefined;
  const locate = (pointer: Pointer, target?: 'key' | 'value'): Position => {
    // The fast path took the text, so yaml would find no duplicate key in it (test/perf): its search for them is skipped.
    positions ??= parseRecordText(file, text, { keysKnownUnique: true });
    return positions.locate(pointer, target);
  };
  return { data, diagnostics: [], locate };
}

/**
 * js-yaml writes a null key as `"null"` where `yaml` writes `""`: any key
 * spelled `null` sends the file the positions path (so does a quoted one).
 * A null key is written `~`, `null` (any case yaml knows) or as nothing
 * before the colon; text with none of those needs no walk.
 */
export const NULL_KEY_POSSIBLE = /~|null|Null|NULL|(?:^|[\n{,[?-])[ ]*:(?:\s|$)/;

function keysAgree(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysAgree);
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (key === 'null') return false;
      if (!keysAgree((value as Record<string, unknown>)[key])) return false;
    }
  }
  return true;
}

/**
 * True when every flow collection (`[…]`, `{…}`) closes on the line it
 * opens. `yaml` checks the indentation of multi-line flow collections and
 * js-yaml does not, so those go the positions path. Quoted text and
 * comments are skipped; anything unclear (a bracket closing first, a quote
 * left open) counts as multi-line.
 */
export function flowCollectionsOnOneLine(text: string): boolean {
  const opener = /[[{]/g;
  let scannedTo = 0;
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    if (m.index < scannedTo) continue;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const newline = text.indexOf('\n', m.index);
    const lineEnd = newline < 0 ? text.length : newline;
    if (!closesOnLine(text, lineStart, lineEnd)) return false;
    scannedTo = lineEnd;
    opener.lastIndex = lineEnd;
  }
  return true;
}

/**
 * Scans one line: brackets outside quotes and comments must balance without
 * going below zero, and no collection may stand as a key in a flow mapping
 * (`{ [a], b }`: js-yaml makes a string of it, `yaml` reports it).
 */
function closesOnLine(text: string, start: number, end: number): boolean {
  const open: string[] = [];
  let tokenStart = true;
  let keyPosition = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '[' || c === '{') {
      if (keyPosition) return false;
      open.push(c);
      keyPosition = c === '{';
    } else if (c === ']' || c === '}') {
      if (open.pop() === undefined) return false;
      keyPosition = false;
    } else if ((c === '"' || c === "'") && tokenStart) {
      const close = closingQuote(text, i, c);
      if (close < 0 || close >= end) return false;
      i = close;
      keyPosition = false;
    } else if (c === '#' && tokenStart) break;
    else if (c === ',') keyPosition = open[open.length - 1] === '{';
    else if (c !== ' ') keyPosition = false;
    tokenStart = c === ' ' || c === '\r' || c === '[' || c === '{' || c === ',' || c === ':';
  }
  return open.length === 0;
}

/** The index of the quote that closes the one at `start`, on the same line; -1 if none. */
function closingQuote(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') return -1;
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}
