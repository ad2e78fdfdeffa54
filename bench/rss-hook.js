// Preloaded with --import when time(1) is missing: records the process's peak RSS (KB) at exit.
import { writeFileSync } from 'node:fs';

const file = process.env.PHOIHOP_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
