/**
 * load → schema check → normalise → semantic rules. The single entry point
 * every command uses to get a model and its diagnostics.
 */
import type { Loaded, RecordFile } from '../load/load.js';
import { CONFIG_FILE } from '../load/load.js';
import type { Day } from '../model/dates.js';
import { isValidTimeZone, todayIn } from '../model/dates.js';
import { DEFAULT_CONFIG, type Model, type Plan } from '../model/records.js';
import { type Diagnostic, sortDiagnostics } from './diagnostic.js';
import { normalizeConfig, normalizeParties, normalizePlan, reporterFor } from './normalize.js';
import type { PartyEntry, PlanEntry, RuleContext } from './rules/context.js';
import { list, record } from './rules/context.js';
import { declaredIds } from './declared-ids.js';
import { RULES } from './rules/index.js';
import { checkSchema } from './schema-check.js';

export interface Validated {
  model: Model;
  /** Sorted by file, line, column, rule. */
  diagnostics: Diagnostic[];
  fileCount: number;
  /** The record files found (see Loaded.paths). */
  paths: string[];
  /** The as-of date the date rules used. */
  asOf: Day;
}

export interface ValidateOptions {
  /** The as-of date for date warnings; default today in the config's time zone. */
  asOf?: Day;
  /** The current instant, to find today when asOf is not given (default: the clock). */
  now?: number;
}

export function validateRecords(loaded: Loaded, options: ValidateOptions = {}): Validated {
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const valid: RecordFile[] = [];
  const knownPlanIds = new Set<string>();
  const knownPartyIds = new Set<string>();
  for (const file of loaded.files) {
    noteIds(file, knownPlanIds, knownPartyIds);
    if (checkSchema(file, diagnostics)) valid.push(file);
  }
  noteUnusableIds(loaded.unusable, knownPlanIds, knownPartyIds);

  const configFiles = valid.filter((f) => f.kind === 'config');
  const config = normalizeConfig(configFiles.find((f) => f.path === CONFIG_FILE));
  const { entries: parties, map: partyMap } = partiesOf(valid, diagnostics);
  const plans: PlanEntry[] = [];
  for (const file of valid) {
    if (file.kind !== 'plan') continue;
    const report = reporterFor(file, diagnostics);
    plans.push({ file, raw: file.data, plan: normalizePlan(file, report), report });
  }

  const ctx: RuleContext = {
    plans,
    parties,
    configs: configFiles.map((file) => ({ file, report: reporterFor(file, diagnostics) })),
    config,
    knownPlanIds,
    knownPartyIds,
    asOf: options.asOf ?? todayIn(safeZone(config.timezone), options.now),
  };
  for (const rule of RULES) rule(ctx);

  const seen = new Set<string>();
  const modelPlans: Plan[] = [];
  for (const entry of plans) {
    if (entry.plan && !seen.has(entry.plan.id)) {
      seen.add(entry.plan.id);
      modelPlans.push(entry.plan);
    }
  }
  modelPlans.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { model: { config, parties: partyMap, plans: modelPlans }, diagnostics: sortDiagnostics(diagnostics), fileCount: loaded.fileCount, paths: loaded.paths, asOf: ctx.asOf };
}

/**
 * The parties of the schema-valid parties files among `files` (in path
 * order), as the rules see them, reporting into `diagnostics`; and as the
 * model has them, the first of each id.
 */
export function partiesOf(files: readonly RecordFile[], diagnostics: Diagnostic[]): { entries: PartyEntry[]; map: Model['parties'] } {
  const entries: PartyEntry[] = [];
  const map: Model['parties'] = new Map();
  for (const file of files) {
    if (file.kind !== 'parties') continue;
    const report = reporterFor(file, diagnostics);
    normalizeParties(file).forEach((party, index) => {
      entries.push({ file, index, id: party.id, report });
      if (!map.has(party.id)) map.set(party.id, party);
    });
  }
  return { entries, map };
}

/** Ids are collected even from files that fail their schema, so one typo does not cascade into unknown-reference errors. */
export function noteIds(file: RecordFile, knownPlanIds: Set<string>, knownPartyIds: Set<string>): void {
  if (file.kind === 'plan' && typeof file.data.id === 'string') knownPlanIds.add(file.data.id);
  if (file.kind === 'parties') for (const p of list(file.data.parties)) if (typeof record(p).id === 'string') knownPartyIds.add(String(record(p).id));
}

/** The ids that files which could not be used seem to declare (see Loaded.unusable). */
export function noteUnusableIds(unusable: Loaded['unusable'], knownPlanIds: Set<string>, knownPartyIds: Set<string>): void {
  for (const { text } of unusable) {
    const { kind, ids } = declaredIds(text);
    for (const id of ids) {
      if (kind !== 'parties') knownPlanIds.add(id);
      if (kind !== 'plan') knownPartyIds.add(id);
    }
  }
}

/** A zone that todayIn can use: an unknown one (already an error) falls back to the default. */
function safeZone(zone: string): string {
  return isValidTimeZone(zone) ? zone : DEFAULT_CONFIG.timezone;
}

/**
 * The time zone that decides "today" for a folder: the root config's, when
 * that config is schema-valid and the zone exists. Read before validating,
 * so a folder is validated once.
 */
export function configTimeZone(loaded: Loaded): string {
  return rootConfigZone(loaded.files.find((f) => f.path === CONFIG_FILE && f.kind === 'config'));
}

/** The time zone of the root config (undefined: there is none), or the default when it cannot give one. */
export function rootConfigZone(file: RecordFile | undefined): string {
  if (!file || !checkSchema(file, [])) return DEFAULT_CONFIG.timezone;
  const zone = normalizeConfig(file).timezone;
  return isValidTimeZone(zone) ? zone : DEFAULT_CONFIG.timezone;
}
