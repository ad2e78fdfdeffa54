/**
 * Interrupted writes leave the old file or the new one, never a torn one,
 * and no temporary file: a failing rename or write (injected), a child
 * process killed mid-write (SIGTERM cleans up at once; SIGKILL's leftover is
 * swept by the next write).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sweepStaleTemps, writeFileAtomic, writeFileExclusive } from '../../src/edit/atomic-write.js';
import { tempFolder } from '../helpers/folder.js';

const HOLD = fileURLToPath(new URL('./fixtures/hold-write.mjs', import.meta.url));
const OLD = 'kind: plan # bản cũ\n'.repeat(50);
const NEW = 'kind: plan # bản mới\n'.repeat(60);
const bytes = (s: string) => new TextEncoder().encode(s);
const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

function folderWithFile(): { dir: string; file: string } {
  const dir = tempFolder({ 'a.yaml': OLD });
  return { dir, file: join(dir, 'a.yaml') };
}

describe('writeFileAtomic', () => {
  it('replaces the file and keeps its permissions', async () => {
    const { dir, file } = folderWithFile();
    chmodSync(file, 0o640);
    await writeFileAtomic(file, bytes(NEW));
    expect(readFileSync(file, 'utf8')).toBe(NEW);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(temps(dir)).toEqual([]);
  });

  it('writes through a symlink to the real file, keeping the link', async () => {
    const { dir, file } = folderWithFile();
    const link = join(dir, 'link.yaml');
    symlinkSync(file, link);
    await writeFileAtomic(link, bytes(NEW));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(NEW);
    expect(temps(dir)).toEqual([]);
  });

  it('leaves the old file and no temporary file when the rename fails', async () => {
    const { dir, file } = folderWithFile();
    const rename = async () => {
      throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
    };
    await expect(writeFileAtomic(file, bytes(NEW), { fs: { rename } })).rejects.toThrow('injected');
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(temps(dir)).toEqual([]);
  });

  it('leaves the old file and no temporary file when the disk fills mid-write', async () => {
    const { dir, file } = folderWithFile();
    // The temporary file gets 10 bytes, then the write fails as on a full disk.
    const open = (async (...args: Parameters<typeof fsp.open>) => {
      const handle = await fsp.open(...args);
      return new Proxy(handle, {
        get(target, prop) {
          if (prop === 'writeFile') {
            return async (data: Uint8Array) => {
              await target.write(data.subarray(0, 10));
              throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' });
            };
          }
          const value = Reflect.get(target, prop);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }) as typeof fsp.open;
    await expect(writeFileAtomic(file, bytes(NEW), { fs: { open } })).rejects.toThrow('ENOSPC');
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(temps(dir)).toEqual([]);
  });
});

/** Starts the holding child and resolves once its temporary file is complete. */
function holdWrite(file: string): Promise<{ child: ChildProcess; temp: string }> {
  const child = spawn(process.execPath, [HOLD, file, NEW], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /^ready (.+)\n/.exec(out);
      if (m) resolve({ child, temp: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));

describe('a write interrupted in a child process', () => {
  it('on SIGTERM: the old file stays and the temporary file is removed', async () => {
    const { dir, file } = folderWithFile();
    const { child, temp } = await holdWrite(file);
    expect(readFileSync(temp, 'utf8')).toBe(NEW); // the new content was complete, only the rename was pending
    const done = exited(child);
    child.kill('SIGTERM');
    expect(await done).toBe(128 + 15);
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(temps(dir)).toEqual([]);
  });

  it('on SIGKILL: the old file stays, and the next write sweeps the leftover', async () => {
    const { dir, file } = folderWithFile();
    const { child, temp } = await holdWrite(file);
    const done = exited(child);
    child.kill('SIGKILL');
    expect(await done).toBe('SIGKILL');
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(existsSync(temp)).toBe(true); // nothing can run on SIGKILL
    await writeFileAtomic(file, bytes(NEW));
    expect(readFileSync(file, 'utf8')).toBe(NEW);
    expect(temps(dir)).toEqual([]);
  });

  it('never sweeps the temporary file of a write still running', async () => {
    const { dir, file } = folderWithFile();
    const { child, temp } = await holdWrite(file);
    try {
      expect(await sweepStaleTemps(file)).toEqual([]);
      expect(existsSync(temp)).toBe(true);
    } finally {
      const done = exited(child);
      child.kill('SIGTERM');
      await done;
    }
    expect(temps(dir)).toEqual([]);
  });
});

describe('writeFileExclusive', () => {
  it('creates a file, and refuses to replace one', async () => {
    const dir = tempFolder({ 'old.yaml': OLD });
    await writeFileExclusive(join(dir, 'new.yaml'), bytes(NEW));
    expect(readFileSync(join(dir, 'new.yaml'), 'utf8')).toBe(NEW);
    await expect(writeFileExclusive(join(dir, 'old.yaml'), bytes(NEW))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(dir, 'old.yaml'), 'utf8')).toBe(OLD);
    expect(temps(dir)).toEqual([]);
  });

  it('falls back to an exclusive create where hard links are not supported', async () => {
    const dir = tempFolder({ 'old.yaml': OLD });
    const link = async () => {
      throw Object.assign(new Error('EPERM: injected'), { code: 'EPERM' });
    };
    await writeFileExclusive(join(dir, 'new.yaml'), bytes(NEW), { fs: { link } });
    expect(readFileSync(join(dir, 'new.yaml'), 'utf8')).toBe(NEW);
    await expect(writeFileExclusive(join(dir, 'old.yaml'), bytes(NEW), { fs: { link } })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(dir, 'old.yaml'), 'utf8')).toBe(OLD);
    expect(temps(dir)).toEqual([]);
  });
});
