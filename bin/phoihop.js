#!/usr/bin/env node
// Thin entry: all logic lives in dist/cli/main.js so tests can call main() in-process.
import { main } from '../dist/cli/main.js';

// A reader that closes the pipe early (`phoihop deadlines | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
