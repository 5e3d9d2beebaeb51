// What search finds, in a real browser, on 1,000 generated stories (bench/generate.ts, our own text) in
// a few search shards (a year each at shard size 300, the newest month cut finer): a story is a result only when it holds every query word (or a word of the same
// stem) in its headline or text. Pagefind on its own also matches words a query word begins
// ("glenmarrow" → "glenmarrowfield"), and for a word it does not hold, the longest indexed word that
// the query word begins with ("budgetqqzz" → "budget"). A query in double quotes is a phrase.
// The site is served with its `_headers` (the Content-Security-Policy a host would send), so every
// search runs under the policy: the page's script is a bundled file (src/scripts/search.ts), never inline.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BENCH_NOW, generateArticles } from '../../bench/generate.ts';
import { buildSite, outputDir, type BuiltSite } from '../helpers/build.ts';
import type { StaticServer } from '../helpers/serve.ts';
import { serveWithHeaders } from '../hostile/headers-server.ts';
import { inlineSources } from '../../integrations/dateline/render/inline-sources.ts';
import { launchBrowser } from './browser.ts';
import { removeRun, runName } from './fixtures.ts';

const SITE_URL = 'https://dateline.example.com';
const NAME = runName('e2e-search');
const STORIES = 1000;
const SHARD_SIZE = 300; // stories from 2021 to 2025, about 200 a year: a shard a year

/** Made-up words planted in a few generated stories (none of the generator's words begins with them). */
const PLANTED = {
  /** In one story only; the newest story has a longer word that begins with it. */
  only: 'Glenmarrow',
  longer: 'Glenmarrowfield',
  /** In the two oldest stories: the oldest shard only. */
  old: 'Brackenholt',
};
/** Not in any story, but each begins with a word that is in many ("the", "budget", "Karachi"). */
const NONSENSE = ['thexqzzy', 'budgetqqzz', 'karachiqqz'];

/** Adds a paragraph after the story's first paragraph. */
function plant(file: string, sentence: string): void {
  const blocks = readFileSync(file, 'utf8').split('\n\n');
  const byline = blocks.findIndex((b) => /\bPublished \d\d [A-Z][a-z]{2}, \d{4} /.test(b));
  blocks.splice(byline + 2, 0, sentence);
  writeFileSync(file, blocks.join('\n\n'));
}

describe('search finds stories with every query word', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  /** Site path of each content file (relative to the content folder). */
  const pathOf = new Map<string, string>();
  let files: string[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const content = join(outputDir(NAME), 'content');
    generateArticles(STORIES, content, 11);
    // `YYYY/MM/YYYY-MM-DD-index.txt`: in name order, oldest day first.
    files = readdirSync(content, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.txt'))
      .sort();
    const at = (i: number) => join(content, files.at(i)!);
    plant(at(Math.floor(files.length / 2)), `Members of the ${PLANTED.only} water board met on Tuesday.`);
    plant(at(-1), `Traders from ${PLANTED.longer} joined the meeting.`);
    plant(at(0), `Farmers near ${PLANTED.old} reported a good harvest.`);
    plant(at(1), `The road to ${PLANTED.old} was repaired last week.`);
    site = buildSite(NAME, {
      contentDir: content,
      env: { DATELINE_NOW: BENCH_NOW, DATELINE_OG_IMAGES: '0', SITE_URL, DATELINE_SEARCH_SHARD_SIZE: String(SHARD_SIZE) },
    });
    for (const f of site.report.files) if (f.url) pathOf.set(f.file, new URL(f.url).pathname);
    server = await serveWithHeaders(site.dist, '/');
    browser = await launchBrowser();
    page = await browser.newPage();
    // CSP violations and script errors, checked after each search
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI}`));
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeRun(NAME);
  });

  const shardList = () => (JSON.parse(site.read('search/shards.json')) as { shards: { path: string; span: string; stories: number }[] }).shards;
  const shardPaths = () => shardList().map((s) => s.path);
  /** Site path of the i-th content file in name order (negative: from the end). */
  const storyPath = (i: number) => pathOf.get(files.at(i)!)!;

  /** Searches as a reader does; returns the status line, the result links, and the shards loaded. */
  async function search(query: string) {
    const loaded: string[] = [];
    const onRequest = (r: { url(): string }) => {
      const m = /pagefind\/([\w.-]+)\/pagefind\.js$/.exec(new URL(r.url()).pathname);
      if (m) loaded.push(m[1]!);
    };
    page.on('request', onRequest);
    try {
      await page.goto(`${server.url}search/`);
      await page.getByLabel('Search all stories').fill(query);
      await page.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/found/);
      const status = (await page.locator('#search-status').textContent())!;
      const hrefs = await page.locator('#search-results h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), query).toEqual([]);
      expect(pageErrors, query).toEqual([]);
      return { status, hrefs, loaded };
    } finally {
      page.off('request', onRequest);
    }
  }

  /** Clicks "More results" until it is gone; returns every listed result. */
  async function allResults() {
    const more = page.getByRole('button', { name: 'More results' });
    while (await more.isVisible()) {
      const before = await page.locator('#search-results li').count();
      await more.click();
      await expect.poll(() => page.locator('#search-results li').count(), { timeout: 20_000 }).toBeGreaterThan(before);
    }
    return page.locator('#search-results h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  }

  /** The headline and the text under it on each story's page (not related headlines or other stories). */
  function storyTexts(hrefs: string[]): Promise<string[]> {
    return page.evaluate(
      (hrefs) =>
        Promise.all(
          hrefs.map(async (href) => {
            const doc = new DOMParser().parseFromString(await (await fetch(href)).text(), 'text/html');
            return [...doc.querySelectorAll('article.story h1, article.story .story-body > p')].map((e) => e.textContent).join('\n');
          }),
        ),
      hrefs,
    );
  }

  test('the build has 1,000 stories in a shard a year and the newest month’s', () => {
    expect(site.report.counts.published).toBe(STORIES);
    const shards = shardList();
    expect(shards.reduce((n, s) => n + s.stories, 0)).toBe(STORIES);
    for (const s of shards) expect(s.stories).toBeLessThanOrEqual(SHARD_SIZE);
    const spans = [...new Set(shards.map((s) => s.span))];
    const newestMonth = spans[0]!;
    expect(newestMonth).toMatch(/^2025-\d\d$/);
    expect(spans.slice(1)).toEqual(['2025', '2024', '2023', '2022', '2021']);
    expect(shards.filter((s) => s.span.length === 4)).toHaveLength(5);
  });

  test('the search page has no inline script and is served with a policy that allows no inline script', async () => {
    const html = site.read('search/index.html');
    const sources = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
    inlineSources(html, sources);
    expect([...sources.scripts]).toEqual([]);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([^]*?)<\/script\s*>/gi)].filter((m) => !/type="application\/ld\+json"/.test(m[1]!));
    expect(scripts.map((m) => [/\bsrc="(\/_astro\/[\w.-]+\.js)"/.exec(m[1]!)?.[1] !== undefined, m[2]])).toEqual([[true, '']]);
    const response = await page.goto(`${server.url}search/`);
    const csp = (await response!.allHeaders())['content-security-policy'] ?? '';
    expect(/script-src [^;]*/.exec(csp)?.[0]).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");
  });

  test('nonsense words, each alone and all together, find nothing and say so', async () => {
    for (const query of [...NONSENSE, NONSENSE.join(' ')]) {
      const { status, hrefs, loaded } = await search(query);
      expect(status, query).toBe(`No stories found for “${query}”.`);
      expect(hrefs, query).toEqual([]);
      expect(await page.getByRole('button', { name: 'More results' }).isHidden(), query).toBe(true);
      expect(loaded, query).toEqual(shardPaths()); // every shard was asked
    }
  });

  test('a word that only one story holds finds that story first, and only it', async () => {
    const { status, hrefs } = await search(PLANTED.only.toLowerCase());
    expect(hrefs[0]).toBe(storyPath(Math.floor(files.length / 2)));
    expect(hrefs).toHaveLength(1); // not the newest story, which has "Glenmarrowfield"
    expect(status).toBe(`1 story found for “${PLANTED.only.toLowerCase()}”, newest first.`);
    // the longer word is a word of its own
    expect((await search(PLANTED.longer)).hrefs).toEqual([storyPath(-1)]);
  });

  test('two words find only stories with both, newest first (also through "More results")', async () => {
    // Whole words, case-insensitive, with the forms the generated text has of each.
    const forms: Record<string, RegExp> = { rail: /\brails?\b/i, karachi: /\bkarachi\b/i, fund: /\bfunds?\b/i, lahore: /\blahore\b/i };
    // "rail" is in "rail upgrade"; Pagefind alone also matches "Railways ministry" stories for it.
    for (const query of ['rail Karachi', 'fund Lahore']) {
      const first = await search(query);
      const hrefs = await allResults();
      expect(hrefs.length, query).toBeGreaterThan(0);
      expect(new Set(hrefs).size, query).toBe(hrefs.length);
      expect(first.status, query).toMatch(new RegExp(`^(\\d+ stories|1 story|The 30 newest stories) found for “${query}”`));
      const days = hrefs.map((h) => /\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(h)!.slice(1).join(''));
      expect(days, query).toEqual([...days].sort().reverse());
      const texts = await storyTexts(hrefs);
      hrefs.forEach((href, i) => {
        expect(texts[i], href).toMatch(/\S/);
        for (const word of query.toLowerCase().split(' ')) expect(texts[i], `${query}: ${href}`).toMatch(forms[word]!);
      });
    }
  });

  test('a query in double quotes finds the words as a phrase, in that order', async () => {
    const { hrefs } = await search('"rail upgrade"');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const text of await storyTexts(hrefs)) expect(text).toMatch(/\brail upgrade\b/i);
    expect((await search('"upgrade rail"')).status).toBe('No stories found for “"upgrade rail"”.');
  });

  test('a word only the oldest shard holds is found by walking every shard, newest first', async () => {
    const { status, hrefs, loaded } = await search(PLANTED.old);
    expect(loaded).toEqual(shardPaths());
    expect([...hrefs].sort()).toEqual([storyPath(0), storyPath(1)].sort());
    expect(status).toBe(`2 stories found for “${PLANTED.old}”, newest first.`);
  });
});
