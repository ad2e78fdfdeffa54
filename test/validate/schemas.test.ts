/** records.md: every field is in the JSON Schemas, with a description in Vietnamese and English. */
import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../src/schemas.js';

type Schema = Record<string, unknown>;

/** Every field schema (an entry of `properties`) with its path, through definitions too. */
function fields(schema: Schema, path: string, out: [string, Schema][] = []): [string, Schema][] {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const [name, sub] of Object.entries(properties)) {
    out.push([`${path}.${name}`, sub]);
    fields(sub, `${path}.${name}`, out);
  }
  for (const key of ['items', 'additionalProperties'] as const) {
    const sub = schema[key];
    if (sub && typeof sub === 'object') fields(sub as Schema, `${path}[]`, out);
  }
  for (const [name, sub] of Object.entries((schema.definitions ?? {}) as Record<string, Schema>)) fields(sub, `#${name}`, out);
  for (const branch of (schema.oneOf ?? []) as Schema[]) fields(branch, path, out);
  return out;
}

/**
 * A schema's hover text as a draft-07 editor sees it: beside `$ref` every
 * other keyword is ignored, so a description there is never shown.
 */
function hoverText(schema: Schema): string | undefined {
  return '$ref' in schema ? undefined : (schema.description as string | undefined);
}

/** JSON pointers of every object, anywhere in a schema, that has `$ref` beside other keywords. */
function refsWithSiblings(node: unknown, pointer = '#', out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item, i) => refsWithSiblings(item, `${pointer}/${i}`, out));
  else if (node && typeof node === 'object') {
    if ('$ref' in node && Object.keys(node).length > 1) out.push(pointer);
    for (const [key, sub] of Object.entries(node)) refsWithSiblings(sub, `${pointer}/${key}`, out);
  }
  return out;
}

/** The schemas a value must match: the schema itself, what its allOf/$ref point to, its oneOf branches. */
function alternatives(root: Schema, schema: Schema): Schema[] {
  const ref = schema.$ref as string | undefined;
  if (ref) return alternatives(root, (root.definitions as Record<string, Schema>)[ref.replace('#/definitions/', '')]);
  const nested = [...((schema.allOf ?? []) as Schema[]), ...((schema.oneOf ?? []) as Schema[])];
  return [schema, ...nested.flatMap((sub) => alternatives(root, sub))];
}

/**
 * The schema of a field named by a path as a clerk writes it: `tasks[].log{}.done`,
 * where `[]` is a list's item and `{}` a mapping's value under any key.
 */
function fieldSchema(root: Schema, path: string): Schema | undefined {
  let schema: Schema | undefined = root;
  for (const step of path.match(/[^.[\]{}]+|\[\]|\{\}/g) ?? []) {
    if (!schema) return undefined;
    const key = step === '[]' ? 'items' : step === '{}' ? 'additionalProperties' : undefined;
    const candidates: Schema[] = alternatives(root, schema)
      .map((s) => (key ? s[key] : (s.properties as Record<string, Schema> | undefined)?.[step]) as Schema | undefined)
      .filter((s): s is Schema => !!s && typeof s === 'object');
    schema = candidates[0];
  }
  return schema;
}

/** Every field records.md names, by kind. */
const RECORD_FIELDS = {
  config: ['kind', 'title', 'locale', 'timezone', 'soon', 'metrics', 'metrics{}', 'metrics{}.label', 'metrics{}.unit', 'ignore'],
  parties: ['kind', 'parties', 'parties[]', 'parties[].id', 'parties[].name', 'parties[].short', 'parties[].abbr'],
  plan: [
    ...['kind', 'id', 'type', 'number', 'title', 'signed', 'period', 'parent', 'parties'],
    ...['basis', 'basis[]', 'basis[].number', 'basis[].date', 'basis[].title'],
    ...['signatories', 'signatories[]', 'signatories[].party', 'signatories[].name', 'signatories[].title'],
    ...['contacts', 'contacts[]', 'contacts[].party', 'contacts[].leader', 'contacts[].staff'],
    ...['contents', 'contents[]', 'contents[].id', 'contents[].title', 'tasks', 'tasks[]'],
    ...['id', 'title', 'type', 'content', 'lead', 'support', 'due', 'status', 'done', 'results', 'evidence', 'note'].map((f) => `tasks[].${f}`),
    ...['every', 'offset', 'day', 'from', 'until', 'log', 'log{}'].map((f) => `tasks[].${f}`),
    ...['done', 'status', 'note', 'evidence', 'results'].map((f) => `tasks[].log{}.${f}`),
  ],
} as const;

describe('schemas', () => {
  it.each(['config', 'parties', 'plan'] as const)('%s: no $ref has sibling keywords, which draft-07 ignores', (kind) => {
    expect(refsWithSiblings(loadSchema(kind))).toEqual([]);
  });

  it.each(['config', 'parties', 'plan'] as const)('%s: every field of records.md shows a Vietnamese — English description on hover', (kind) => {
    const root = loadSchema(kind) as Schema;
    for (const path of RECORD_FIELDS[kind]) {
      const schema = fieldSchema(root, path);
      expect(schema, path).toBeDefined();
      const [vi, en, ...rest] = (hoverText(schema!) ?? '').split(' — ');
      expect(vi.trim().length, `${kind}: ${path} (vi)`).toBeGreaterThan(3);
      expect(en?.trim().length, `${kind}: ${path} (en)`).toBeGreaterThan(3);
      expect(rest, path).toEqual([]);
    }
  });

  it.each(['config', 'parties', 'plan'] as const)('%s: every field has a Vietnamese — English description', (kind) => {
    const all = fields(loadSchema(kind) as Schema, kind);
    expect(all.length).toBeGreaterThan(3);
    for (const [path, schema] of all) {
      expect(typeof hoverText(schema), path).toBe('string');
      const [vi, en] = String(hoverText(schema)).split(' — ');
      expect(vi?.trim().length, path).toBeGreaterThan(3);
      expect(en?.trim().length, path).toBeGreaterThan(3);
    }
  });

  it('names every plan and task field of records.md', () => {
    const plan = loadSchema('plan') as Schema;
    const planFields = Object.keys(plan.properties as Schema);
    expect(planFields.sort()).toEqual(['basis', 'contacts', 'contents', 'id', 'kind', 'number', 'parent', 'parties', 'period', 'signatories', 'signed', 'tasks', 'title', 'type'].sort());
    const task = (plan.definitions as Record<string, Schema>).task;
    expect(Object.keys(task.properties as Schema).sort()).toEqual(
      ['content', 'day', 'done', 'due', 'every', 'evidence', 'from', 'id', 'lead', 'log', 'note', 'offset', 'results', 'status', 'support', 'title', 'type', 'until'].sort(),
    );
    const config = loadSchema('config') as Schema;
    expect(Object.keys(config.properties as Schema).sort()).toEqual(['ignore', 'kind', 'locale', 'metrics', 'soon', 'timezone', 'title'].sort());
  });
});
