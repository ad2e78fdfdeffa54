/**
 * The records after validation, in typed and normalised form: dates are
 * calendar days, periods are spans, defaults are filled in. Reports, diff and
 * edits work on this, never on raw YAML.
 */
import type { Day } from './dates.js';
import type { Every, Period } from './periods.js';

export type Locale = 'vi' | 'en';

/** An id (plan, party, task, content, metric): the schemas' `slug`. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const TASK_TYPES = ['activity', 'report', 'briefing', 'interim-review', 'final-review', 'event'] as const;
export type TaskType = (typeof TASK_TYPES)[number];
export const TASK_STATUSES = ['planned', 'in-progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const PLAN_TYPES = ['program', 'plan'] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

export interface Metric {
  label: string;
  unit?: string;
}

export interface Config {
  title?: string;
  locale: Locale;
  timezone: string;
  soon: number;
  metrics: Record<string, Metric>;
  ignore: string[];
}

export const DEFAULT_CONFIG: Config = {
  locale: 'vi',
  timezone: 'Asia/Ho_Chi_Minh',
  soon: 14,
  metrics: {},
  ignore: [],
};

export interface Party {
  id: string;
  name: string;
  short?: string;
  abbr?: string;
  file: string;
}

export type Results = Record<string, number>;

/** A one-off task: at most one due date and one completion. */
export interface OneOffSchedule {
  kind: 'one-off';
  due?: Day;
  status: TaskStatus;
  done?: Day;
  results: Results;
  evidence?: string;
}

export interface LogEntry {
  /** Canonical occurrence key: `2022-Q3`, `2022-H1`, `2022`, `2022-07`. */
  key: string;
  period: Period;
  done?: Day;
  cancelled: boolean;
  note?: string;
  evidence?: string;
  results: Results;
}

export interface RecurringSchedule {
  kind: 'recurring';
  every: Every;
  /** Days after each period's last day (0 when `day` is used). */
  offset: number;
  /** Day of the period's last month, instead of an offset. */
  day?: number;
  /** Bounds of the recurrence, defaults applied (records.md "Details"). */
  from: Day;
  until: Day;
  log: LogEntry[];
}

/** A task with neither `due` nor `every`: thường xuyên. */
export interface Task {
  id: string;
  title: string;
  type: TaskType;
  content?: string;
  lead: string;
  support: string[];
  note?: string;
  schedule: OneOffSchedule | RecurringSchedule;
}

export interface Content {
  id: string;
  title: string;
}

export interface Plan {
  id: string;
  type: PlanType;
  number: string | null;
  title: string;
  signed: Day;
  period: Period;
  parent?: string;
  parties: string[];
  contents: Content[];
  tasks: Task[];
  file: string;
}

/** The whole records folder, ready for reports. Plans sorted by id. */
export interface Model {
  config: Config;
  parties: Map<string, Party>;
  plans: Plan[];
}

/** The span in which a plan is in force: from the later of signing and its period's start. */
export function inForce(plan: Plan): { start: Day; end: Day } {
  return { start: Math.max(plan.signed, plan.period.start), end: plan.period.end };
}
