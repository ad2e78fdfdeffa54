/** Loading and validating a records folder for an edit: before it, and with the edit applied in memory. */
import { loadRecords, type Loaded } from '../load/load.js';
import type { RecordSource } from '../load/source.js';
import { type Day, todayIn } from '../model/dates.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { configTimeZone, type Validated, validateRecords } from '../validate/validate.js';
import { OverlaySource } from './overlay-source.js';

export interface CheckedFolder {
  loaded: Loaded;
  validated: Validated;
  /** Today in the config's time zone, unless an as-of date was given. */
  asOf: Day;
  /** Today in the config's time zone, always. */
  today: Day;
}

/** Loads and validates; the config's time zone decides "today". */
export async function checkFolder(source: RecordSource, options: { asOf?: Day; now: number }): Promise<CheckedFolder> {
  const loaded = await loadRecords(source);
  const today = todayIn(configTimeZone(loaded), options.now);
  const asOf = options.asOf ?? today;
  return { loaded, validated: validateRecords(loaded, { asOf }), asOf, today };
}

/** Validates the folder as it would be with `files` (path → new bytes) written. */
export async function checkWith(source: RecordSource | undefined, files: ReadonlyMap<string, Uint8Array>, asOf: Day): Promise<Validated> {
  return validateRecords(await loadRecords(new OverlaySource(source, files)), { asOf });
}

export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}

/**
 * Warnings the edit brings (e.g. a completion dated after today): those in
 * `after` with no equal in `before`, ignoring positions, which an edit shifts.
 */
export function newWarnings(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.file}\u0000${d.rule}\u0000${JSON.stringify(d.args)}`;
  const seen = new Map<string, number>();
  for (const d of before) if (d.severity === 'warning') seen.set(key(d), (seen.get(key(d)) ?? 0) + 1);
  return after.filter((d) => {
    if (d.severity !== 'warning') return false;
    const left = seen.get(key(d)) ?? 0;
    if (left > 0) {
      seen.set(key(d), left - 1);
      return false;
    }
    return true;
  });
}
