import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default in run mode is one worker per core minus one: a single worker on the
    // 2-core machines here, idle while a test waits for a spawned convkit, LibreOffice or
    // Chromium. One per core: the suite 393 → 272 s on 2 cores, same results.
    maxWorkers: availableParallelism(),
  },
});
