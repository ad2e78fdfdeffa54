/** The command line as a whole: schema output, pipes closed early, argument checks shared by the reports. */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { usageErrorMessage } from '../src/cli/usage-errors.js';
import { BIN, EXAMPLES, REPO_ROOT, runCli } from './helpers/cli.js';
import { runCliAsync } from './helpers/cli-async.js';
import { tempFolder } from './helpers/folder.js';
// @ts-expect-error plain JS module of the benchmark
import { generateFolder } from '../bench/generate.js';

describe('phoihop schema', () => {
  it.each(['config', 'parties', 'plan'])('prints the %s schema as shipped, as JSON', (kind) => {
    const r = runCli(['schema', kind]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(`${REPO_ROOT}/schemas/${kind}.schema.json`, 'utf8'));
    expect(JSON.parse(r.stdout).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('refuses an unknown kind with exit 2', () => {
    const r = runCli(['schema', 'budget', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("No record kind 'budget'");
  });

  it('checks the global options as every command does, and speaks the config locale', () => {
    expect(runCli(['--as-of', '2022-02-30', 'schema'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining("'2022-02-30'") });
    expect(runCli(['--lang', 'xx', 'schema'])).toMatchObject({ code: 2, stdout: '' });
    expect(runCli(['--format', 'xml', 'schema'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('json') });
    expect(runCli(['--format', 'json', 'schema']).code).toBe(0);
    // A schema does not change with the revision, but an option in the place of one is still bad usage.
    expect(runCli(['schema', '--rev', '-x', '--lang', 'en'])).toEqual({ code: 2, stdout: '', stderr: "phoihop: A git revision cannot start with '-': '-x'.\n" });
    expect(runCli(['schema', '--rev', ' ']).code).toBe(2);
    const english = tempFolder({ 'phoihop.yaml': 'kind: config\nlocale: en\n' });
    expect(runCli(['schema', 'budget'], { cwd: english }).stderr).toContain("No record kind 'budget'");
  });
});

describe("commander's usage errors, in the user's language", () => {
  // No phoihop.yaml here or above: the language is --lang, else Vietnamese.
  const plain = tempFolder();

  it.concurrent.each([
    ['an unknown option', ['status', '--al'], "phoihop: Không có tùy chọn '--al': có phải ý bạn là '--all'?\nXem hướng dẫn: phoihop status --help\n"],
    ['an unknown option, in English', ['status', '--al', '--lang', 'en'], "phoihop: Unknown option '--al': did you mean '--all'?\nSee: phoihop status --help\n"],
    ['an unknown global option', ['--fromat', 'json'], "phoihop: Không có tùy chọn '--fromat': có phải ý bạn là '--format'?\nXem hướng dẫn: phoihop --help\n"],
    ['an unknown option, nothing near it', ['--lang=en', 'deadlines', '--zzz'], "phoihop: Unknown option '--zzz'.\nSee: phoihop deadlines --help\n"],
    // Not commander's '--lang', which is near in spelling only.
    ['an option of another command', ['summary', '--plan', 'x'], "phoihop: Lệnh này không có tùy chọn '--plan'; lệnh deadlines có tùy chọn này.\nXem hướng dẫn: phoihop summary --help\n"],
    ['an option of two other commands, in English', ['validate', '--party=x', '--lang', 'en'], "phoihop: This command has no option '--party'; status and deadlines have it.\nSee: phoihop validate --help\n"],
    ['an unknown command', ['stauts'], "phoihop: Không có lệnh 'stauts': có phải ý bạn là 'status'?\nXem hướng dẫn: phoihop --help\n"],
    ['an unknown command, in English', ['--lang', 'en', 'stauts'], "phoihop: Unknown command 'stauts': did you mean 'status'?\nSee: phoihop --help\n"],
    ['an unknown command, nothing near it', ['xyzzy'], "phoihop: Không có lệnh 'xyzzy'.\nXem hướng dẫn: phoihop --help\n"],
    ['help for an unknown command', ['help', 'dne'], "phoihop: Không có lệnh 'dne': có phải ý bạn là 'done'?\nXem hướng dẫn: phoihop --help\n"],
    ['help for an unknown command, in English', ['--lang', 'en', 'help', 'xyzzy'], "phoihop: Unknown command 'xyzzy'.\nSee: phoihop --help\n"],
    ['done without its task', ['done'], "phoihop: Thiếu tham số bắt buộc 'plan-id/task-id'.\nXem hướng dẫn: phoihop done --help\n"],
    ['new without a plan id, in English', ['new', '--lang', 'en', '--title', 'T'], "phoihop: Missing required argument 'plan-id'.\nSee: phoihop new --help\n"],
    ['--as-of at the end, without its date', ['status', '--as-of'], "phoihop: Tùy chọn '--as-of <date>' thiếu giá trị.\nXem hướng dẫn: phoihop --help\n"],
    ['an option of a command without its value, in English', ['--lang', 'en', 'deadlines', '--within'], "phoihop: Option '--within <days>' needs a value.\nSee: phoihop deadlines --help\n"],
    ['too many arguments', ['status', 'a', 'b'], "phoihop: Thừa tham số cho lệnh 'status': chỉ nhận tối đa 1, có 2.\nXem hướng dẫn: phoihop status --help\n"],
    ['an argument to a command that takes none, in English', ['deadlines', 'soon', '--lang', 'en'], "phoihop: Too many arguments for 'deadlines': expected none, got 1.\nSee: phoihop deadlines --help\n"],
  ])('%s: one line, then where the help is; exit 2', async (_name, args, stderr) => {
    expect(await runCliAsync(args, { cwd: plain })).toEqual({ code: 2, stdout: '', stderr });
  });

  it.concurrent('help names a command as its --help does; help alone is the whole help', async () => {
    const [named, flag, whole, flagWhole] = await Promise.all([
      runCliAsync(['help', 'status'], { cwd: plain }),
      runCliAsync(['status', '--help'], { cwd: plain }),
      runCliAsync(['help'], { cwd: plain }),
      runCliAsync(['--help'], { cwd: plain }),
    ]);
    expect(named).toEqual({ ...flag, code: 0 });
    expect(named.stdout).toMatch(/^Cách dùng: phoihop status \[tùy chọn\] \[plan-id\]/);
    expect(whole).toEqual({ ...flagWhole, code: 0 });
    expect(whole.stdout).toContain('help [lệnh]');
  });

  it.concurrent("speak the records folder's locale: the nearest phoihop.yaml upward, or -C's; --lang first", async () => {
    const english = tempFolder({ 'phoihop.yaml': 'kind: config\nlocale: en\n', 'plans/.keep': '' });
    const [up, dirOption, dirEquals, lang] = await Promise.all([
      runCliAsync(['stauts'], { cwd: join(english, 'plans') }),
      runCliAsync(['-C', english, 'status', '--al'], { cwd: plain }),
      runCliAsync(['done', `--dir=${english}`], { cwd: plain }),
      runCliAsync(['--lang', 'vi', 'stauts'], { cwd: english }),
    ]);
    expect(up).toEqual({ code: 2, stdout: '', stderr: "phoihop: Unknown command 'stauts': did you mean 'status'?\nSee: phoihop --help\n" });
    expect(dirOption).toEqual({ code: 2, stdout: '', stderr: "phoihop: Unknown option '--al': did you mean '--all'?\nSee: phoihop status --help\n" });
    expect(dirEquals).toEqual({ code: 2, stdout: '', stderr: "phoihop: Missing required argument 'plan-id/task-id'.\nSee: phoihop done --help\n" });
    expect(lang).toEqual({ code: 2, stdout: '', stderr: "phoihop: Không có lệnh 'stauts': có phải ý bạn là 'status'?\nXem hướng dẫn: phoihop --help\n" });
    // An unsupported --lang leaves the choice to the config, as for phoihop's own errors.
    expect((await runCliAsync(['--lang', 'fr', 'stauts'], { cwd: english })).stderr).toMatch(/^phoihop: Unknown command 'stauts'/);
    // The locale is read as the loader reads the config: a value after a comment glued to its `#` (which yaml's own lexer misreads).
    const glued = tempFolder({ 'phoihop.yaml': 'kind: config\nlocale:\n#ngôn ngữ\n  en\ntitle: T\n' });
    expect((await runCliAsync(['stauts'], { cwd: glued })).stderr).toMatch(/^phoihop: Unknown command 'stauts'/);
    expect((await runCliAsync(['validate', '-C', glued, '--as-of', '2026-11-22'])).stdout).toMatch(/^0 errors, 0 warnings/m);
  });

  /** The error commander raises for `args` on a program made by `build`, its English line kept quiet. */
  function commanderError(build: (program: Command) => void, args: string[]): CommanderError {
    const program = new Command('x').exitOverride().configureOutput({ outputError: () => {}, writeErr: () => {}, writeOut: () => {} });
    build(program);
    try {
      program.parse(args, { from: 'user' });
    } catch (error) {
      if (error instanceof CommanderError) return error;
      throw error;
    }
    throw new Error(`commander accepted ${args.join(' ')}`);
  }

  it.each([
    ['several suggestions', (p: Command) => p.option('--alpha').option('--alphx').action(() => {}), ['--alph'],
      "Không có tùy chọn '--alph': có phải ý bạn là '--alpha' hay '--alphx'?", "Unknown option '--alph': did you mean '--alpha' or '--alphx'?"],
    ['a mandatory option left out', (p: Command) => p.requiredOption('--title <text>').action(() => {}), [],
      "Thiếu tùy chọn bắt buộc '--title <text>'.", "Required option '--title <text>' is missing."],
    ['an option value not among its choices', (p: Command) => p.addOption(new Option('--kind <kind>').choices(['plan', 'config'])).action(() => {}), ['--kind', 'budget'],
      "Giá trị 'budget' của tùy chọn '--kind <kind>' không hợp lệ (chọn: plan, config).", "Invalid value 'budget' for option '--kind <kind>' (choose: plan, config)."],
    ['an argument not among its choices', (p: Command) => p.addArgument(new Argument('<kind>').choices(['plan', 'config'])).action(() => {}), ['budget'],
      "Giá trị 'budget' của tham số 'kind' không hợp lệ (chọn: plan, config).", "Invalid value 'budget' for argument 'kind' (choose: plan, config)."],
    ['an argument its parser refuses (the parser\'s reason kept as given)',
      (p: Command) => p.argument('<n>', 'a number', (v: string) => { if (!/^\d+$/.test(v)) throw new InvalidArgumentError('Not a number.'); return Number(v); }).action(() => {}), ['two'],
      "Giá trị 'two' của tham số 'n' không hợp lệ: Not a number.", "Invalid value 'two' for argument 'n': Not a number."],
    ['conflicting options', (p: Command) => p.addOption(new Option('--all').conflicts('party')).option('--party <id>').action(() => {}), ['--all', '--party', 'x'],
      "Không dùng được tùy chọn '--all' cùng với tùy chọn '--party <id>'.", "Option '--all' cannot be used with option '--party <id>'."],
  ])('%s: translated from what commander names', (_name, build, args, vi, en) => {
    const error = commanderError(build, args);
    expect(usageErrorMessage('vi', error.code, error.message)).toBe(vi);
    expect(usageErrorMessage('en', error.code, error.message)).toBe(en);
  });

  it("keeps commander's English text for a code it does not know, or a wording it does not recognise", () => {
    expect(usageErrorMessage('vi', 'commander.somethingNew', 'error: something new went wrong')).toBe('something new went wrong');
    expect(usageErrorMessage('vi', 'commander.unknownOption', "error: option '--x' is not known\n(Did you mean --y?)")).toBe("option '--x' is not known\n(Did you mean --y?)");
  });
});

describe('how a run that cannot go on ends', () => {
  it('without a command: the help on stderr, exit 2 (bad usage); asked for, on stdout, exit 0', () => {
    const bare = runCli([]);
    expect([bare.code, bare.stdout]).toEqual([2, '']);
    expect(bare.stderr).toContain('Cách dùng: phoihop');
    expect(runCli(['help', 'nope']).code).toBe(2);
    expect(runCli(['help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Cách dùng: phoihop') });
    expect(runCli(['help', '--lang', 'en'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: phoihop') });
  });

  it.skipIf(!existsSync('/dev/full'))('on a full disk: one line on stderr, exit 1, no stack trace, in the language of --lang or the config', () => {
    const english = tempFolder({ 'phoihop.yaml': 'kind: config\nlocale: en\n' });
    const cases = [
      { args: ['validate', '-C', EXAMPLES + 'phu-yen'], line: 'Không ghi được kết quả ra màn hình hoặc tệp: đĩa đã đầy \\(ENOSPC\\)\\.' },
      { args: ['deadlines', '-C', EXAMPLES + 'phu-yen', '--lang', 'en', '--as-of', '2026-11-22'], line: 'Cannot write the output: the disk is full \\(ENOSPC\\)\\.' },
      { args: ['status', '-C', english], line: 'Cannot write the output: the disk is full \\(ENOSPC\\)\\.' },
    ];
    for (const { args, line } of cases) {
      const fd = openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      closeSync(fd);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^phoihop: ${line}\n$`));
    }
  });

  it.skipIf(process.platform === 'win32')('in a current folder deleted under it: one line, exit 2', () => {
    const gone = tempFolder();
    const r = spawnSync('sh', ['-c', `cd "${gone}" && rmdir "${gone}" && exec "${process.execPath}" "${BIN}" -C "${EXAMPLES}phu-yen" validate --lang en`], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^phoihop: Cannot read the current folder \(it may have been deleted\)[^\n]*\n$/);
  });
});

describe('a reader that closes the pipe early', () => {
  /** Runs phoihop with `args`, reads its first chunk of output and closes the pipe, as `| head` does: its exit code and stderr. */
  async function closedAfterFirstChunk(args: string[]): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stderr };
  }
  // 200 generated plans give a report far larger than a pipe's buffer, so the writer meets the closed pipe.
  const generated = () => {
    const dir = tempFolder();
    generateFolder(dir, { n: 200, seed: 7, clean: true });
    return dir;
  };

  it('ends the run quietly, with exit 0', async () => {
    const args = ['deadlines', '-C', generated(), '--as-of', '2026-11-22', '--within', '3650', '--format', 'csv'];
    expect(runCli(args).stdout.length).toBeGreaterThan(256 * 1024);
    expect(await closedAfterFirstChunk(args)).toEqual({ code: 0, stderr: '' });
  });

  it('keeps the exit code of the command: --fail-on-overdue is 1 whoever reads the list, in every format', async () => {
    const dir = generated();
    for (const format of ['table', 'csv']) {
      const args = ['deadlines', '-C', dir, '--as-of', '2026-11-22', '--within', '3650', '--fail-on-overdue', '--format', format];
      const whole = runCli(args);
      expect(whole.code).toBe(1);
      expect(whole.stdout.length).toBeGreaterThan(256 * 1024);
      expect({ format, ...(await closedAfterFirstChunk(args)) }).toEqual({ format, code: 1, stderr: '' });
    }
  });
});

describe('a reader slower than the report', () => {
  it('receives the long table whole, as a file does', async () => {
    // 300 plans give a table of about 2.7 MB: several chunks of the renderer, whose memory is reused once written.
    const dir = tempFolder();
    generateFolder(dir, { n: 300, seed: 5, clean: true });
    const args = [BIN, 'deadlines', '-C', dir, '--as-of', '2026-11-22'];
    const file = join(tempFolder(), 'deadlines.txt');
    const fd = openSync(file, 'w');
    expect(spawnSync(process.execPath, args, { stdio: ['ignore', fd, 'pipe'] }).status).toBe(0);
    closeSync(fd);
    const expected = readFileSync(file);
    expect(expected.length).toBeGreaterThan(2 * 1024 * 1024);
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const received: Buffer[] = [];
    // A pause after every read keeps the pipe full, so that the writer must wait for it to drain.
    child.stdout.on('data', (data: Buffer) => {
      received.push(data);
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 3);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(Buffer.concat(received).equals(expected)).toBe(true);
  });
});

describe('period and date options', () => {
  it('refuses a range that ends before it starts, and an impossible date, with exit 2', () => {
    const dir = EXAMPLES + 'phu-yen';
    expect(runCli(['summary', '-C', dir, '--period', '2026..2024']).code).toBe(2);
    expect(runCli(['summary', '-C', dir, '--period', 'Q3/2026..Q1/2026']).code).toBe(2);
    expect(runCli(['deadlines', '-C', dir, '--as-of', '29/2/2026']).code).toBe(2);
  });

  it('accepts a Vietnamese range with Vietnamese ends', () => {
    const r = runCli(['summary', '-C', EXAMPLES + 'phu-yen', '--period', 'Q1/2026..H1/2026', '--as-of', '2026-11-22', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).period).toEqual({ key: '2026-Q1..2026-H1', start: '2026-01-01', end: '2026-06-30' });
  });
});
