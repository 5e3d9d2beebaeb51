// Reader journeys in a real browser, on a site at the root and one built with `--base /news/`:
// home → section → article → agency → back through history, section pagination, search, the 404 page,
// and assets and links under the base.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { serveDist, type StaticServer } from '../helpers/serve.ts';
import { launchBrowser } from './browser.ts';
import { demoFiles, E2E_NOW, EXTRA_WORLD, extraWorldStories, removeRun, runName, SEED } from './fixtures.ts';
import { findBrokenLinks } from './site-walk.ts';

const SITE_URL = 'https://dateline.example.com';
// + 4 demo World stories = 49 at the default pageSize of 20: a front page of the newest 29 and archive
// page 1 of the oldest 20
const WORLD = EXTRA_WORLD + 4;

describe.each([
  { name: runName('e2e-nav'), base: '/' },
  { name: runName('e2e-nav-base'), base: '/news/' },
])('site under $base', ({ name, base }) => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = buildSite(name, {
      files: { ...demoFiles(), ...extraWorldStories(EXTRA_WORLD) },
      // Small search shards: the 2023 reference article and the 2026 stories are in different shards.
      env: { DATELINE_NOW: E2E_NOW, DATELINE_OG_IMAGES: '0', SITE_URL, DATELINE_SEARCH_SHARD_SIZE: '8' },
      args: base === '/' ? [] : ['--base', base],
    });
    server = await serveDist(site.dist, base);
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeRun(name);
  });

  const url = (path = '') => `${server.url}${path}`;

  test('home → section → article → agency, then back through history', async () => {
    await page.goto(url());
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'World', exact: true }).click();
    await expect.poll(() => page.url()).toBe(url('world/'));
    expect(await page.locator('h1').textContent()).toBe('World');

    // the reference article (2023) is the oldest World story: on page 2, reached through the pagination
    const seedLink = page.getByRole('link', { name: SEED.headline, exact: true });
    if ((await seedLink.count()) === 0) await page.locator('.pagination a[rel=next]').click();
    await seedLink.click();
    await expect.poll(() => page.url()).toBe(url(SEED.path));
    expect(await page.locator('h1').textContent()).toBe(SEED.headline);

    await page.locator('.byline').getByRole('link', { name: 'AFP', exact: true }).click();
    await expect.poll(() => page.url()).toBe(url('agency/afp/'));
    expect(await page.locator('h1').textContent()).toBe('AFP');

    await page.goBack();
    await expect.poll(() => page.url()).toBe(url(SEED.path));
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(new RegExp(`${url('world/')}(page/1/)?$`));
    await page.goForward();
    await expect.poll(() => page.url()).toBe(url(SEED.path));
  });

  test('section pagination: newest first, the front page then archive pages numbered from the oldest, rel prev/next', async () => {
    const times = async () => page.locator('.list-body .story-list time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    await page.goto(url('world/'));
    const first = await times();
    expect(first).toHaveLength(WORLD - 20);
    expect(await page.locator('.pagination .page-of').textContent()).toBe('Latest');
    expect(await page.locator('.pagination a[rel=prev]').count()).toBe(0);
    await page.locator('.pagination a[rel=next]').click();
    await expect.poll(() => page.url()).toBe(url('world/page/1/'));
    expect(await page.locator('.pagination .page-of').textContent()).toBe('Page 1');
    const second = await times();
    expect(second).toHaveLength(20);
    expect(await page.locator('.pagination a[rel=next]').count()).toBe(0);
    const all = [...first, ...second].map((t) => Date.parse(t));
    expect(all).toEqual([...all].sort((a, b) => b - a));
    expect(new Set(all).size).toBe(WORLD); // every story once
    expect(await page.getByRole('link', { name: SEED.headline, exact: true }).count()).toBe(1); // the oldest, last
    // the section feed is linked visibly
    expect(await page.locator(`main a[href="${base}world/rss.xml"]`).count()).toBe(1);
    await page.locator('.pagination a[rel=prev]').click();
    await expect.poll(() => page.url()).toBe(url('world/'));
  });

  test('search finds the reference article by a word of its body, newest first', async () => {
    await page.goto(url('search/'));
    await page.getByLabel('Search all stories').fill(SEED.bodyWord);
    await page.getByRole('button', { name: 'Search' }).click();
    const hit = page.locator('#search-results a').first();
    await hit.waitFor();
    expect(await page.locator('#search-results a').count()).toBe(1);
    expect(await hit.getAttribute('href')).toBe(`${base}${SEED.path}`);
    expect(page.url()).toBe(url(`search/?q=${SEED.bodyWord}`));
    await hit.click();
    await expect.poll(() => page.url()).toBe(url(SEED.path));

    // "talks" is in the generated 2026 stories and in the 2023 reference article: the latter comes last
    await page.goto(url('search/?q=talks'));
    await page.locator('#search-results a').first().waitFor();
    const more = page.getByRole('button', { name: 'More results' });
    while (await more.isVisible()) {
      const before = await page.locator('#search-results li').count();
      await more.click();
      await expect.poll(() => page.locator('#search-results li').count(), { timeout: 20_000 }).toBeGreaterThan(before);
    }
    const hrefs = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(5);
    expect(hrefs.at(-1)).toBe(`${base}${SEED.path}`);
  });

  test('search reads shards newest first and loads older ones with "More results"', async () => {
    // shard size 8: the stories of November 2026 (the newest month) in blocks of 8 and a tail, 2023's
    // one story in a shard of its year
    const { shards } = JSON.parse(site.read('search/shards.json')) as { shards: { path: string; span: string; stories: number }[] };
    const spans = shards.map((s) => s.span);
    expect(spans.at(-1)).toBe('2023');
    expect(new Set(spans.slice(0, -1))).toEqual(new Set(['2026-11']));
    expect(shards.length).toBeGreaterThan(4);
    for (const s of shards) expect(s.stories).toBeLessThanOrEqual(8);
    const oldest = shards.at(-1)!.path;
    const loaded: string[] = [];
    page.on('request', (r) => {
      const m = /pagefind\/([\w.-]+)\/pagefind\.js$/.exec(new URL(r.url()).pathname);
      if (m) loaded.push(m[1]!);
    });
    // "the" is in every story: the shards of November 2026 alone fill the first page of 30.
    await page.goto(url('search/?q=the'));
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/^The 30 newest stories found for “the”/);
    expect(await page.locator('#search-results a').count()).toBe(30);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded).not.toContain(oldest);
    const more = page.getByRole('button', { name: 'More results' });
    // each "More results" adds the next 30: as many clicks as it takes to reach the 2023 story
    const complete = /^\d+ stories found for “the”, newest first\.$/;
    for (let clicks = 0; !complete.test((await page.locator('#search-status').textContent()) ?? ''); clicks++) {
      expect(clicks).toBeLessThan(5);
      const shown = await page.locator('#search-results a').count();
      await more.click();
      await expect.poll(() => page.locator('#search-results a').count(), { timeout: 20_000 }).toBeGreaterThan(shown);
      await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/found for “the”/);
    }
    const hrefs = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(30);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    expect(hrefs.at(-1)).toBe(`${base}${SEED.path}`);
    expect(loaded.at(-1)).toBe(oldest);
    expect(new Set(loaded)).toEqual(new Set(shards.map((s) => s.path)));
    expect(await more.isHidden()).toBe(true);
  });

  test('search indexes headline and body only (not related headlines, bylines or page chrome)', async () => {
    const count = async (query: string) => {
      await page.goto(url(`search/?q=${encodeURIComponent(query)}`));
      await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/found/);
      return page.locator('#search-results a').count();
    };
    expect(await count('Saudi')).toBe(0); // only in the reference article's related headline
    expect(await count('Newer stories')).toBe(0); // pagination chrome; list pages are not indexed
    expect(await count('hail cooperation')).toBe(1); // the headline is
  });

  test('an unknown address gets the 404 page, with status 404 and working links', async () => {
    const response = await page.goto(url('no/such/story/'));
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    const css = await page.locator('link[rel=stylesheet]').evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).sheet?.cssRules.length ?? 0));
    expect(css.every((n) => n > 0)).toBe(true); // styles load from a nested path
    await page.locator('main').getByRole('link', { name: 'World', exact: true }).click();
    await expect.poll(() => page.url()).toBe(url('world/'));
  });

  test('assets and links stay under the base', async () => {
    await page.goto(url(SEED.path));
    const refs = await page.locator('[href], [src]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src')!));
    const rootRelative = refs.filter((r) => r.startsWith('/'));
    expect(rootRelative.length).toBeGreaterThan(10);
    expect(rootRelative.filter((r) => !r.startsWith(base))).toEqual([]);
    for (const sheet of await page.locator('link[rel=stylesheet]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')!))) {
      expect((await page.request.get(`${server.origin}${sheet}`)).status()).toBe(200);
    }
    const { broken, pages } = findBrokenLinks(site.dist, SITE_URL, base);
    expect(pages).toBeGreaterThan(40);
    expect(broken).toEqual([]);
  });
});
