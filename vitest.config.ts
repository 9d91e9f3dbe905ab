import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Tests that look at built sites or run the build: they share the builds of tests/helpers/global-setup.ts. */
const SITE = [
  'browser',
  'build-errors',
  'context-build',
  'hostile',
  'publish',
  'reader',
  'releases',
  'safe-files',
  'site',
  'web',
  'withheld',
].map((f) => `tests/${f}.test.ts`);

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Concurrent tests (the hostile inputs: two processes each) no more than the cores can run: five at once on
    // two cores made each case wait its turn for the CPU and a busy machine ran them past their 60 s.
    maxConcurrency: Math.max(1, Math.floor(availableParallelism() / 2)),
    hookTimeout: 300_000,
    pool: 'forks',
    // Both cores: the default keeps one free, which on a two-core machine runs the files one by one.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      // `npx vitest run --project unit`: seconds, no build.
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: SITE } },
      // Tests that run a build wait as long as a build may take on a machine five times slower (tests/helpers/build.ts).
      {
        extends: true,
        test: { name: 'site', include: SITE, globalSetup: ['tests/helpers/global-setup.ts'], testTimeout: 600_000, hookTimeout: 1_800_000 },
      },
    ],
  },
});
