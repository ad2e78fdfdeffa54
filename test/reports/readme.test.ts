/** The outputs pasted into the README's reports section are what the built CLI prints today. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('<!-- section: reports -->'), readme.indexOf('### diff and --rev'));

/** Fenced blocks in order: their info string and body. */
const blocks = [...section.matchAll(/^(`{3,})(\w*)\n([\s\S]*?)^\1$/gm)].map((m) => ({ lang: m[2], body: m[3] }));

interface Example {
  args: string[];
  shown: string;
  csv: boolean;
}

const examples: Example[] = [];
blocks.forEach((block, i) => {
  if (block.lang !== 'console' || !block.body.startsWith('$ phoihop ')) return;
  const [command, ...rest] = block.body.split('\n');
  const args = command.slice('$ phoihop '.length).split(' ');
  // A command alone in its block is followed by its output in the next block.
  const inline = rest.join('\n');
  const next = blocks[i + 1];
  if (inline.trim() === '') examples.push({ args, shown: next.body, csv: next.lang === 'csv' });
  else examples.push({ args, shown: inline, csv: false });
});

describe('README, reports section', () => {
  it('shows every report', () => {
    const commands = examples.map((e) => e.args[0]);
    for (const c of ['status', 'deadlines', 'summary']) expect(commands).toContain(c);
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples.map((e) => [e.args.join(' '), e] as const))('%s', (_name, example) => {
    const r = runCli(example.args);
    const printed = example.csv ? r.stdout.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n') : r.stdout;
    expect(printed).toBe(example.shown);
  });
});
