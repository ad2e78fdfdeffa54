/** The README's validate section documents every rule the catalogue knows, with its severity. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { KNOWN_RULES, ruleSeverity } from '../../src/i18n/diagnostics.js';

const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

it('lists every rule id with its severity in the validate section', () => {
  const start = README.indexOf('<!-- section: validate -->');
  expect(start).toBeGreaterThanOrEqual(0);
  const end = README.indexOf('<!-- section:', start + 1);
  const section = README.slice(start, end < 0 ? undefined : end);
  const rows = new Map([...section.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning) \|/gm)].map((m) => [m[1], m[2]]));
  for (const rule of KNOWN_RULES) expect(rows.get(rule), rule).toBe(ruleSeverity(rule));
  expect([...rows.keys()].sort()).toEqual([...KNOWN_RULES].sort());
});
