/**
 * YAML's `.nan`, `.inf` and `-.inf` are numbers to a JSON Schema validator,
 * so a number field holding one either passes (`soon: .inf`) or fails each
 * bound and the type at once (`day: .nan`: "≤ 31", "≥ 1", "a whole number").
 * No field means any of them: schema-check.ts reports one `not-a-number`
 * instead, wherever the schema expects a number.
 */
import type { Kind } from '../load/load.js';
import { loadSchema } from '../schemas.js';

type Schema = Record<string, unknown>;

/** The pointers (as key lists) of every NaN or ±Infinity in a record's data. */
export function nonFiniteNumbers(data: unknown): string[][] {
  const found: string[][] = [];
  // One path, pushed and popped, copied only where something is found: most records have nothing to find.
  const path: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) found.push([...path]);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        path.push(key);
        visit(item);
        path.pop();
      }
    }
  };
  visit(data);
  return found;
}

/** How YAML writes the value: `.nan`, `.inf`, `-.inf` (what a clerk typed, give or take capitals). */
export function yamlNumberText(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  return value > 0 ? '.inf' : '-.inf';
}

/**
 * What the kind's schema has for the value at `pointer`: `number`, `integer`
 * (a whole number, e.g. `day`; also `period`, which may be a year), or
 * undefined for a text field or a field the schema does not know, where
 * `.nan` is a wrong type or an unknown field as any other value would be.
 */
export function expectedNumber(kind: Kind, data: unknown, pointer: readonly string[]): 'number' | 'integer' | undefined {
  const types = schemasAt(loadSchema(kind) as Schema, data, pointer).flatMap((s) => (Array.isArray(s.type) ? s.type : [s.type]));
  return types.includes('number') ? 'number' : types.includes('integer') ? 'integer' : undefined;
}

/** Every schema that applies to the value at `pointer`, following the data's own shape. */
function schemasAt(root: Schema, data: unknown, pointer: readonly string[]): Schema[] {
  let schemas = expand(root, root);
  let node = data;
  for (const key of pointer) {
    const isList = Array.isArray(node);
    schemas = schemas.flatMap((s) => {
      const sub = isList ? s.items : childSchema(s, key);
      return sub && typeof sub === 'object' ? expand(root, sub as Schema) : [];
    });
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return schemas;
}

/** The schema of a mapping's value under `key`: its own property, else the one for any other key. */
function childSchema(schema: Schema, key: string): unknown {
  const properties = schema.properties as Schema | undefined;
  return properties && Object.hasOwn(properties, key) ? properties[key] : schema.additionalProperties;
}

/** A schema with what it refers to and its branches (the shipped schemas refer only to their own definitions). */
function expand(root: Schema, schema: Schema): Schema[] {
  const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
  const target = ref ? (root.definitions as Record<string, Schema>)[ref.replace('#/definitions/', '')] : undefined;
  const branches = ['allOf', 'anyOf', 'oneOf'].flatMap((k) => (schema[k] ?? []) as Schema[]);
  return [schema, ...(target ? expand(root, target) : []), ...branches.flatMap((b) => expand(root, b))];
}
