/** `--help` in the user's language: --lang, else the records folder's locale, else Vietnamese. */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { tempFolder } from './helpers/folder.js';

const COMMANDS = ['validate', 'status', 'deadlines', 'summary', 'diff', 'init', 'new', 'done', 'schema'];
/** Commander's own words, and the bilingual descriptions help had before it was translated. */
const ENGLISH_ONLY = ['Usage:', 'Options:', 'Arguments:', 'Commands:', '[options]', '[command]', 'display help', 'output the version', '(default: ', 'records folder', ' / '];
const VIETNAMESE_ONLY = ['Cách dùng:', 'Tùy chọn:', 'Tham số:', 'Lệnh:', '[tùy chọn]', '[lệnh]', 'hồ sơ', 'kế hoạch', 'nhiệm vụ', 'mặc định'];

/** The first line of each item a help lists (an option, argument or command with its description; wrapped lines left out), and the command's own description. */
const descriptions = (help: string) => help.split('\n').slice(1).filter((line) => /^(?: {2})?\S/.test(line) && !line.endsWith(':'));

describe('phoihop --help', () => {
  const plain = tempFolder({});

  it.each([[[]], ...COMMANDS.map((c) => [[c]])])('%j is in Vietnamese by default and in English with --lang en, every line of it', (command) => {
    const vi = runCli([...command, '--help'], { cwd: plain });
    const en = runCli([...command, '--help', '--lang', 'en'], { cwd: plain });
    expect([vi.code, en.code]).toEqual([0, 0]);
    expect(vi.stdout).toMatch(/^Cách dùng: phoihop/);
    expect(en.stdout).toMatch(/^Usage: phoihop/);
    for (const word of ENGLISH_ONLY) expect(vi.stdout).not.toContain(word);
    for (const word of VIETNAMESE_ONLY) expect(en.stdout).not.toContain(word);
    // The same options in both, each described in the language asked for: no description line is left the same.
    const [viLines, enLines] = [descriptions(vi.stdout), descriptions(en.stdout)];
    expect(enLines.map((line) => line.trim().split(' ')[0]).filter((term) => term.startsWith('-'))).toEqual(
      viLines.map((line) => line.trim().split(' ')[0]).filter((term) => term.startsWith('-')),
    );
    expect(descriptions(vi.stdout).filter((line) => enLines.includes(line))).toEqual([]);
  });

  it('follows the locale of the records folder: the nearest phoihop.yaml upward, or the one of -C; --lang first', () => {
    const english = tempFolder({ 'phoihop.yaml': 'kind: config\nlocale: "en"   # reports in English\n', 'plans/.keep': '' });
    const vietnamese = tempFolder({ 'phoihop.yaml': 'kind: config\nlocale: vi\n' });
    expect(runCli(['status', '--help'], { cwd: english + '/plans' }).stdout).toMatch(/^Usage: phoihop status/);
    expect(runCli(['-C', english, 'status', '--help'], { cwd: plain }).stdout).toMatch(/^Usage: phoihop status/);
    expect(runCli([`--dir=${english}`, 'status', '--help'], { cwd: vietnamese }).stdout).toMatch(/^Usage: phoihop status/);
    expect(runCli(['status', '--help', '--lang', 'vi'], { cwd: english }).stdout).toMatch(/^Cách dùng: phoihop status/);
    expect(runCli(['status', '--help'], { cwd: vietnamese }).stdout).toMatch(/^Cách dùng: phoihop status/);
  });

  it('is in Vietnamese when the config cannot be read for a locale (unreadable, another YAML form) or --lang is no language', () => {
    const flow = tempFolder({ 'phoihop.yaml': '{kind: config, locale: en}\n' });
    expect(runCli(['--help'], { cwd: flow }).stdout).toMatch(/^Cách dùng: phoihop/);
    expect(runCli(['--help', '--lang', 'xx'], { cwd: plain }).stdout).toMatch(/^Cách dùng: phoihop/);
    expect(runCli(['-C', plain + '/nowhere', '--help'], { cwd: plain }).stdout).toMatch(/^Cách dùng: phoihop/);
  });

  it('says what a default is in words, never as commander writes it', () => {
    const done = runCli(['done', '--help', '--lang', 'en'], { cwd: plain }).stdout;
    expect(done).toMatch(/--result <metric=number> +a result as metric=number; repeatable\n/);
    expect(runCli(['schema', '--help'], { cwd: plain }).stdout).toMatch(/kind +config, parties hoặc plan \(mặc định: plan\)\n/);
  });
});
