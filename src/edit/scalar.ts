/**
 * How a value is written into a YAML file by hand-made splices: plain when
 * that reads back as the same string, else double-quoted; a value that
 * replaces another keeps the old one's quoting when it can.
 */
import { parseDocument, Scalar } from 'yaml';
import { sameKey } from '../load/parse.js';

export const YAML_PARSE_OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: sameKey, merge: false } as const;

/** Characters that cannot start a plain scalar (YAML 1.2 indicators), or that we never leave bare. */
const UNSAFE_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Line breaks, tabs, control characters and others a clerk would not want to see raw in the file (see BEYOND_JSON). */
const UNSAFE_ANYWHERE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const FLOW_INDICATORS = /[,[\]{}]/;

/** A string as YAML: plain if it is safe in this context (flow: inside `{ }`), else "double-quoted". */
export function yamlString(value: string, context: 'block' | 'flow'): string {
  return isPlainSafe(value, context) ? value : doubleQuoted(value);
}

/** A number as YAML, as JavaScript prints it (`12`, `2.5`). */
export function yamlNumber(value: number): string {
  return String(value);
}

function isPlainSafe(value: string, context: 'block' | 'flow'): boolean {
  if (value === '' || value !== value.trim()) return false;
  if (UNSAFE_START.test(value) || UNSAFE_ANYWHERE.test(value)) return false;
  if (value.includes(': ') || value.endsWith(':') || value.includes(' #')) return false;
  if (context === 'flow' && FLOW_INDICATORS.test(value)) return false;
  // Core schema: `12`, `true`, `null`, `0x1F` would read back as something else than this string.
  const doc = parseDocument(`k: ${value}\n`, YAML_PARSE_OPTIONS);
  return doc.errors.length === 0 && doc.get('k') === value;
}

/**
 * Characters JSON leaves raw that must not be raw in the file: DEL and the C1
 * controls, U+FFFE and U+FFFF (the loader refuses them as control characters
 * even inside quotes), and NEL, the line and paragraph separators and the BOM
 * (invisible, or read as line breaks by some tools).
 */
const BEYOND_JSON = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** JSON's string escapes are all valid in a YAML double-quoted scalar; YAML's `\xXX` and `\uXXXX` cover the rest. */
function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(BEYOND_JSON, yamlEscape);
}

function yamlEscape(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A single-quoted scalar has no escapes: only text on one line without control characters fits. */
function singleQuotable(value: string): boolean {
  return !UNSAFE_ANYWHERE.test(value);
}

function singleQuoted(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * `value` written to replace the scalar `old`, in `old`'s quoting (plain,
 * 'single' or "double") when `value` can be written so, else as yamlString
 * does: the clerk's choice of quotes is part of the formatting kept.
 */
export function yamlStringLike(old: Scalar, value: string, context: 'block' | 'flow'): string {
  if (old.type === Scalar.QUOTE_DOUBLE) return doubleQuoted(value);
  if (old.type === Scalar.QUOTE_SINGLE && singleQuotable(value)) return singleQuoted(value);
  return yamlString(value, context);
}
