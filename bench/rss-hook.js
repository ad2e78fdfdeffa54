// Preloaded with --import when time(1) is missing: records the process's peak RSS (KB) and page faults at exit, as time -f '%M %R' does.
import { writeFileSync } from 'node:fs';

const file = process.env.PHOIHOP_BENCH_RSS_FILE;
if (file) process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(file, `${usage.maxRSS} ${usage.minorPageFault}`);
});
