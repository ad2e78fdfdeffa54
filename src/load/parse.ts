/**
 * YAML 1.2 (core schema) parsing with node positions. Every problem becomes a
 * diagnostic; nothing here throws on bad input, and nothing reaches stderr
 * (the yaml package's own warnings are silenced and reported as diagnostics).
 */
import { minOf, pushAll } from '../arrays.js';
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, visit, YAMLParseError } from 'yaml';
import type { Alias, Document, Node, Pair, ParsedNode, Scalar, YAMLError, YAMLMap } from 'yaml';
import type { Diagnostic, DiagnosticArgs } from '../validate/diagnostic.js';
import { parseAllDocuments, parseDocument } from './yaml-documents.js';
import { textProblem } from './text-problems.js';

/** A path into a record: mapping keys and sequence indexes. */
export type Pointer = ReadonlyArray<string | number>;

export interface Position {
  line: number;
  column: number;
}

/** Lines with a syntax error shown per file. */
export const MAX_SYNTAX_ERRORS = 10;

/** Aliases allowed when converting to plain values (yaml's default); stops alias bombs. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Whether two keys would name the same property of a record, where only one
 * of their values would be kept: `2022` and `'2022'`, or the same text
 * composed and decomposed (records are read as NFC). yaml's own test
 * (`uniqueKeys: true`) compares the values, so it lets both pairs pass.
 */
export function sameKey(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isScalar(a) || !isScalar(b)) return false;
  const [x, y] = [a.value, b.value];
  if (x === y) return true;
  // yaml compares each key with every key before it in its mapping: ASCII text, whose NFC is itself, is spared normalising.
  if (typeof x === 'string' && typeof y === 'string' && ASCII.test(x) && ASCII.test(y)) return false;
  return propertyName(x) === propertyName(y);
}
const ASCII = /^[\x00-\x7f]*$/;
const propertyName = (value: unknown) => (typeof value === 'string' ? value.normalize('NFC') : String(value));

// logLevel 'error': yaml would otherwise print warnings to stderr (process.emitWarning).
const YAML_OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: sameKey, prettyErrors: false, merge: false, logLevel: 'error' } as const;
/** yaml's reading without its duplicate-key search, which is the only thing `uniqueKeys` changes. */
const WITHOUT_KEY_SEARCH = { ...YAML_OPTIONS, uniqueKeys: false } as const;

/**
 * The text's YAML documents, with yaml's errors for duplicate keys. yaml
 * finds those by comparing each key with every key before it in its
 * mapping (about 8 s for a mapping of 20,000 keys with one repeated, and
 * four times that for twice the keys: a file in a pull request could stall
 * CI), so the documents are composed without that search, and the same
 * errors, at the same places, are found in one pass (addDuplicateKeyErrors).
 * `none` is for a text known to have no duplicate (the fast path took it);
 * `yaml` lets yaml search, as the reference the tests hold the pass to.
 */
export function composeDocuments(text: string, keySearch: 'one-pass' | 'none' | 'yaml'): Document.Parsed[] {
  if (keySearch === 'yaml') return parseAllDocuments(text, YAML_OPTIONS);
  const docs = parseAllDocuments(text, WITHOUT_KEY_SEARCH);
  if (keySearch === 'none') return docs;
  // An empty key's node starts before the place yaml reports it at (over the spaces and comments before it): yaml searches then.
  return docs.every((doc) => addDuplicateKeyErrors(doc, propertyName)) ? docs : parseAllDocuments(text, YAML_OPTIONS);
}

type DocumentOptions = Parameters<typeof parseDocument>[1];

/**
 * As parseDocument (yaml-documents.ts) with `options`, without yaml's
 * search for the duplicate keys that `options.uniqueKeys` asks for (`done`
 * on a task log of 20,000 entries took 35 s; a config of 40,000 metrics,
 * 20 s before any command began): one pass finds whether there are any. The pass knows two tests,
 * sameKey and yaml's own (`uniqueKeys` true or left out: scalars whose
 * values are `===`); any other is left to yaml's search.
 *
 * `as-yaml`: the errors are exactly yaml's (which, where, in which order). A
 * document with no duplicate gets none from yaml's search either, and
 * nothing else changes; one with a duplicate is read again with the search,
 * which places its errors its own way (at the end of the line above, after
 * an empty value; before a key's MISSING_CHAR). That is slow only for a
 * huge mapping with a duplicate key, which `done` never edits: the folder's
 * check refuses the file first.
 * `one-pass`: the pass's errors are kept, as composeDocuments keeps them:
 * the same errors, but not always at yaml's place or in yaml's order.
 */
export function parseOneDocument(text: string, options: DocumentOptions, keyErrors: 'as-yaml' | 'one-pass' = 'as-yaml'): Document.Parsed {
  const uniqueKeys = options?.uniqueKeys ?? true;
  const name = uniqueKeys === sameKey ? propertyName : uniqueKeys === true ? valueName : undefined;
  if (uniqueKeys === false || name === undefined) return parseDocument(text, options);
  const doc = parseDocument(text, { ...options, uniqueKeys: false });
  if (keyErrors === 'as-yaml') return hasDuplicateKey(doc, name) ? parseDocument(text, options) : doc;
  return addDuplicateKeyErrors(doc, name) ? doc : parseDocument(text, options);
}

/** Whether a mapping of `doc` has two scalar keys of one name (`nameOf`). */
function hasDuplicateKey(doc: Document.Parsed, nameOf: (value: unknown) => unknown): boolean {
  let found = false;
  eachDuplicateKey(doc, nameOf, () => {
    found = true;
    return 'stop';
  });
  return found;
}

/**
 * Each scalar key with the same name (`nameOf`; none when undefined) as one
 * before it in its mapping, in document order, until `onKey` says stop:
 * one pass, where yaml compares each key with every key before it.
 */
function eachDuplicateKey(doc: Document.Parsed, nameOf: (value: unknown) => unknown, onKey: (key: Scalar) => 'stop' | undefined): void {
  visit(doc, {
    Map(_, map) {
      const names = new Set<unknown>();
      for (const { key } of map.items) {
        const name = isScalar(key) ? nameOf(key.value) : undefined;
        if (name === undefined) continue;
        if (names.has(name) && onKey(key as Scalar) === 'stop') return visit.BREAK;
        names.add(name);
      }
    },
  });
}

/** yaml's own test of two scalar keys, `a.value === b.value`, as a name: NaN equals nothing, so names none. */
const valueName = (value: unknown) => (Number.isNaN(value) ? undefined : value);

/**
 * yaml's DUPLICATE_KEY error for each key that has the same name as one
 * before it in its mapping (scalars only, named by `nameOf`, or by nothing
 * when it equals no key; other keys only equal themselves: sameKey's names
 * are property names), at the key's first character as yaml puts it, each
 * among the document's other errors in the order of their places, as yaml
 * makes them.
 */
function addDuplicateKeyErrors(doc: Document.Parsed, nameOf: (value: unknown) => unknown): boolean {
  const found: YAMLParseError[] = [];
  let placed = true;
  eachDuplicateKey(doc, nameOf, (key) => {
    const range = (key as ParsedNode).range;
    if (range === undefined || range[0] === range[1]) {
      placed = false;
      return 'stop';
    }
    found.push(new YAMLParseError([range[0], range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
    return undefined;
  });
  if (!placed) return false;
  if (found.length === 0) return true;
  found.sort((a, b) => a.pos[0] - b.pos[0]);
  const errors = [...doc.errors];
  doc.errors.length = 0;
  for (const error of errors) {
    while (found.length > 0 && found[0].pos[0] < error.pos[0]) doc.errors.push(found.shift()!);
    doc.errors.push(error);
  }
  pushAll(doc.errors, found);
  return true;
}

/**
 * The tags of the core schema. Records are plain data: any other tag
 * (`!!binary`, `!!timestamp`, `!foo`) would change or hide what a value
 * means, so it is an error rather than a silent conversion.
 */
const CORE_TAGS = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq']);

export interface ParseOutcome {
  /** The plain value (strings NFC-normalised), or undefined when the file cannot be used. */
  data: unknown;
  diagnostics: Diagnostic[];
  /** Finds the position of a node by pointer. */
  locate: (pointer: Pointer, target?: 'key' | 'value') => Position;
}

type Report = (pos: Position, rule: string, args?: DiagnosticArgs, severity?: 'error' | 'warning') => void;
type At = (offset: number) => Position;

/** Parses one file's text. `file` is only used to label diagnostics. */
export function parseRecordText(file: string, text: string, options: { keysKnownUnique?: boolean } = {}): ParseOutcome {
  const diagnostics: Diagnostic[] = [];
  // Our own line table: yaml's LineCounter misses lines inside tokens it gives up on.
  const lineStarts = lineStartsOf(text);
  // A problem found at the very end (an unclosed quote) is shown on the last line, not past it.
  const contentEnd = text.replace(/[\r\n]+$/, '').length;
  const at: At = (offset) => positionOf(lineStarts, Math.max(0, Math.min(offset, contentEnd)));
  const report: Report = (pos, rule, args = {}, severity = 'error') => diagnostics.push({ file, line: pos.line, column: pos.column, severity, rule, args });
  const fail = (locate: ParseOutcome['locate'] = firstLine) => ({ data: undefined, diagnostics, locate });

  const problem = textProblem(text, at);
  if (problem) {
    report(problem.position, problem.rule, problem.args);
    return fail();
  }

  // yaml's parser, with its lexer's reading of comment lines fixed (yaml-documents.ts).
  const docs = composeDocuments(text, options.keysKnownUnique ? 'none' : 'one-pass');
  if (docs.length === 0 || (docs.length === 1 && docs[0].errors.length === 0 && isEmptyDocument(docs[0]))) {
    report({ line: 1, column: 1 }, 'empty-file');
    return fail();
  }
  if (docs.length > 1) {
    const offset = docs[1].range?.[0] ?? 0;
    report(at(precedingDocumentMarker(text, offset)), 'multiple-documents', { count: docs.length });
  }
  const doc = docs[0];
  const locate = makeLocator(doc, at);
  if (reportTabIndentation(doc, text, lineStarts, at, report)) return fail(locate);
  const { unusable, tagged, firstAlias } = reportUnusableNodes(doc, text, at, report);
  reportParserMessages(doc, text, tagged, at, report);
  if (unusable || doc.errors.length > 0 || docs.length > 1) return fail(locate);
  const data = plainValue(doc, firstAlias, at, report);
  return data === undefined ? fail(locate) : { data, diagnostics, locate };
}

/**
 * A tab in the indentation throws yaml off for the lines after it: it then reports
 * well-indented lines, keys made of blocks and duplicate keys. Only the tabs are
 * shown; true when there were any.
 */
function reportTabIndentation(doc: Document, text: string, lineStarts: number[], at: At, report: Report): boolean {
  if (doc.errors.length === 0) return false;
  const tabs = tabIndentedLines(text, lineStarts);
  const tabErrors = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT' || tabs.has(at(e.pos[0]).line));
  if (tabErrors.length === 0) return false;
  const lines = new Set(tabErrors.map((e) => at(e.pos[0]).line));
  for (const line of [...lines].sort((a, b) => a - b).slice(0, MAX_SYNTAX_ERRORS)) {
    report({ line, column: tabs.get(line) ?? 1 }, 'yaml-syntax', { code: 'TAB_AS_INDENT', detail: 'Tabs are not allowed as indentation' });
  }
  return true;
}

/**
 * What the yaml package accepts but a record cannot hold: tags outside the core
 * schema, keys that are collections (no JS form), aliases to nothing.
 */
function reportUnusableNodes(doc: Document, text: string, at: At, report: Report): { unusable: boolean; tagged: boolean; firstAlias: number | undefined } {
  let unusable = false;
  let tagged = false;
  let firstAlias: number | undefined;
  visit(doc, {
    Node(_, node) {
      if (!node.tag || CORE_TAGS.has(node.tag)) return;
      tagged = unusable = true;
      report(at(tagOffset(text, (node as ParsedNode).range?.[0] ?? 0)), 'unsupported-tag', { tag: shortTag(node.tag) });
    },
    Pair(_, pair) {
      const key = pair.key;
      const target = isAlias(key) ? aliasTargets(doc).get(key) : key;
      if (isCollection(target) || (isScalar(target) && target.value !== null && typeof target.value === 'object')) {
        unusable = true;
        report(at((key as ParsedNode).range?.[0] ?? 0), 'complex-key');
      }
    },
    Alias(_, alias) {
      const offset = (alias as ParsedNode).range?.[0] ?? 0;
      firstAlias ??= offset;
      if (!aliasTargets(doc).has(alias)) {
        unusable = true;
        report(at(offset), 'yaml-syntax', { code: 'MISSING_ANCHOR', detail: `Unresolved alias *${alias.source}` });
      }
    },
  });
  return { unusable, tagged, firstAlias };
}

/** yaml's errors and warnings. One syntax error per line, and only the first few: later ones mostly echo the first. */
function reportParserMessages(doc: Document, text: string, tagged: boolean, at: At, report: Report): void {
  const syntaxLines = new Set<number>();
  let keysAt: Map<number, { name: string; first?: number }> | undefined;
  const overIndented = overIndentedLines(doc, text);
  // yaml finds an unclosed quote or bracket where it gave up; the opening one is what needs fixing.
  const openings = doc.errors.some(isUnclosed) ? openingsOf(doc) : [];
  const opened = new Map(doc.errors.map((error) => [error, isUnclosed(error) ? openedBefore(openings, error.pos[0]) : undefined]));
  // Past an opening never closed, yaml reads the lines after it as inside it: what it says of them echoes that one mistake.
  const firstUnclosed = minOf([...opened.values()].filter((o) => o !== undefined), Infinity);
  for (const error of doc.errors) {
    const pos = at(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      const key = (keysAt ??= scalarKeysByOffset(doc)).get(error.pos[0]);
      const first = key?.first === undefined ? undefined : at(key.first).line;
      report(pos, 'duplicate-key', { key: key?.name ?? '', firstLine: first });
      continue;
    }
    const unclosed = opened.get(error);
    if (unclosed === undefined && error.pos[0] > firstUnclosed && error.code !== 'RESOURCE_EXHAUSTION') continue;
    const over = error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY' ? overIndented.get(error.pos[0]) : undefined;
    // A value whose line already has its error (a key indented too little) reads the next line as its rest: an echo.
    if (over !== undefined && syntaxLines.has(pos.line)) continue;
    const where = at(unclosed ?? over ?? error.pos[0]);
    if (syntaxLines.has(where.line) || syntaxLines.size >= MAX_SYNTAX_ERRORS) continue;
    syntaxLines.add(where.line);
    if (over !== undefined) report(where, 'yaml-syntax', { code: 'OVER_INDENTED', detail: 'This line is indented more than the key above it, so it reads as part of that value' });
    else report(where, 'yaml-syntax', { code: error.code, detail: firstLineOf(error.message) });
  }
  for (const warning of doc.warnings) {
    // A tag yaml cannot resolve is already reported as unsupported-tag.
    if (tagged && (warning.code === 'TAG_RESOLVE_FAILED' || warning.code === 'BAD_COLLECTION_TYPE')) continue;
    report(at(warning.pos[0]), 'yaml-warning', { code: warning.code, detail: firstLineOf(warning.message) }, 'warning');
  }
}

/** The document as plain data (strings NFC), or undefined after reporting why it cannot be one (too many aliases). */
function plainValue(doc: Document, firstAlias: number | undefined, at: At, report: Report): unknown {
  try {
    // With aliases, yaml's toJS looks for each one's anchor from the start of the document: see plainWithAliases.
    return normalizeStrings(firstAlias === undefined ? doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) : plainWithAliases(doc, MAX_ALIAS_COUNT));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const pos = at(firstAlias ?? 0);
    if (/alias/i.test(message)) report(pos, 'alias-limit', { limit: MAX_ALIAS_COUNT });
    else report(pos, 'yaml-syntax', { code: 'IMPOSSIBLE', detail: firstLineOf(message) });
    return undefined;
  }
}

/**
 * What yaml's `doc.toJS({ maxAliasCount })` gives for a document whose
 * aliases all resolve, value for value, and the same error where it throws
 * one (too many aliases), but with each alias's anchor looked up in
 * aliasTargets. yaml's Alias.resolve runs through the document's anchors
 * and aliases from the start for each alias: 32,000 anchors each used once
 * took 22 s. This follows yaml's toJS (nodes/toJS.js, Alias.js,
 * YAMLMap/YAMLSeq toJSON, addPairToJSMap) for what a record can hold (the
 * core schema, no merge keys, mappings as objects); a test holds the two to
 * the same values and errors. What it does not expect is left to yaml.
 */
export function plainWithAliases(doc: Document, maxAliasCount: number): unknown {
  const targets = aliasTargets(doc);
  /** yaml's ctx.anchors: for each anchored node met, its value and how often it was used. */
  const anchors = new Map<unknown, { aliasCount: number; count: number; res: unknown }>();
  /** yaml's ctx.onCreate: an anchored collection's value is known (to aliases inside it) as soon as it is made. */
  let onCreate: ((res: unknown) => void) | undefined;
  const created = <T>(res: T): T => {
    onCreate?.(res);
    return res;
  };

  const toJS = (value: unknown): unknown => {
    if (!isNode(value) && !isPair(value)) return value;
    if (!((isScalar(value) || isCollection(value)) && value.anchor)) return toJSON(value);
    const data = { aliasCount: 0, count: 1, res: undefined as unknown };
    anchors.set(value, data);
    onCreate = (res) => {
      data.res = res;
      onCreate = undefined;
    };
    const res = toJSON(value);
    onCreate?.(res);
    return res;
  };

  const toJSON = (node: Node | Pair): unknown => {
    // Another tag (`!!set`, `!!omap`, `!!binary`) makes another kind of value, which yaml's toJS knows how to turn into plain data.
    if ((isScalar(node) || isCollection(node)) && node.tag !== undefined && !CORE_TAGS.has(node.tag)) throw NOT_FOLLOWED;
    if (isScalar(node)) return node.value;
    if (isSeq(node)) {
      const seq = created<unknown[]>([]);
      for (const item of node.items) seq.push(toJS(item));
      return seq;
    }
    if (isMap(node)) {
      const map = created<Record<string, unknown>>({});
      for (const pair of node.items) addPair(map, pair);
      return map;
    }
    if (isPair(node)) {
      const map: Record<string, unknown> = {};
      addPair(map, node);
      return map;
    }
    if (isAlias(node)) {
      const source = resolve(node);
      if (!source) throw new ReferenceError(`Unresolved alias (the anchor must be set before the alias): ${node.source}`);
      return anchors.get(source)!.res;
    }
    throw NOT_FOLLOWED;
  };

  const addPair = (map: Record<string, unknown>, pair: Pair): void => {
    const jsKey = toJS(pair.key);
    // A key that is a collection, or reads as one, never gets here (complex-key).
    if (jsKey !== null && typeof jsKey === 'object') throw NOT_FOLLOWED;
    const stringKey = jsKey === null ? '' : String(jsKey);
    const jsValue = toJS(pair.value);
    if (stringKey in map) Object.defineProperty(map, stringKey, { value: jsValue, writable: true, enumerable: true, configurable: true });
    else map[stringKey] = jsValue;
  };

  const resolve = (alias: Alias): Node | undefined => {
    const found = targets.get(alias);
    if (found) {
      let data = anchors.get(found);
      if (!data) {
        toJS(found);
        data = anchors.get(found);
      }
      if (data?.res === undefined) throw new ReferenceError('This should not happen: Alias anchor was not resolved?');
      if (maxAliasCount >= 0) {
        data.count += 1;
        if (data.aliasCount === 0) data.aliasCount = aliasCount(found);
        if (data.count * data.aliasCount > maxAliasCount) throw new ReferenceError('Excessive alias count indicates a resource exhaustion attack');
      }
    }
    return found;
  };

  /** yaml's getAliasCount: what one use of a node counts, by the anchors it holds. */
  const aliasCount = (node: unknown): number => {
    if (isAlias(node)) {
      const source = targets.get(node);
      const anchor = source && anchors.get(source);
      return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    if (isCollection(node)) {
      let count = 0;
      for (const item of node.items) count = Math.max(count, aliasCount(item));
      return count;
    }
    if (isPair(node)) return Math.max(aliasCount(node.key), aliasCount(node.value));
    return 1;
  };

  if (maxAliasCount === 0) return doc.toJS({ maxAliasCount });
  try {
    return toJS(doc.contents);
  } catch (error) {
    if (error === NOT_FOLLOWED) return doc.toJS({ maxAliasCount });
    throw error;
  }
}

/** Something plainWithAliases does not follow yaml for: yaml's toJS is asked instead. */
const NOT_FOLLOWED = Symbol('not followed');

/** Lines whose indentation holds a tab (1-based), each with the tab's column. */
function tabIndentedLines(text: string, lineStarts: number[]): Map<number, number> {
  const lines = new Map<number, number>();
  for (let i = 0; i < lineStarts.length; i++) {
    const indent = /^[ \t]*/.exec(text.slice(lineStarts[i], lineStarts[i + 1] ?? text.length))![0];
    const tab = indent.indexOf('\t');
    if (tab >= 0) lines.set(i + 1, tab + 1);
  }
  return lines;
}

/** Offsets at which each line starts (after each LF; a CR before it stays on its line). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column (in UTF-16 units, as editors count) of an offset. */
function positionOf(lineStarts: number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
}

/** Start of the innermost quoted scalar or flow collection that runs up to `offset`. */
function openedBefore(openings: ReadonlyArray<readonly [number, number]>, offset: number): number | undefined {
  let best: number | undefined;
  for (const [start, end] of openings) if (start < offset && end >= offset && (best === undefined || start > best)) best = start;
  return best;
}

/** The ranges of every quoted scalar and flow collection, found in one walk: a file may have thousands of unclosed ones to place. */
function openingsOf(doc: Document): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  visit(doc, (_, node) => {
    if (!isNode(node)) return;
    const range = (node as ParsedNode).range;
    if (!range) return;
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    const flow = isCollection(node) && node.flow === true;
    if (quoted || flow) out.push([range[0], range[1]]);
  });
  return out;
}

/** An error yaml reports where an unclosed quote or bracket ends the text it can read. */
function isUnclosed(error: YAMLError): boolean {
  return error.code === 'MISSING_CHAR' || /end with a/.test(error.message);
}

/**
 * A key indented deeper than the key above it (`id: a` then ` title: x`)
 * makes yaml read both lines as one value, `a title`, followed by a colon:
 * it reports that at the value above. The line to fix is the deeper one.
 * By the offset yaml reports at, the offset of that line's first character.
 */
function overIndentedLines(doc: Document, text: string): Map<number, number> {
  const lines = new Map<number, number>();
  for (const error of doc.errors) {
    if (error.code !== 'MULTILINE_IMPLICIT_KEY') continue;
    const [start, end] = error.pos;
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    if (lineStart <= start) continue;
    lines.set(start, lineStart + /^[ \t]*/.exec(text.slice(lineStart, end))![0].length);
  }
  return lines;
}

const firstLine = (): Position => ({ line: 1, column: 1 });

function firstLineOf(message: string): string {
  const line = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
  return line.length > 120 ? line.slice(0, 117) + '…' : line;
}

/** A document with nothing in it: no node, or the empty scalar yaml makes for a bare `---`. */
function isEmptyDocument(doc: Document): boolean {
  const c = doc.contents;
  if (c === null) return true;
  return isScalar(c) && !c.tag && (c as { source?: string }).source === '' && c.value === null;
}

/** The `---` that starts a later document, if it is right before `offset`. */
function precedingDocumentMarker(text: string, offset: number): number {
  const idx = text.lastIndexOf('---', offset);
  return idx >= 0 ? idx : offset;
}

/** Where a node's tag starts: yaml's range begins at the value, the tag is just before it. */
function tagOffset(text: string, valueStart: number): number {
  const before = text.slice(0, valueStart);
  const m = /!\S*\s*$/.exec(before);
  return m ? m.index : valueStart;
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? '!!' + tag.slice('tag:yaml.org,2002:'.length) : tag;
}

/**
 * Every scalar key by where it starts, with where the first key of its
 * mapping with the same property name starts when it is not the first
 * (sameKey's name): in one walk, for a file may repeat thousands of keys.
 */
function scalarKeysByOffset(doc: Document): Map<number, { name: string; first?: number }> {
  const keys = new Map<number, { name: string; first?: number }>();
  visit(doc, {
    Map(_, map) {
      const firsts = new Map<string, number>();
      for (const { key } of map.items) {
        const offset = (key as ParsedNode | null)?.range?.[0];
        if (!isScalar(key) || offset === undefined) continue;
        const same = propertyName(key.value);
        const first = firsts.get(same);
        if (first === undefined) firsts.set(same, offset);
        keys.set(offset, { name: scalarKey(key.value), first });
      }
    },
  });
  return keys;
}

/** NFC-normalises every string, keys included: Unikey's decomposed text must equal itself. */
export function normalizeStrings(value: unknown): unknown;
/** With `refuseMerged`: undefined when two keys of a mapping become one (the fast path then leaves the file to yaml). */
export function normalizeStrings(value: unknown, refuseMerged: true): unknown;
export function normalizeStrings(value: unknown, refuseMerged = false): unknown {
  try {
    return normalized(value, refuseMerged);
  } catch (error) {
    if (error === MERGED_KEYS) return undefined;
    throw error;
  }
}

const MERGED_KEYS = Symbol('merged keys');

function normalized(value: unknown, refuseMerged: boolean): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map((v) => normalized(v, refuseMerged));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = k.normalize('NFC');
      if (refuseMerged && Object.prototype.hasOwnProperty.call(out, key)) throw MERGED_KEYS;
      // defineProperty, not assignment: a key `__proto__` must stay a plain key.
      Object.defineProperty(out, key, { value: normalized(v, refuseMerged), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/**
 * Walks the document by pointer. When a segment cannot be found, the deepest
 * node reached is used, so a diagnostic still points somewhere sensible.
 * `key` asks for the key of the last mapping entry rather than its value.
 */
function makeLocator(doc: Document, at: (offset: number) => Position) {
  // A file with thousands of diagnostics (a mapping of unknown keys) must not search a mapping for each.
  const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();
  return (pointer: Pointer, target: 'key' | 'value' = 'value'): Position => {
    let node: Node | null = doc.contents;
    let keyNode: Node | null = null;
    let complete = true;
    for (const segment of pointer) {
      if (isAlias(node)) node = aliasTargets(doc).get(node) ?? node;
      if (isMap(node)) {
        const pair = keyIndex(pairsByKey, node).get(String(segment));
        if (!pair) {
          complete = false;
          break;
        }
        keyNode = pair.key as Node;
        node = (pair.value as Node | null) ?? keyNode;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (item === undefined) {
          complete = false;
          break;
        }
        keyNode = null;
        node = item;
      } else {
        complete = false;
        break;
      }
    }
    let chosen = target === 'key' && keyNode && complete ? keyNode : node;
    // An empty value (`due:` with nothing after it) has no place of its own: point at its key.
    if (keyNode && isScalar(chosen) && (chosen as { source?: string }).source === '' && chosen.value === null) chosen = keyNode;
    const offset = (chosen as ParsedNode | null)?.range?.[0] ?? 0;
    return at(offset);
  };
}

/** The text a scalar key becomes in the plain value (yaml turns a null key into ''). */
function scalarKey(value: unknown): string {
  return value === null ? '' : String(value);
}

/** The text a pointer segment names a pair by: its scalar key as the plain value has it, or an alias key's name. */
function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return scalarKey(key.value).normalize('NFC');
  if (isAlias(key)) return key.source;
  return undefined;
}

/** A mapping's pairs by key text, made once a mapping; the first of repeated keys, as a search would find. */
function keyIndex(cache: WeakMap<YAMLMap, Map<string, Pair>>, map: YAMLMap): Map<string, Pair> {
  let index = cache.get(map);
  if (index) return index;
  index = new Map();
  for (const pair of map.items) {
    const text = isPair(pair) ? keyText(pair.key) : undefined;
    if (text !== undefined && !index.has(text)) index.set(text, pair);
  }
  cache.set(map, index);
  return index;
}

const resolvedAliases = new WeakMap<Document, Map<Alias, Node>>();

/**
 * What each alias stands for (the last node before it with its anchor, as
 * yaml's Alias.resolve finds it), found in one walk of the document, once.
 * Alias.resolve walks the whole document for each alias: quadratic in a
 * file of aliases.
 */
function aliasTargets(doc: Document): Map<Alias, Node> {
  let targets = resolvedAliases.get(doc);
  if (!targets) resolvedAliases.set(doc, (targets = resolveAliases(doc)));
  return targets;
}

function resolveAliases(doc: Document): Map<Alias, Node> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  visit(doc, {
    Node(_, node) {
      if (node.anchor) anchors.set(node.anchor, node);
    },
    Alias(_, alias) {
      const found = anchors.get(alias.source);
      if (found) targets.set(alias, found);
    },
  });
  return targets;
}
