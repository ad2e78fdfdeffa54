/**
 * status, deadlines and summary are made plan by plan as the records are
 * checked, keeping no plan whole but the one `status <plan>` names (src/reports/parts.ts); with
 * PHOIHOP_STREAM=off they are made from the whole model, as before. Both
 * must print the same bytes: merged from parts in any order (property), on
 * the examples in every format, on a benchmark folder read by checking
 * threads, on a folder with errors, on unknown ids, and on a folder that
 * changes while it is read.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Day } from '../../src/model/dates.js';
import { expandPlan, itemState } from '../../src/model/items.js';
import { quarterPeriod, yearPeriod } from '../../src/model/periods.js';
import type { Model } from '../../src/model/records.js';
import { PLAIN } from '../../src/render/paint.js';
import { type ReportData, renderers } from '../../src/render/reports.js';
import { type PlanPart, reportFromParts, reportPart, type ReportSpec, wholeReport } from '../../src/reports/parts.js';
import { planStatus } from '../../src/reports/status.js';
import { checkFolder, checkKept, type PlanParts } from '../../src/validate/stream.js';
import { EXAMPLES, EXAMPLE_FOLDERS, REPO_ROOT, runCli } from '../helpers/cli.js';
import { folderBytes, tempFolder } from '../helpers/folder.js';
import { runMain } from '../helpers/main-in-process.js';
import { ChangingSource, InMemorySource } from '../helpers/memory-source.js';
import { dayArbitrary, modelArbitrary, PARTY_IDS } from '../helpers/report-arbitraries.js';
// @ts-expect-error plain JS module of the benchmark
import { generateFolder } from '../../bench/generate.js';

const RUNS = Number(process.env.PHOIHOP_FUZZ_RUNS ?? 300);
const AS_OF = '2026-11-22';
const AS_OF_DAY = Date.UTC(2026, 10, 22) / 86_400_000;
const FORMATS = ['table', 'markdown', 'csv', 'json'] as const;

/** Every format of a report, as the CLI would print it with `model` for names and labels. */
function printed(report: ReportData, model: Model): string {
  return FORMATS.map((format) => {
    const out = renderers[format](report, { lang: 'en', model, paint: PLAIN });
    return typeof out === 'string' ? out : [...out].map((chunk) => new TextDecoder().decode(chunk)).join('');
  }).join('\n----\n');
}

const specArbitrary = (model: Model): fc.Arbitrary<ReportSpec> => {
  const party = fc.option(fc.constantFrom(...PARTY_IDS), { nil: undefined });
  return fc.oneof(
    fc.record({ report: fc.constant('status' as const), party, all: fc.boolean() }),
    fc.record({ report: fc.constant('plan-status' as const), plan: fc.constantFrom(...model.plans.map((p) => p.id)), party }),
    fc.record({
      report: fc.constant('deadlines' as const),
      within: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
      party,
      plan: fc.option(fc.constantFrom(...model.plans.map((p) => p.id)), { nil: undefined }),
      type: fc.option(fc.constantFrom('report' as const, 'briefing' as const, 'activity' as const), { nil: undefined }),
      overdueOnly: fc.boolean(),
    }),
    fc.record({
      report: fc.constant('summary' as const),
      period: fc.option(
        fc.oneof(
          fc.integer({ min: 2019, max: 2027 }).map(yearPeriod),
          fc.tuple(fc.integer({ min: 2019, max: 2027 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => quarterPeriod(y, q)),
        ),
        { nil: undefined },
      ),
    }),
  );
};

describe('a report merged from its plans\' parts', () => {
  it('prints what the report of the whole model prints, whatever order the parts come in', () => {
    fc.assert(
      fc.property(
        modelArbitrary.chain((model) => fc.tuple(fc.constant(model), specArbitrary(model), dayArbitrary, fc.infiniteStream(fc.nat()), fc.constantFrom('kept' as const, 'posted' as const))),
        ([model, spec, asOf, order, where]) => {
          const facts = { config: model.config, asOf };
          // Threads hand parts back in no set order.
          const keys = new Map(model.plans.map((plan) => [plan, order.next().value as number]));
          const parts: PlanPart[] = [...model.plans].sort((a, b) => keys.get(a)! - keys.get(b)!).map((plan) => reportPart(plan, facts, spec, where));
          // Renderers read no plan but those of the report's rows.
          const slim: Model = { ...model, plans: [] };
          // Only `status <plan>` keeps a plan whole: the one it names. A row keeps its plan without tasks; a plan
          // the report does not show, only its id.
          for (const part of parts) {
            expect(part.plan === undefined).toBe(spec.report !== 'plan-status' || part.id !== spec.plan);
            if (part.row) expect(part.row.plan.tasks).toEqual([]);
            else expect(Object.keys(part).filter((key) => key !== 'items')).toEqual(spec.report === 'plan-status' && part.id === spec.plan ? ['id', 'plan'] : ['id']);
          }
          const whole = { report: spec.report, data: wholeReport(model, asOf, spec) } as ReportData;
          const merged = { report: spec.report, data: reportFromParts(parts, facts, spec) } as ReportData;
          expect(printed(merged, slim)).toBe(printed(whole, model));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('keeps copies of its items that share, task by task, what the items built share', () => {
    fc.assert(
      fc.property(
        modelArbitrary.chain((model) => fc.tuple(fc.constant(model), specArbitrary(model), dayArbitrary)),
        ([model, spec, asOf]) => {
          fc.pre(spec.report === 'deadlines' || spec.report === 'summary');
          for (const plan of model.plans) {
            const part = reportPart(plan, { config: model.config, asOf }, spec);
            const items = part.items ?? [];
            const built = expandPlan(plan);
            for (const item of items) expect(built).toContainEqual(item);
            // The renderer joins each list of supporting parties once (partyNames): one list a task.
            const lists = new Map<string, Set<readonly string[]>>();
            for (const item of items) lists.set(item.task, (lists.get(item.task) ?? new Set()).add(item.support));
            for (const same of lists.values()) expect(same.size).toBe(1);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('a status row', () => {
  it('counts and finds the next item as the list of every item would', () => {
    fc.assert(
      fc.property(modelArbitrary, dayArbitrary, (model, asOf: Day) => {
        const soon = model.config.soon;
        for (const plan of model.plans) {
          const items = expandPlan(plan);
          const states = items.map((item) => itemState(item, asOf, soon));
          const row = planStatus(plan, asOf, soon);
          expect(row.items.total).toBe(items.length);
          expect(row.items.done).toBe(states.filter((s) => s === 'done').length);
          expect(row.items.overdue).toBe(states.filter((s) => s === 'overdue').length);
          expect(row.items.dueSoon).toBe(states.filter((s) => s === 'due-soon').length);
          expect(row.items.cancelled).toBe(states.filter((s) => s === 'cancelled').length);
          const next = items.find((item, i) => states[i] !== 'done' && states[i] !== 'cancelled' && item.due !== null);
          expect(row.next?.item ?? null).toEqual(next ?? null);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/** The commands compared: each report, with options that change what the parts keep. */
const COMMANDS = [['status'], ['status', '--all'], ['deadlines'], ['deadlines', '--within', '90', '--type', 'report'], ['summary'], ['summary', '--period', '2022..2026']];

describe('status, deadlines and summary print the same streamed and kept', () => {
  it.each(EXAMPLE_FOLDERS)('on the %s example, in every format', async (name) => {
    const cwd = join(EXAMPLES, name);
    for (const command of COMMANDS) {
      for (const format of FORMATS) {
        const args = [...command, '--as-of', AS_OF, '--format', format];
        const kept = await runMain(args, { cwd, env: { PHOIHOP_STREAM: 'off' } });
        const streamed = await runMain(args, { cwd });
        expect(streamed, args.join(' ')).toEqual(kept);
        expect(streamed.code).not.toBe(2);
      }
    }
    // One plan's items (`status <plan>`), the only plan kept whole, with and without a party.
    const listed = await runMain(['status', '--all', '--format', 'json', '--as-of', AS_OF], { cwd });
    const plans = (JSON.parse(listed.stdout) as { plans: { id: string; parties: string[] }[] }).plans;
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) {
      // `deadlines --plan` knows every plan, though a part keeps only the id of a plan the report does not show.
      const each = [['status', plan.id, '--format', 'json'], ['status', plan.id, '--party', plan.parties[0]], ['status', plan.id, '--format', 'csv'], ['deadlines', '--plan', plan.id, '--within', '0']];
      for (const args of each) {
        const kept = await runMain([...args, '--as-of', AS_OF], { cwd, env: { PHOIHOP_STREAM: 'off' } });
        expect(await runMain([...args, '--as-of', AS_OF], { cwd }), args.join(' ')).toEqual(kept);
        expect(kept.code).toBe(0);
      }
    }
    // As of a past day, later completions are warnings on stderr, the same either way.
    for (const command of [['status'], ['deadlines'], ['summary']]) {
      const args = [...command, '--as-of', '2022-09-01'];
      expect(await runMain(args, { cwd }), args.join(' ')).toEqual(await runMain(args, { cwd, env: { PHOIHOP_STREAM: 'off' } }));
    }
  });

  it('on a benchmark folder read by checking threads', () => {
    const dir = tempFolder();
    generateFolder(dir, { n: 600, seed: 7, clean: true });
    for (const command of [['status'], ['deadlines', '--within', '30'], ['summary'], ['summary', '--period', '2024']]) {
      for (const format of ['table', 'json']) {
        const args = [...command, '-C', dir, '--as-of', AS_OF, '--format', format];
        const kept = runCli(args, { env: { PHOIHOP_STREAM: 'off', PHOIHOP_WORKERS: 'off' } });
        const streamed = runCli(args, { env: { PHOIHOP_WORKERS: 'on' } });
        expect(streamed, args.join(' ')).toEqual(kept);
        expect(streamed.code).toBe(0);
        expect(streamed.stdout.length).toBeGreaterThan(1000);
      }
    }
  });

  it('refusing a folder with errors, and unknown ids, alike', async () => {
    const cwd = join(REPO_ROOT, 'test', 'fixtures', 'invalid', 'unknown-party');
    for (const args of [['status'], ['deadlines'], ['summary']]) {
      const kept = await runMain([...args, '--as-of', AS_OF], { cwd, env: { PHOIHOP_STREAM: 'off' } });
      expect(kept.code).toBe(1);
      expect(await runMain([...args, '--as-of', AS_OF], { cwd })).toEqual(kept);
    }
    const example = join(EXAMPLES, 'phu-yen');
    for (const args of [['status', '--party', 'bdv-tuu'], ['deadlines', '--plan', 'khong-co'], ['deadlines', '--party', 'x']]) {
      const kept = await runMain([...args, '--as-of', AS_OF], { cwd: example, env: { PHOIHOP_STREAM: 'off' } });
      expect(kept.code).toBe(2);
      expect(await runMain([...args, '--as-of', AS_OF], { cwd: example })).toEqual(kept);
    }
  });
});

describe('the parts of a folder that changes while it is read', () => {
  it('are those of the folder as it is now', async () => {
    const files = folderBytes(join(EXAMPLES, 'phu-yen'));
    // A plan whose title is on one line, so that it is easy to change.
    const planPath = Object.keys(files).find((p) => p.startsWith('plans/') && /^title: [^>|]/m.test(new TextDecoder().decode(files[p])))!;
    const before = new TextDecoder().decode(files[planPath]);
    // The first reading names an undeclared party, so the plan is read again; by then its title has changed.
    const named = before.replace(/lead: ([a-z0-9-]+)/, 'lead: x-chua-khai');
    const retitled = before.replace(/^title: .*$/m, 'title: Tên mới của kế hoạch');
    expect(named).not.toBe(before);
    expect(retitled).not.toBe(before);
    const spec: ReportSpec = { report: 'status', all: true };
    const parts: PlanParts = { of: (plan, facts) => reportPart(plan, facts, spec), script: new URL('file:///unused.js'), data: spec };
    const source = new ChangingSource(files, planPath, named, retitled);
    const streamed = await checkFolder(source, { asOf: AS_OF_DAY, parts });
    // Read once streamed, once to check the stub whole, and again by the whole folder's validation.
    expect(source.reads).toBeGreaterThan(2);
    const now = await checkKept(new InMemorySource({ ...files, [planPath]: retitled }), { asOf: AS_OF_DAY, parts });
    expect(streamed).toEqual(now);
    expect((streamed.parts as PlanPart[]).map((p) => p.row?.plan.title)).toContain('Tên mới của kế hoạch');
  });
});
