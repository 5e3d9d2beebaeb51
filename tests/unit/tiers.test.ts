// The test tiers (tests/tiers.ts, vitest.config.ts): every file named in the `site` and `e2e` lists
// exists, none is in both, and no file left to `unit` builds a site, runs the project's commands,
// starts a browser or calls a system tool, so that `npm run test:unit` needs Node and `npm ci` only.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build.ts';
import { E2E_TESTS, SITE_TESTS } from '../tiers.ts';

const testFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') || entry.name === 'node_modules' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(repoRoot, path)] : [];
  });

/** What only the `site` and `e2e` tiers may do, as it reads in a test file. */
const NOT_UNIT: [RegExp, string][] = [
  [/\b(?:buildSite|publishSite|runEquivalence|buildDemoSite|buildCommand|copyProject)\(/, 'builds a site'],
  [/cli\/(?:build|publish|validate)\.ts|astro\/bin\/astro\.mjs|\bnpm', \[?'run'|'npm', \['test'/, 'runs a command of the project'],
  [/playwright|launchBrowser|launchChrome|lighthouse|checkWithVnu|vnu-jar/, 'drives a browser or the HTML checker'],
  [/check-test-tools\.mjs/, 'checks every system tool of the suite'],
  [/'(?:xmllint|hugo|java|rsync|aws|\/usr\/bin\/python3|python3)'|S3rver|readWithFeedparser|compareFeedsWithPages/, 'calls a system tool'],
];

describe('test tiers', () => {
  const all = testFiles(join(repoRoot, 'tests')).sort();
  const tiered = new Set([...SITE_TESTS, ...E2E_TESTS]);
  // (this file names what it looks for)
  const unit = all.filter((f) => !tiered.has(f) && f !== 'tests/unit/tiers.test.ts');

  it('names existing files, each in one tier', () => {
    expect([...tiered].filter((file) => !existsSync(join(repoRoot, file)) || !statSync(join(repoRoot, file)).isFile())).toEqual([]);
    expect(SITE_TESTS.filter((f) => E2E_TESTS.includes(f))).toEqual([]);
    expect(tiered.size).toBe(SITE_TESTS.length + E2E_TESTS.length);
  });

  it('leaves to the unit tier only files that need no site, browser or system tool', () => {
    const misplaced = unit.flatMap((file) => {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      return NOT_UNIT.filter(([pattern]) => pattern.test(text)).map(([, what]) => `${file} ${what}: put it in SITE_TESTS or E2E_TESTS (tests/tiers.ts)`);
    });
    expect(misplaced).toEqual([]);
    expect(unit.length).toBeGreaterThan(40);
  });

  it('sees what it looks for in the files of the other tiers', () => {
    // each site and e2e file shows at least one of the signs (the check above is not blind)
    const unseen = [...tiered].filter(
      (file) => existsSync(join(repoRoot, file)) && !NOT_UNIT.some(([pattern]) => pattern.test(readFileSync(join(repoRoot, file), 'utf8'))),
    );
    expect(unseen).toEqual([]);
  });
});
