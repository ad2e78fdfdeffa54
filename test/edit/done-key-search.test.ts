/**
 * `done` parses a plan twice (before and after its edit) and every command
 * peeks at phoihop.yaml: with yaml's duplicate-key search, which compares
 * each key with every key before it, a task log of 20,000 entries took 14 s
 * and a config of 40,000 metrics 24 s. They compose without it, and find
 * duplicates in one pass (src/load/parse.ts, parseOneDocument); yaml's search
 * only runs again on a text that has one. Here the yaml reader is watched.
 */
import { describe, expect, it, vi } from 'vitest';

const composed = vi.hoisted(() => [] as unknown[]);
vi.mock('../../src/load/yaml-documents.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/load/yaml-documents.js')>();
  return {
    ...original,
    parseDocument: (...args: Parameters<typeof original.parseDocument>) => {
      composed.push(args[1]?.uniqueKeys);
      return original.parseDocument(...args);
    },
  };
});

const { applyDone } = await import('../../src/edit/done.js');
const { peekConfig } = await import('../../src/cli/session.js');
const { sameKey } = await import('../../src/load/parse.js');
const { dayFromYMD } = await import('../../src/model/dates.js');
const { parsePeriod } = await import('../../src/model/periods.js');
const { errorsIn, MINIMAL_PARTIES, memorySource, validateSource } = await import('../helpers/edits.js');
const { tempFolder } = await import('../helpers/folder.js');

const AS_OF = dayFromYMD(2026, 11, 22);
const MONTHS = Array.from({ length: 300 }, (_, k) => `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
const PLAN = [
  'kind: plan',
  'id: p',
  'title: Kế hoạch',
  'signed: 2000-01-01',
  'period: 2000..2026',
  'parties: [bdv-tu, btg-tu]',
  'tasks:',
  '  - id: thang',
  '    title: Báo cáo tháng',
  '    lead: bdv-tu',
  '    every: month',
  '    log:',
  ...MONTHS.map((m) => `      ${m}: ${m}-28`),
  '',
].join('\n');

async function monthlyTask(text: string) {
  const config = 'kind: config\nlocale: vi\ntimezone: Asia/Ho_Chi_Minh\n';
  const v = await validateSource(memorySource({ 'phoihop.yaml': config, 'parties.yaml': MINIMAL_PARTIES, 'plans/p.yaml': text }), AS_OF);
  expect(errorsIn(v)).toEqual([]);
  return v.model.plans[0].tasks[0];
}

describe("done and the config peek compose without yaml's duplicate-key search", () => {
  it('done reads the plan and its edit each once, without the search, and writes the new log entry', async () => {
    const task = await monthlyTask(PLAN);
    composed.length = 0;
    const period = parsePeriod('2025-01', { vietnamese: true });
    if (!period.ok) throw new Error('period');
    const outcome = applyDone(PLAN, { task, date: dayFromYMD(2025, 2, 3), period: period.period });
    expect(outcome).toEqual({ ok: true, text: PLAN.replace('      2024-12: 2024-12-28\n', '      2024-12: 2024-12-28\n      2025-01: 2025-02-03\n') });
    expect(composed).toEqual([false, false]);
  });

  it('a plan with a repeated key is read again with the search, and refused as before', async () => {
    const task = await monthlyTask(PLAN);
    composed.length = 0;
    const period = parsePeriod('2025-01', { vietnamese: true });
    if (!period.ok) throw new Error('period');
    // The same key twice (the loader would have refused the folder first; applyDone refuses on its own too).
    const repeated = PLAN.replace('      2000-02: 2000-02-28\n', '      2000-02: 2000-02-28\n      2000-02: 2000-02-27\n');
    expect(applyDone(repeated, { task, date: dayFromYMD(2025, 2, 3), period: period.period })).toEqual({ ok: false, refusal: { code: 'unsupported-layout', args: { detail: 'DUPLICATE_KEY' } } });
    expect(composed).toEqual([false, sameKey]);
  });

  it('the config peek reads a config of many metrics without the search; one with a repeated key is still no config', () => {
    const metrics = Array.from({ length: 2000 }, (_, i) => `  m${i}: { label: Chỉ tiêu ${i} }`).join('\n');
    const config = `kind: config\nlocale: en\nmetrics:\n${metrics}\n`;
    composed.length = 0;
    expect(peekConfig(tempFolder({ 'phoihop.yaml': config }))?.locale).toBe('en');
    expect(composed).toEqual([false]);
    // yaml's own test of keys, as before: a repeated key (or the same number written twice) is an error; 2022 and '2022' are not.
    for (const repeat of ['  m7: { label: Lại }', '  0x10: a\n  16: b']) expect(peekConfig(tempFolder({ 'phoihop.yaml': `${config}${repeat}\n` }))).toBeUndefined();
    expect(peekConfig(tempFolder({ 'phoihop.yaml': `${config}  2022: a\n  '2022': b\n` }))?.locale).toBe('en');
  });
});
