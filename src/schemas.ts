/** The JSON Schemas shipped in `schemas/`, read once from the package. */
import { readFileSync } from 'node:fs';
import type { Kind } from './load/load.js';

// src/ and dist/ are both one level below the package root.
const SCHEMA_DIR = new URL('../schemas/', import.meta.url);
const cache = new Map<Kind, object>();

export function schemaText(kind: Kind): string {
  return readFileSync(new URL(`${kind}.schema.json`, SCHEMA_DIR), 'utf8');
}

export function loadSchema(kind: Kind): object {
  let schema = cache.get(kind);
  if (!schema) {
    schema = JSON.parse(schemaText(kind)) as object;
    cache.set(kind, schema);
  }
  return schema;
}
