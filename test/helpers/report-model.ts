/** Loads a records folder into the validated model in-process, for tests of reports and items. */
import { join } from 'node:path';
import { loadRecords } from '../../src/load/load.js';
import { WorkTreeSource } from '../../src/load/worktree.js';
import { type Day, parseDate } from '../../src/model/dates.js';
import type { Model } from '../../src/model/records.js';
import { validateRecords } from '../../src/validate/validate.js';
import { EXAMPLES } from './cli.js';

export async function loadModel(dir: string, asOf: Day = day('2026-11-22')): Promise<Model> {
  const validated = validateRecords(await loadRecords(new WorkTreeSource(dir)), { asOf });
  const errors = validated.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`records have errors: ${JSON.stringify(errors)}`);
  return validated.model;
}

export const loadExample = (name: string) => loadModel(join(EXAMPLES, name));

/** A day from `YYYY-MM-DD` or `D/M/YYYY`; throws on a typo in a test. */
export function day(text: string): Day {
  const r = parseDate(text);
  if (!r.ok) throw new Error(`bad date in test: ${text}`);
  return r.day;
}
