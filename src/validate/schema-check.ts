/**
 * JSON Schema check of each record, with ajv errors mapped to the YAML node
 * they are about: an unknown field at its key, a missing one at the mapping
 * that lacks it, anything else at the offending value.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Kind, RecordFile } from '../load/load.js';
import type { Pointer } from '../load/parse.js';
import { loadValidators } from './compiled-schemas.js';
import type { Diagnostic, DiagnosticArgs } from './diagnostic.js';
import { reporterFor } from './normalize.js';

let validators: Map<Kind, ValidateFunction> | undefined;

function validatorFor(kind: Kind): ValidateFunction {
  validators ??= loadValidators();
  return validators.get(kind)!;
}

/** Checks one file; returns true when it matches its schema. */
export function checkSchema(file: RecordFile, diagnostics: Diagnostic[]): boolean {
  const validate = validatorFor(file.kind);
  if (validate(file.data)) return true;
  const report = reporterFor(file, diagnostics);
  for (const e of selectErrors(validate.errors ?? [])) {
    const mapped = mapError(e);
    report(mapped.pointer, mapped.rule, mapped.args, 'error', mapped.target);
  }
  return false;
}

export function toPointer(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Keeps the errors a person needs. For a failed oneOf/anyOf, the branch
 * errors about the same value (wrong type for the other branch) are noise:
 * keep deeper ones if there are any, else one error for the whole value.
 */
function selectErrors(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const isBranchOf = (e: ErrorObject, alt: ErrorObject) =>
    e !== alt && e.schemaPath.startsWith(alt.schemaPath + '/') && e.instancePath.startsWith(alt.instancePath);
  const dropped = new Set<ErrorObject>();
  for (const alt of alternatives) {
    const branch = errors.filter((e) => isBranchOf(e, alt));
    const deeper = branch.filter((e) => e.instancePath !== alt.instancePath || e.keyword === 'additionalProperties' || e.keyword === 'required');
    if (deeper.length > 0) {
      dropped.add(alt);
      for (const e of branch) if (!deeper.includes(e)) dropped.add(e);
    } else {
      for (const e of branch) dropped.add(e);
    }
  }
  // propertyNames wraps the real (pattern) error, which carries the key name.
  for (const e of errors) if (e.keyword === 'propertyNames') dropped.add(e);
  return errors.filter((e) => !dropped.has(e));
}

interface MappedError {
  pointer: Pointer;
  rule: string;
  args: DiagnosticArgs;
  target: 'key' | 'value';
}

/** The name of the `definitions` entry an error came from, for a friendlier message. */
function definitionName(e: ErrorObject): string | undefined {
  const m = /#\/definitions\/([^/]+)/.exec(e.schemaPath);
  return m?.[1];
}

function mapError(e: ErrorObject): MappedError {
  const pointer = toPointer(e.instancePath);
  const field = String(pointer[pointer.length - 1] ?? '');
  const value = typeof e.data === 'object' ? JSON.stringify(e.data) : String(e.data);
  const params = e.params as Record<string, unknown>;
  if (e.propertyName !== undefined) {
    return { pointer: [...pointer, e.propertyName], rule: 'invalid-key', args: { key: e.propertyName, what: definitionName(e) ?? field }, target: 'key' };
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys(((e.parentSchema ?? {}) as { properties?: object }).properties ?? {});
      return {
        pointer: [...pointer, extra],
        rule: 'unknown-field',
        args: { field: extra, suggestion: closest(extra, allowed), hint: looksLikeText(extra) ? 'quote' : undefined },
        target: 'key',
      };
    }
    case 'required':
      return { pointer, rule: 'missing-field', args: { field: String(params.missingProperty) }, target: 'value' };
    case 'type':
      return { pointer, rule: 'wrong-type', args: { field, expected: String(params.type), value }, target: 'value' };
    case 'enum':
      return { pointer, rule: 'invalid-value', args: { field, value, allowed: (params.allowedValues as unknown[]).join(', ') }, target: 'value' };
    case 'const':
      return { pointer, rule: 'invalid-value', args: { field, value, allowed: String(params.allowedValue) }, target: 'value' };
    case 'pattern':
    case 'format':
      return { pointer, rule: 'invalid-format', args: { field, value, what: definitionName(e) ?? field }, target: 'value' };
    case 'oneOf':
    case 'anyOf':
      return { pointer, rule: 'invalid-format', args: { field, value, what: definitionName(e) ?? field }, target: 'value' };
    case 'minItems':
      return { pointer, rule: 'too-few-items', args: { field, limit: Number(params.limit) }, target: 'value' };
    case 'uniqueItems':
      return { pointer, rule: 'duplicate-item', args: { field, value }, target: 'value' };
    case 'minLength':
      return { pointer, rule: 'empty-value', args: { field }, target: 'value' };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { pointer, rule: 'out-of-range', args: { field, value, comparison: String(params.comparison), limit: Number(params.limit) }, target: 'value' };
    default:
      return { pointer, rule: 'schema', args: { field, detail: e.message ?? e.keyword }, target: 'value' };
  }
}

/** A key with spaces or capitals is most likely text cut by a comma in a flow mapping. */
function looksLikeText(key: string): boolean {
  return /[\sA-ZÀ-ỹ]/u.test(key) || /[^\x00-\x7f]/.test(key);
}

/** The allowed name nearest to a misspelling, if it is near enough to be a likely typo. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
