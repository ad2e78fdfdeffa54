/**
 * `done` runs at once in one records folder take turns (src/edit/folder-lock.ts),
 * run as subprocesses on a copy of the Phú Yên example. Without the lock, an
 * audit saw 10 of 48 completions reported as recorded and then missing,
 * with six runs at once.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli-async.js';
import { BIN, EXAMPLES, REPO_ROOT, runCli } from '../helpers/cli.js';
import { pathToFileURL } from 'node:url';
import { tempFolder } from '../helpers/folder.js';

const PROGRAM = 'plans/btg-bdv-2022-2026.yaml';
const LOCK = '.phoihop.lock';

function exampleCopy(): string {
  const dir = tempFolder();
  cpSync(join(EXAMPLES, 'phu-yen'), dir, { recursive: true });
  return dir;
}

const programText = (dir: string) => readFileSync(join(dir, PROGRAM), 'utf8');

/** The exit code of a process, once it ends. */
function spawnAsync(command: string, args: string[]): Promise<number | null> {
  return new Promise((resolve) => spawn(command, args, { stdio: 'inherit' }).on('close', resolve));
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('done: one writer at a time in a records folder', () => {
  it('records every completion of six runs at once in one file, and leaves no lock', async () => {
    const dir = exampleCopy();
    const oneOffs = ['tong-ket', 'du-thao-tong-ket', 'bieu-duong-dan-van-kheo-2026', 'toa-dam-dau-tranh'];
    const runs = [
      ...oneOffs.map((task) => ['done', `btg-bdv-2022-2026/${task}`, '--date', '2026-12-01']),
      ...['2026-Q3', '2026-Q4'].map((period) => ['done', 'btg-bdv-2022-2026/giao-ban-quy', '--period', period, '--date', '2026-12-01']),
    ];
    const results = await Promise.all(runs.map((args) => runCliAsync(['-C', dir, ...args])));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
    const status = JSON.parse(runCli(['status', 'btg-bdv-2022-2026', '-C', dir, '--format', 'json', '--as-of', '2026-12-05']).stdout);
    const doneOn = (task: string, occurrence: string | null) =>
      status.items.find((i: { task: string; occurrence: string | null }) => i.task === task && i.occurrence === occurrence);
    for (const task of oneOffs) expect(doneOn(task, null)).toMatchObject({ state: 'done', done: '2026-12-01' });
    for (const key of ['2026-Q3', '2026-Q4']) expect(doneOn('giao-ban-quy', key)).toMatchObject({ state: 'done', done: '2026-12-01' });
    expect(existsSync(join(dir, LOCK))).toBe(false);
    expect(runCli(['validate', '-C', dir]).code).toBe(0);
  });

  it('waits while another run holds the folder, says so, and writes once it is free', async () => {
    const dir = exampleCopy();
    const before = programText(dir);
    // This test's own process holds it: alive, on this machine.
    writeFileSync(join(dir, LOCK), `${process.pid} ${hostname()}\n`);
    const child = spawn(process.execPath, [BIN, '-C', dir, 'done', 'btg-bdv-2022-2026/tong-ket', '--date', '2026-12-01'], {
      env: { ...process.env, PHOIHOP_LOCK_WAIT: '120', FORCE_COLOR: '0' },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    await until(() => stderr.includes('\n'), 'the wait to be announced');
    expect(stderr).toBe(`phoihop: đang chờ một lệnh phoihop khác (tiến trình ${process.pid} trên máy ${hostname()}) ghi xong vào thư mục hồ sơ…\n`);
    // Waiting, it has not read the folder yet, let alone written.
    expect(programText(dir)).toBe(before);
    rmSync(join(dir, LOCK));
    expect(await closed).toBe(0);
    expect(programText(dir)).toContain('    status: done\n    done: 2026-12-01\n');
    expect(existsSync(join(dir, LOCK))).toBe(false);
  });

  it('gives up after PHOIHOP_LOCK_WAIT seconds with exit 1, naming the lock file, and writes nothing', () => {
    const dir = exampleCopy();
    const before = programText(dir);
    const held = `${process.pid} ${hostname()}\n`;
    writeFileSync(join(dir, LOCK), held);
    const r = runCli(['-C', dir, 'done', 'btg-bdv-2022-2026/tong-ket', '--date', '2026-12-01', '--lang', 'en'], { env: { PHOIHOP_LOCK_WAIT: '0' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The records folder was still held by another phoihop run after 0 s of waiting (process ${process.pid} on ${hostname()}; lock file ${join(dir, LOCK)}), so nothing was written`);
    expect(programText(dir)).toBe(before);
    // Another run's lock is left as it was.
    expect(readFileSync(join(dir, LOCK), 'utf8')).toBe(held);
  });

  it('takes over a lock whose process has ended on this machine, or one older than ten minutes from another', () => {
    for (const [holder, age] of [
      [`${deadPid()} ${hostname()}`, 0],
      ['4242 may-khac.example', 11 * 60],
    ] as const) {
      const dir = exampleCopy();
      writeFileSync(join(dir, LOCK), `${holder}\n`);
      if (age > 0) utimesSync(join(dir, LOCK), new Date(Date.now() - age * 1000), new Date(Date.now() - age * 1000));
      const r = runCli(['-C', dir, 'done', 'btg-bdv-2022-2026/tong-ket', '--date', '2026-12-01'], { env: { PHOIHOP_LOCK_WAIT: '0' } });
      expect(r.code).toBe(0);
      expect(programText(dir)).toContain('    status: done\n    done: 2026-12-01\n');
      expect(existsSync(join(dir, LOCK))).toBe(false);
    }
  });

  it('takes turns with six runs at once where a dead run left its lock', async () => {
    const dir = exampleCopy();
    writeFileSync(join(dir, LOCK), `${deadPid()} ${hostname()}\n`);
    const tasks = ['tong-ket', 'du-thao-tong-ket', 'bieu-duong-dan-van-kheo-2026', 'toa-dam-dau-tranh', 'so-ket', 'ky-niem-95-nam'];
    const results = await Promise.all(tasks.map((task) => runCliAsync(['-C', dir, 'done', `btg-bdv-2022-2026/${task}`, '--date', '2026-12-01', '--force'])));
    expect(results.map((r) => [r.code, r.stderr.split('\n').filter((line) => !line.includes('đang chờ')).join('')])).toEqual(tasks.map(() => [0, '']));
    const status = JSON.parse(runCli(['status', 'btg-bdv-2022-2026', '-C', dir, '--format', 'json', '--as-of', '2026-12-05']).stdout);
    for (const task of tasks) expect(status.items.find((i: { task: string }) => i.task === task)).toMatchObject({ state: 'done', done: '2026-12-01' });
    expect(readdirSync(dir).filter((name) => name.startsWith('.phoihop'))).toEqual([]);
  });

  it('takes over an empty lock a few seconds old (its run died before writing it), and waits for a young one', () => {
    const dir = exampleCopy();
    writeFileSync(join(dir, LOCK), '');
    const young = runCli(['-C', dir, 'done', 'btg-bdv-2022-2026/tong-ket', '--date', '2026-12-01', '--lang', 'en'], { env: { PHOIHOP_LOCK_WAIT: '0' } });
    expect(young.code).toBe(1);
    expect(young.stderr).toContain('held by another phoihop run after 0 s of waiting (which one is not known; lock file');
    utimesSync(join(dir, LOCK), new Date(Date.now() - 6000), new Date(Date.now() - 6000));
    expect(runCli(['-C', dir, 'done', 'btg-bdv-2022-2026/tong-ket', '--date', '2026-12-01'], { env: { PHOIHOP_LOCK_WAIT: '0' } }).code).toBe(0);
    expect(existsSync(join(dir, LOCK))).toBe(false);
  });

  it('waits on a folder or a dangling link in the lock’s place, within the wait, and never removes it', () => {
    for (const make of [(path: string) => mkdirSync(path), (path: string) => symlinkSync('khong-co', path)]) {
      const dir = exampleCopy();
      make(join(dir, LOCK));
      const r = runCli(['-C', dir, 'done', 'btg-bdv-2022-2026/tong-ket', '--date', '2026-12-01'], { env: { PHOIHOP_LOCK_WAIT: '1' } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('(không rõ tiến trình nào; tệp khóa');
      expect(lstatSync(join(dir, LOCK)).isFile()).toBe(false);
    }
  });

  it('lets one holder in at a time among twelve processes that want it at once (the lock alone)', async () => {
    const dir = tempFolder();
    const lock = pathToFileURL(join(REPO_ROOT, 'dist/edit/folder-lock.js')).href;
    // Each holds the lock 20 ms and makes a marker that only one process can make at a time.
    const holder = `
      import { openSync, closeSync, unlinkSync } from 'node:fs';
      const { withFolderLock } = await import(${JSON.stringify(lock)});
      await withFolderLock(${JSON.stringify(dir)}, async () => {
        const marker = ${JSON.stringify(join(dir, 'inside'))};
        closeSync(openSync(marker, 'wx'));
        await new Promise((resolve) => setTimeout(resolve, 20));
        unlinkSync(marker);
      });`;
    for (let round = 0; round < 3; round++) {
      const runs = Array.from({ length: 12 }, () => spawnAsync(process.execPath, ['--input-type=module', '-e', holder]));
      expect(await Promise.all(runs)).toEqual(Array(12).fill(0));
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps a young lock of another machine', () => {
    const dir = exampleCopy();
    writeFileSync(join(dir, LOCK), '4242 may-khac.example\n');
    const r = runCli(['-C', dir, 'done', 'btg-bdv-2022-2026/tong-ket', '--date', '2026-12-01'], { env: { PHOIHOP_LOCK_WAIT: '0' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tiến trình 4242 trên máy may-khac.example');
  });

  it('removes its lock after a refusal too; --dry-run writes nothing and takes no lock', () => {
    const dir = exampleCopy();
    // A one-off given --period: refused once the folder has been read, inside the lock.
    expect(runCli(['-C', dir, 'done', 'btg-bdv-2022-2026/tong-ket', '--date', '2026-12-01', '--period', '2026-Q3']).code).toBe(2);
    expect(existsSync(join(dir, LOCK))).toBe(false);
    writeFileSync(join(dir, LOCK), `${process.pid} ${hostname()}\n`);
    const dry = runCli(['-C', dir, 'done', 'btg-bdv-2022-2026/tong-ket', '--date', '2026-12-01', '--dry-run'], { env: { PHOIHOP_LOCK_WAIT: '0' } });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('    status: done');
    expect(programText(dir)).toBe(readFileSync(join(EXAMPLES, 'phu-yen', PROGRAM), 'utf8'));
  });
});
