/** Calls the CLI's main() in-process with a fake CliIO that records what it writes. */
import { main } from '../../src/cli/main.js';
import type { CliResult } from './cli.js';

export interface MainOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  isTTY?: boolean;
  now?: number;
}

export async function runMain(args: string[], options: MainOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => void (stdout += typeof s === 'string' ? s : new TextDecoder().decode(s)),
    stderr: (s) => void (stderr += s),
    cwd: options.cwd,
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    now: () => options.now ?? Date.now(),
  });
  return { stdout, stderr, code };
}
