#!/usr/bin/env node
// Thin entry: all logic lives in dist/cli/main.js so tests can call main() in-process.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
