/** What every semantic rule receives: the folder's records, raw and typed. */
import type { RecordFile } from '../../load/load.js';
import type { Day } from '../../model/dates.js';
import type { Config, Plan } from '../../model/records.js';
import type { Reporter } from '../normalize.js';

export type Raw = Record<string, unknown>;

export interface PlanEntry {
  file: RecordFile;
  raw: Raw;
  /** Undefined when the plan's `signed` or `period` could not be read. */
  plan?: Plan;
  report: Reporter;
}

export interface PartyEntry {
  file: RecordFile;
  index: number;
  id: string;
  report: Reporter;
}

export interface RuleContext {
  plans: PlanEntry[];
  parties: PartyEntry[];
  configs: { file: RecordFile; report: Reporter }[];
  config: Config;
  /** Every plan id declared, including plans that failed their schema, so references to them do not cascade. */
  knownPlanIds: Set<string>;
  knownPartyIds: Set<string>;
  asOf: Day;
}

/** A semantic rule: looks at the context and reports through the entries' reporters. */
export type Rule = (ctx: RuleContext) => void;

export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const record = (v: unknown): Raw => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});
