/** The semantic rules, in the order they run. A new rule is one new file and one line here. */
import { completion } from './completion.js';
import { configRules } from './config.js';
import type { Rule } from './context.js';
import { datesSanity } from './dates-sanity.js';
import { numberFormat } from './number-format.js';
import { parentChain } from './parent.js';
import { references } from './references.js';
import { schedule } from './schedule.js';
import { uniqueIds } from './unique-ids.js';

export const RULES: readonly Rule[] = [configRules, uniqueIds, references, parentChain, completion, schedule, datesSanity, numberFormat];
