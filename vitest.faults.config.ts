// Vitest for `npm run test:faults`: fault injection against the real processes, brokers and SQLite
// file, one file at a time so that each case has the machine's two cores to itself and its figures
// (printed by each case) mean something.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    testTimeout: 400_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    reporters: ['default'],
  },
});
