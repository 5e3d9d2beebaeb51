// The whole real corpus (about 3,000 APP, Dawn and Business Recorder files) built once: no page links
// to a file the build did not write, and every page is valid HTML (real copy finds what demo files do
// not, e.g. a story with several related-headline lists); search finds nothing for made-up words.
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

const SITE_URL = 'https://dateline.example.com';
const NAME = runName('e2e-corpus');
let site: BuiltSite;

beforeAll(() => {
  site = buildSite(NAME, { contentDir: corpusDir, env: { DATELINE_OG_IMAGES: '0', SITE_URL } });
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
}, 300_000);

test('real stories pass axe in light and dark (captions, print footers, several related lists, many sections)', async () => {
  const files = htmlFiles(site.dist).map((f) => ({ rel: relative(site.dist, f).replace(/index\.html$/, ''), html: readFileSync(f, 'utf8') }));
  const firstWith = (re: RegExp) => files.find((f) => re.test(f.html))?.rel;
  const paths = [
    '',
    firstWith(/class="caption"[^]*class="credit"/),
    firstWith(/class="print-note"/),
    firstWith(/aria-label="Related stories 2"/),
    firstWith(/class="related"[^]*<a href/),
    'pakistan/',
  ].filter((p): p is string => p !== undefined);
  expect(paths.length).toBe(6);
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
        problems.push(...violations.map((v) => `${colorScheme} /${path}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 2).join(', ')})`));
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
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/^\d+ stories found for “Lahore floods”/);
  } finally {
    await browser.close();
    await server.close();
  }
}, 120_000);
