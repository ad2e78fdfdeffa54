/** Pieces shared by the report views: names of parties, item cells and columns. */
import type { Lang } from '../../i18n/lang.js';
import { daysLeftText, itemStateName, lines, periodName, taskTypeName, word } from '../../i18n/reports.js';
import type { Model } from '../../model/records.js';
import type { ItemStatus } from '../../reports/status.js';
import { type Block, type Cell, type Column, num, text, type Tone } from '../document.js';

/** What every view needs besides the report's data. */
export interface ViewContext {
  lang: Lang;
  model: Model;
  /** The git revision the records were read at, if not the work tree. */
  revision?: string;
}

/**
 * A report's title and the lines under it. The organisation (the config's
 * `title`, "shown in report headers", records.md) goes on top when the
 * config names one, and the report's own title is then its first line.
 */
export function reportHeading(ctx: ViewContext, title: string, lines: string[]): Block[] {
  const organisation = ctx.model.config.title;
  return [
    { kind: 'title', text: organisation ?? title },
    { kind: 'lines', lines: organisation === undefined ? lines : [title, ...lines] },
  ];
}

/** The line naming the revision a report was made from (`--rev`), or none. */
export function revisionLines(ctx: ViewContext): string[] {
  return ctx.revision === undefined ? [] : [lines.revision(ctx.lang, ctx.revision)];
}

/** A party as human formats show it: its short name, else its name, else its id. */
export function partyName(model: Model, id: string): string {
  const party = model.parties.get(id);
  return party?.short ?? party?.name ?? id;
}

export function partyNames(model: Model, ids: readonly string[]): string {
  // Every item of a task shares its list of supporting parties: a long report joins each list once.
  let byList = joinedNames.get(model);
  if (!byList) joinedNames.set(model, (byList = new WeakMap()));
  let names = byList.get(ids);
  if (names === undefined) byList.set(ids, (names = ids.map((id) => partyName(model, id)).join(', ')));
  return names;
}
const joinedNames = new WeakMap<Model, WeakMap<readonly string[], string>>();

export function toneOf(state: ItemStatus['state']): Tone | undefined {
  return state === 'overdue' ? 'overdue' : state === 'due-soon' ? 'due-soon' : undefined;
}

/** `quá hạn`, `hoàn thành trễ hạn`, `thường xuyên`… */
export function stateCell(s: ItemStatus, lang: Lang): Cell {
  return text(itemStateName(lang, s.state, { timeliness: s.timeliness, ongoing: s.item.due === null }), toneOf(s.state));
}

export function occurrenceCell(s: ItemStatus, lang: Lang): Cell {
  return text(s.item.period ? periodName(lang, s.item.period) : '');
}

export function daysLeftCell(s: ItemStatus, lang: Lang): Cell {
  return num(s.daysLeft, s.daysLeft === null ? '' : daysLeftText(lang, s.daysLeft), toneOf(s.state));
}

export function typeCell(s: ItemStatus, lang: Lang): Cell {
  return text(taskTypeName(lang, s.item.type));
}

/** The common columns of an item list. */
export const columns = {
  due: (lang: Lang): Column => ({ header: word(lang, 'due') }),
  daysLeft: (lang: Lang): Column => ({ header: word(lang, 'daysLeft'), align: 'right' }),
  state: (lang: Lang): Column => ({ header: word(lang, 'state'), wrap: 20 }),
  plan: (lang: Lang): Column => ({ header: word(lang, 'plan') }),
  task: (lang: Lang): Column => ({ header: word(lang, 'task') }),
  occurrence: (lang: Lang): Column => ({ header: word(lang, 'occurrence') }),
  title: (lang: Lang): Column => ({ header: word(lang, 'taskTitle'), wrap: 36 }),
  type: (lang: Lang): Column => ({ header: word(lang, 'type') }),
  lead: (lang: Lang): Column => ({ header: word(lang, 'lead'), wrap: 22 }),
  support: (lang: Lang): Column => ({ header: word(lang, 'support'), wrap: 22 }),
  doneOn: (lang: Lang): Column => ({ header: word(lang, 'doneOn') }),
  count: (lang: Lang, key: Parameters<typeof word>[1]): Column => ({ header: word(lang, key), align: 'right' }),
};
