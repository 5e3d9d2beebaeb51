import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { findTestData, TEST_DATA_VARIABLE } from './tests/helpers/test-data-folder.ts';
import { E2E_TESTS, SITE_TESTS } from './tests/tiers.ts';

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
//
// Three tiers, as Vitest projects (tests/tiers.ts says which file is in which, and why): `unit` (no
// build, no browser, no system tool: `npm run test:unit`), `site` (builds sites: `npm run test:site`)
// and `e2e` (Chromium, Lighthouse, the HTML checker, the deploy recipes: `npm run test:e2e`).
// `npm test` runs all three in one run. Each project inherits the settings below (`extends: true`);
// arrays are concatenated onto the inherited ones, so the include patterns are the projects' own.
export default defineConfig({
  // tsconfig.json's path alias, for the theme's modules that tests import (src/lib/)
  resolve: { alias: { '@dateline': join(import.meta.dirname, 'integrations', 'dateline') } },
  test: {
    exclude: ['**/node_modules/**', ...notRun],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Site builds are CPU-heavy; two at once is all this 2-core machine takes.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...SITE_TESTS, ...E2E_TESTS] } },
      { extends: true, test: { name: 'site', include: SITE_TESTS } },
      { extends: true, test: { name: 'e2e', include: E2E_TESTS } },
    ],
  },
});
