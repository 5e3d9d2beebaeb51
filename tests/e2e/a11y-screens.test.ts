// Accessibility (axe, light and dark) on every page type, and screenshots of each at 390 and 1280 px
// in both schemes, written to test-results/screenshots/ for people to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildSite, repoRoot } from '../helpers/build.ts';
import { serveDist, type StaticServer } from '../helpers/serve.ts';
import { launchBrowser } from './browser.ts';
import { demoFiles, E2E_NOW, EXTRA_WORLD, extraWorldStories, removeRun, runName, SEED } from './fixtures.ts';

const PAGES: { name: string; path: string; ready?: string }[] = [
  { name: 'home', path: '' },
  { name: 'section', path: 'world/' },
  { name: 'section-page-1', path: 'world/page/1/' },
  { name: 'article', path: SEED.path },
  // the demo's agency stories: a lead photo with caption and credit, and a photo inside the text
  { name: 'article-photo', path: 'business/2026/11/26/night-shifts-clear-container-backlog-at-karachis-east-wharf/' },
  { name: 'article-inline-photo', path: 'business/2026/11/26/shares-end-at-record-high-as-rate-cut-hopes-lift-banks/' },
  { name: 'article-urdu', path: 'pakistan/2026/11/25/story-' }, // completed from the built site below
  { name: 'article-in-urdu', path: 'pakistan/2026/11/25/story-' }, // a story wholly in Urdu (rtl); likewise
  { name: 'agency', path: 'agency/afp/' },
  { name: 'day', path: '2026/11/24/' },
  { name: 'search', path: `search/?q=${SEED.bodyWord}`, ready: '#search-results a' },
  { name: 'not-found', path: 'no/such/page/' },
];
const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [390, 1280];
const shotsDir = join(repoRoot, 'test-results', 'screenshots');
const NAME = runName('e2e-a11y');

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const site = buildSite(NAME, {
    files: { ...demoFiles(), ...extraWorldStories(EXTRA_WORLD) },
    env: { DATELINE_NOW: E2E_NOW, DATELINE_OG_IMAGES: '0' },
  });
  const urdu = site.report.files.find((f) => f.file === 'pakistan-urdu-headline.txt')?.url;
  if (urdu) PAGES.find((p) => p.name === 'article-urdu')!.path = new URL(urdu).pathname.slice(1);
  const inUrdu = site.report.files.find((f) => f.file === 'pakistan-urdu-mangroves.txt')?.url;
  if (inUrdu) PAGES.find((p) => p.name === 'article-in-urdu')!.path = new URL(inUrdu).pathname.slice(1);
  server = await serveDist(site.dist, '/');
  browser = await launchBrowser();
  mkdirSync(shotsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeRun(NAME);
});

describe.each(SCHEMES)('%s scheme', (scheme) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
  });
  afterAll(() => context?.close());

  test.each(PAGES)('$name: no axe violations; screenshots', async ({ name, path, ready }) => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status()).toBe(name === 'not-found' ? 404 : 200); // the page itself, not a 404 in its place
    if (ready) await page.locator(ready).first().waitFor();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    const violations = results.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
    expect(violations).toEqual([]);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(shotsDir, `${name}-${width}-${scheme}.png`), fullPage: true });
    }
    if (name.startsWith('article') && scheme === 'light') {
      // print stylesheet: the article text only
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 800, height: 900 });
      await page.screenshot({ path: join(shotsDir, `${name}-print.png`), fullPage: true });
      expect(
        await page.locator('.masthead, .site-footer, .more-from, .breadcrumbs').evaluateAll((els) => els.every((e) => getComputedStyle(e).display === 'none')),
      ).toBe(true);
      await page.emulateMedia({ media: 'screen' });
    }
    // no horizontal scrolling at the narrowest width
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.close();
  });
});
