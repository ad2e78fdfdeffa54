/**
 * Values compared as JSON trees, for `diff`: the leaf differences of two
 * trees, named by their path of keys.
 */
import { pushAll } from '../arrays.js';

/** A JSON value, as field changes carry them. */
export type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

/** A mapping whose absent fields are undefined (dropped when written as JSON). */
export type Tree = { [key: string]: Json | undefined };

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedUnion(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort(cmp);
}

/**
 * Leaf differences of two trees: mappings are walked key by key (an absent
 * key is null), anything else (text, numbers, lists) is compared whole.
 */
export function diffTrees(a: Json | Tree | undefined, b: Json | Tree | undefined, path: string): Array<[string, Json, Json]> {
  // Results are open maps of metrics: a first `results` is reported metric by metric, like later edits.
  if (path.endsWith('.results.') && (isMapping(a) || isMapping(b))) {
    a = isMapping(a) ? a : {};
    b = isMapping(b) ? b : {};
  }
  if (isMapping(a) && isMapping(b)) {
    const out: Array<[string, Json, Json]> = [];
    for (const key of sortedUnion(Object.keys(a), Object.keys(b))) pushAll(out, diffTrees(a[key], b[key], `${path}${key}.`));
    return out;
  }
  const from = toJson(a);
  const to = toJson(b);
  return JSON.stringify(from) === JSON.stringify(to) ? [] : [[path.replace(/\.$/, ''), from, to]];
}

function isMapping(v: Json | Tree | undefined): v is Tree {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A plain JSON value: absent is null, undefined fields dropped, mapping keys sorted (so equal values print equal). */
export function toJson(v: Json | Tree | undefined): Json {
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.map(toJson);
  if (isMapping(v)) {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(v).sort(cmp)) if (v[key] !== undefined) out[key] = toJson(v[key]);
    return out;
  }
  return v;
}
