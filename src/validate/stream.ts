/**
 * Validation that keeps no plan: `validate` on a big folder. The same
 * schemas and rules as validateRecords, with the same diagnostics (a test
 * holds the two to that), but each plan is checked as it is read, on
 * whichever thread read it (check-plan.ts), and then let go but for a stub.
 * Keeping every plan's parsed records costs more time than checking them:
 * the collector copies whatever survives, and fresh memory is slow on the
 * machines measured (README, Performance).
 *
 * Rules that look across files (a duplicate plan id, an unknown party or
 * parent, a cycle, a period outside the parent's) run once more at the end,
 * over the stubs. A stub they would report on is read and parsed again and
 * checked whole with the rest of the folder, until no stub is reported on:
 * a folder without such problems reads each plan once. (Keeping the texts
 * instead would keep half the memory this saves.)
 */
import { decodeUtf8 } from '../load/decode.js';
import { CONFIG_FILE, loadRecords, type RecordFile } from '../load/load.js';
import { defaultParser, parseRecord, type ParserChoice } from '../load/fast-parse.js';
import type { RecordSource } from '../load/source.js';
import { type Day, todayIn } from '../model/dates.js';
import type { Config, Model } from '../model/records.js';
import { type CheckedPlan, checkPlan, type FolderFacts, type PartOf, type Stub, textFingerprint } from './check-plan.js';
import type { CheckJob } from './check-thread.js';
import { type Diagnostic, sortDiagnostics } from './diagnostic.js';
import { normalizeConfig, normalizePlan, type Reporter, reporterFor } from './normalize.js';
import type { PlanEntry, RuleContext } from './rules/context.js';
import { RULES } from './rules/index.js';
import { checkSchema } from './schema-check.js';
import { configTimeZone, noteIds, noteUnusableIds, partiesOf, rootConfigZone, type ValidateOptions, validateRecords } from './validate.js';

export interface Checked {
  /** Sorted by file, line, column, rule. */
  diagnostics: Diagnostic[];
  fileCount: number;
  paths: string[];
  asOf: Day;
  /** The folder's config, defaults filled in. */
  config: Config;
  /** The parties the parties files declare (the first of an id in path order), as the model has them. */
  parties: Model['parties'];
  /** What `parts` keeps of each plan whose model could be read, in no set order; empty without `parts`. */
  parts: unknown[];
  /** The config and parties files, usable or not: a change to one can break references in any plan. */
  sharedFiles: string[];
  /** Each plan file's id, where it has one: a plan given to validate may be another's parent. */
  planIds: Map<string, string>;
}

/**
 * What a report keeps of each plan (src/reports/parts.ts), computed where
 * the plan is checked: `of` on the main thread, and the same on the checking
 * threads, whose `script` calls serveCheckedPlans with it (check-thread.ts)
 * and gets `data` besides the folder's facts.
 */
export interface PlanParts {
  of: PartOf;
  script: URL;
  data: unknown;
}

export interface CheckOptions extends ValidateOptions {
  parser?: ParserChoice;
  parts?: PlanParts;
}

export async function checkFolder(source: RecordSource, options: CheckOptions = {}): Promise<Checked> {
  const parser = options.parser ?? defaultParser();
  const diagnostics: Diagnostic[] = [];
  const knownPlanIds = new Set<string>();
  /** Config and parties files: few, kept whole. */
  const kept: RecordFile[] = [];
  const stubs: Stub[] = [];
  const parts: unknown[] = [];
  const declaredParties: { path: string; ids: Set<string> }[] = [];
  const sharedFiles: string[] = [];
  const planIds = new Map<string, string>();
  let facts: FolderFacts | undefined;
  // The root config comes first; the first other record settles the config and the as-of date without it.
  const settle = (): FolderFacts => (facts ??= folderFacts(kept.find((f) => f.path === CONFIG_FILE && f.kind === 'config'), options));
  const take = (checked: CheckedPlan) => {
    if (checked.id !== undefined) {
      knownPlanIds.add(checked.id);
      planIds.set(checked.path, checked.id);
    }
    append(diagnostics, checked.diagnostics);
    if (checked.stub) stubs.push(checked.stub);
    if (checked.part !== undefined) parts.push(checked.part);
  };
  const partOf = options.parts?.of;

  const loaded = await loadRecords(source, {
    parser,
    stream: {
      onRecord(file) {
        if (file.kind === 'plan') return take(checkPlan(file, settle(), partOf));
        sharedFiles.push(file.path);
        // Party ids count from every parties file, valid or not, as in validateRecords.
        const ids = new Set<string>();
        noteIds(file, knownPlanIds, ids);
        if (ids.size > 0) declaredParties.push({ path: file.path, ids });
        if (checkSchema(file, diagnostics)) kept.push(file);
      },
      threadJob: () => ({
        script: options.parts?.script ?? new URL('./check-worker.js', import.meta.url),
        data: { facts: settle(), data: options.parts?.data } satisfies CheckJob,
        take: (result) => take(result as CheckedPlan),
      }),
    },
  });
  append(diagnostics, loaded.diagnostics);
  // Records come in no set order (threads read some); the rules see them in path order, as in validateRecords,
  // and party ids are known in that order too: it decides which one a typo is told it resembles.
  for (const list of [stubs, kept, declaredParties]) list.sort(byPath);
  const knownPartyIds = new Set<string>();
  for (const { ids } of declaredParties) for (const id of ids) knownPartyIds.add(id);
  noteUnusableIds(loaded.unusable, knownPlanIds, knownPartyIds);
  const { config, asOf } = settle();

  const across = await checkAcrossFiles(source, parser, stubs, kept, { config, asOf, knownPlanIds, knownPartyIds });
  // A plan changed since it was checked (a clerk saved it meanwhile): the folder is validated again, the ordinary way.
  if (across === 'changed') return checkKept(source, options);
  append(diagnostics, across);
  return { diagnostics: sortDiagnostics(diagnostics), fileCount: loaded.fileCount, paths: loaded.paths, asOf, config, parties: partiesOf(kept, []).map, parts, sharedFiles: sharedFiles.sort(), planIds };
}

/**
 * The rules run once more over the whole folder, plans as stubs: what they
 * find, with what each plan alone gave; or 'changed'. A stub they would
 * report on is read again and checked whole, and the rules run again, until
 * no stub is reported on (each round reads at least one plan whole).
 */
async function checkAcrossFiles(
  source: RecordSource,
  parser: ParserChoice,
  stubs: readonly Stub[],
  kept: readonly RecordFile[],
  folder: Pick<RuleContext, 'config' | 'asOf' | 'knownPlanIds' | 'knownPartyIds'>,
): Promise<Diagnostic[] | 'changed'> {
  const whole = new Map<string, PlanEntry>();
  for (;;) {
    const found: Diagnostic[] = [];
    const reportedStubs = new Set<string>();
    const plans = stubs.map((stub): PlanEntry => {
      const read = whole.get(stub.path);
      if (read) return { ...read, report: reporterFor(read.file, found) };
      // A stub is never located: reporting on it only marks it to be read whole.
      const file: RecordFile = { path: stub.path, kind: 'plan', text: '', data: stub.raw, locate: () => ({ line: 1, column: 1 }) };
      return { file, raw: stub.raw, plan: stub.plan, report: () => reportedStubs.add(stub.path) };
    });
    const ctx: RuleContext = {
      ...folder,
      plans,
      parties: partiesOf(kept, found).entries,
      configs: kept.filter((f) => f.kind === 'config').map((file) => ({ file, report: reporterFor(file, found) })),
    };
    for (const rule of RULES) rule(ctx);
    if (reportedStubs.size === 0) {
      // A plan read whole had every rule run on it just now; the others keep what they gave alone.
      for (const stub of stubs) if (stub.own && !whole.has(stub.path)) append(found, stub.own);
      return found;
    }
    for (const stub of stubs) {
      if (!reportedStubs.has(stub.path)) continue;
      const entry = await readAgain(source, stub, parser);
      if (!entry) return 'changed';
      whole.set(stub.path, entry);
    }
  }
}

/** The config and as-of date of a folder whose root config (schema-valid, or none) is `root`. */
function folderFacts(root: RecordFile | undefined, options: ValidateOptions): FolderFacts {
  return { config: normalizeConfig(root), asOf: options.asOf ?? todayIn(rootConfigZone(root), options.now) };
}

/**
 * The same answer from validateRecords, which keeps every record: for a
 * folder that changed while it was checked, and as the reference the
 * streamed answer is tested against (PHOIHOP_STREAM=off).
 */
export async function checkKept(source: RecordSource, options: CheckOptions = {}): Promise<Checked> {
  const loaded = await loadRecords(source, { parser: options.parser });
  const validated = validateRecords(loaded, { asOf: options.asOf ?? todayIn(configTimeZone(loaded), options.now) });
  const { diagnostics, fileCount, paths, asOf, model } = validated;
  const partOf = options.parts?.of;
  const parts = partOf ? model.plans.map((plan) => partOf(plan, { config: model.config, asOf })) : [];
  const sharedFiles = loaded.files.filter((file) => file.kind !== 'plan').map((file) => file.path);
  const planIds = new Map(loaded.files.flatMap((file) => (file.kind === 'plan' && typeof file.data.id === 'string' ? [[file.path, file.data.id] as const] : [])));
  return { diagnostics, fileCount, paths, asOf, config: model.config, parties: model.parties, parts, sharedFiles, planIds };
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Pushes one by one: a spread of a folder's worth of diagnostics could overflow the stack. */
function append(to: Diagnostic[], from: readonly Diagnostic[]): void {
  for (const d of from) to.push(d);
}

/**
 * A stub's plan read again, whole, from the source; undefined when the file
 * is no longer the text that was checked. What reading it reports was
 * reported the first time.
 */
async function readAgain(source: RecordSource, stub: Stub, parser: ParserChoice): Promise<PlanEntry | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await source.readFile(stub.path);
  } catch {
    return undefined;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok || textFingerprint(decoded.text) !== stub.fingerprint) return undefined;
  const outcome = parseRecord(stub.path, decoded.text, parser);
  const file: RecordFile = { path: stub.path, kind: 'plan', text: decoded.text, data: outcome.data as Record<string, unknown>, locate: outcome.locate };
  checkSchema(file, []);
  const ignore: Reporter = () => {};
  return { file, raw: file.data, plan: normalizePlan(file, ignore), report: ignore };
}
