/**
 * `done` runs at once in one records folder take turns (src/edit/folder-lock.ts),
 * run as subprocesses on a copy of the Phú Yên example. Without the lock, an
 * audit saw 10 of 48 completions reported as recorded and then missing,
 * with six runs at once.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli-async.js';
import { BIN, EXAMPLES, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/folder.js';

const PROGRAM = 'plans/btg-bdv-2022-2026.yaml';
const LOCK = '.phoihop.lock';

function exampleCopy(): string {
  const dir = tempFolder();
  cpSync(join(EXAMPLES, 'phu-yen'), dir, { recursive: true });
  return dir;
}

const programText = (dir: string) => readFileSync(join(dir, PROGRAM), 'utf8');

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
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
    await until(() => stderr.includes('\n'));
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
    expect(r.stderr).toContain(`The records folder was still held by another phoihop run after 0 s of waiting (process ${process.pid} on ${hostname()}, lock file ${join(dir, LOCK)}), so nothing was written`);
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
