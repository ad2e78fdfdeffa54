/** Builds records folders in temporary directories, so a test shows its input next to its assertion. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll } from 'vitest';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder holding `files` (path → text or bytes); removed after the test file. */
export function tempFolder(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'phoihop-'));
  created.push(dir);
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** Every file under a folder, as bytes, by relative path with `/`: a folder to load from memory. */
export function folderBytes(root: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(root, full).split('\\').join('/')] = readFileSync(full);
    }
  };
  walk(root);
  return files;
}

/** A temp copy of a folder (e.g. an example), safe to edit. */
export function copyFolder(source: string): string {
  const dir = tempFolder();
  cpSync(source, dir, { recursive: true });
  return dir;
}

/** A minimal valid folder: config, two parties, and the plans given (plan files under plans/). */
export function minimalFolder(plans: Record<string, string> = {}, extra: Record<string, string> = {}): string {
  return tempFolder({
    'phoihop.yaml': 'kind: config\ntitle: Ban Dân vận Tỉnh ủy\nlocale: vi\n',
    'parties.yaml': [
      'kind: parties',
      'parties:',
      '  - id: bdv-tu',
      '    name: Ban Dân vận Tỉnh ủy',
      '  - id: btg-tu',
      '    name: Ban Tuyên giáo Tỉnh ủy',
      '',
    ].join('\n'),
    ...Object.fromEntries(Object.entries(plans).map(([name, text]) => [`plans/${name}`, text])),
    ...extra,
  });
}
