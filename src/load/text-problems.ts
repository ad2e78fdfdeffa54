/**
 * Problems with a file's text that make its YAML meaningless, found before
 * it is parsed: the parser's own messages for them would mislead.
 */
import type { DiagnosticArgs } from '../validate/diagnostic.js';
import type { Position } from './parse.js';

/** A CR not followed by LF: a line break to YAML 1.2, not to the yaml package (so the fast path leaves it here). */
export const LONE_CR = /\r(?!\n)/;

/** Git's conflict markers, at the start of a line. */
const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(?: |$)/;

export interface TextProblem {
  position: Position;
  rule: 'control-character' | 'lone-cr' | 'merge-conflict';
  args: DiagnosticArgs;
}

/** The first problem of the text as a whole, if any; `at` turns an offset into a position. */
export function textProblem(text: string, at: (offset: number) => Position): TextProblem | undefined {
  const control = findControlCharacter(text);
  if (control) return { position: control.position, rule: 'control-character', args: { code: control.code } };
  // yaml's message for a lone CR ("nested mappings are not allowed") would mislead.
  const loneCr = text.includes('\r') ? LONE_CR.exec(text) : null;
  if (loneCr) return { position: at(loneCr.index), rule: 'lone-cr', args: {} };
  const conflict = findConflictMarker(text);
  if (conflict) return { position: { line: conflict.line, column: 1 }, rule: 'merge-conflict', args: { marker: conflict.marker } };
  return undefined;
}

/**
 * YAML 1.2 allows only printable characters (its `c-printable`): no C0 or C1
 * control characters except tab, line feed, carriage return and NEL.
 */
function findControlCharacter(text: string): { position: Position; code: string } | undefined {
  const bad = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/u;
  const m = bad.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index);
  const line = before.split('\n').length;
  const column = m.index - (before.lastIndexOf('\n') + 1) + 1;
  return { position: { line, column }, code: 'U+' + m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') };
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
