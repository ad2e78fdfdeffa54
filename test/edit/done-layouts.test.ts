/**
 * `done` over generated layouts the examples do not have: flow-style tasks
 * and logs (one line or several), empty logs, quoted and commented status
 * values, folded notes, both sequence indentations, CRLF line endings, a
 * missing final line break; plus hand-written cases whose exact output is
 * spelled out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDone, type DoneOutcome, type DoneRequest } from '../../src/edit/done.js';
import { dayFromYMD, parseDate } from '../../src/model/dates.js';
import { parsePeriod, type Period } from '../../src/model/periods.js';
import type { Task } from '../../src/model/records.js';
import { errorsIn, MINIMAL_CONFIG, MINIMAL_PARTIES, memorySource, validateSource } from '../helpers/edits.js';
import { checkLines, expectation } from './done-expect.js';

const AS_OF = dayFromYMD(2026, 11, 22);
const FILE = 'plans/p.yaml';
const day = (s: string) => (parseDate(s) as { ok: true; day: number }).day;
const period = (s: string) => (parsePeriod(s, { vietnamese: true }) as { ok: true; period: Period }).period;

/** Loads a plan text with a minimal config and parties; returns the task the model has for `id`. */
async function modelTask(text: string, id: string): Promise<Task> {
  const v = await validateSource(memorySource({ 'phoihop.yaml': MINIMAL_CONFIG, 'parties.yaml': MINIMAL_PARTIES, [FILE]: text }), AS_OF);
  expect(errorsIn(v), text).toEqual([]);
  return v.model.plans[0].tasks.find((t) => t.id === id)!;
}

async function revalidate(text: string) {
  return validateSource(memorySource({ 'phoihop.yaml': MINIMAL_CONFIG, 'parties.yaml': MINIMAL_PARTIES, [FILE]: text }), AS_OF);
}

const HEAD = ['kind: plan', 'id: p', 'title: "Kế hoạch, thử"', 'signed: 2022-01-01', 'period: 2022..2023', 'parties: [bdv-tu, btg-tu]', 'tasks:'];
const LOG_KEYS = ['2022-Q1', '2022-Q3', '2022-Q4', '2023-Q2', '2023-Q4'];

const layoutArb = fc.record({
  eol: fc.constantFrom('\n', '\r\n'),
  finalBreak: fc.boolean(),
  seqIndent: fc.constantFrom('  ', ''),
  flow: fc.constantFrom('block', 'flow', 'flow-multiline'),
  recurring: fc.boolean(),
  status: fc.constantFrom('none', 'planned', '"in-progress"', "'planned'", 'planned   # chưa làm'),
  due: fc.boolean(),
  foldedNote: fc.boolean(),
  log: fc.constantFrom('none', 'block', 'flow', 'empty'),
  logged: fc.subarray(LOG_KEYS),
  otherFirst: fc.boolean(),
  commentAfter: fc.boolean(),
});
type Layout = typeof layoutArb extends fc.Arbitrary<infer T> ? T : never;

/** A plan file with the target task `t` laid out as `l` says. */
function planText(l: Layout): string {
  const i = l.seqIndent;
  const k = `${i}  `;
  const out = [...HEAD];
  if (l.otherFirst) out.push(`${i}- id: khac`, `${k}title: Nhiệm vụ khác`, `${k}lead: bdv-tu`, `${i}# nhiệm vụ cần ghi:`);
  const fields: Array<[string, string]> = [
    ['id', 't'],
    ['title', 'Nhiệm vụ thử'],
    ['lead', 'bdv-tu'],
    ['support', '[btg-tu]'],
  ];
  const flow = l.flow !== 'block';
  if (l.recurring) {
    fields.push(['every', 'quarter']);
    // Each logged quarter is done on the 20th of its last month, as a date or a mapping.
    const doneOn = (key: string) => `${key.slice(0, 4)}-${String(Number(key.slice(6)) * 3).padStart(2, '0')}-20`;
    const entries = l.logged.map((key, n) => [key, n % 2 === 0 ? doneOn(key) : `{ done: ${doneOn(key)} }`]);
    if (l.log === 'empty' || (l.log !== 'none' && entries.length === 0)) fields.push(['log', '{}']);
    else if (l.log === 'flow' || (l.log === 'block' && flow)) fields.push(['log', `{ ${entries.map(([a, b]) => `${a}: ${b}`).join(', ')} }`]);
    else if (l.log === 'block') fields.push(['log', entries.map(([a, b]) => `\n${k}  ${a}: ${b}`).join('')]);
  } else {
    if (l.due) fields.push(['due', '2022-12-15']);
    if (l.status !== 'none') fields.push(['status', flow ? l.status.replace(/\s+#.*/, '') : l.status]);
    if (l.foldedNote && !flow) fields.push(['note', `>-\n${k}  Ghi chú dài,\n${k}  hai dòng`]);
  }
  if (l.flow === 'block') {
    fields.forEach(([key, value], n) => out.push(`${n === 0 ? `${i}- ` : k}${key}:${value.startsWith('\n') ? '' : ' '}${value}`));
  } else if (l.flow === 'flow') {
    out.push(`${i}- { ${fields.map(([key, value]) => `${key}: ${value}`).join(', ')} }`);
  } else {
    out.push(`${i}- {`, ...fields.map(([key, value], n) => `${k}  ${key}: ${value}${n < fields.length - 1 ? ',' : ''}`), `${k}}`);
  }
  if (l.commentAfter) out.push(`${i}# hết`);
  if (!l.otherFirst) out.push(`${i}- id: khac`, `${k}title: Nhiệm vụ khác`, `${k}lead: bdv-tu`);
  return (out.join('\n') + (l.finalBreak ? '\n' : '')).replace(/\n/g, l.eol);
}

const requestArb = fc.record({
  occurrence: fc.constantFrom('2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4'),
  date: fc.integer({ min: dayFromYMD(2022, 1, 1), max: dayFromYMD(2024, 6, 30) }),
  results: fc.uniqueArray(fc.tuple(fc.constantFrom('articles', 'participants'), fc.nat({ max: 999 })), { selector: ([m]) => m, maxLength: 2 }),
  note: fc.option(fc.constantFrom('Đã xong', 'Lùi: do họp, trùng lịch', '#1', "it's {ok}"), { nil: undefined }),
  force: fc.boolean(),
});

describe('done on generated layouts (property)', () => {
  it('keeps every other byte, reads back as intended and validates', async () => {
    await fc.assert(
      fc.asyncProperty(layoutArb, requestArb, async (layout, arb) => {
        const text = planText(layout);
        const task = await modelTask(text, 't');
        const request: DoneRequest = {
          task,
          date: arb.date,
          period: task.schedule.kind === 'recurring' ? period(arb.occurrence) : undefined,
          results: arb.results,
          note: arb.note,
          force: arb.force,
        };
        const index = layout.otherFirst ? 1 : 0;
        const expected = expectation(text, index, request);
        const outcome = applyDone(text, request);
        if ('refusal' in expected) {
          expect(outcome.ok ? 'ok' : outcome.refusal.code).toBe(expected.refusal);
          return;
        }
        if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}\n${text}`);
        checkLines(text, outcome.text, index, expected);
        const after = await revalidate(outcome.text);
        expect(errorsIn(after)).toEqual([]);
        const t = after.model.plans[0].tasks[index];
        if (t.schedule.kind === 'recurring') {
          expect(t.schedule.log.find((e) => e.key === arb.occurrence)?.done).toBe(arb.date);
        } else {
          expect([t.schedule.status, t.schedule.done]).toEqual(['done', arb.date]);
          if (arb.note !== undefined) expect(t.note).toBe(arb.note);
        }
        expect(after.model.plans[0].tasks[1 - index]).toEqual((await revalidate(text)).model.plans[0].tasks[1 - index]);
      }),
      { numRuns: 400 },
    );
  });
});

/** Runs done on a plan text with one task `t`; returns the new text or the refusal code. */
async function done(text: string, request: Omit<DoneRequest, 'task'>): Promise<string> {
  const outcome: DoneOutcome = applyDone(text, { ...request, task: await modelTask(text, 't') });
  return outcome.ok ? outcome.text : `refused: ${outcome.refusal.code}`;
}

const plan = (...taskLines: string[]) => [...HEAD, ...taskLines].join('\n') + '\n';

describe('done, case by case', () => {
  it('adds status and done to a one-line flow task', async () => {
    const text = plan('  - { id: t, title: "Báo cáo, quý", lead: bdv-tu, due: 2022-12-15 }   # giữ');
    expect(await done(text, { date: day('2022-12-10') })).toBe(
      plan('  - { id: t, title: "Báo cáo, quý", lead: bdv-tu, due: 2022-12-15, status: done, done: 2022-12-10 }   # giữ'),
    );
  });

  it('replaces a quoted status in a flow task, keeping its quotes, and puts done right after it', async () => {
    const text = plan('  - { id: t, title: A, lead: bdv-tu, status: "in-progress", due: 2022-12-15 }');
    expect(await done(text, { date: day('2022-12-10'), results: [['articles', 4]], note: 'Xong, đúng hạn' })).toBe(
      plan('  - { id: t, title: A, lead: bdv-tu, status: "done", done: 2022-12-10, results: { articles: 4 }, note: "Xong, đúng hạn", due: 2022-12-15 }'),
    );
  });

  it('keeps the comment after a status value it changes', async () => {
    const text = plan('  - id: t', '    title: A', '    lead: bdv-tu', '    status: planned     # chờ số liệu', '    note: x');
    expect(await done(text, { date: day('2022-12-10') })).toBe(
      plan('  - id: t', '    title: A', '    lead: bdv-tu', '    status: done     # chờ số liệu', '    done: 2022-12-10', '    note: x'),
    );
  });

  it('puts status after due when there is none, before the comment of the next task', async () => {
    const text = plan('  - id: t', '    title: A', '    lead: bdv-tu', '    due: 15/12/2022', '    support: [btg-tu]', '  # tiếp', '  - id: u', '    title: B', '    lead: bdv-tu');
    expect(await done(text, { date: day('10/12/2022') })).toBe(
      plan('  - id: t', '    title: A', '    lead: bdv-tu', '    due: 15/12/2022', '    status: done', '    done: 2022-12-10', '    support: [btg-tu]', '  # tiếp', '  - id: u', '    title: B', '    lead: bdv-tu'),
    );
  });

  it('gives new lines the line ending of the lines around them, not of the first line, in a file that mixes them', async () => {
    // A CRLF file whose first line a Unix tool added, and the reverse.
    const lines = ['  - id: t', '    title: A', '    lead: bdv-tu', '    due: 2022-12-15'];
    const crlfBelowLf = `# yaml-language-server: $schema=../schemas/plan.schema.json\n${plan(...lines).replace(/\n/g, '\r\n')}`;
    expect(await done(crlfBelowLf, { date: day('2022-12-10') })).toBe(crlfBelowLf + '    status: done\r\n    done: 2022-12-10\r\n');
    const lfBelowCrlf = `# ghi chú\r\n${plan(...lines)}`;
    expect(await done(lfBelowCrlf, { date: day('2022-12-10') })).toBe(lfBelowCrlf + '    status: done\n    done: 2022-12-10\n');
    // The last line without a line break: the new lines take the line before's.
    const noFinalBreak = crlfBelowLf.slice(0, -2);
    expect(await done(noFinalBreak, { date: day('2022-12-10') })).toBe(noFinalBreak + '\r\n    status: done\r\n    done: 2022-12-10');
  });

  it('indents new keys at the mapping’s column when its first key is explicit (`? id`)', async () => {
    for (const key of [['? id'], ['? &a id'], ['? !!str id'], ['? # khóa', '      id'], ['?', '      id']]) {
      const [first, ...rest] = key;
      const lines = [`  - ${first}`, ...rest, '    : t', '    title: A', '    lead: bdv-tu', '    due: 2022-12-15'];
      expect(await done(plan(...lines), { date: day('2022-12-10') })).toBe(plan(...lines, '    status: done', '    done: 2022-12-10'));
    }
    const log = plan('  - id: t', '    title: A', '    lead: bdv-tu', '    every: year', '    log:', '      ? 2022', '      : 2022-12-30');
    expect(await done(log, { date: day('2023-12-30'), period: period('2023') })).toBe(
      plan('  - id: t', '    title: A', '    lead: bdv-tu', '    every: year', '    log:', '      ? 2022', '      : 2022-12-30', '      2023: 2023-12-30'),
    );
  });

  it('merges results into an existing block mapping', async () => {
    const text = plan('  - id: t', '    title: A', '    lead: bdv-tu', '    results:', '      articles: 3', '    status: in-progress');
    expect(await done(text, { date: day('2022-12-10'), results: [['participants', 40]] })).toBe(
      plan('  - id: t', '    title: A', '    lead: bdv-tu', '    results:', '      articles: 3', '      participants: 40', '    status: done', '    done: 2022-12-10'),
    );
  });

  it('adds to a flow log in chronological order', async () => {
    const text = plan('  - id: t', '    title: A', '    lead: bdv-tu', '    every: quarter', '    log: { 2022-Q1: 2022-04-02, 2022-Q3: 2022-10-17 }  # nhật ký');
    expect(await done(text, { date: day('2022-07-05'), period: period('2022-Q2') })).toBe(
      plan('  - id: t', '    title: A', '    lead: bdv-tu', '    every: quarter', '    log: { 2022-Q1: 2022-04-02, 2022-Q2: 2022-07-05, 2022-Q3: 2022-10-17 }  # nhật ký'),
    );
    expect(await done(text, { date: day('2022-01-05'), period: period('2021-Q4') })).toBe('refused: period-outside');
  });

  it('fills an empty flow log and starts a block log before the first entry', async () => {
    const empty = plan('  - { id: t, title: A, lead: bdv-tu, every: year, log: {} }');
    expect(await done(empty, { date: day('2022-12-30'), period: period('2022') })).toBe(plan('  - { id: t, title: A, lead: bdv-tu, every: year, log: { 2022: 2022-12-30 } }'));
    const block = plan('  - id: t', '    title: A', '    lead: bdv-tu', '    every: half', '    log:   # các kỳ', '      # kỳ 2 năm 2022:', '      2022-H2: 2023-01-10');
    expect(await done(block, { date: day('2022-07-01'), period: period('2022-H1'), note: 'Trễ' })).toBe(
      plan('  - id: t', '    title: A', '    lead: bdv-tu', '    every: half', '    log:   # các kỳ', '      2022-H1: { done: 2022-07-01, note: Trễ }', '      # kỳ 2 năm 2022:', '      2022-H2: 2023-01-10'),
    );
  });

  it('fills an empty flow log or results whose braces are on two lines, or hold a comment, keeping every line', async () => {
    const twoLines = plan('  - { id: t, title: A, lead: bdv-tu, every: year, log: {', '    } }');
    expect(await done(twoLines, { date: day('2022-12-30'), period: period('2022') })).toBe(plan('  - { id: t, title: A, lead: bdv-tu, every: year, log: { 2022: 2022-12-30', '    } }'));
    const commented = plan('  - { id: t, title: A, lead: bdv-tu, every: year, log: { # chưa có kỳ nào', '    } }');
    expect(await done(commented, { date: day('2022-12-30'), period: period('2022') })).toBe(
      plan('  - { id: t, title: A, lead: bdv-tu, every: year, log: { 2022: 2022-12-30 # chưa có kỳ nào', '    } }'),
    );
    const results = plan('  - id: t', '    title: A', '    lead: bdv-tu', '    due: 2022-12-01', '    results: {', '    }');
    expect(await done(results, { date: day('2022-11-30'), results: [['articles', 3]] })).toBe(
      plan('  - id: t', '    title: A', '    lead: bdv-tu', '    due: 2022-12-01', '    status: done', '    done: 2022-11-30', '    results: { articles: 3', '    }'),
    );
  });

  it('adds a log to a recurring task that has none, after a folded title', async () => {
    const text = plan('- id: t', '  title: >-', '    Giao ban', '    hằng tháng', '  lead: bdv-tu', '  every: month', '  offset: 5   # ngày 5 tháng sau');
    expect(await done(text, { date: day('2022-02-04'), period: period('1/2022') })).toBe(
      plan('- id: t', '  title: >-', '    Giao ban', '    hằng tháng', '  lead: bdv-tu', '  every: month', '  offset: 5   # ngày 5 tháng sau', '  log:', '    2022-01: 2022-02-04'),
    );
  });

  it('replaces a logged occurrence only with force, keeping the other entries', async () => {
    const text = plan('  - id: t', '    title: A', '    lead: bdv-tu', '    every: quarter', '    log:', '      2022-Q1:', '        status: cancelled', '        note: Hoãn', '      2022-Q2: 2022-07-01');
    expect(await done(text, { date: day('2022-04-20'), period: period('Q1/2022') })).toBe('refused: already-logged');
    expect(await done(text, { date: day('2022-04-20'), period: period('Q1/2022'), force: true })).toBe(
      plan('  - id: t', '    title: A', '    lead: bdv-tu', '    every: quarter', '    log:', '      2022-Q1: 2022-04-20', '      2022-Q2: 2022-07-01'),
    );
  });

  it('replaces, with force, a tagged or anchored date by a mapping without the tag, which does not fit a mapping', async () => {
    const text = plan('  - id: t', '    title: A', '    lead: bdv-tu', '    every: quarter', '    log:', '      2022-Q1: !!str 2022-04-01   # ghi chú', '      2022-Q2: &ngay 2022-07-01');
    const once = await done(text, { date: day('2022-04-02'), period: period('2022-Q1'), force: true, evidence: 'e' });
    expect(once).toBe(plan('  - id: t', '    title: A', '    lead: bdv-tu', '    every: quarter', '    log:', '      2022-Q1: { done: 2022-04-02, evidence: e }   # ghi chú', '      2022-Q2: &ngay 2022-07-01'));
    expect((await revalidate(once)).diagnostics).toEqual([]);
    const twice = await done(once, { date: day('2022-07-02'), period: period('2022-Q2'), force: true, note: 'n' });
    expect(twice).toBe(plan('  - id: t', '    title: A', '    lead: bdv-tu', '    every: quarter', '    log:', '      2022-Q1: { done: 2022-04-02, evidence: e }   # ghi chú', '      2022-Q2: { done: 2022-07-02, note: n }'));
    // A date over a tagged date keeps the tag, which fits a date.
    expect(await done(text, { date: day('2022-04-03'), period: period('2022-Q1'), force: true })).toBe(
      plan('  - id: t', '    title: A', '    lead: bdv-tu', '    every: quarter', '    log:', '      2022-Q1: !!str 2022-04-03   # ghi chú', '      2022-Q2: &ngay 2022-07-01'),
    );
  });

  it('refuses what does not fit the task', async () => {
    const recurring = plan('  - { id: t, title: A, lead: bdv-tu, every: quarter, from: 2022-04-01 }');
    expect(await done(recurring, { date: day('2022-10-01') })).toBe('refused: period-required');
    expect(await done(recurring, { date: day('2022-10-01'), period: period('2022-07') })).toBe('refused: period-granularity');
    expect(await done(recurring, { date: day('2022-10-01'), period: period('2022-Q1') })).toBe('refused: period-outside');
    expect(await done(recurring, { date: day('2022-10-01'), period: period('2024-Q1') })).toBe('refused: period-outside');
    const oneOff = plan('  - { id: t, title: A, lead: bdv-tu, status: done, done: 2022-05-01, note: x }');
    expect(await done(oneOff, { date: day('2022-10-01') })).toBe('refused: already-done');
    expect(await done(oneOff, { date: day('2022-10-01'), period: period('2022-Q3') })).toBe('refused: period-for-one-off');
    expect(await done(oneOff, { date: day('2022-10-01'), note: 'y', force: true })).toBe(plan('  - { id: t, title: A, lead: bdv-tu, status: done, done: 2022-10-01, note: y }'));
    const cancelled = plan('  - id: t', '    title: A', '    lead: bdv-tu', '    status: cancelled');
    expect(await done(cancelled, { date: day('2022-10-01') })).toBe('refused: task-cancelled');
    const noted = plan('  - id: t', '    title: A', '    lead: bdv-tu', '    note: Ghi chú cũ');
    expect(await done(noted, { date: day('2022-10-01'), note: 'mới' })).toBe('refused: field-exists');
  });

  it('refuses an edit that would reach another task through an alias', async () => {
    const text = plan(
      '  - { id: t, title: A, lead: bdv-tu, results: &r { articles: 1 } }',
      '  - { id: u, title: B, lead: bdv-tu, status: done, done: 2022-03-01, results: *r }',
    );
    expect(await done(text, { date: day('2022-10-01'), results: [['participants', 3]] })).toBe('refused: shared-anchor');
    // Without touching the shared mapping, the same task can be recorded.
    expect(await done(text, { date: day('2022-10-01') })).toBe(
      plan('  - { id: t, title: A, lead: bdv-tu, results: &r { articles: 1 }, status: done, done: 2022-10-01 }', '  - { id: u, title: B, lead: bdv-tu, status: done, done: 2022-03-01, results: *r }'),
    );
  });

  it('writes a note that YAML would misread as plain text quoted', async () => {
    for (const note of ['12', 'true', 'null', '- a', 'a: b', 'x #y', ' lề', '"', 'Dòng 1\nDòng 2']) {
      const text = plan('  - id: t', '    title: A', '    lead: bdv-tu');
      const out = await done(text, { date: day('2022-10-01'), note });
      const after = await revalidate(out);
      expect(after.model.plans[0].tasks[0].note).toBe(note);
    }
  });
});
