/** How many parsing threads a big folder gets: none for a core another program keeps busy. */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { sampleCores, WORKER_THRESHOLD, workerCount } from '../../src/load/worker-pool.js';

describe('workerCount', () => {
  it('leaves out a core that another process keeps busy', async () => {
    const hog = spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' });
    try {
      // Let the busy loop start before the sample.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const threads = await workerCount(WORKER_THRESHOLD * 2, sampleCores(), {});
      // One thread per free core other than this one's: the hog's core is not free (others may be busy too).
      expect(threads).toBeLessThanOrEqual(Math.max(0, availableParallelism() - 2));
    } finally {
      hog.kill();
    }
  });

  it('follows PHOIHOP_WORKERS and the folder size', async () => {
    expect(await workerCount(10, sampleCores(), { PHOIHOP_WORKERS: 'on' })).toBe(Math.max(1, availableParallelism() - 1));
    expect(await workerCount(WORKER_THRESHOLD * 2, sampleCores(), { PHOIHOP_WORKERS: 'off' })).toBe(0);
    expect(await workerCount(WORKER_THRESHOLD - 1, sampleCores(), {})).toBe(0);
  });
});
