/**
 * The benchmark: times whole processes (start-up included, as a clerk or CI
 * sees them), several runs each, and prints medians, peak memory and the
 * ratios the performance issue asks for.
 *
 *   npm run bench                 N = 1,000 and 10,000, 5 runs each
 *   npm run bench -- --quick      N = 1,000 only
 *   npm run bench -- --runs 7 --n 1000,5000 --seed 2026 --json bench/out/result.json
 *   npm run bench -- --ablation   also validate with each speed-up turned off in turn (N = largest)
 *   npm run bench -- --instructions   also count the instructions of validate and ajv-cli (valgrind, N = largest)
 *   npm run bench -- --n 10000 --only status,deadlines   only these next to validate (clean folder)
 *   npm run bench -- --complete-logs   folders whose every past occurrence is recorded (see generate.js)
 *
 * Folders are generated (seeded) under bench/out/ and reused while the
 * generator, seed and N are unchanged. The CLI is built first (tsc).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AS_OF, generateFolder } from './generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'bin', 'phoihop.js');
const AJV_CLI = join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const TIME = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p));
const RSS_HOOK = join(ROOT, 'bench', 'rss-hook.js');
/** Exit codes that mean "the command did its job" (1 = it found errors, as it should on the mixed folder). */
const OK_CODES = new Set([0, 1]);

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const quick = flag('--quick');
const runs = Number(option('--runs', quick ? 3 : 5));
const sizes = option('--n', quick ? '1000' : '1000,10000').split(',').map(Number);
const seed = Number(option('--seed', 2026));
const jsonOut = option('--json', undefined);
const ablation = flag('--ablation');
const instructions = flag('--instructions');
/** `--only validate,status`: time only these commands on the clean folder (and skip the mixed folder unless validate is one). */
const only = option('--only', undefined)?.split(',');
/** `--complete-logs`: every past occurrence of a recurring task recorded, rather than logs cut at 24 entries (generate.js). */
const logs = flag('--complete-logs') ? 'complete' : 'capped';
const selected = (name) => !only || only.some((o) => name.endsWith(` ${o}`) || name === o);

/** Each speed-up's switch, to time validate without it (the README records why each one is there). */
const SPEED_UPS = [
  { name: 'all speed-ups', env: {} },
  { name: 'PHOIHOP_PARSER=yaml', env: { PHOIHOP_PARSER: 'yaml' } },
  { name: 'PHOIHOP_SCHEMA_CHECK=compile', env: { PHOIHOP_SCHEMA_CHECK: 'compile' } },
  { name: 'PHOIHOP_WORKERS=off', env: { PHOIHOP_WORKERS: 'off' } },
  { name: 'PHOIHOP_WORKERS=on', env: { PHOIHOP_WORKERS: 'on' } },
  { name: 'PHOIHOP_STREAM=off', env: { PHOIHOP_STREAM: 'off' } },
];

main();

function main() {
  if (!flag('--no-build')) build();
  mkdirSync(OUT, { recursive: true });
  const schemaPath = join(OUT, 'plan.schema.json');
  const schema = spawnSync(process.execPath, [BIN, 'schema', 'plan'], { encoding: 'utf8' });
  if (schema.status !== 0) fail(`phoihop schema plan failed: ${schema.stderr}`);
  writeFileSync(schemaPath, schema.stdout);

  const results = { machine: machine(), seed, runs, logs, startup: {}, sizes: {} };
  say(`phoihop benchmark: ${results.machine.summary}; ${runs} runs each, medians; seed ${seed}${logs === 'complete' ? '; complete logs' : ''}`);
  results.machine.freshMemory = freshMemoryCost();
  const fresh = results.machine.freshMemory;
  say(`memory: first use ${fresh.firstMsPer100MB.toFixed(0)} ms per 100 MB, reuse ${fresh.reuseMsPer100MB.toFixed(0)} ms (about ${fresh.usPerFault.toFixed(1)} µs a page fault)\n`);

  // Start-up: the bare runtime against the commands that should load next to nothing.
  const startup = [
    { name: 'node -e 0', argv: ['-e', '0'] },
    { name: 'phoihop --version', argv: [BIN, '--version'] },
    { name: 'phoihop --help', argv: [BIN, '--help'] },
  ];
  const startRuns = Math.max(runs * 2, 10);
  const startTimes = roundRobin(startup, startRuns, ROOT);
  say('start-up');
  for (const c of startup) say(row(c.name, startTimes.get(c.name)));
  const nodeMedian = median(startTimes.get('node -e 0').map((r) => r.seconds));
  for (const name of ['phoihop --version', 'phoihop --help']) {
    const m = summarize(startTimes.get(name));
    results.startup[name] = { ...m, ratioToNode: m.median / nodeMedian };
  }
  results.startup['node -e 0'] = summarize(startTimes.get('node -e 0'));
  say(`  ratio --version / node -e 0: ${fmtRatio(results.startup['phoihop --version'].ratioToNode)}   (target ≤ 2.0)`);
  say(`  ratio --help / node -e 0:    ${fmtRatio(results.startup['phoihop --help'].ratioToNode)}   (target ≤ 2.0)\n`);

  for (const n of sizes) {
    const mixed = ensureFolder(n, false);
    const clean = ensureFolder(n, true);
    say(`N = ${n.toLocaleString('en')}: ${mixed.meanLines} lines, ${mixed.meanBytes} bytes a plan on average; ${mixed.invalid} plans with a mistake in ${rel(mixed.dir)}, none in ${rel(clean.dir)}`);

    // ajv-cli stops at the first file it cannot parse (exit 2), so the pairs run on the clean folder,
    // where it reads every file; the mixed folder times validate with its diagnostics. The reports
    // refuse a folder with errors, so they run on the clean folder too. Every command of a size is
    // in one round robin, so a slow moment of a shared machine falls on all of them alike.
    const commands = [
      { name: 'phoihop validate', argv: [BIN, 'validate', '--as-of', AS_OF] },
      { name: 'ajv-cli validate', argv: [AJV_CLI, 'validate', '-s', schemaPath, '-d', 'plans/**/*.yaml'] },
      { name: 'phoihop status', argv: [BIN, 'status', '--as-of', AS_OF] },
      { name: 'phoihop deadlines', argv: [BIN, 'deadlines', '--as-of', AS_OF] },
      { name: 'phoihop summary', argv: [BIN, 'summary', '--as-of', AS_OF] },
    ].filter((c) => c.name === 'phoihop validate' || selected(c.name));
    const mixedCommand = { name: 'phoihop validate (mixed)', argv: [BIN, 'validate', '--as-of', AS_OF], cwd: mixed.dir };
    const cleanTimes = roundRobin(selected('phoihop validate') ? [mixedCommand, ...commands] : commands, runs, clean.dir);
    if (selected('phoihop validate')) {
      say('  mixed folder (1% of plans with a mistake)');
      say(row('phoihop validate', cleanTimes.get(mixedCommand.name)));
    }
    say('  clean folder');
    for (const c of commands) say(row(c.name, cleanTimes.get(c.name)));
    const v = cleanTimes.get('phoihop validate');
    const a = cleanTimes.get('ajv-cli validate');
    // The issue sets its speed targets on 10,000 plans; at other sizes the bound is shown for comparison only.
    const target = (bound) => (n === 10000 ? `(target ≤ ${bound})` : `(target ≤ ${bound} is for 10,000 plans)`);
    // Each round runs every command once, back to back: a ratio is taken within each round, then the median.
    const pairedRatio = (times) => median(times.map((r, i) => (isOk(r) && isOk(v[i]) ? r.seconds / v[i].seconds : NaN)).filter(Number.isFinite));
    const ajvRatios = a ? a.map((r, i) => (isOk(r) && isOk(v[i]) ? v[i].seconds / r.seconds : NaN)).filter(Number.isFinite) : [];
    const validateToAjv = ajvRatios.length ? median(ajvRatios) : NaN;
    if (a) say(`  ratio validate / ajv-cli (median of ${ajvRatios.length} paired runs): ${fmtRatio(validateToAjv)}   ${target('1.0')}`);
    if (a) say(faultShare(summarize(v), summarize(a), results.machine.freshMemory));
    const validateClean = summarize(v);
    const sizeResult = {
      plans: n,
      meanBytes: mixed.meanBytes,
      meanLines: mixed.meanLines,
      invalid: mixed.invalid,
      mixed: { validate: selected('phoihop validate') ? summarize(cleanTimes.get(mixedCommand.name)) : undefined },
      clean: { validate: validateClean, ajvCli: a ? summarize(a) : undefined, ratioValidateToAjvCli: validateToAjv },
    };
    for (const name of ['phoihop status', 'phoihop deadlines', 'phoihop summary'].filter(selected)) {
      const s = summarize(cleanTimes.get(name));
      const ratio = s.ok && validateClean.ok ? pairedRatio(cleanTimes.get(name)) : NaN;
      sizeResult.clean[name.split(' ')[1]] = { ...s, ratioToValidate: ratio };
      say(`  ratio ${name.split(' ')[1]} / validate (median of ${runs} paired runs): ${s.ok ? fmtRatio(ratio) : `n/a (exit ${s.exitCode})`}   ${target('1.2')}`);
    }
    results.sizes[n] = sizeResult;
    say('');
  }

  if (sizes.length > 1) {
    const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
    const rss = (n) => results.sizes[n].mixed.validate?.rssMB;
    if (rss(small) && rss(large)) {
      const growth = rss(large) / rss(small);
      const perPlan = ((rss(large) - rss(small)) * 1024) / (large - small);
      say(`memory: validate peak RSS ${rss(small).toFixed(0)} MB at N=${small}, ${rss(large).toFixed(0)} MB at N=${large} (×${growth.toFixed(1)} for ×${large / small} plans; about ${perPlan.toFixed(1)} KB a plan)`);
      results.memory = { small, large, growth, kbPerPlan: perPlan };
    }
  }
  if (ablation) {
    const n = Math.max(...sizes);
    const clean = ensureFolder(n, true);
    const commands = SPEED_UPS.map((s) => ({ name: s.name, argv: [BIN, 'validate', '--as-of', AS_OF], env: s.env }));
    const times = roundRobin(commands, runs, clean.dir);
    say(`validate at N = ${n.toLocaleString('en')} (clean folder), one speed-up off at a time`);
    for (const c of commands) say(row(c.name.padEnd(28), times.get(c.name)));
    results.ablation = Object.fromEntries(commands.map((c) => [c.name, summarize(times.get(c.name))]));
    say('');
  }
  if (instructions) {
    const n = Math.max(...sizes);
    const clean = ensureFolder(n, true);
    say(`instructions at N = ${n.toLocaleString('en')} (clean folder; valgrind --tool=callgrind, one thread each, the same count whatever else the machine does)`);
    const v = countInstructions([BIN, 'validate', '--as-of', AS_OF], clean.dir, { PHOIHOP_WORKERS: 'off' });
    const a = countInstructions([AJV_CLI, 'validate', '-s', schemaPath, '-d', 'plans/**/*.yaml'], clean.dir);
    say(`  phoihop validate     ${fmtCount(v)}`);
    say(`  ajv-cli validate     ${fmtCount(a)}`);
    const ratio = v && a ? v / a : NaN;
    say(`  ratio validate / ajv-cli in instructions: ${fmtRatio(ratio)}\n`);
    results.instructions = { plans: n, validate: v, ajvCli: a, ratio };
  }
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2) + '\n');
}

function build() {
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) fail('the build (npm run build) failed');
}

/** The folder for N plans, regenerated only when the generator, seed or N changed. */
function ensureFolder(n, clean) {
  const dir = join(OUT, `n${n}${clean ? '-clean' : ''}${logs === 'complete' ? '-complete-logs' : ''}`);
  const stampPath = join(dir, '.bench-stamp.json');
  const generator = createHash('sha256').update(readFileSync(join(ROOT, 'bench', 'generate.js'))).digest('hex');
  const wanted = { generator, seed, n, clean, logs };
  if (existsSync(stampPath)) {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    if (stamp.generator === generator && stamp.seed === seed && stamp.n === n && stamp.clean === clean && (stamp.logs ?? 'capped') === logs) return stamp;
  }
  const made = generateFolder(dir, { n, seed, clean, logs });
  const stamp = { ...wanted, dir, plans: made.plans, invalid: made.invalid, meanBytes: made.meanBytes, meanLines: made.meanLines };
  // A dot-file: phoihop skips nothing by that name, but it is not YAML, so it is never loaded.
  writeFileSync(stampPath, JSON.stringify(stamp));
  return stamp;
}

/**
 * Runs each command `count` times, interleaved (A B C, then B C A, …) so a
 * slow moment of the machine falls on every command alike.
 */
function roundRobin(commands, count, cwd) {
  const times = new Map(commands.map((c) => [c.name, []]));
  for (let i = 0; i < count; i++) {
    const order = rotate(commands, i % commands.length);
    for (const c of order) times.get(c.name).push(timeRun(c.argv, c.cwd ?? cwd, c.env));
  }
  return times;
}

function rotate(list, by) {
  return [...list.slice(by), ...list.slice(0, by)];
}

/** One whole-process run: wall time, exit code, and peak RSS. */
function timeRun(argv, cwd, extraEnv = {}) {
  const env = { ...process.env, NO_COLOR: '1', ...extraEnv };
  delete env.FORCE_COLOR;
  let file;
  let command;
  let commandArgs;
  if (TIME) {
    file = join(tmpdir(), `phoihop-bench-${process.pid}.rss`);
    command = TIME;
    commandArgs = ['-f', '%M %R', '-o', file, process.execPath, ...argv];
  } else {
    // No time(1): a preloaded hook writes the process's peak RSS and page faults at exit.
    file = join(tmpdir(), `phoihop-bench-${process.pid}.rss`);
    env.PHOIHOP_BENCH_RSS_FILE = file;
    command = process.execPath;
    commandArgs = ['--import', RSS_HOOK, ...argv];
  }
  rmSync(file, { force: true });
  const start = process.hrtime.bigint();
  // Output goes to /dev/null, as hyperfine sends it: a pipe would time this script reading 90 MB as well.
  const devNull = openSync('/dev/null', 'w');
  const r = spawnSync(command, commandArgs, { cwd, env, encoding: 'utf8', stdio: ['ignore', devNull, 'pipe'], maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
  closeSync(devNull);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let rssKB;
  let faults;
  try {
    // time(1) writes a line of its own first when the command failed: the figures are on the last line.
    [rssKB, faults] = readFileSync(file, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  } catch {
    rssKB = undefined;
  } finally {
    rmSync(file, { force: true });
  }
  const exitCode = r.status ?? (r.signal ? `signal ${r.signal}` : 'error');
  return { seconds, exitCode, rssMB: rssKB ? rssKB / 1024 : undefined, faults: Number.isFinite(faults) ? faults : undefined, stderr: OK_CODES.has(r.status) ? '' : String(r.stderr ?? r.error ?? '').slice(0, 300) };
}

function isOk(r) {
  return OK_CODES.has(r.exitCode);
}

function summarize(list) {
  const ok = list.every(isOk);
  const seconds = list.map((r) => r.seconds);
  const rss = list.map((r) => r.rssMB).filter((x) => x !== undefined);
  const faults = list.map((r) => r.faults).filter((x) => x !== undefined);
  return {
    ok,
    exitCode: list[0].exitCode,
    median: median(seconds),
    min: Math.min(...seconds),
    max: Math.max(...seconds),
    runs: seconds,
    rssMB: rss.length ? median(rss) : undefined,
    pageFaults: faults.length ? median(faults) : undefined,
    error: ok ? undefined : list.find((r) => !isOk(r)).stderr.split('\n')[0],
  };
}

function row(name, list) {
  const s = summarize(list);
  const label = `  ${name.padEnd(20)}`;
  if (!s.ok) return `${label} n/a (exit ${s.exitCode}${s.error ? `: ${s.error}` : ''})`;
  const rss = s.rssMB ? `${s.rssMB.toFixed(0).padStart(5)} MB` : '    ? MB';
  const faults = s.pageFaults === undefined ? '' : `  ${(s.pageFaults / 1000).toFixed(1).padStart(6)}k page faults`;
  return `${label} ${s.median.toFixed(3).padStart(7)} s  (min ${s.min.toFixed(3)}, max ${s.max.toFixed(3)})  peak RSS ${rss}${faults}  exit ${s.exitCode}`;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function fmtRatio(x) {
  return Number.isFinite(x) ? x.toFixed(2) : 'n/a';
}

function rel(p) {
  return p.replace(ROOT, '');
}

function machine() {
  const cpu = cpus();
  const model = cpu[0]?.model?.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const memGB = Math.round(totalmem() / 2 ** 30);
  return { cpu: model, cores: cpu.length, memGB, node: process.version, platform: `${process.platform} ${process.arch}`, summary: `${cpu.length} × ${model}, ${memGB} GB, Node ${process.version}, ${process.platform}` };
}

/**
 * The instructions a whole run executes, counted by callgrind: on a shared
 * machine the one measure that does not move with what else runs there.
 * `--single-threaded` keeps V8's compiler and collector on the main thread,
 * so that their work is counted too. Undefined without valgrind.
 */
function countInstructions(argv, cwd, extraEnv = {}) {
  const env = { ...process.env, NO_COLOR: '1', ...extraEnv };
  const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', ...argv];
  const r = spawnSync('valgrind', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const collected = /Collected : (\d+)/.exec(r.stderr ?? '');
  if (r.error || !collected) {
    say(`  (valgrind did not count: ${r.error?.message ?? String(r.stderr).split('\n').slice(-3).join(' ')})`);
    return undefined;
  }
  return Number(collected[1]);
}

function fmtCount(count) {
  return count === undefined ? 'n/a' : `${(count / 1e9).toFixed(2)} billion instructions`;
}

/**
 * What a page of memory costs the first time a process uses it, against
 * using it again, in a process of its own. On some virtual machines the
 * first use costs fifty times the second (README, Performance): there a
 * command's speed follows how much memory it keeps, not only its work.
 */
function freshMemoryCost() {
  const MB = 256;
  const probe = `const b = Buffer.alloc(${MB} * 1048576); const t0 = process.hrtime.bigint(); b.fill(1);
    const t1 = process.hrtime.bigint(); b.fill(2); const t2 = process.hrtime.bigint();
    process.stdout.write(JSON.stringify([Number(t1 - t0) / 1e6, Number(t2 - t1) / 1e6]));`;
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  if (r.status !== 0) fail(`the memory probe failed: ${r.stderr}`);
  const [firstMs, reuseMs] = JSON.parse(r.stdout);
  const pages = (MB * 1048576) / 4096;
  return { firstMsPer100MB: (firstMs * 100) / MB, reuseMsPer100MB: (reuseMs * 100) / MB, usPerFault: ((firstMs - reuseMs) * 1000) / pages };
}

/** How much of validate's time over ajv-cli's its extra page faults account for, at the probe's cost a fault. */
function faultShare(validate, ajv, fresh) {
  if (validate.pageFaults === undefined || ajv.pageFaults === undefined) return '  (page faults not measured)';
  const extra = validate.pageFaults - ajv.pageFaults;
  const seconds = (extra * fresh.usPerFault) / 1e6;
  return `  page faults: validate ${(extra / 1000).toFixed(0)}k more than ajv-cli, about ${seconds.toFixed(2)} s at this machine's cost a fault (the gap: ${(validate.median - ajv.median).toFixed(2)} s)`;
}

function say(line) {
  process.stdout.write(line + '\n');
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}
