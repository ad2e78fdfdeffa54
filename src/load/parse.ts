/**
 * YAML 1.2 (core schema) parsing with node positions. Every problem becomes a
 * diagnostic; nothing here throws on bad input.
 */
import { isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, visit } from 'yaml';
import type { Document, Node, ParsedNode } from 'yaml';
import type { Diagnostic, DiagnosticArgs } from '../validate/diagnostic.js';

/** A path into a record: mapping keys and sequence indexes. */
export type Pointer = ReadonlyArray<string | number>;

export interface Position {
  line: number;
  column: number;
}

/** Aliases allowed when converting to plain values (yaml's default); stops alias bombs. */
export const MAX_ALIAS_COUNT = 100;

const YAML_OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, merge: false } as const;

/** Git's conflict markers, at the start of a line. */
const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(?: |$)/;

export interface ParseOutcome {
  /** The plain value (strings NFC-normalised), or undefined when the file cannot be used. */
  data: unknown;
  diagnostics: Diagnostic[];
  /** Finds the position of a node by pointer; lazily built. */
  locate: (pointer: Pointer, target?: 'key' | 'value') => Position;
}

/** Parses one file's text. `file` is only used to label diagnostics. */
export function parseRecordText(file: string, text: string): ParseOutcome {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const report = (pos: Position, rule: string, args: DiagnosticArgs = {}, severity: 'error' | 'warning' = 'error') =>
    diagnostics.push({ file, line: pos.line, column: pos.column, severity, rule, args });
  const noLocate = () => ({ line: 1, column: 1 });

  const conflict = findConflictMarker(text);
  if (conflict) {
    report({ line: conflict.line, column: 1 }, 'merge-conflict', { marker: conflict.marker });
    return { data: undefined, diagnostics, locate: noLocate };
  }

  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter });
  const documents = Array.isArray(docs) ? docs : [];
  if (documents.length === 0 || (documents.length === 1 && documents[0].contents === null)) {
    report({ line: 1, column: 1 }, 'empty-file');
    return { data: undefined, diagnostics, locate: noLocate };
  }
  if (documents.length > 1) {
    const second = documents[1];
    const offset = second.range?.[0] ?? 0;
    report(at(precedingDocumentMarker(text, offset)), 'multiple-documents', { count: documents.length });
  }
  const doc = documents[0];
  for (const error of doc.errors) {
    const pos = at(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') report(pos, 'duplicate-key', { key: duplicateKeyAt(doc, error.pos[0]) });
    else report(pos, 'yaml-syntax', { code: error.code, detail: firstLine(error.message) });
  }
  for (const warning of doc.warnings) {
    report(at(warning.pos[0]), 'yaml-warning', { code: warning.code, detail: firstLine(warning.message) }, 'warning');
  }
  const locate = makeLocator(doc, at);
  if (doc.errors.length > 0 || documents.length > 1) return { data: undefined, diagnostics, locate };

  // A mapping key that is itself a collection has no JS form; yaml would warn on stderr.
  let complexKey = false;
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        complexKey = true;
        const node = pair.key as ParsedNode;
        report(at(node.range[0]), 'complex-key');
      }
    },
  });
  if (complexKey) return { data: undefined, diagnostics, locate };

  let data: unknown;
  try {
    data = normalizeStrings(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const rule = /alias/i.test(message) ? 'alias-limit' : 'yaml-syntax';
    report({ line: 1, column: 1 }, rule, { limit: MAX_ALIAS_COUNT, detail: firstLine(message) });
    return { data: undefined, diagnostics, locate };
  }
  return { data, diagnostics, locate };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}

function findConflictMarker(text: string): { line: number; marker: string } | undefined {
  if (!text.includes('<<<<<<<') && !text.includes('>>>>>>>')) return undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = CONFLICT_MARKER.exec(lines[i]);
    if (m) return { line: i + 1, marker: m[1] };
  }
  return undefined;
}

/** The `---` that starts a later document, if it is right before `offset`. */
function precedingDocumentMarker(text: string, offset: number): number {
  const idx = text.lastIndexOf('---', offset);
  return idx >= 0 ? idx : offset;
}

function duplicateKeyAt(doc: Document, offset: number): string {
  let key = '';
  visit(doc, {
    Pair(_, pair) {
      const node = pair.key as ParsedNode | null;
      if (node && isScalar(node) && node.range?.[0] === offset) key = String(node.value);
    },
  });
  return key;
}

/** NFC-normalises every string, keys included: Unikey's decomposed text must equal itself. */
export function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k.normalize('NFC')] = normalizeStrings(v);
    return out;
  }
  return value;
}

/**
 * Walks the document by pointer. When a segment cannot be found, the deepest
 * node reached is used, so a diagnostic still points somewhere sensible.
 */
function makeLocator(doc: Document, at: (offset: number) => Position) {
  return (pointer: Pointer, target: 'key' | 'value' = 'value'): Position => {
    let node: Node | null = doc.contents;
    let keyNode: Node | null = null;
    for (const segment of pointer) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyMatches(p.key, segment));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = (pair.value as Node | null) ?? keyNode;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (item === undefined) break;
        keyNode = null;
        node = item;
      } else break;
    }
    const chosen = target === 'key' && keyNode ? keyNode : node;
    const offset = (chosen as ParsedNode | null)?.range?.[0] ?? 0;
    return at(offset);
  };
}

function keyMatches(key: unknown, segment: string | number): boolean {
  if (isScalar(key)) return String(key.value).normalize('NFC') === String(segment);
  return false;
}
