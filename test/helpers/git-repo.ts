/**
 * Real git repositories in temporary folders, built where the test reads
 * them. Git runs with a private HOME and no system config, with an identity
 * in the environment, so a CI machine without git settings works the same.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempFolder, writeFiles } from './folder.js';

const home = tempFolder();

/** The environment for git and for the CLI under test: isolated from the user's and the machine's git settings. */
export function gitTestEnv(): Record<string, string | undefined> {
  return {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    GIT_AUTHOR_NAME: 'Văn thư Ban Dân vận',
    GIT_AUTHOR_EMAIL: 'van-thu@example.invalid',
    GIT_COMMITTER_NAME: 'Văn thư Ban Dân vận',
    GIT_COMMITTER_EMAIL: 'van-thu@example.invalid',
    // A temp folder outside our repositories must never find a repository above it.
    GIT_CEILING_DIRECTORIES: tmpdir(),
    // Set when tests run inside a git hook; they would point git at the wrong repository.
    GIT_DIR: undefined,
    GIT_WORK_TREE: undefined,
    GIT_INDEX_FILE: undefined,
    GIT_OBJECT_DIRECTORY: undefined,
    GIT_COMMON_DIR: undefined,
    GIT_PREFIX: undefined,
  };
}

function processEnv(): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, ...gitTestEnv() };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as NodeJS.ProcessEnv;
}

export interface RepoSnapshot {
  status: string;
  indexHash: string;
  indexMtime: number;
  head: string;
  /** Every work tree file (outside .git) with the hash of its bytes. */
  files: Record<string, string>;
}

export interface GitRepo {
  /** The repository's top folder. */
  root: string;
  /** Runs `git <args>` in the repository (argument array, no shell); returns stdout. */
  git(...args: string[]): string;
  write(files: Record<string, string>): void;
  remove(...paths: string[]): void;
  /** Stages everything and commits; returns the commit id. */
  commit(message: string): string;
  snapshot(): RepoSnapshot;
}

/** A fresh repository on branch `main`, holding `files` (uncommitted). */
export function gitRepo(files: Record<string, string> = {}): GitRepo {
  const root = tempFolder();
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: processEnv(), encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  writeFiles(root, files);
  return {
    root,
    git,
    write: (more) => writeFiles(root, more),
    remove: (...paths) => paths.forEach((p) => rmSync(join(root, p), { recursive: true, force: true })),
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
    snapshot: () => snapshotOf(root, git),
  };
}

function snapshotOf(root: string, git: (...args: string[]) => string): RepoSnapshot {
  const index = join(root, '.git', 'index');
  const indexBytes = readFileSync(index);
  return {
    // --no-optional-locks: taking the snapshot must not itself refresh the index.
    status: git('--no-optional-locks', 'status', '--porcelain=v1', '-z', '--untracked-files=all'),
    indexHash: createHash('sha256').update(indexBytes).digest('hex'),
    indexMtime: statSync(index).mtimeMs,
    head: git('rev-parse', 'HEAD').trim(),
    files: hashTree(root),
  };
}

function hashTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (path === '.git') continue;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else out[path] = createHash('sha256').update(readFileSync(join(dir, entry.name))).digest('hex');
    }
  };
  walk(root, '');
  return out;
}

/** A records folder's base files (config and parties) under `prefix` (e.g. `records/`). */
export function baseRecords(prefix = '', locale: 'vi' | 'en' = 'vi'): Record<string, string> {
  return {
    [`${prefix}phoihop.yaml`]: `kind: config\ntitle: Ban Dân vận Tỉnh ủy\nlocale: ${locale}\n`,
    [`${prefix}parties.yaml`]: [
      'kind: parties',
      'parties:',
      '  - { id: bdv-tu, name: Ban Dân vận Tỉnh ủy }',
      '  - { id: btg-tu, name: Ban Tuyên giáo Tỉnh ủy }',
      '  - { id: hnb, name: Hội Nhà báo tỉnh }',
      '',
    ].join('\n'),
  };
}
