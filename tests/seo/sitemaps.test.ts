// Sitemaps and robots.txt of a fixture build served under a base path, with a fixed "now" and a small
// sitemap size limit (DATELINE_SITEMAP_LIMIT): every file validates against the sitemaps.org + Google
// News schemas, the index lists them all, splitting keeps every page exactly once, `lastmod` follows the
// articles, and the news sitemap holds exactly the stories of the 48 hours before "now".
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, sitemapSchema, type BuiltSite } from '../helpers/build.ts';
import { hostileFiles, MARKUP_HEADLINE, NOW, REFERENCE_PATH, seedArticle, windowFiles, wire } from './fixtures.ts';

const SCHEMA = sitemapSchema;
const BASE = '/edition/';
const ROOT = `https://dateline.example.com${BASE}`;
const LIMIT = 5;

const updated = wire({ section: 'World', headline: 'Story that was updated later', byline: 'AFP', published: '28 Feb, 2024 09:00am' }).replace(
  'Published 28 Feb, 2024 09:00am\n',
  'Published 28 Feb, 2024 09:00am\n\nUpdated 01 Mar, 2024 06:30pm\n',
);

const files = {
  'world/reference.txt': seedArticle,
  'world/updated.txt': updated,
  ...windowFiles,
  'hostile/markup.txt': hostileFiles['hostile/markup.txt'],
};

/** Values selected by an XPath over namespaced elements, decoded (xmllint, one call per value). */
function xpathStrings(file: string, path: string): string[] {
  const count = Number(execFileSync('xmllint', ['--xpath', `count(${path})`, file], { encoding: 'utf8' }).trim());
  return Array.from({ length: count }, (_, i) => execFileSync('xmllint', ['--xpath', `string((${path})[${i + 1}])`, file], { encoding: 'utf8' }).replace(/\n$/, ''));
}
const el = (name: string) => `*[local-name()='${name}']`;

describe('sitemaps', () => {
  let site: BuiltSite;
  let sitemapFiles: string[];
  const urlsOf = (name: string) => xpathStrings(join(site.dist, name), `//${el('url')}/${el('loc')}`);
  const lastmodOf = (url: string) => {
    for (const name of sitemapFiles.filter((f) => !f.includes('news') && f !== 'sitemap-index.xml')) {
      const found = xpathStrings(join(site.dist, name), `//${el('url')}[${el('loc')}='${url}']/${el('lastmod')}`);
      if (found.length) return found[0];
    }
    return undefined;
  };

  beforeAll(() => {
    site = buildSite('seo-sitemaps', {
      files,
      env: { DATELINE_NOW: NOW, DATELINE_SITEMAP_LIMIT: String(LIMIT) },
      args: ['--base', BASE],
    });
    sitemapFiles = readdirSync(site.dist).filter((f) => /^sitemap-.*\.xml$/.test(f)).sort();
  });

  it('all validate against the sitemaps.org and Google News schemas', () => {
    expect(sitemapFiles).toContain('sitemap-index.xml');
    expect(sitemapFiles).toContain('sitemap-news-0.xml');
    // xmllint exits non-zero (and execFileSync throws) on any schema error.
    const out = execFileSync('xmllint', ['--noout', '--schema', SCHEMA, ...sitemapFiles.map((f) => join(site.dist, f))], { encoding: 'utf8', stdio: 'pipe' });
    expect(out).toBe('');
  });

  it('are listed in the index by absolute URL under the base, and robots.txt names the index', () => {
    const listed = xpathStrings(join(site.dist, 'sitemap-index.xml'), `//${el('sitemap')}/${el('loc')}`);
    const expected = sitemapFiles.filter((f) => f !== 'sitemap-index.xml').map((f) => `${ROOT}${f}`);
    expect([...listed].sort()).toEqual(expected.sort());
    const lastmods = xpathStrings(join(site.dist, 'sitemap-index.xml'), `//${el('sitemap')}/${el('lastmod')}`);
    expect(lastmods).toHaveLength(listed.length);
    expect(site.read('robots.txt')).toMatch(new RegExp(`^Sitemap: ${ROOT}sitemap-index\\.xml$`, 'm'));
    // Feeds honour the base too.
    expect(site.read('rss.xml')).toContain(`<atom:link href="${ROOT}rss.xml" rel="self" type="application/rss+xml"/>`);
    expect(site.read('rss.xml')).toContain(`<link>${ROOT}</link>`);
  });

  it('split at the configured limit and hold every page exactly once', () => {
    // Grouped so that a publish rewrites few of them: articles by month, day archives by year, and
    // the lists (home, sections, agencies, their pages); a group over the limit goes on in -2, -3…
    const pageSitemaps = sitemapFiles.filter((f) => f !== 'sitemap-index.xml' && !f.startsWith('sitemap-news-'));
    for (const f of pageSitemaps) expect(f).toMatch(/^sitemap-(articles-\d{4}-\d{2}|days-\d{4}|lists)(-\d+)?\.xml$/);
    expect(pageSitemaps).toContain('sitemap-articles-2024-03.xml');
    expect(pageSitemaps).toContain('sitemap-days-2024.xml');
    expect(pageSitemaps).toContain('sitemap-lists-2.xml');
    const all = pageSitemaps.flatMap((f) => {
      const urls = urlsOf(f);
      expect(urls.length).toBeLessThanOrEqual(LIMIT);
      return urls;
    });
    const pages = (readdirSync(site.dist, { recursive: true }) as string[])
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `${ROOT}${f.replace(/index\.html$/, '')}`);
    expect([...all].sort()).toEqual(pages.sort());
    expect(new Set(all).size).toBe(all.length);
  });

  it('give each page the lastmod of its article, or of the newest article it lists', () => {
    // W3C datetime in the site's zone, as the pages print times
    const instant = (url: string) => {
      const value = lastmodOf(url);
      expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/);
      return new Date(value!).toISOString();
    };
    expect(instant(`${ROOT}${REFERENCE_PATH}`)).toBe('2023-08-07T16:26:00.000Z');
    const updatedUrl = site.report.files.find((f) => f.file === 'world/updated.txt')!.url!;
    expect(instant(updatedUrl)).toBe('2024-03-01T13:30:00.000Z'); // its Updated time
    expect(instant(`${ROOT}world/`)).toBe('2024-03-01T13:30:00.000Z'); // newest change in World
    expect(instant(ROOT)).toBe('2024-03-02T06:00:00.000Z'); // the story filed one hour before now
    expect(instant(`${ROOT}business/`)).toBe('2024-02-29T08:00:00.000Z');
  });

  it('have a Google News sitemap with exactly the stories of the 48 hours before now', () => {
    const news = join(site.dist, 'sitemap-news-0.xml');
    const titles = xpathStrings(news, `//${el('news')}/${el('title')}`);
    // Not the 49-hour-old story, nor the one updated in the window but published before it.
    expect([...titles].sort()).toEqual(['Story filed 47 hours ago', 'Story filed one hour ago', MARKUP_HEADLINE].sort());
    const byTitle = (title: string) => `//${el('url')}[${el('news')}/${el('title')}='${title}']`;
    const one = byTitle('Story filed one hour ago');
    expect(xpathStrings(news, `${one}/${el('news')}/${el('publication_date')}`)).toEqual(['2024-03-02T11:00:00+05:00']);
    expect(xpathStrings(news, `${one}/${el('news')}/${el('publication')}/${el('name')}`)).toEqual(['Dateline News']);
    expect(xpathStrings(news, `${one}/${el('news')}/${el('publication')}/${el('language')}`)).toEqual(['en']);
    expect(xpathStrings(news, `${one}/${el('loc')}`)).toEqual([site.report.files.find((f) => f.file === 'window/one-hour.txt')!.url]);
  });

  it('leave the scheduled story out of every sitemap, feed and page', () => {
    expect(site.report.files.find((f) => f.file === 'window/future.txt')?.status).toBe('scheduled');
    for (const name of [...sitemapFiles, 'rss.xml', 'world/rss.xml']) expect(site.read(name)).not.toContain('Embargoed');
    expect(site.read('index.html')).not.toContain('Embargoed');
  });
});
