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

describe('schemas', () => {
  it.each(['config', 'parties', 'plan'] as const)('%s: every field has a Vietnamese — English description', (kind) => {
    const all = fields(loadSchema(kind) as Schema, kind);
    expect(all.length).toBeGreaterThan(3);
    for (const [path, schema] of all) {
      expect(typeof schema.description, path).toBe('string');
      const [vi, en] = String(schema.description).split(' — ');
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
