// Vitest: node tests for server, bridge and schemas; browser suites drive Debian's Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Fault injection runs on its own, one file at a time: `npm run test:faults` (vitest.faults.config.ts).
    exclude: ['tests/faults/**', '**/node_modules/**'],
    globalSetup: ['tests/setup/global-setup.ts'],
    // Wide margins: suites share two cores, and each sign-in costs a deliberate scrypt hash.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
