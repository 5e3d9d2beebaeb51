// Hostile names: sections and headlines that slugify to nothing, to `..`, to the site's own top-level
// paths, or to each other. Every article keeps its own page inside dist/, and the site's own routes
// (og/, pagefind/, rss.xml, 404.html, search/, _astro/, sitemaps, robots.txt) stay the site's own.
import { parseFeed } from '@rowanmanning/feed-parser';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { MATCH_B, nameFiles, NOW, RAIN_B, REJECTED_NAMES, RESERVED_SECTIONS, runName, suffixOf } from './fixtures.ts';
import { attr, elements, meta, page, textOf, walk } from './util.ts';

/** First-level names the site itself writes into dist/. */
const SITE_OWN = [
  'og',
  'page',
  'agency',
  '404',
  '404.html',
  '_astro',
  'pagefind',
  'search',
  'rss',
  'rss.xml',
  'robots.txt',
  'favicon.svg',
  'logo.png',
  'sitemap-index.xml',
  'sitemap-lists-0.xml',
  'sitemap-news-0.xml',
  '_headers',
];

const headlineOf = (text: string) => text.split('\n')[3]!;

describe('hostile names', () => {
  let site: BuiltSite;
  const entry = (file: string) => site.report.files.find((f) => f.file === file)!;
  const pathOf = (file: string) => new URL(entry(file).url!).pathname;
  const html = (path: string) => page(path, site.read(`${path.slice(1)}index.html`));

  beforeAll(() => {
    const started = performance.now();
    site = buildSite(runName('hostile-names'), { files: nameFiles, env: { DATELINE_NOW: NOW } });
    console.log(`names build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });

  it('publishes every file at its own URL, a page inside dist/ with its own headline', () => {
    expect(site.report.files.map((f) => f.file)).toEqual(Object.keys(nameFiles).sort());
    for (const [file, reason] of Object.entries(REJECTED_NAMES)) {
      expect(entry(file), file).toMatchObject({ status: 'rejected', line: 4 });
      expect(entry(file).message, file).toMatch(reason);
    }
    expect(site.report.files.filter((f) => f.status !== 'published' && !(f.file in REJECTED_NAMES))).toEqual([]);
    const paths = site.report.files.filter((f) => f.status === 'published').map((f) => new URL(f.url!).pathname);
    expect(new Set(paths).size).toBe(paths.length);
    for (const [file, text] of Object.entries(nameFiles).filter(([f]) => !(f in REJECTED_NAMES))) {
      const path = pathOf(file);
      expect(path, file).toMatch(/^\/[a-z0-9-]+\/2024\/03\/01\/[a-z0-9-]+\/$/);
      const target = resolve(site.dist, `.${path}`, 'index.html');
      expect(target.startsWith(site.dist + sep), file).toBe(true);
      expect(site.exists(`${path.slice(1)}index.html`), file).toBe(true);
      // The page is this article's: no other route wrote over it.
      expect(elements(html(path).root, 'h1').map(textOf), file).toEqual([headlineOf(text)]);
    }
    // Nothing outside dist/ was written: every output file resolves inside it.
    for (const f of walk(site.dist)) expect(resolve(site.dist, f).startsWith(site.dist + sep)).toBe(true);
  });

  it('gives empty and dot slugs a safe stand-in', () => {
    for (const file of ['names/empty-section.txt', 'names/dots-section.txt', 'names/dots-slash-section.txt']) {
      expect(pathOf(file), file).toMatch(/^\/section-[0-9a-f]{6}\//);
    }
    for (const file of ['names/empty-headline.txt', 'names/dots-headline.txt', 'names/dot-headline.txt']) {
      expect(pathOf(file), file).toMatch(/\/story-[0-9a-f]{6}\/$/);
    }
    expect(pathOf('names/path-headline.txt')).toBe('/world/2024/03/01/etc-passwd/');
    expect(pathOf('names/zero-width-section.txt')).toBe('/news/2024/03/01/story-in-an-invisible-section/');
  });

  it("never lets a section take one of the site's own top-level paths", () => {
    const sections = new Set(site.report.files.filter((f) => f.url).map((f) => pathOf(f.file).split('/')[1]!));
    for (const name of SITE_OWN) expect(sections.has(name), name).toBe(false);
    for (const s of sections) expect(s, s).not.toMatch(/^\d+$/);
    RESERVED_SECTIONS.forEach((name, i) => {
      const slug = pathOf(`names/reserved-${i}.txt`).split('/')[1]!;
      expect(SITE_OWN.includes(slug) || /^\d+$/.test(slug), `${name} → ${slug}`).toBe(false);
    });
  });

  it("keeps the site's own routes its own", () => {
    // Social images: only images under og/, the default image intact.
    const og = walk(join(site.dist, 'og'));
    expect(og).toContain('default.png');
    for (const f of og) expect(f, f).toMatch(/\.(png|jpg)$/);
    expect(
      readFileSync(join(site.dist, 'og', 'default.png'))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    // Pagefind's files, the site feed, the 404 page, the search page, robots.txt, sitemaps.
    const { shards } = JSON.parse(site.read('search/shards.json')) as { shards: { path: string }[] };
    for (const { path } of shards) expect(site.read(`pagefind/${path}/pagefind.js`)).toMatch(/pagefind/i);
    for (const f of walk(join(site.dist, 'pagefind'))) expect(f, f).not.toMatch(/index\.html$/);
    expect(parseFeed(site.read('rss.xml')).title).toBe('Dateline');
    expect(meta(page('404.html', site.read('404.html')), 'robots')).toEqual(['noindex, follow']);
    const search = page('search/index.html', site.read('search/index.html'));
    expect(elements(search.root, 'form').map((f) => attr(f, 'role'))).toEqual(['search']);
    expect(site.read('robots.txt')).toMatch(/^User-agent:/m);
    for (const f of walk(site.dist).filter((f) => /^sitemap-.*\.xml$/.test(f))) execFileSync('xmllint', ['--noout', join(site.dist, f)]);
    for (const f of walk(join(site.dist, '_astro'))) expect(f, f).toMatch(/\.(css|js|woff2?)$/);
    expect(site.read('favicon.svg')).toContain('<svg');
  });

  it('lists colliding sections together on one section page', () => {
    const shared = ['names/same-section-1.txt', 'names/same-section-2.txt', 'names/same-section-3.txt'];
    expect(new Set(shared.map((f) => pathOf(f).split('/')[1]))).toEqual(new Set(['world-news']));
    const links = (path: string) => elements(html(path).root, 'a').map((a) => attr(a, 'href'));
    expect(links('/world-news/')).toEqual(expect.arrayContaining(shared.map(pathOf)));
    // `2024` (a year) is moved to `2024-section`, which a section named `2024-section` shares.
    const year = RESERVED_SECTIONS.indexOf('2024');
    expect(pathOf(`names/reserved-${year}.txt`).split('/')[1]).toBe('2024-section');
    expect(pathOf('names/same-section-4.txt').split('/')[1]).toBe('2024-section');
    expect(links('/2024-section/')).toEqual(expect.arrayContaining([pathOf(`names/reserved-${year}.txt`), pathOf('names/same-section-4.txt')]));
    // The day archive /2024/03/01/ is the site's own page, not a section.
    expect(elements(html('/2024/03/01/').root, 'h1').map(textOf).join(' ')).toMatch(/2024/);
  });

  it('suffixes colliding headlines stably, even against a headline equal to a suffixed slug', () => {
    const b = suffixOf(...MATCH_B);
    expect(pathOf('names/suffix-earlier.txt')).toBe(`/sports/2024/03/01/match-drawn-${b}/`);
    expect(pathOf('names/same-headline-a.txt')).toBe('/sports/2024/03/01/match-drawn/');
    expect(pathOf('names/same-headline-b.txt')).toBe(`/sports/2024/03/01/match-drawn-${suffixOf(...MATCH_B, 8)}/`);
    const rainB = suffixOf(...RAIN_B);
    expect(pathOf('names/rain-a.txt')).toBe('/sports/2024/03/01/rain-stops-play/');
    expect(pathOf('names/rain-b.txt')).toBe(`/sports/2024/03/01/rain-stops-play-${rainB}/`);
    const later = suffixOf(`Rain stops play ${rainB}`, '2024-03-01T16:00:00+05:00');
    expect(pathOf('names/suffix-later.txt')).toBe(`/sports/2024/03/01/rain-stops-play-${rainB}-${later}/`);
  });
});
