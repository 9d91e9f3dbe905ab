import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    // Concurrent tests (the hostile inputs: two processes each) no more than the cores can run: five at once on
    // two cores made each case wait its turn for the CPU and a busy machine ran them past their 60 s.
    maxConcurrency: Math.max(1, Math.floor(availableParallelism() / 2)),
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
