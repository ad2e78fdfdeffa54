/**
 * How a plain scalar reads under YAML 1.2's core schema, exactly as the
 * `yaml` package resolves it: the same patterns, tried in the same order,
 * built into the same values (js-yaml's own core schema differs on `0b1`,
 * `-0x1F`, `+.5`…). Shared by the two fast parsers (fast-parse.ts and
 * subset-parse.ts), which must both read what `yaml` reads.
 */
export type CoreTag = 'null' | 'bool' | 'int' | 'float';
export type Form = [RegExp, (s: string) => unknown];

const FORMS: Record<CoreTag, Form[]> = {
  null: [[/^(?:~|[Nn]ull|NULL)?$/, () => null]],
  bool: [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T']],
  int: [
    [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
    [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
    [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
  ],
  float: [
    [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity)],
    [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)],
    [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)],
  ],
};

const NUMBER_TAGS: readonly CoreTag[] = ['int', 'float'];
const NULL_TAG: readonly CoreTag[] = ['null'];
const BOOL_TAG: readonly CoreTag[] = ['bool'];
const NO_TAGS: readonly CoreTag[] = [];

/** Which tags a plain scalar starting with this character could have; text needs no pattern. */
function candidates(s: string): readonly CoreTag[] {
  if (s.length === 0) return NULL_TAG;
  const c = s.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return NUMBER_TAGS; // 0-9
  if (c === 0x2b || c === 0x2d || c === 0x2e) return NUMBER_TAGS; // + - .
  if (c === 0x7e || c === 0x6e || c === 0x4e) return NULL_TAG; // ~ n N
  if (c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46) return BOOL_TAG; // t T f F
  return NO_TAGS;
}

/** The form of `tag` that reads `s`, if any. */
export function formOf(tag: CoreTag, s: unknown): Form | undefined {
  if (typeof s !== 'string' || !candidates(s).includes(tag)) return undefined;
  return FORMS[tag].find(([test]) => test.test(s));
}

/** The value of a plain scalar: null, a boolean, a number, or the text itself. */
export function resolvePlain(s: string): unknown {
  for (const tag of candidates(s)) {
    const form = FORMS[tag].find(([test]) => test.test(s));
    if (form) return form[1](s);
  }
  return s;
}
