/**
 * JSON Schema check of each record, with ajv errors mapped to the YAML node
 * they are about: an unknown field at its key, a missing one at the mapping
 * that lacks it, anything else at the offending value; a `.nan` or `.inf`
 * where a number goes is one not-a-number.
 */
import { pushAll } from '../arrays.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Kind, RecordFile } from '../load/load.js';
import { lineStartsOf, type Pointer } from '../load/parse.js';
import { loadSchema } from '../schemas.js';
import { internalSchema, loadValidators } from './compiled-schemas.js';
import type { Diagnostic, DiagnosticArgs } from './diagnostic.js';
import { type Reporter, reporterFor } from './normalize.js';
import { yamlNumberText } from './non-finite.js';
import { resolvePlain } from '../load/core-scalars.js';
import { fieldForWord } from '../i18n/field-words.js';

let validators: Map<Kind, ValidateFunction> | undefined;

function validatorFor(kind: Kind): ValidateFunction {
  validators ??= loadValidators();
  return validators.get(kind)!;
}

/** Checks one file; returns true when it matches its schema (with a finite number wherever it has a number). */
export function checkSchema(file: RecordFile, diagnostics: Diagnostic[]): boolean {
  const errors = schemaErrors(file);
  if (errors.length === 0) return true;
  const report = reporterFor(file, diagnostics);
  // A .nan where a number goes fails the type (ajv's strictNumbers) and maybe a branch besides: one not-a-number says it all.
  const notNumbers = notANumberPlaces(errors);
  for (const [path, expected] of notNumbers) reportNotANumber(file, toPointer(path), expected, errors, report);
  for (const e of selectErrors(errors)) {
    if (notNumbers.has(e.instancePath)) continue;
    const named = fieldName(file.data, toPointer(e.instancePath));
    const mapped = mapError(e, named.field);
    // A field left empty may be removed instead, unless its mapping requires it; a list item is removed as an item.
    if (mapped.rule === 'empty-value' && !named.item && isOptional(file, mapped.pointer)) mapped.args.optional = 'yes';
    // A number is shown as written: 0045 is a document number, and YAML's 45 would lose its zeros in the quotes a hint suggests.
    const written = typeof e.data === 'number' && mapped.target === 'value' ? writtenNumber(file, mapped.pointer, e.data) : undefined;
    if (written !== undefined) mapped.args.value = clipped(written);
    if (mapped.args.hint === 'quote' && !isFlowMapping(file, mapped.pointer.slice(0, -1))) mapped.args.hint = undefined;
    if (named.item && mapped.rule !== 'unknown-field' && mapped.rule !== 'missing-field' && mapped.rule !== 'invalid-key') mapped.args.item = named.item;
    report(mapped.pointer, mapped.rule, mapped.args, 'error', mapped.target);
  }
  return false;
}

/**
 * What ajv finds against the published schema: the validator's errors, and
 * the repeated items of the lists it leaves to duplicateItemErrors. In
 * another order than ajv's, which nothing here depends on: the diagnostics
 * are sorted, and these lists are in no oneOf or anyOf (selectErrors looks
 * at the errors just before one of those).
 */
export function schemaErrors(file: RecordFile): ErrorObject[] {
  const validate = validatorFor(file.kind);
  const errors = validate(file.data) ? [] : [...(validate.errors ?? [])];
  for (const e of duplicateItemErrors(file)) errors.push(e);
  return errors;
}

/**
 * ajv's `uniqueItems` error for each list of UNIQUE_LISTS (compiled-schemas.ts)
 * with a repeated item, where ajv would look at it: a plan's `parties`, and
 * the `support` of each task that is a mapping. ajv looks from the last
 * item back, each against those before it, and stops at the first pair
 * found: the last item that repeats an earlier one (i), with the last of
 * those earlier ones (j). Here a text for each item (itemKey) finds the
 * earlier items it may repeat in one pass, and sameItem, ajv's equality,
 * decides.
 */
function duplicateItemErrors(file: RecordFile): ErrorObject[] {
  const data: unknown = file.data;
  if (file.kind !== 'plan' || !isMapping(data)) return [];
  const errors: ErrorObject[] = [];
  const schema = loadSchema('plan') as { properties: { parties: object }; definitions: { task: { properties: { support: object } } } };
  const parties = repeatedItem(data.parties);
  if (parties) errors.push(uniqueItemsError('/parties', '#/properties/parties/uniqueItems', schema.properties.parties, data.parties as unknown[], parties));
  if (Array.isArray(data.tasks)) {
    data.tasks.forEach((task: unknown, index) => {
      if (!isMapping(task)) return;
      const support = repeatedItem(task.support);
      if (support) errors.push(uniqueItemsError(`/tasks/${index}/support`, '#/properties/support/uniqueItems', schema.definitions.task.properties.support, task.support as unknown[], support));
    });
  }
  return errors;
}

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function uniqueItemsError(instancePath: string, schemaPath: string, parentSchema: object, data: unknown[], { i, j }: { i: number; j: number }): ErrorObject {
  const message = `must NOT have duplicate items (items ## ${j} and ${i} are identical)`;
  return { instancePath, schemaPath, keyword: 'uniqueItems', params: { i, j }, message, schema: true, parentSchema, data };
}

/** The pair ajv's uniqueItems reports in a list (see duplicateItemErrors), or undefined. */
function repeatedItem(list: unknown): { i: number; j: number } | undefined {
  if (!Array.isArray(list) || list.length < 2) return undefined;
  // A short list (as nearly every one is) is looked at as ajv does, each item with those before it: no texts to make.
  if (list.length <= PAIRWISE_UP_TO) {
    for (let i = list.length - 1; i > 0; i--) for (let j = i - 1; j >= 0; j--) if (sameItem(list[i], list[j])) return { i, j };
    return undefined;
  }
  const keys = new IdentityKeys();
  const seen = new Map<string, number[]>();
  let found: { i: number; j: number } | undefined;
  for (let i = 0; i < list.length; i++) {
    const key = itemKey(list[i], keys);
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, [i]);
    else {
      // The same text is the same item for anything YAML makes: the first one looked at is the one.
      for (let k = earlier.length - 1; k >= 0; k--) {
        if (sameItem(list[i], list[earlier[k]])) {
          found = { i, j: earlier[k] };
          break;
        }
      }
      earlier.push(i);
    }
  }
  return found;
}

const PAIRWISE_UP_TO = 8;

/**
 * A text for an item, the same for any two that sameItem holds equal: a
 * text, number or other value by its type and text (NaN is NaN, -0 is 0);
 * a list by its items; a mapping by its keys in order with their values.
 * sameItem compares mappings' `constructor` first, and by identity, so a
 * mapping with a key `constructor` that holds a list or mapping is told by
 * that value's identity (or, holding NaN, equal to no other, by its own).
 * An object of another kind (none that YAML makes) shares one text with all
 * such, for sameItem to tell apart.
 */
function itemKey(value: unknown, keys: IdentityKeys): string {
  if (value === null || typeof value !== 'object') return `${typeof value}:${String(value)}`;
  if (Array.isArray(value)) return `[${value.map((v) => JSON.stringify(itemKey(v, keys))).join(',')}]`;
  if (Object.getPrototypeOf(value) !== Object.prototype) return 'object';
  const record = value as Record<string, unknown>;
  const made = record.constructor;
  const by = made === Object ? '' : made !== made ? keys.of(value) : made !== null && (typeof made === 'object' || typeof made === 'function') ? keys.of(made) : '';
  return `{${by}${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(itemKey(record[k], keys))}`).join(',')}}`;
}

/** A number for each object met, as a text: its identity within one list. */
class IdentityKeys {
  private readonly numbers = new Map<object, string>();
  of(object: object): string {
    let number = this.numbers.get(object);
    if (number === undefined) this.numbers.set(object, (number = `#${this.numbers.size}#`));
    return number;
  }
}

/**
 * ajv's deep equality of items (fast-deep-equal), but for one thing: a
 * mapping's key `valueOf` or `toString` that holds no function is data, not
 * a method to call. ajv called it, and `parties: [{a: 1}, {valueOf: 1}]`
 * ended in an internal error; such mappings are now compared key by key.
 */
function sameItem(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    if (x.constructor !== y.constructor) return false;
    if (Array.isArray(a)) {
      const list = b as unknown[];
      if (a.length !== list.length) return false;
      for (let i = a.length; i-- !== 0; ) if (!sameItem(a[i], list[i])) return false;
      return true;
    }
    if (x.constructor === RegExp) return (a as RegExp).source === (b as RegExp).source && (a as RegExp).flags === (b as RegExp).flags;
    if (typeof x.valueOf === 'function' && x.valueOf !== Object.prototype.valueOf) return x.valueOf() === (y.valueOf as () => unknown)();
    if (typeof x.toString === 'function' && x.toString !== Object.prototype.toString) return x.toString() === (y.toString as () => unknown)();
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (let i = keys.length; i-- !== 0; ) if (!Object.prototype.hasOwnProperty.call(y, keys[i])) return false;
    for (let i = keys.length; i-- !== 0; ) if (!sameItem(x[keys[i]], y[keys[i]])) return false;
    return true;
  }
  return a !== a && b !== b;
}

/**
 * The places (ajv instance paths) holding `.nan`, `.inf` or `-.inf` where the
 * schema has a number or a whole number, with which of the two: ajv, with
 * strictNumbers, fails such a value in its type check. A text field holding
 * one keeps its wrong-type error.
 */
function notANumberPlaces(errors: ErrorObject[]): Map<string, 'number' | 'integer'> {
  const places = new Map<string, 'number' | 'integer'>();
  for (const e of errors) {
    if (e.keyword !== 'type' || typeof e.data !== 'number' || Number.isFinite(e.data)) continue;
    const types = String(e.params.type).split(',');
    if (types.includes('number')) places.set(e.instancePath, 'number');
    else if (types.includes('integer') && places.get(e.instancePath) !== 'number') places.set(e.instancePath, 'integer');
  }
  return places;
}

/** `not-a-number` at the value, naming a period when the field is one (`period: .nan`). */
function reportNotANumber(file: RecordFile, pointer: string[], expected: string, errors: ErrorObject[], report: Reporter): void {
  const at = toInstancePath(pointer);
  const what = errors.filter((e) => e.instancePath === at).map(definitionName).find((name) => SHAPED_TEXT.has(name ?? ''));
  const named = fieldName(file.data, pointer);
  const data = valueAt(file.data, pointer);
  // Digits too many for a number (400 nines, 1e400) read as infinity: the message quotes them, not a .inf never written.
  const written = typeof data === 'number' ? writtenNumber(file, pointer, data) : undefined;
  const tooLarge = written !== undefined && !/^[-+]?\.(?:inf|nan)$/i.test(written);
  const value = tooLarge ? clipped(written) : shownValue(data);
  report(pointer, 'not-a-number', { field: named.field, item: named.item, value, expected, what, tooLarge: tooLarge ? 'yes' : undefined }, 'error', 'value');
}

/**
 * The number at `pointer` as the file writes it (`0045`, `1e3`, `0x1F`), or
 * undefined when the text there does not read as that number (a quoted or
 * multi-line value, which no number is).
 */
function writtenNumber(file: RecordFile, pointer: Pointer, value: number): string | undefined {
  const { line, column } = file.locate([...pointer], 'value');
  const start = linesOf(file)[line - 1];
  if (start === undefined) return undefined;
  const at = start + column - 1;
  const token = /^[-+.0-9A-Za-z_]+/.exec(file.text.slice(at, at + 1000))?.[0];
  return token !== undefined && Object.is(resolvePlain(token), value) ? token : undefined;
}

/** Where each line of a file's text starts: found once a file, however many numbers its messages quote. */
function linesOf(file: RecordFile): number[] {
  let starts = lineStartsByFile.get(file);
  if (starts === undefined) lineStartsByFile.set(file, (starts = lineStartsOf(file.text)));
  return starts;
}
const lineStartsByFile = new WeakMap<RecordFile, number[]>();

/** The ajv instancePath of a pointer (the inverse of toPointer). */
function toInstancePath(pointer: readonly string[]): string {
  return pointer.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function valueAt(data: unknown, pointer: readonly string[]): unknown {
  return pointer.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

export function toPointer(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** True when `path` is `base` or lies below it (JSON pointers). */
function isAtOrBelow(path: string, base: string): boolean {
  return path === base || path.startsWith(base + '/');
}

/**
 * Keeps the errors a person needs. A failed oneOf/anyOf comes after the
 * errors of its branches, which ajv reports right before it (and, through
 * $ref, with schema paths that do not show the branch). A branch that failed
 * only because the value has the other branch's type is noise: if some
 * branch failed for a better reason (a bad pattern, an unknown field), keep
 * those errors; else keep one error for the whole value. A value that is
 * neither of the allowed ones nor of their type gets one error, the list.
 */
export function selectErrors(errors: ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  errors.forEach((alt, j) => {
    if (alt.keyword !== 'oneOf' && alt.keyword !== 'anyOf') return;
    const branch: ErrorObject[] = [];
    for (let i = j - 1; i >= 0 && isAtOrBelow(errors[i].instancePath, alt.instancePath) && errors[i].keyword !== 'oneOf' && errors[i].keyword !== 'anyOf'; i--) {
      branch.push(errors[i]);
    }
    const wrongType = branch.filter((e) => e.keyword === 'type' && e.instancePath === alt.instancePath);
    for (const e of wrongType) dropped.add(e);
    if (branch.length > wrongType.length) dropped.add(alt);
  });
  // propertyNames wraps the real (pattern) error, which carries the key name.
  for (const e of errors) if (e.keyword === 'propertyNames') dropped.add(e);
  // A value outside a list of allowed ones fails its type as well (`locale: [en]`): the list says more.
  const listed = new Set(errors.filter((e) => (e.keyword === 'enum' || e.keyword === 'const') && !dropped.has(e)).map((e) => e.instancePath));
  for (const e of errors) if (e.keyword === 'type' && listed.has(e.instancePath)) dropped.add(e);
  return errors.filter((e) => !dropped.has(e));
}

interface MappedError {
  pointer: Pointer;
  rule: string;
  args: DiagnosticArgs;
  target: 'key' | 'value';
}

/**
 * Each schema under `definitions`, by its JSON text: ajv's schema paths lose
 * the name through $ref, and the validators (compiled at build time, see
 * compiled-schemas.ts) hold their own copies of the schemas, so an error's
 * parentSchema is never the very object loadSchema returns.
 */
let definitionNames: Map<string, string> | undefined;
/** The name found for each schema object an error came from (null: none). */
const namesBySchema = new WeakMap<object, string | null>();

/** The name of the `definitions` entry an error came from, for a friendlier message. */
function definitionName(e: ErrorObject): string | undefined {
  const m = /#\/definitions\/([^/]+)/.exec(e.schemaPath);
  if (m) return m[1];
  const schema = e.parentSchema;
  if (!schema) return undefined;
  let name = namesBySchema.get(schema);
  if (name === undefined) {
    if (!definitionNames) {
      definitionNames = new Map();
      for (const kind of ['config', 'parties', 'plan'] as const) {
        // The validators' copies are made from the schemas less some uniqueItems (compiled-schemas.ts): both texts name it.
        for (const schema of [loadSchema(kind), internalSchema(kind)]) {
          const definitions = (schema as { definitions?: Record<string, object> }).definitions ?? {};
          for (const [key, definition] of Object.entries(definitions)) definitionNames.set(JSON.stringify(definition), key);
        }
      }
    }
    name = definitionNames.get(JSON.stringify(schema)) ?? null;
    namesBySchema.set(schema, name);
  }
  return name ?? undefined;
}

/** Definitions whose values are text of a given shape: a wrong type is a format problem there. */
const SHAPED_TEXT = new Set(['date', 'slug', 'period', 'occurrenceKey', 'logEntry']);

/**
 * What to call the value at a pointer in a message: its key, or for a list
 * item the list's key and `item` (the column already points at the item).
 */
function fieldName(data: unknown, pointer: string[]): { field: string; item?: 'item' } {
  let node: unknown = data;
  let field = '';
  let item = false;
  for (const segment of pointer) {
    item = Array.isArray(node);
    if (Array.isArray(node)) node = node[Number(segment)];
    else {
      field = segment;
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return item ? { field, item: 'item' } : { field };
}

function mapError(e: ErrorObject, field: string): MappedError {
  const pointer = toPointer(e.instancePath);
  const value = shownValue(e.data);
  const params = e.params as Record<string, unknown>;
  if (e.propertyName !== undefined) {
    return { pointer: [...pointer, e.propertyName], rule: 'invalid-key', args: { key: e.propertyName, what: definitionName(e) ?? field }, target: 'key' };
  }
  if (isEmpty(e)) return { pointer, rule: 'empty-value', args: emptyArgs(e, field), target: 'value' };
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys(((e.parentSchema ?? {}) as { properties?: object }).properties ?? {});
      // A field's Vietnamese name (hạn for due) before a typo's nearest name.
      const translated = fieldForWord(extra, allowed);
      const suggestion = translated ?? closest(extra, allowed);
      const value = (e.data as Record<string, unknown>)[extra];
      return {
        pointer: [...pointer, extra],
        rule: 'unknown-field',
        args: {
          field: extra,
          suggestion,
          translated: translated && 'yes',
          // With nothing to suggest, the fields of a small mapping (a party, a log entry) are a short list to pick from.
          allowed: suggestion === undefined && allowed.length <= MAX_LISTED_FIELDS ? allowed.join(', ') : undefined,
          // Only a guess until checkSchema sees whether the key is inside { }, where a comma in text starts a new key.
          hint: translated === undefined && (looksLikeText(extra) || value === null) ? 'quote' : undefined,
        },
        target: 'key',
      };
    }
    case 'required':
      return { pointer, rule: 'missing-field', args: { field: String(params.missingProperty) }, target: 'value' };
    case 'type':
      if (SHAPED_TEXT.has(definitionName(e) ?? '')) {
        // `id: 1` is a number in YAML, though `1` would be a good id as text.
        const hint = definitionName(e) === 'slug' && typeof e.data === 'number' && /^[0-9]+$/.test(value) ? 'quote-number' : undefined;
        return { pointer, rule: 'invalid-format', args: { field, value, what: definitionName(e), hint }, target: 'value' };
      }
      return { pointer, rule: 'wrong-type', args: { field, expected: String(params.type), value, ...textArgs(e.data, String(params.type)) }, target: 'value' };
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
      // Point at the later of the two equal items.
      return { pointer: [...pointer, Number(params.i)], rule: 'duplicate-item', args: { field, value: JSON.stringify((e.data as unknown[])[Number(params.i)]) }, target: 'value' };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { pointer, rule: 'out-of-range', args: { field, value, comparison: String(params.comparison), limit: Number(params.limit) }, target: 'value' };
    default:
      return { pointer, rule: 'schema', args: { field, detail: e.message ?? e.keyword }, target: 'value' };
  }
}

/**
 * A value left empty where the schema wants one: a key with nothing after it
 * (YAML's null, which no field takes) or `""`. `title: ""` and `title:` are
 * the same mistake, and neither is a wrong type or format: the message says
 * what goes there instead of quoting a null the clerk never wrote.
 */
function isEmpty(e: ErrorObject): boolean {
  if (e.data !== null && e.data !== '') return false;
  return ['type', 'enum', 'const', 'oneOf', 'anyOf', 'pattern', 'format', 'minLength'].includes(e.keyword);
}

/** What an empty value's message says goes there: the allowed values, the shape of a date or id, or the type. */
function emptyArgs(e: ErrorObject, field: string): DiagnosticArgs {
  const schema = (e.parentSchema ?? {}) as { type?: unknown; minItems?: number; required?: unknown };
  const what = definitionName(e);
  if (e.keyword === 'enum') return { field, allowed: (e.params as { allowedValues: unknown[] }).allowedValues.join(', ') };
  if (e.keyword === 'const') return { field, allowed: String((e.params as { allowedValue: unknown }).allowedValue) };
  if (what !== undefined && SHAPED_TEXT.has(what)) return { field, what };
  const expected = e.keyword === 'type' ? String(e.params.type) : typeof schema.type === 'string' ? schema.type : 'string';
  // A list that needs items (a plan's parties) cannot be written [], nor a mapping with required keys (a metric's label) {}.
  const limit = expected === 'array' && (schema.minItems ?? 0) > 0 ? schema.minItems : undefined;
  const keys = expected === 'object' && Array.isArray(schema.required) && schema.required.length > 0 ? schema.required.join(', ') : undefined;
  return { field, expected, limit, keys };
}

/** Whether the field at `pointer` may be left out: its key is not among the required ones of its mapping's schema. */
function isOptional(file: RecordFile, pointer: Pointer): boolean {
  const key = String(pointer[pointer.length - 1]);
  const root = loadSchema(file.kind) as Schema;
  return !schemasAt(root, file.data, pointer.slice(0, -1).map(String)).some((s) => s.required?.includes(key));
}

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  required?: string[];
}

/** Every schema that applies at `pointer` in `data`, branches and references included. */
function schemasAt(root: Schema, data: unknown, pointer: readonly string[]): Schema[] {
  let schemas = expanded(root, root);
  let node = data;
  for (const segment of pointer) {
    const next: Schema[] = [];
    for (const s of schemas) {
      if (Array.isArray(node)) {
        if (s.items) next.push(s.items);
      } else if (s.properties && Object.hasOwn(s.properties, segment)) next.push(s.properties[segment]);
      else if (typeof s.additionalProperties === 'object') next.push(s.additionalProperties);
    }
    schemas = next.flatMap((s) => expanded(s, root));
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return schemas;
}

/** A schema with those it refers to or combines (`$ref` within the file, allOf, oneOf, anyOf). */
function expanded(schema: Schema, root: Schema): Schema[] {
  const out = [schema];
  if (schema.$ref?.startsWith('#/')) {
    const target = schema.$ref.slice(2).split('/').reduce<unknown>((s, key) => (s as Record<string, unknown> | undefined)?.[key], root);
    if (target && typeof target === 'object') pushAll(out, expanded(target as Schema, root));
  }
  for (const sub of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) pushAll(out, expanded(sub, root));
  return out;
}

/**
 * A text where something else goes is shown as text (`"10"`), or a message
 * would say a number is not a number; one that YAML would read as the number
 * wanted, once unquoted, is told to lose its quotes.
 */
function textArgs(data: unknown, expected: string): DiagnosticArgs {
  if (typeof data !== 'string') return {};
  const number = expected === 'number' || expected === 'integer' ? resolvePlain(data.trim()) : undefined;
  const readsAsNumber = typeof number === 'number' && Number.isFinite(number) && (expected === 'number' || Number.isInteger(number));
  return { text: 'yes', hint: readsAsNumber ? 'unquote' : undefined };
}

/** A value as quoted in a message: .nan as YAML writes it, not NaN; long text is cut, the place is in the position anyway. */
function shownValue(data: unknown): string {
  if (data !== null && typeof data === 'object') {
    // ajv gives each error its mapping: one of thousands of unknown keys must not write it out thousands of times.
    let shown = shownObjects.get(data);
    if (shown === undefined) shownObjects.set(data, (shown = clipped(JSON.stringify(data))));
    return shown;
  }
  return clipped(typeof data === 'number' && !Number.isFinite(data) ? yamlNumberText(data) : String(data));
}
const shownObjects = new WeakMap<object, string>();
const clipped = (text: string) => (text.length > 60 ? text.slice(0, 57) + '…' : text);

/** Fields an unknown-field message lists when it has no suggestion: more would not be read. */
const MAX_LISTED_FIELDS = 12;

/** A key with spaces, capitals or accents reads as text more than as a field's name. */
function looksLikeText(key: string): boolean {
  return /[\sA-ZÀ-ỹ]/u.test(key) || /[^\x00-\x7f]/.test(key);
}

/** Whether the mapping at `pointer` is written in braces (`{ … }`), where a comma in unquoted text starts a new key. */
function isFlowMapping(file: RecordFile, pointer: Pointer): boolean {
  const { line, column } = file.locate([...pointer], 'value');
  const start = linesOf(file)[line - 1];
  return start !== undefined && file.text[start + column - 1] === '{';
}

/**
 * The allowed name nearest to a misspelling, if it is near enough to be a
 * likely typo: the first of the candidates (in their order) at the least
 * edit distance, when that distance is at most a third of the word's length
 * (at least 1). Only a candidate nearer than the best so far, and within that
 * limit, can change the answer, so the distance to each is worked out only as
 * far as it could: a length too different is passed over, and a distance
 * stops growing its table once every way through it is already too long.
 * (Among 50,000 party ids, each full table took 2 s a typo.)
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  const a = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const bound = Math.min(limit, bestDistance - 1);
    const b = c.toLowerCase();
    if (Math.abs(a.length - b.length) > bound) continue;
    const d = boundedEditDistance(a, b, bound);
    if (d <= bound) {
      bestDistance = d;
      best = c;
      if (d === 0) break;
    }
  }
  return best;
}

/**
 * Edit distance where swapping two neighbouring letters counts as one edit
 * (a common typo: titel), exact when it is at most `bound`; else some number
 * above `bound`. Rows of the table are reused, not allocated per cell.
 */
function boundedEditDistance(a: string, b: string, bound: number): number {
  const n = b.length;
  if (rows[0].length < n + 1) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [before, previous, current] = rows;
  for (let j = 0; j <= n; j++) previous[j] = j;
  // The least of the row before: a row's cells come from the two rows above it, so two rows over the bound end the search.
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > bound && previousMin > bound) return bound + 1;
    previousMin = rowMin;
    [before, previous, current] = [previous, current, before];
  }
  return previous[n];
}
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];
