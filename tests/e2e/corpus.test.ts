// The whole real corpus (about 3,000 APP, Dawn and Business Recorder files) built once: no page links
// to a file the build did not write, and every page is valid HTML (real copy finds what demo files do
// not, e.g. a story with several related-headline lists); search finds nothing for made-up words. The
// outside validators of tests/validators/ read a fixed sample of the same build: the W3C Nu Html
// Checker over pages of every kind, and structured-data-testing-tool over its articles.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveDist } from '../helpers/serve.ts';
import { launchBrowser } from './browser.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { corpusDir } from '../helpers/test-data.ts';
import { htmlValidateConfig } from './html-validate-config.ts';
import { removeRun, runName } from './fixtures.ts';
import { findBrokenLinks, htmlFiles } from './site-walk.ts';
import { countByKind, samplePages, sitePages, type Page, type PageKind } from '../validators/page-kinds.ts';
import { ARTICLE_SCHEMAS, problems, summarizeStructuredData, testStructuredData } from '../validators/structured-data.ts';
import { checkWithVnu, formatVnu, summarizeVnu } from '../validators/vnu.ts';

const SITE_URL = 'https://dateline.example.com';
const NAME = runName('e2e-corpus');
let site: BuiltSite;
let sample: Page[];

/**
 * Pages per kind in the validator sample, evenly spaced in path order (so across sections, agencies and
 * years; the same pages every run): 314 of the corpus site's ~4,300 (fewer where a kind has fewer pages: one day archive has a second page), which vnu checks in about 10 s
 * (all of them: about a minute).
 */
const SAMPLE: Record<PageKind, number> = {
  home: 1,
  'not-found': 1,
  search: 1,
  article: 240,
  section: 10,
  'section-page': 20,
  agency: 5,
  'agency-page': 10,
  day: 25,
  'day-page': 6,
};

beforeAll(() => {
  site = buildSite(NAME, { contentDir: corpusDir, env: { DATELINE_OG_IMAGES: '0', SITE_URL } });
  sample = samplePages(sitePages(site.dist), SAMPLE);
}, 900_000);

afterAll(() => removeRun(NAME));

test('no broken internal link in the corpus site', () => {
  const { pages, links, broken } = findBrokenLinks(site.dist, SITE_URL, '/');
  console.log(`corpus site: ${pages} pages, ${links} internal links checked, ${broken.length} broken`);
  expect(pages).toBeGreaterThan(3000);
  const sample = broken.slice(0, 20);
  expect(sample).toEqual([]);
});

test('every corpus page is valid HTML', async () => {
  const validator = new HtmlValidate(htmlValidateConfig);
  const problems: string[] = [];
  for (const file of htmlFiles(site.dist)) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${relative(site.dist, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
  }
  expect(problems.slice(0, 20)).toEqual([]);
  // about 4,000 pages, one at a time: 360 s at load 15 on two cores (timed out at 300 s), far less alone
}, 900_000);

test('a sample of corpus pages of every kind passes the Nu Html Checker with no error', async () => {
  expect(sample.length).toBeGreaterThanOrEqual(300);
  const result = await checkWithVnu(
    site.dist,
    sample.map((p) => p.file),
  );
  console.log(`${summarizeVnu('corpus sample', result)} (${countByKind(sample)})`);
  for (const w of result.warnings.slice(0, 20)) console.log(`  warning: ${formatVnu(w)}`);
  expect(result.checked).toBe(sample.length);
  expect(result.errors.slice(0, 50).map(formatVnu), `${result.errors.length} Nu Html Checker errors (first 50 shown)`).toEqual([]);
}, 300_000);

test('the sampled corpus articles pass structured-data-testing-tool (Google preset) with no failure', async () => {
  const articles = sample.filter((p) => p.kind === 'article');
  const results = [];
  for (const page of articles) results.push(await testStructuredData(page.file, page.rel, ARTICLE_SCHEMAS));
  console.log(summarizeStructuredData('corpus sample articles', results));
  for (const w of problems(results, 'warnings').slice(0, 20)) console.log(`  warning: ${w}`);
  expect(problems(results, 'failed').slice(0, 50)).toEqual([]);
  expect(problems(results, 'empty').slice(0, 50), 'JSON-LD properties with an empty value').toEqual([]);
  // the preset's twelve NewsArticle tests ran on every page (they run only where a NewsArticle is found)
  expect(results.filter((r) => r.google.NewsArticle !== 12).map((r) => r.page)).toEqual([]);
}, 300_000);

// (The corpus's wire text carries no pictures, so its photo captions are left out of pages and reported;
// captions under photos are checked on the demo site, tests/e2e/a11y-screens.test.ts.)
test('real stories pass axe in light and dark (print footers, several related lists, many sections)', async () => {
  const files = htmlFiles(site.dist).map((f) => ({ rel: relative(site.dist, f).replace(/index\.html$/, ''), html: readFileSync(f, 'utf8') }));
  const firstWith = (re: RegExp) => files.find((f) => re.test(f.html))?.rel;
  const paths = ['', firstWith(/class="print-note"/), firstWith(/aria-label="Related stories 2"/), firstWith(/class="related"[^]*<a href/), 'pakistan/'].filter(
    (p): p is string => p !== undefined,
  );
  expect(paths.length).toBe(5);
  const server = await serveDist(site.dist, '/');
  const browser = await launchBrowser();
  try {
    const problems: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme, viewport: { width: 390, height: 900 } });
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(`${server.url}${path}`);
        const { violations } = await new AxeBuilder({ page }).analyze();
        problems.push(
          ...violations.map(
            (v) =>
              `${colorScheme} /${path}: ${v.id} (${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 2)
                .join(', ')})`,
          ),
        );
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
    await server.close();
  }
}, 300_000);

test('search: misspelt or made-up words find nothing (issue 11: "zzzz" found 7 stories, "xyzzyqq" 30, "qwertyuiopzz" 1)', async () => {
  const server = await serveDist(site.dist, '/');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    for (const query of ['zzzz', 'xyzzyqq', 'qwertyuiopzz', 'zzzz xyzzyqq qwertyuiopzz', 'Lahore floodzz']) {
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/found/);
      expect(await page.locator('#search-status').textContent(), query).toBe(`No stories found for “${query}”.`);
      expect(await page.locator('#search-results li').count(), query).toBe(0);
    }
    // The words themselves still find stories ("floods" also those with "flooding", of the same stem).
    await page.goto(`${server.url}search/?q=${encodeURIComponent('Lahore floods')}`);
    await expect
      .poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 })
      .toMatch(/^(\d+ stories|The 30 newest stories) found for “Lahore floods”/);
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
  } finally {
    await browser.close();
    await server.close();
  }
}, 120_000);
