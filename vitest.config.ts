import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { findTestData, TEST_DATA_VARIABLE } from './tests/helpers/test-data-folder.ts';

// Test files that read the real corpus or the agency samples (outside the repository, see
// tests/helpers/test-data.ts) import that module. Without DATELINE_TEST_DATA they do not run, and the
// run says which in one line; with it set, a missing folder stops the run before any test.
const testData = findTestData();
const outsideTextTests = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : outsideTextTests(path);
    return entry.name.endsWith('.test.ts') && /from '[./]+\/helpers\/test-data\.ts'/.test(readFileSync(path, 'utf8')) ? [path] : [];
  });
const notRun = testData ? [] : outsideTextTests('tests').sort();
if (notRun.length) {
  console.log(`${TEST_DATA_VARIABLE} is not set: ${notRun.length} test files that read the real corpus and agency samples did not run: ${notRun.join(', ')}`);
}

// Plain Vitest (no Astro Vite config): unit tests import the pure modules directly, and site tests
// run `astro build` in a child process and check the built files (getCollection() does not work
// inside Vitest, see ../shared/docs/astro-platform.md).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...notRun],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Site builds are CPU-heavy; two at once is all this 2-core machine takes.
    maxWorkers: 2,
  },
});
