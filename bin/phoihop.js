#!/usr/bin/env node
// Thin entry: all logic lives in dist/cli/main.js so tests can call main() in-process.
import { closeStdout, main, writeFailedMessage } from '../dist/cli/main.js';

// A reader that closes the pipe early (`phoihop deadlines | head`) is not an error: the rest of the
// output is dropped and the command ends with its own exit code. Any other failure to write
// (a full disk) is one line on stderr and exit 1, not a stack trace.
process.stdout.on('error', async (error) => {
  if (error.code === 'EPIPE') return closeStdout();
  process.stderr.write(await writeFailedMessage(error, process.argv.slice(2)));
  process.exit(1);
});

process.exitCode = await main(process.argv.slice(2));
