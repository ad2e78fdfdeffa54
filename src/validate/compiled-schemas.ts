/**
 * The schema validators, compiled once at build time instead of at every
 * start (ajv's import and compile of the three schemas cost about 0.15 s a
 * run; loading the compiled code costs a few milliseconds). The build writes
 * `validators.cjs` beside this module (`node dist/validate/compiled-schemas.js`);
 * it carries a fingerprint of the schemas and options it was made from, and
 * is used only while they match, so a stale or missing file just means
 * compiling at start, as before. `PHOIHOP_SCHEMA_CHECK=compile` forces that.
 *
 * The validators are made from the published schemas less their
 * `uniqueItems` (UNIQUE_LISTS), which schema-check.ts checks itself with the
 * same outcome: ajv compares every item of such a list with every other.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv as AjvType, ValidateFunction } from 'ajv';
import { schemaText } from '../schemas.js';

const KINDS = ['config', 'parties', 'plan'] as const;
type Kind = (typeof KINDS)[number];

/** ajv's options, the same for the build and for compiling at start. strict: false because draft-07 editor keywords (examples, default) are descriptive only. */
// strictNumbers: YAML's .nan and .inf are no number a record means (schema-check.ts: not-a-number).
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true, strictNumbers: true } as const;

/**
 * Where the published schemas say a list's items must differ
 * (`uniqueItems`), left out of the validators: ajv compares each string of a
 * list with every other (its quick way needs the items' type beside the
 * `$ref`), so a plan naming 64,000 parties took 16 s. schema-check.ts
 * (duplicateItemErrors) finds the same pair with one look at each item and
 * reports it as ajv's error. The published schemas keep the keyword.
 */
export const UNIQUE_LISTS: Readonly<Record<Kind, readonly (readonly string[])[]>> = {
  config: [],
  parties: [],
  plan: [
    ['properties', 'parties'],
    ['definitions', 'task', 'properties', 'support'],
  ],
};

/** A published schema as the validators are compiled from it: without the `uniqueItems` of UNIQUE_LISTS. */
export function internalSchema(kind: Kind): object {
  const schema = JSON.parse(schemaText(kind)) as Record<string, unknown>;
  for (const path of UNIQUE_LISTS[kind]) {
    const list = path.reduce<Record<string, unknown> | undefined>((node, key) => node?.[key] as Record<string, unknown> | undefined, schema);
    if (list?.uniqueItems !== true) throw new Error(`${kind}.schema.json has no uniqueItems at ${path.join('/')}`);
    delete list.uniqueItems;
  }
  return schema;
}

const require = createRequire(import.meta.url);
const COMPILED = new URL('./validators.cjs', import.meta.url);

/** What the compiled code depends on: the schema texts, what is left out of them, ajv's version and the options. */
function fingerprint(): string {
  const hash = createHash('sha256');
  for (const kind of KINDS) hash.update(schemaText(kind)).update('\0');
  hash.update(JSON.stringify(UNIQUE_LISTS));
  hash.update((require('ajv/package.json') as { version: string }).version).update(JSON.stringify(AJV_OPTIONS));
  return hash.digest('hex');
}

/** One validator per kind: the build's compiled code when it matches, else compiled now. */
export function loadValidators(env: NodeJS.ProcessEnv = process.env): Map<Kind, ValidateFunction> {
  if (env.PHOIHOP_SCHEMA_CHECK !== 'compile') {
    try {
      const compiled = require(fileURLToPath(COMPILED)) as Record<Kind, ValidateFunction> & { fingerprint: string };
      if (compiled.fingerprint === fingerprint()) return new Map(KINDS.map((k) => [k, compiled[k]]));
    } catch {
      /* not built: compile below */
    }
  }
  const ajv = newAjv();
  return new Map(KINDS.map((k) => [k, ajv.compile(internalSchema(k))]));
}

function newAjv(extra: object = {}): AjvType {
  // Loaded only here, so a run with the compiled validators never loads ajv's compiler.
  const { Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv({ ...AJV_OPTIONS, ...extra });
}

/** The build step: writes validators.cjs for the schemas as they are now. */
function build(): void {
  const ajv = newAjv({ code: { source: true } });
  for (const k of KINDS) ajv.addSchema(internalSchema(k), k);
  const standaloneCode = require('ajv/dist/standalone') as (ajv: AjvType, refs: Record<string, string>) => string;
  const code = standaloneCode(ajv, Object.fromEntries(KINDS.map((k) => [k, k])));
  writeFileSync(COMPILED, `${code}\nexports.fingerprint = ${JSON.stringify(fingerprint())};\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) build();
