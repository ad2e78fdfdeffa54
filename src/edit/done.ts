/**
 * `done` as a pure function: a plan file's text and a completion request in,
 * the new text (or a refusal) out. The new text is the old one with a few
 * splices, placed with the positions the yaml parser gives; nothing is
 * re-serialised, so comments, quoting, order and blank lines stay byte for
 * byte. The result is parsed again and must read as exactly the intended
 * values, or the edit is refused.
 */
import { minOf, pushAll } from '../arrays.js';
import { isDeepStrictEqual } from 'node:util';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { MAX_ALIAS_COUNT, parseOneDocument, plainWithAliases } from '../load/parse.js';
import { type Day, formatISO } from '../model/dates.js';
import { nextPeriod, overlaps, parseOccurrenceKey, type Period, periodContaining, periodsOverlapping } from '../model/periods.js';
import type { RecurringSchedule, Task } from '../model/records.js';
import { YAML_PARSE_OPTIONS, yamlNumber, yamlString, yamlStringLike } from './scalar.js';
import { applySplices, columnOf, contentEnd, insertLinesAfter, type Splice } from './text.js';

export interface DoneRequest {
  /** The task as the validated model has it: its schedule decides what is written. */
  task: Task;
  /** Completion date. */
  date: Day;
  /** The day the hint for a missing --period lists open occurrences up to (default: the completion date). */
  asOf?: Day;
  /** The occurrence, for a recurring task. */
  period?: Period;
  /** Metric id → number, in the order given. */
  results?: ReadonlyArray<readonly [string, number]>;
  note?: string;
  evidence?: string;
  /** Replace an existing completion (or note, evidence, result) instead of refusing. */
  force?: boolean;
}

export type DoneRefusalCode =
  | 'unknown-task'
  | 'period-required'
  | 'period-for-one-off'
  | 'period-granularity'
  | 'period-outside'
  | 'already-logged'
  | 'already-done'
  | 'task-cancelled'
  | 'field-exists'
  | 'unsupported-layout'
  | 'shared-anchor'
  | 'alias-value'
  | 'unsafe-edit';

export interface DoneRefusal {
  code: DoneRefusalCode;
  args: Record<string, string | number>;
}

export type DoneOutcome = { ok: true; text: string } | { ok: false; refusal: DoneRefusal };

type ParsedNode = Node & { range: [number, number, number] };

const refuse = (code: DoneRefusalCode, args: DoneRefusal['args'] = {}): DoneOutcome => ({ ok: false, refusal: { code, args } });

/** Records a completion in `text` (a plan file, BOM already removed). */
export function applyDone(text: string, request: DoneRequest): DoneOutcome {
  // Duplicate keys found in one pass, not by yaml's search (quadratic in a mapping's keys: a long task log).
  const doc = parseOneDocument(text, YAML_PARSE_OPTIONS);
  if (doc.errors.length > 0) return refuse('unsupported-layout', { detail: doc.errors[0].code });
  const found = findTask(doc.contents, request.task.id);
  if (found === 'not-a-mapping') return refuse('unsupported-layout', { detail: 'task' });
  if (!found) return refuse('unknown-task', { task: request.task.id });

  const schedule = request.task.schedule;
  const planned =
    schedule.kind === 'one-off' ? oneOffSplices(text, found.node, request) : recurringSplices(text, found.node, schedule, request);
  if ('code' in planned) return { ok: false, refusal: planned };
  const shared = sharedAnchor(text, doc, planned.touched);
  if (shared) return refuse('shared-anchor', { task: request.task.id, ...shared });

  const edited = applySplices(text, planned.splices);
  // Not yaml's toJS, which looks each alias's anchor up from the start of the document.
  return verify(plainWithAliases(doc, MAX_ALIAS_COUNT) as Record<string, unknown>, found.index, edited, planned.expect);
}

interface Planned {
  splices: Splice[];
  /** The nodes whose value the splices change (a replaced scalar, a mapping given new pairs). */
  touched: Node[];
  /** Applies the intended change to the task's plain value, for the check after the edit. */
  expect: (task: Record<string, unknown>) => void;
}

function findTask(root: unknown, id: string): { node: YAMLMap; index: number } | 'not-a-mapping' | undefined {
  if (!isMap(root)) return undefined;
  const tasks = root.get('tasks', true);
  if (!isSeq(tasks)) return undefined;
  for (let index = 0; index < tasks.items.length; index++) {
    const item = tasks.items[index];
    if (!isMap(item)) {
      // An alias or other form we cannot edit in place; only matters if it is the task asked for.
      if (item && typeof item === 'object' && 'source' in item) return 'not-a-mapping';
      continue;
    }
    const idNode = item.get('id', true);
    if (isScalar(idNode) && String(idNode.value).normalize('NFC') === id) return { node: item, index };
  }
  return undefined;
}

function pairOf(map: YAMLMap, key: string): Pair<ParsedNode, ParsedNode | null> | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair<ParsedNode, ParsedNode | null> | undefined;
}

/** The offset just after the visible value of a pair (its key, when it has no value). */
function pairEnd(text: string, pair: Pair<ParsedNode, ParsedNode | null>): number {
  const node = pair.value ?? pair.key;
  return keptBlockEnd(text, node) ?? contentEnd(text, node.range[0], node.range[1]);
}

/** `|+`, `>+`, `|2+`, `>+1`: a block scalar header with keep chomping. */
const KEEP_HEADER = /^[|>](?:[1-9]?\+|\+[1-9])/;

/**
 * The blank lines after a keep-chomping block scalar (`note: |+`) are part of
 * its value: lines inserted after `node` go after them, or the value would
 * lose them. The offset of that scalar's last line break, when `node` ends
 * with one.
 */
function keptBlockEnd(text: string, node: ParsedNode): number | undefined {
  const last = lastLeaf(node);
  if (!isScalar(last) || (last.type !== 'BLOCK_LITERAL' && last.type !== 'BLOCK_FOLDED')) return undefined;
  const [start, end] = last.range;
  if (!KEEP_HEADER.test(text.slice(start, end))) return undefined;
  return text[end - 1] === '\n' ? end - 1 : undefined;
}

/** The node written last within a block collection (itself for anything else). */
function lastLeaf(node: ParsedNode): ParsedNode {
  let current: ParsedNode = node;
  while ((isMap(current) || isSeq(current)) && !current.flow && current.items.length > 0) {
    const item: unknown = current.items[current.items.length - 1];
    const next = isPair(item) ? (item.value ?? item.key) : item;
    if (!isNode(next)) break;
    current = next as ParsedNode;
  }
  return current;
}

/** Replaces a scalar's text (quotes or block header included), keeping what follows it on the line. */
function replaceValue(text: string, node: ParsedNode, value: string): Splice {
  return { start: node.range[0], end: contentEnd(text, node.range[0], node.range[1]), text: value };
}

/** Replaces a scalar with the string `value`, written in the old value's quoting when it fits. */
function replaceString(text: string, node: ParsedNode, value: string, context: 'block' | 'flow'): Splice {
  return replaceValue(text, node, isScalar(node) ? yamlStringLike(node, value, context) : yamlString(value, context));
}

/** Where new keys of a block mapping start: the column of its first key. */
function keyIndent(text: string, map: YAMLMap): string {
  const keys = map.items.map((item) => item.key as ParsedNode | undefined).filter((key) => key !== undefined && key !== null);
  const prefix = (key: ParsedNode) => text.slice(key.range[0] - columnOf(text, key.range[0]), key.range[0]);
  // An implicit key, first on its line (after any `- `), stands at the mapping's column; an explicit one's (`? &a id`, or `?` then
  // the key on the next line, further in) does not: the leftmost of the keys first on their line is an implicit one, if any is.
  const columns = keys.filter((key) => /^[ \t]*(?:-[ \t]+)*$/.test(prefix(key))).map((key) => columnOf(text, key.range[0]));
  if (columns.length > 0) return ' '.repeat(minOf(columns, 0));
  const first = keys[0];
  if (!first) return '';
  // Only explicit keys, `? id`: the mapping's column is the indicator's.
  const explicit = /\?[ \t]+$/.exec(prefix(first));
  return ' '.repeat(explicit ? explicit.index : columnOf(text, first.range[0]));
}

/** New `key: value` pairs into a mapping after `anchor`: one line each in a block, `, k: v` in a flow. */
function addPairs(text: string, map: YAMLMap, anchor: number, pairs: ReadonlyArray<readonly [string, string]>): Splice | undefined {
  if (pairs.length === 0) return undefined;
  if (map.flow) return { start: anchor, end: anchor, text: pairs.map(([k, v]) => `, ${k}: ${v}`).join('') };
  const indent = keyIndent(text, map);
  return insertLinesAfter(text, anchor, pairs.map(([k, v]) => `${indent}${k}: ${v}`));
}

/** `{ a: 1, b: 2 }` for new results. */
function flowResults(results: ReadonlyArray<readonly [string, number]>): string {
  return `{ ${results.map(([k, v]) => `${yamlString(k, 'flow')}: ${yamlNumber(v)}`).join(', ')} }`;
}

function oneOffSplices(text: string, task: YAMLMap, request: DoneRequest): Planned | DoneRefusal {
  const iso = formatISO(request.date);
  if (request.period) return { code: 'period-for-one-off', args: { task: request.task.id, period: request.period.key } };
  const status = pairOf(task, 'status');
  const statusValue = status?.value && isScalar(status.value) ? String(status.value.value) : undefined;
  const done = pairOf(task, 'done');
  const force = request.force === true;
  if (statusValue === 'done' && !force) {
    const doneText = done?.value && isScalar(done.value) ? String(done.value.value) : '';
    return { code: 'already-done', args: { task: request.task.id, date: doneText } };
  }
  if (statusValue === 'cancelled' && !force) return { code: 'task-cancelled', args: { task: request.task.id } };

  const flow = task.flow === true;
  const ctx = flow ? 'flow' : 'block';
  const splices: Splice[] = [];
  const touched: Node[] = [];
  const added: Array<[string, string]> = [];

  for (const [field, pair] of [['status', status], ['done', done]] as const) {
    const aliased = aliasRefusal(text, request.task.id, field, pair?.value);
    if (aliased) return aliased;
  }
  if ((status && !isScalar(status.value)) || (done && !isScalar(done.value))) return { code: 'unsupported-layout', args: { detail: 'status' } };
  if (status?.value) {
    if (statusValue !== 'done') {
      splices.push(replaceString(text, status.value, 'done', ctx));
      touched.push(status.value);
    }
  } else added.push(['status', 'done']);
  if (done?.value) {
    splices.push(replaceString(text, done.value, iso, ctx));
    touched.push(done.value);
  } else added.push(['done', iso]);

  const results = request.results ?? [];
  for (const change of [resultsChange(text, task, request.task.id, results, force), textFieldsChange(text, task, request, ctx)]) {
    if ('code' in change) return change;
    pushAll(splices, change.splices);
    pushAll(touched, change.touched);
    pushAll(added, change.added);
  }

  // New keys go after status (or due, where status would be), else at the end of the task.
  const anchorPair = status ?? pairOf(task, 'due') ?? (task.items[task.items.length - 1] as Pair<ParsedNode, ParsedNode | null>);
  const insert = addPairs(text, task, pairEnd(text, anchorPair), added);
  if (insert) {
    splices.push(insert);
    touched.push(task);
  }

  return {
    splices,
    touched,
    expect: (t) => {
      t.status = 'done';
      t.done = iso;
      if (results.length > 0) t.results = { ...((t.results as object | undefined) ?? {}), ...Object.fromEntries(results) };
      if (request.evidence !== undefined) t.evidence = request.evidence;
      if (request.note !== undefined) t.note = request.note;
    },
  };
}

/** What a one-off task's edit changes in place (and which nodes that touches), and the pairs it adds. */
type FieldsChange = { splices: Splice[]; touched: Node[]; added: Array<[string, string]> };

/** New results for a one-off task: into its `results` mapping, or as a new `results` pair. */
function resultsChange(text: string, task: YAMLMap, taskId: string, results: ReadonlyArray<readonly [string, number]>, force: boolean): FieldsChange | DoneRefusal {
  if (results.length === 0) return { splices: [], touched: [], added: [] };
  const existing = pairOf(task, 'results');
  if (!existing) return { splices: [], touched: [], added: [['results', flowResults(results)]] };
  const aliased = aliasRefusal(text, taskId, 'results', existing.value);
  if (aliased) return aliased;
  if (!existing.value || !isMap(existing.value)) return { code: 'unsupported-layout', args: { detail: 'results' } };
  const map = existing.value;
  const splices: Splice[] = [];
  const touched: Node[] = [];
  const fresh: Array<[string, string]> = [];
  for (const [metric, value] of results) {
    const pair = pairOf(map, metric);
    if (pair?.value) {
      if (!force) return { code: 'field-exists', args: { field: `results.${metric}`, value: String(nodeText(text, pair.value)) } };
      splices.push(replaceValue(text, pair.value, yamlNumber(value)));
      touched.push(pair.value);
    } else fresh.push([yamlString(metric, map.flow ? 'flow' : 'block'), yamlNumber(value)]);
  }
  const splice = addToMap(text, map, fresh);
  if (splice) {
    splices.push(splice);
    touched.push(map);
  }
  return { splices, touched, added: [] };
}

/** A one-off task's `evidence` and `note`: replaced (with force) or added. */
function textFieldsChange(text: string, task: YAMLMap, request: DoneRequest, ctx: 'flow' | 'block'): FieldsChange | DoneRefusal {
  const change: FieldsChange = { splices: [], touched: [], added: [] };
  for (const [field, value] of [
    ['evidence', request.evidence],
    ['note', request.note],
  ] as const) {
    if (value === undefined) continue;
    const existing = pairOf(task, field);
    if (existing?.value) {
      if (!request.force) return { code: 'field-exists', args: { field, value: nodeText(text, existing.value) } };
      change.splices.push(replaceString(text, existing.value, value, ctx));
      change.touched.push(existing.value);
    } else change.added.push([field, yamlString(value, ctx)]);
  }
  return change;
}

/** Adds pairs to an existing mapping (results): after its last pair, or into an empty `{}`. */
function addToMap(text: string, map: YAMLMap, pairs: ReadonlyArray<readonly [string, string]>): Splice | undefined {
  if (pairs.length === 0) return undefined;
  const last = map.items[map.items.length - 1] as Pair<ParsedNode, ParsedNode | null> | undefined;
  if (last) return addPairs(text, map, pairEnd(text, last), pairs);
  // Only a flow mapping can be empty here (`{}`): a block one has at least one pair.
  return intoEmptyFlowMap(text, map as unknown as ParsedNode, pairs.map(([k, v]) => `${k}: ${v}`).join(', '));
}

/**
 * Pairs written into an empty flow mapping: `{}` on one line becomes
 * `{ pairs }`; one whose braces are on two lines, or hold a comment, gets
 * them after its `{`, so that no line or comment goes.
 */
function intoEmptyFlowMap(text: string, node: ParsedNode, pairsText: string): Splice {
  const start = node.range[0];
  const end = contentEnd(text, start, node.range[1]);
  const inside = text.slice(start + 1, end - 1);
  if (/^[ \t]*$/.test(inside)) return { start, end, text: `{ ${pairsText} }` };
  return { start: start + 1, end: start + 1, text: ` ${pairsText}` };
}

function nodeText(text: string, node: ParsedNode): string {
  return text.slice(node.range[0], contentEnd(text, node.range[0], node.range[1]));
}

function recurringSplices(text: string, task: YAMLMap, schedule: RecurringSchedule, request: DoneRequest): Planned | DoneRefusal {
  const id = request.task.id;
  const period = request.period;
  if (!period) {
    const open = openOccurrences(schedule, request.asOf ?? request.date);
    return { code: 'period-required', args: { task: id, every: schedule.every, open: open.shown.join(', '), more: open.more, last: open.last } };
  }
  if (period.kind !== schedule.every) return { code: 'period-granularity', args: { task: id, period: period.key, every: schedule.every } };
  if (!overlaps(period, { start: schedule.from, end: schedule.until })) {
    return { code: 'period-outside', args: { task: id, period: period.key, from: formatISO(schedule.from), until: formatISO(schedule.until) } };
  }

  const iso = formatISO(request.date);
  const results = request.results ?? [];
  const mapping = results.length > 0 || request.note !== undefined || request.evidence !== undefined;
  const value = mapping ? flowLogEntry(iso, request) : iso;
  const plain: unknown = mapping
    ? {
        done: iso,
        ...(results.length > 0 ? { results: Object.fromEntries(results) } : {}),
        ...(request.evidence !== undefined ? { evidence: request.evidence } : {}),
        ...(request.note !== undefined ? { note: request.note } : {}),
      }
    : iso;
  const expect = (t: Record<string, unknown>) => {
    t.log = { ...((t.log as object | undefined) ?? {}), [period.key]: plain };
  };

  const change = logSplices(text, task, schedule, period, value, request);
  return 'code' in change ? change : { ...change, expect };
}

type LoggedPair = Pair<ParsedNode, ParsedNode | null>;

/** The splices that write `value` as the log entry of `period`: a new log, a new entry, or (with force) over the old one. */
function logSplices(
  text: string,
  task: YAMLMap,
  schedule: RecurringSchedule,
  period: Period,
  value: string,
  request: DoneRequest,
): Omit<Planned, 'expect'> | DoneRefusal {
  const log = pairOf(task, 'log');
  const entryText = `${period.key}: ${value}`;
  if (!log) {
    const last = task.items[task.items.length - 1] as LoggedPair;
    const anchor = pairEnd(text, last);
    if (task.flow) return { splices: [{ start: anchor, end: anchor, text: `, log: { ${entryText} }` }], touched: [task] };
    const indent = keyIndent(text, task);
    return { splices: [insertLinesAfter(text, anchor, [`${indent}log:`, `${indent}  ${entryText}`])], touched: [task] };
  }
  const aliased = aliasRefusal(text, request.task.id, 'log', log.value);
  if (aliased) return aliased;
  if (!log.value || !isMap(log.value)) return { code: 'unsupported-layout', args: { detail: 'log' } };
  const logMap = log.value;
  const entries = logMap.items.map((p) => ({
    pair: p as LoggedPair,
    period: isScalar(p.key) ? parseOccurrenceKey(schedule.every, p.key.value as string | number) : undefined,
  }));

  const same = entries.find((e) => e.period?.key === period.key);
  if (same) {
    if (!request.force) return { code: 'already-logged', args: { task: request.task.id, period: period.key, value: same.pair.value ? nodeText(text, same.pair.value) : '' } };
    // A date over a date keeps its quotes; a mapping replaces whatever was there.
    const old = same.pair.value;
    const kept = isScalar(old) && value === formatISO(request.date) ? yamlStringLike(old, value, logMap.flow ? 'flow' : 'block') : value;
    return { splices: [replaceEntryValue(text, same.pair, kept)], touched: old ? [old] : [logMap] };
  }
  // Chronological place: right after the latest entry that starts before this occurrence.
  let before: (typeof entries)[number] | undefined;
  for (const e of entries) if (e.period && e.period.start < period.start && (!before || e.period.start > before.period!.start)) before = e;
  if (logMap.flow) return { splices: [insertFlowEntry(text, logMap, before?.pair, entries[0]?.pair, entryText)], touched: [logMap] };
  const indent = keyIndent(text, logMap);
  const anchor = before ? pairEnd(text, before.pair) : log.key.range[1];
  return { splices: [insertLinesAfter(text, anchor, [`${indent}${entryText}`])], touched: [logMap] };
}

/** The old value of a log entry replaced by `value`, keeping its key and any comment after the colon. */
function replaceEntryValue(text: string, pair: LoggedPair, value: string): Splice {
  const key = pair.key;
  const old = pair.value;
  if (!old) return { start: key.range[1], end: contentEnd(text, key.range[1], key.range[2]), text: `: ${value}` };
  const gap = text.slice(key.range[1], old.range[0]);
  // A block mapping starts on the next line; the new value goes after the colon, unless a comment sits there.
  if (gap.includes('\n') && !gap.includes('#')) return { start: key.range[1], end: contentEnd(text, old.range[0], old.range[1]), text: `: ${value}` };
  // A tag or anchor before a date (`!!str 2022-04-01`) would be put on the mapping that replaces it, which it does not fit.
  const props = value.startsWith('{') && !gap.includes('#') ? gap.search(/[!&]/) : -1;
  const start = props >= 0 ? key.range[1] + props : old.range[0];
  return { start, end: contentEnd(text, old.range[0], old.range[1]), text: value };
}

/** A new entry in a flow log (`{ 2022-Q1: …, 2022-Q2: … }`): after `before`, else first, else into an empty `{}`. */
function insertFlowEntry(text: string, logMap: YAMLMap, before: LoggedPair | undefined, first: LoggedPair | undefined, entryText: string): Splice {
  if (before) {
    const at = pairEnd(text, before);
    return { start: at, end: at, text: `, ${entryText}` };
  }
  if (first) return { start: first.key.range[0], end: first.key.range[0], text: `${entryText}, ` };
  return intoEmptyFlowMap(text, logMap as unknown as ParsedNode, entryText);
}

/** `{ done: …, results: { … }, evidence: …, note: … }`, the form the examples use. */
function flowLogEntry(iso: string, request: DoneRequest): string {
  const parts = [`done: ${iso}`];
  if (request.results && request.results.length > 0) parts.push(`results: ${flowResults(request.results)}`);
  if (request.evidence !== undefined) parts.push(`evidence: ${yamlString(request.evidence, 'flow')}`);
  if (request.note !== undefined) parts.push(`note: ${yamlString(request.note, 'flow')}`);
  return `{ ${parts.join(', ')} }`;
}

/** A hint longer than this is cut to its first HINT_SHOWN_WHEN_CUT entries and a count of the rest. */
const HINT_MAX = 8;
const HINT_SHOWN_WHEN_CUT = 6;

/** The occurrences a missing --period most likely meant, as the refusal names them. */
export interface OpenOccurrences {
  /** Occurrence keys, oldest first. */
  shown: string[];
  /** How many more were left out (0 when none). */
  more: number;
  /** The latest of all, named when some were left out so the clerk sees how far the list goes. */
  last: string;
}

/**
 * The occurrences not yet logged that began by `asOf`, oldest (most overdue)
 * first, then the next one to begin: what a clerk who left out --period most
 * likely meant. A long list is cut, and says how many it left out.
 */
export function openOccurrences(schedule: RecurringSchedule, asOf: Day): OpenOccurrences {
  const keys = openKeys(schedule, asOf);
  if (keys.length <= HINT_MAX) return { shown: keys, more: 0, last: keys[keys.length - 1] ?? '' };
  return { shown: keys.slice(0, HINT_SHOWN_WHEN_CUT), more: keys.length - HINT_SHOWN_WHEN_CUT, last: keys[keys.length - 1] };
}

function openKeys(schedule: RecurringSchedule, asOf: Day): string[] {
  if (schedule.until < schedule.from) return [];
  const logged = new Set(schedule.log.map((e) => e.key));
  const begun = periodsOverlapping(schedule.every, schedule.from, Math.min(schedule.until, asOf));
  const keys = begun.filter((p) => !logged.has(p.key)).map((p) => p.key);
  // The next one to begin, skipping any logged ahead of time.
  let next = begun.length > 0 ? nextPeriod(begun[begun.length - 1]) : periodContaining(schedule.every, schedule.from);
  while (next.start <= schedule.until && logged.has(next.key)) next = nextPeriod(next);
  if (next.start <= schedule.until) keys.push(next.key);
  return keys;
}

/**
 * An edit is refused, with the reason, when a node it changes (or one that
 * holds it: the task, its results or log) carries an anchor that an alias
 * elsewhere names: the change would show up there too. The anchor's name and
 * its line and column (1-based).
 */
function sharedAnchor(text: string, doc: Document, touched: readonly Node[]): { anchor: string; line: number; column: number } | undefined {
  const aliased = new Set<string>();
  visit(doc, { Alias: (_key, alias) => void aliased.add(alias.source) });
  if (aliased.size === 0 || touched.length === 0) return undefined;
  const targets = new Set(touched);
  let found: { anchor: string; line: number; column: number } | undefined;
  visit(doc, {
    Node: (_key, node, path) => {
      if (!targets.has(node)) return undefined;
      for (const holder of [...path, node]) {
        if (!isNode(holder) || !holder.anchor || !aliased.has(holder.anchor)) continue;
        // The anchor is written just before the node it names.
        const at = text.lastIndexOf(`&${holder.anchor}`, (holder as ParsedNode).range[0]);
        found = { anchor: holder.anchor, ...lineAndColumn(text, at) };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** A value the edit would change that is an alias (`status: *s`): refused, naming the alias, rather than replaced. */
function aliasRefusal(text: string, task: string, field: string, node: ParsedNode | null | undefined): DoneRefusal | undefined {
  if (!isAlias(node)) return undefined;
  return { code: 'alias-value', args: { task, field, anchor: node.source, ...lineAndColumn(text, node.range[0]) } };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(offset, 0));
  return { line: before.split('\n').length, column: columnOf(text, Math.max(offset, 0)) + 1 };
}

/** The edit must read back as the old values plus exactly the intended change. */
function verify(before: Record<string, unknown>, index: number, edited: string, expect: (t: Record<string, unknown>) => void): DoneOutcome {
  const after = parseOneDocument(edited, YAML_PARSE_OPTIONS);
  if (after.errors.length > 0) return refuse('unsafe-edit', { detail: after.errors[0].code });
  const expected = cloneTree(before) as Record<string, unknown>;
  expect((expected.tasks as Record<string, unknown>[])[index]);
  if (!isDeepStrictEqual(plainWithAliases(after, MAX_ALIAS_COUNT), expected)) return refuse('unsafe-edit', { detail: 'values' });
  return { ok: true, text: edited };
}

/** A deep copy that does not keep shared references: an alias edited through one task must show up as a difference. */
function cloneTree(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneTree);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneTree(v)]));
  return value;
}
