/**
 * What changed outside the plans between two sets of records: the config's
 * fields, and parties added, removed or renamed. cli.md's `diff` is about
 * the plans, and its JSON lists their changes only; these are for people
 * (text and markdown), since a party renamed or `soon` changed alters every
 * report, and a pull request that only does that would otherwise read as
 * "no changes".
 */
import type { Config, Model, Party } from '../model/records.js';
import { diffTrees, type Json, sortedUnion, type Tree } from './json-tree.js';

export type RecordChange =
  /** `path` names the field in the config as written (`soon`, `metrics.articles.label`). */
  | { about: 'config'; path: string; from: Json; to: Json }
  | { about: 'party'; change: 'added' | 'removed'; id: string; name: string }
  /** `path` is `name`, `short` or `abbr`. */
  | { about: 'party'; change: 'changed'; id: string; path: string; from: Json; to: Json };

/** The config's changes first, then each party's, by id. */
export function diffOtherRecords(before: Model, after: Model): RecordChange[] {
  const changes: RecordChange[] = [];
  // A metric added or removed is told field by field (`metrics.articles.label`), as an edit is: both sides have its mapping.
  const metricIds = sortedUnion(Object.keys(before.config.metrics), Object.keys(after.config.metrics));
  const [treeBefore, treeAfter] = [configTree(before.config, metricIds), configTree(after.config, metricIds)];
  for (const [path, from, to] of diffTrees(treeBefore, treeAfter, '')) changes.push({ about: 'config', path, from, to });
  for (const id of sortedUnion(before.parties.keys(), after.parties.keys())) {
    const a = before.parties.get(id);
    const b = after.parties.get(id);
    if (!a) changes.push({ about: 'party', change: 'added', id, name: b!.name });
    else if (!b) changes.push({ about: 'party', change: 'removed', id, name: a.name });
    else for (const [path, from, to] of diffTrees(partyTree(a), partyTree(b), '')) changes.push({ about: 'party', change: 'changed', id, path, from, to });
  }
  return changes;
}

/** The config as it acts: defaults filled in, so writing `soon: 14` (the default) is no change; the order of `ignore` globs does not matter. */
function configTree(config: Config, metricIds: readonly string[]): Tree {
  const metrics: { [id: string]: Json } = {};
  for (const id of metricIds) {
    const metric = config.metrics[id];
    metrics[id] = metric === undefined ? {} : { label: metric.label, ...(metric.unit === undefined ? {} : { unit: metric.unit }) };
  }
  return { title: config.title, locale: config.locale, timezone: config.timezone, soon: config.soon, metrics, ignore: [...config.ignore].sort() };
}

/** A party's names; the file it is kept in is not part of it. */
function partyTree(party: Party): Tree {
  return { name: party.name, short: party.short, abbr: party.abbr };
}
