import { defineConfig } from 'vitest/config';

// Plain Vitest (no Astro Vite config): unit tests import the pure modules directly, and site tests
// run `astro build` in a child process and check the built files (getCollection() does not work
// inside Vitest, see ../shared/docs/astro-platform.md).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Site builds are CPU-heavy; two at once is all this 2-core machine takes.
    maxWorkers: 2,
  },
});
