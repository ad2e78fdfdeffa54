/** Helpers of the parser equivalence tests: exact value forms, short excerpts, YAML files under a folder. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A value written out exactly: key order, -0, NaN, ±Infinity, undefined and
 * prototypes all show (toStrictEqual is misled by a key named `constructor`).
 */
export function form(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(form).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) === Object.prototype ? '' : '(odd prototype)';
    return `${proto}{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${form(v)}`).join(',')}}`;
  }
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  return `${typeof value}:${JSON.stringify(value)}`;
}

/** A failing text, cut to the lines around `line` when it is long. */
export function excerpt(text: string, line?: number): string {
  if (text.length < 600) return JSON.stringify(text);
  const lines = text.split('\n');
  const at = (line ?? 1) - 1;
  return `line ${at + 1} of: ` + JSON.stringify(lines.slice(Math.max(0, at - 3), at + 3).join('\n'));
}

/** The .yaml and .yml files under a folder, at any depth. */
export function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}
