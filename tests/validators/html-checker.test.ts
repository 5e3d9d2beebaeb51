// The W3C Nu Html Checker (vnu-jar) on every page and stylesheet of the demo site: no error. Warnings
// are counted and printed. (A sample of the real corpus is checked in tests/e2e/corpus.test.ts, which
// builds that site once for all its checks.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BuiltSite } from '../helpers/build.ts';
import { removeRun, runName } from '../e2e/fixtures.ts';
import { buildDemoSite } from './demo-site.ts';
import { countByKind, sitePages } from './page-kinds.ts';
import { checkWithVnu, formatVnu, summarizeVnu } from './vnu.ts';

const NAME = runName('validators-vnu');
let site: BuiltSite;

/** The stylesheets the pages link (Pagefind's own unused CSS files in pagefind/ are left out). */
function linkedStylesheets(pageFiles: string[]): string[] {
  const hrefs = new Set<string>();
  for (const file of pageFiles) {
    for (const m of readFileSync(file, 'utf8').matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)) {
      const href = m[0].match(/\bhref="([^"]+)"/)?.[1];
      if (href) hrefs.add(href);
    }
  }
  // the demo site is built at the root, so a linked path is a path in dist
  return [...hrefs].sort().map((href) => join(site.dist, new URL(href, 'http://x/').pathname));
}

beforeAll(() => {
  site = buildDemoSite(NAME);
});

afterAll(() => removeRun(NAME));

test('every demo page and stylesheet passes the Nu Html Checker with no error', async () => {
  const pages = sitePages(site.dist);
  const stylesheets = linkedStylesheets(pages.map((p) => p.file));
  // every kind of page the demo content makes (it has no second pages: the corpus sample has those)
  expect(new Set(pages.map((p) => p.kind))).toEqual(new Set(['home', 'not-found', 'search', 'section', 'article', 'agency', 'day']));
  expect(stylesheets.length).toBeGreaterThan(0);
  const result = await checkWithVnu(site.dist, [...pages.map((p) => p.file), ...stylesheets], { css: true });
  console.log(`${summarizeVnu('demo site', result)} (${pages.length} pages: ${countByKind(pages)}; ${stylesheets.length} stylesheets)`);
  for (const w of result.warnings) console.log(`  warning: ${formatVnu(w)}`);
  expect(result.checked).toBe(pages.length + stylesheets.length);
  expect(result.errors.map(formatVnu), `${result.errors.length} Nu Html Checker errors`).toEqual([]);
}, 120_000);
