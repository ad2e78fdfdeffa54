/**
 * Any `--note` or `--evidence` text, control characters included, is written
 * so that the loader reads back exactly that text (composed to NFC, as every
 * string phoihop reads is): never raw in a form the loader's
 * `control-character` rule refuses. The one text refused is an empty
 * `--evidence` (the schema wants one), as bad usage before anything is done.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDone } from '../../src/edit/done.js';
import { loadRecords } from '../../src/load/load.js';
import { WorkTreeSource } from '../../src/load/worktree.js';
import { dayFromYMD } from '../../src/model/dates.js';
import { parsePeriod, type Period } from '../../src/model/periods.js';
import type { Task } from '../../src/model/records.js';
import { validateRecords } from '../../src/validate/validate.js';
import { runCli } from '../helpers/cli.js';
import { errorsIn, MINIMAL_CONFIG, MINIMAL_PARTIES, memorySource, validateSource } from '../helpers/edits.js';
import { minimalFolder } from '../helpers/folder.js';

const AS_OF = dayFromYMD(2026, 11, 22);
const PLAN = [
  'kind: plan',
  'id: a',
  'title: A',
  'signed: 2025-01-01',
  'period: 2025..2026',
  'parties: [bdv-tu, btg-tu]',
  'tasks:',
  '  - id: block',
  '    title: Một lần',
  '    lead: bdv-tu',
  '  - { id: flow, title: Một lần, lead: bdv-tu }',
  '  - id: recurring',
  '    title: Định kỳ',
  '    lead: bdv-tu',
  '    every: quarter',
  '',
].join('\n');
const Q1 = (parsePeriod('2025-Q1', { vietnamese: true }) as { ok: true; period: Period }).period;

/** Characters YAML or the loader treat specially: every C0 and C1 control, DEL, separators, non-characters, quotes, indicators. */
const special = fc.oneof(
  fc.integer({ min: 0x00, max: 0xa0 }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', '\ud83d\ude00', 'ă', 'đ', 'ơ', 'e\u0301', ' ', ':', '#', '"', "'", '\\', '-', '{', '}', ',', '[', '&', '*'),
);
const textArb = fc.string({ unit: special, maxLength: 12 });
const fieldArb = fc.constantFrom('note', 'evidence');
const taskArb = fc.constantFrom('block', 'flow', 'recurring');

/** The note or evidence the loaded folder has for the task. */
function readBack(tasks: readonly Task[], taskId: string, field: 'note' | 'evidence'): string | undefined {
  const task = tasks.find((t) => t.id === taskId)!;
  const s = task.schedule;
  if (s.kind === 'recurring') return s.log.find((e) => e.key === '2025-Q1')?.[field];
  return field === 'note' ? task.note : s.evidence;
}

describe('--note and --evidence read back as given', () => {
  it('through the CLI: any text (bar NUL, which no argument can hold) is written, and loads as given', async () => {
    await fc.assert(
      fc.asyncProperty(textArb.map((s) => s.replaceAll('\0', '')), fieldArb, taskArb, async (value, field, taskId) => {
        const dir = minimalFolder({ 'a.yaml': PLAN });
        const period = taskId === 'recurring' ? ['--period', '2025-Q1'] : [];
        // `--note=…`: a value starting with `-` is not taken for an option.
        const before = readFileSync(join(dir, 'plans/a.yaml'), 'utf8');
        const r = runCli(['done', '-C', dir, `a/${taskId}`, ...period, '--date', '2025-04-02', `--${field}=${value}`]);
        if (field === 'evidence' && value === '') {
          expect([r.code, r.stderr]).toEqual([2, 'phoihop: --evidence không được để trống: hãy ghi số, ký hiệu văn bản (ví dụ --evidence 301-BC/BDVTU) hoặc bỏ --evidence.\n']);
          expect(readFileSync(join(dir, 'plans/a.yaml'), 'utf8')).toBe(before);
          return;
        }
        expect({ code: r.code, stderr: r.stderr }, readFileSync(join(dir, 'plans/a.yaml'), 'utf8')).toEqual({ code: 0, stderr: '' });
        const validated = validateRecords(await loadRecords(new WorkTreeSource(dir)), { asOf: AS_OF });
        expect(errorsIn(validated)).toEqual([]);
        expect(readBack(validated.model.plans[0].tasks, taskId, field)).toBe(value.normalize('NFC'));
      }),
      { numRuns: 40 },
    );
  });

  it('in process: any text, NUL included, is spliced so the loader reads it back and reports no error', async () => {
    const before = await validateSource(memorySource({ 'phoihop.yaml': MINIMAL_CONFIG, 'parties.yaml': MINIMAL_PARTIES, 'plans/a.yaml': PLAN }), AS_OF);
    const tasks = before.model.plans[0].tasks;
    await fc.assert(
      fc.asyncProperty(textArb.map((s) => s.normalize('NFC')), fieldArb, taskArb, async (value, field, taskId) => {
        fc.pre(!(field === 'evidence' && value === '')); // refused by the CLI, as the first test shows
        const task = tasks.find((t) => t.id === taskId)!;
        const outcome = applyDone(PLAN, { task, date: dayFromYMD(2025, 4, 2), period: taskId === 'recurring' ? Q1 : undefined, [field]: value });
        if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
        const after = await validateSource(memorySource({ 'phoihop.yaml': MINIMAL_CONFIG, 'parties.yaml': MINIMAL_PARTIES, 'plans/a.yaml': outcome.text }), AS_OF);
        expect(errorsIn(after), outcome.text).toEqual([]);
        expect(readBack(after.model.plans[0].tasks, taskId, field)).toBe(value);
      }),
      { numRuns: 400 },
    );
  });
});
