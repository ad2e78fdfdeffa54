/**
 * The plan diff as text (one line per change), markdown (a pull request
 * comment or job summary: a heading per plan, moved deadlines first) or
 * JSON (cli.md's shape). Also the refusal when a side does not validate.
 */
import { pushAll } from '../arrays.js';
import { diffWord, statusLabel } from '../i18n/diff.js';
import { diagnosticMessage } from '../i18n/diagnostics.js';
import type { Lang } from '../i18n/lang.js';
import { formatVi, parseDate } from '../model/dates.js';
import { type Change, type DiffReport, type Json, occurrenceOf, taskOf } from '../reports/diff.js';
import type { RecordChange } from '../reports/diff-records.js';
import { countBySeverity, type Diagnostic } from '../validate/diagnostic.js';
import { diagnosticJson, diagnosticLine } from './diagnostics.js';
import { codeSpan, escapeMarkdown } from './markdown.js';
import type { Paint } from './paint.js';
import { visible } from './visible.js';
import { cliMessage, diffCommand as diffCommandOf, validateCommand } from '../i18n/cli.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;

/** The label of the work tree side in JSON, and the value `to` takes for it. */
export const WORKTREE = 'worktree';

export function renderDiffJson(report: DiffReport): string {
  return JSON.stringify({ from: report.from, to: report.to, changes: report.changes }, null, 2) + '\n';
}

/** A date as the user reads it: DD/MM/YYYY in Vietnamese, ISO in English. */
function showDate(iso: string, lang: Lang): string {
  const r = parseDate(iso);
  return lang === 'vi' && r.ok && /^\d{4}-/.test(iso) ? formatVi(r.day) : iso;
}

/**
 * Text from the records between quotes, as JSON writes a string: a quote or
 * backslash inside is escaped, so a title holding `" → "` cannot pass for
 * the end of one value and the start of another. (The renderers then write
 * out what JSON leaves, such as U+202E.)
 */
const quoted = (s: string) => JSON.stringify(s);

/** A list's item bare when it cannot be misread (an id, a name), else quoted: `[A, B]` and `["A, B"]` differ. */
const BARE_ITEM = /^[^\s,[\]"\\](?:[^,[\]"\\]*[^\s,[\]"\\])?$/;

function showValue(value: Json, lang: Lang): string {
  if (value === null) return diffWord(lang, 'none');
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? showDate(value, lang) : quoted(value);
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'string' && BARE_ITEM.test(v) ? v : JSON.stringify(v))).join(', ')}]`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function sideLabel(rev: string, lang: Lang): string {
  return rev === WORKTREE ? diffWord(lang, 'worktree') : rev;
}

/** The words of one change, without the plan/task it is about. */
function describe(c: Change, report: DiffReport, lang: Lang, quote: (s: string) => string, value: (v: Json) => string): string {
  switch (c.change) {
    case 'plan-added':
    case 'plan-removed':
      return `${diffWord(lang, c.change)} ${quote(report.titles.plans[c.plan] ?? c.plan)}`;
    case 'task-added':
    case 'task-removed':
      return `${diffWord(lang, c.change)} ${quote(report.titles.tasks[c.plan]?.[c.task] ?? c.task)}`;
    case 'due-moved':
      return `${dueWords(c.days, lang)}: ${showDate(c.from, lang)} → ${showDate(c.to, lang)}`;
    case 'status-changed':
      return `${diffWord(lang, 'status-changed')}: ${statusLabel(lang, c.from)} → ${statusLabel(lang, c.to)}`;
    case 'done-recorded':
      return diffWord(lang, 'done-recorded', { date: showDate(c.date, lang) });
    case 'lead-changed':
      return `${diffWord(lang, 'lead-changed')}: ${partyNamed(report, c.from, quote)} → ${partyNamed(report, c.to, quote)}`;
    case 'field-changed':
      // A path can hold a title or a number from the records (`basis[Văn bản A].title`): written out like them.
      return `${diffWord(lang, 'field-changed')} ${visible(c.path)}: ${value(c.from)} → ${value(c.to)}`;
  }
}

/** A party as people know it, its id after it for the YAML: `"Ban Dân vận Tỉnh ủy" (bdv-tu)`; the id alone when it names no party. */
function partyNamed(report: DiffReport, id: string, quote: (s: string) => string): string {
  const name = report.titles.parties[id];
  return name === undefined ? visible(id) : `${quote(name)} (${visible(id)})`;
}

function markdownParty(report: DiffReport, id: string): string {
  const name = report.titles.parties[id];
  return name === undefined ? codeSpan(id) : `${escapeMarkdown(name)} (${codeSpan(id)})`;
}

function dueWords(days: number, lang: Lang): string {
  return diffWord(lang, days >= 0 ? 'due-later' : 'due-earlier', { days: Math.abs(days) });
}

function planCount(changes: readonly Change[]): number {
  return new Set(changes.map((c) => c.plan)).size;
}

export function renderDiffText(report: DiffReport, lang: Lang, paint: Paint): string {
  const others = otherLinesText(report.others, lang, paint);
  if (report.changes.length === 0) return [diffWord(lang, 'no-changes'), ...others].join('\n') + '\n';
  const lines = report.changes.map((c) => {
    const task = taskOf(c);
    const occurrence = occurrenceOf(c);
    const subject = `${c.plan}${task ? `/${task}` : ''}${occurrence ? ` (${diffWord(lang, 'occurrence', { key: occurrence })})` : ''}`;
    // Titles and values come from the records: written out, a control character cannot act on the reviewer's terminal or split the line.
    const words = describe(c, report, lang, (s) => visible(quoted(s)), (v) => visible(showValue(v, lang)));
    const colour = c.change.endsWith('-removed') ? paint.red : c.change.endsWith('-added') || c.change === 'done-recorded' ? paint.green : c.change === 'due-moved' ? paint.yellow : (s: string) => s;
    return `${paint.bold(subject)}: ${colour(words)}`;
  });
  const count = { count: report.changes.length, plans: planCount(report.changes), from: sideLabel(report.from, lang), to: sideLabel(report.to, lang) };
  lines.push(paint.dim(diffWord(lang, 'count-line', count)));
  // A new folder adds every party: more lines than a call takes as arguments.
  pushAll(lines, others);
  return lines.join('\n') + '\n';
}

/** Changes to parties and the config, under their heading (`cấu hình: sửa soon: 14 → 7`); none, no lines. */
function otherLinesText(others: readonly RecordChange[], lang: Lang, paint: Paint): string[] {
  if (others.length === 0) return [];
  return [
    diffWord(lang, 'others-heading'),
    ...others.map((c) => {
      const subject = c.about === 'config' ? diffWord(lang, 'config') : diffWord(lang, 'party', { id: c.id });
      // Names and values come from the records: written out, as the plans' are.
      if (c.about === 'party' && c.change !== 'changed') {
        const colour = c.change === 'removed' ? paint.red : paint.green;
        return `${paint.bold(visible(subject))}: ${colour(`${diffWord(lang, c.change)} ${visible(quoted(c.name))}`)}`;
      }
      return `${paint.bold(visible(subject))}: ${diffWord(lang, 'field-changed')} ${visible(c.path)}: ${visible(showValue(c.from, lang))} → ${visible(showValue(c.to, lang))}`;
    }),
  ];
}

/** Changes outside the plans listed in Markdown, at most this many and MARKDOWN_OTHERS_BUDGET characters; the rest counted (a new folder adds every party). */
export const MARKDOWN_OTHERS = 50;
export const MARKDOWN_OTHERS_BUDGET = 15_000;

function otherSectionMarkdown(report: DiffReport, lang: Lang, dir?: string): string[] {
  const others = report.others;
  if (others.length === 0) return [];
  const items: string[] = [];
  let size = 0;
  for (const c of others.slice(0, MARKDOWN_OTHERS)) {
    const subject = c.about === 'config' ? capitalise(diffWord(lang, 'config')) : capitalise(diffWord(lang, 'party', { id: codeSpan(c.id) }));
    const item =
      c.about === 'party' && c.change !== 'changed'
        ? `- ${subject}: **${diffWord(lang, c.change)}** ${escapeMarkdown(c.name)}`
        : `- ${subject}: **${diffWord(lang, 'field-changed')}** ${codeSpan(c.path)}: ${codeSpan(showValue(c.from, lang))} → ${codeSpan(showValue(c.to, lang))}`;
    if (size + item.length + 1 > MARKDOWN_OTHERS_BUDGET) break;
    items.push(item);
    size += item.length + 1;
  }
  const more = others.length - items.length;
  if (more > 0) items.push(`- ${diffWord(lang, 'md-more-others', { count: more, check: codeSpan(diffCommand(report, dir)) })}`);
  return [`### ${diffWord(lang, 'md-others-heading')}`, '', ...items, ''];
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

function markdownItem(c: Change, report: DiffReport, lang: Lang): string {
  const task = taskOf(c);
  const occurrence = occurrenceOf(c);
  const title = task ? report.titles.tasks[c.plan]?.[task] : undefined;
  const about = task ? `${codeSpan(task)}${title ? ` ${escapeMarkdown(title)}` : ''}${occurrence ? ` (${diffWord(lang, 'occurrence', { key: occurrence })})` : ''}` : '';
  const value = (v: Json) => codeSpan(showValue(v, lang));
  switch (c.change) {
    case 'plan-added':
    case 'plan-removed':
      return `- **${capitalise(diffWord(lang, c.change))}**`;
    case 'task-added':
    case 'task-removed':
      return `- **${capitalise(diffWord(lang, c.change))}**: ${about}`;
    case 'due-moved':
      return `- **${capitalise(dueWords(c.days, lang))}**: ${about} — ${showDate(c.from, lang)} → ${showDate(c.to, lang)}`;
    case 'status-changed':
      return `- **${capitalise(diffWord(lang, 'status-changed'))}**: ${about} — ${statusLabel(lang, c.from)} → ${statusLabel(lang, c.to)}`;
    case 'done-recorded':
      return `- **${capitalise(diffWord(lang, 'done-recorded', { date: showDate(c.date, lang) }))}**: ${about}`;
    case 'lead-changed':
      return `- **${capitalise(diffWord(lang, 'lead-changed'))}**: ${about} — ${markdownParty(report, c.from)} → ${markdownParty(report, c.to)}`;
    case 'field-changed':
      return `- **${capitalise(diffWord(lang, 'field-changed'))}** ${codeSpan(c.path)}: ${value(c.from)} → ${value(c.to)}`;
  }
}

/**
 * The most characters of a Markdown diff. A pull request comment holds at
 * most 65,536 (GitHub refuses a longer `gh pr comment --body-file`); this
 * leaves room for what a CI job writes around it. (Counted in UTF-16 units,
 * never fewer than the characters; at 4 UTF-8 bytes a character at most, it
 * also stays under the 262,144 bytes GitHub is measured to accept.)
 */
export const MARKDOWN_BUDGET = 60_000;

/** Heading, counts (always the whole diff's), then a section per plan; the changes beyond MARKDOWN_BUDGET are counted at the end. */
export function renderDiffMarkdown(report: DiffReport, lang: Lang, dir?: string): string {
  const budget = MARKDOWN_BUDGET;
  const out = [`## ${diffWord(lang, 'md-heading')}`, ''];
  const from = revisionShown(report.from, report.commits?.from);
  const to = report.to === WORKTREE ? diffWord(lang, 'worktree') : revisionShown(report.to, report.commits?.to);
  const others = otherSectionMarkdown(report, lang, dir);
  if (report.changes.length === 0) {
    out.push(diffWord(lang, 'md-no-changes', { from, to }), '', ...others);
    return out.join('\n');
  }
  out.push(diffWord(lang, 'md-compared', { from, to, count: report.changes.length, plans: planCount(report.changes) }), '');
  const sections = planSections(report, lang);
  const whole = [...out, ...sections.flatMap((s) => [s.heading, '', ...s.items, '']), ...others].join('\n');
  if (whole.length <= budget) return whole;

  // Whole lines in order while they fit, with room kept for the closing line (its count can only be smaller than this) and the changes outside the plans after it.
  const moreLine = (count: number) => diffWord(lang, 'md-more-changes', { count, check: codeSpan(diffCommand(report, dir)) });
  const room = budget - (moreLine(report.changes.length).length + 2) - (others.length > 0 ? others.join('\n').length + 1 : 0);
  const cost = (lines: string[]) => lines.reduce((n, line) => n + 1 + line.length, 0);
  let size = out.join('\n').length;
  let shown = 0;
  // Each check keeps 1 for the blank line that closes a section.
  plans: for (const section of sections) {
    // A plan's heading only with its first change under it.
    const opening = [section.heading, '', section.items[0]];
    if (size + cost(opening) + 1 > room) break;
    pushAll(out, opening);
    size += cost(opening);
    shown++;
    for (const item of section.items.slice(1)) {
      if (size + cost([item]) + 1 > room) {
        out.push('');
        break plans;
      }
      out.push(item);
      size += cost([item]);
      shown++;
    }
    out.push('');
    size += 1;
  }
  out.push(moreLine(report.changes.length - shown), '', ...others);
  return out.join('\n');
}

/**
 * A revision as written, with the commit it named then (`origin/main` (`1a2b3c4d5e`)): a pull
 * request comment is read after the branch has moved. A revision written as that commit's id stays as it is.
 */
function revisionShown(rev: string, commit: string | undefined): string {
  if (commit === undefined || (/^[0-9a-f]{4,64}$/i.test(rev) && commit.startsWith(rev.toLowerCase()))) return codeSpan(rev);
  return `${codeSpan(rev)} (${codeSpan(commit.slice(0, 10))})`;
}

/** Each plan's heading and its changes as list items, moved deadlines first: they are what a reviewer must not miss. */
function planSections(report: DiffReport, lang: Lang): Array<{ heading: string; items: string[] }> {
  const byPlan = new Map<string, Change[]>();
  for (const c of report.changes) {
    // Appended in place: copying the plan's list for each change took 45 s for 80,000 changes.
    const changes = byPlan.get(c.plan);
    if (changes) changes.push(c);
    else byPlan.set(c.plan, [c]);
  }
  return [...byPlan].map(([plan, changes]) => {
    const title = report.titles.plans[plan];
    const ordered = [...changes.filter((c) => c.change === 'due-moved'), ...changes.filter((c) => c.change !== 'due-moved')];
    return { heading: `### ${plan}${title ? ` — ${escapeMarkdown(title)}` : ''}`, items: ordered.map((c) => markdownItem(c, report, lang)) };
  });
}

/** The command that lists every change of the report, in text: the same revisions, the same -C (`dir`, as given). */
function diffCommand(report: DiffReport, dir?: string): string {
  return diffCommandOf(report.from, report.to === WORKTREE ? undefined : report.to, dir);
}

/** One side that did not validate: which revision, and its diagnostics. */
export interface InvalidSide {
  side: 'from' | 'to';
  rev: string;
  /** The records folder as -C gave it, for the command that lists the errors. */
  dir?: string;
  /** The record files of that side, for the closing count line. */
  files: number;
  diagnostics: Diagnostic[];
}

/** The command that lists the first invalid side's errors on its own. */
function checkOf(sides: InvalidSide[]): string {
  const rev = sides[0]?.rev;
  return validateCommand(rev === WORKTREE ? undefined : rev, sides[0]?.dir);
}

export function renderInvalidText(sides: InvalidSide[], lang: Lang, paint: Paint): string {
  const lines: string[] = [];
  for (const s of sides) {
    const { errors } = countBySeverity(s.diagnostics);
    lines.push(paint.red(diffWord(lang, 'invalid-side', { side: sideLabel(s.rev, lang), errors })));
    pushAll(lines, s.diagnostics.map((d) => diagnosticLine(d, lang, paint)));
    // Each side's list closes with its counts, as validate's does (cli.md, Text diagnostics).
    const { warnings } = countBySeverity(s.diagnostics);
    lines.push(paint.red(cliMessage(lang, 'validate-summary', { errors, warnings, files: s.files })));
  }
  lines.push(diffWord(lang, 'invalid-hint', { check: checkOf(sides) }));
  return lines.join('\n') + '\n';
}

/**
 * Diagnostics listed a side in Markdown, the rest counted: a pull request
 * comment holds at most 65,536 characters, and a folder broken at its root
 * (a bad parties file) can have hundreds.
 */
export const MARKDOWN_DIAGNOSTICS = 50;

export function renderInvalidMarkdown(sides: InvalidSide[], lang: Lang): string {
  const out = [`## ${diffWord(lang, 'md-heading')}`, ''];
  for (const s of sides) {
    const { errors } = countBySeverity(s.diagnostics);
    const side = s.rev === WORKTREE ? diffWord(lang, 'worktree') : codeSpan(s.rev);
    out.push(`**${diffWord(lang, 'invalid-side', { side, errors })}**`, '');
    for (const d of s.diagnostics.slice(0, MARKDOWN_DIAGNOSTICS)) {
      out.push(`- ${codeSpan(`${d.file}:${d.line}:${d.column}`)} ${d.severity} [${d.rule}] ${escapeMarkdown(diagnosticMessage(d, lang))}`);
    }
    const more = s.diagnostics.length - MARKDOWN_DIAGNOSTICS;
    if (more > 0) out.push(`- ${diffWord(lang, 'md-more-diagnostics', { count: more, check: codeSpan(checkOf([s])) })}`);
    out.push('');
  }
  out.push(diffWord(lang, 'invalid-hint', { check: codeSpan(checkOf(sides)) }), '');
  return out.join('\n');
}

export function renderInvalidJson(from: string, to: string, sides: InvalidSide[], lang: Lang): string {
  const invalid = sides.map((s) => {
    const { errors, warnings } = countBySeverity(s.diagnostics);
    return {
      side: s.side,
      rev: s.rev,
      errors,
      warnings,
      diagnostics: s.diagnostics.map((d) => diagnosticJson(d, lang)),
    };
  });
  return JSON.stringify({ from, to, changes: null, invalid }, null, 2) + '\n';
}
