// Sitemaps and robots.txt of a fixture build served under a base path, with a fixed "now" and a small
// sitemap size limit (DATELINE_SITEMAP_LIMIT): every file validates against the sitemaps.org + Google
// News schemas, the page sitemaps and the index are byte for byte what @astrojs/sitemap writes for the
// same pages (its hooks run on this site), splitting keeps every page exactly once, `lastmod` follows the
// articles, the news sitemap holds exactly the stories of the 48 hours before "now", a publish writes
// only the sitemaps its pages are in, and sitemaps of an earlier naming are removed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlite } from '../../integrations/dateline/archive/db.ts';
import { buildSite, publishSite, sitemapSchema, type BuiltSite } from '../helpers/build.ts';
import { datelineSitemaps, newsFiles, runAstroSitemap } from './astro-sitemap.ts';
import { hostileFiles, MARKUP_HEADLINE, NOW, REFERENCE_PATH, seedArticle, windowFiles, wire } from './fixtures.ts';

const SCHEMA = sitemapSchema;
const BASE = '/edition/';
const ROOT = `https://dateline.example.com${BASE}`;
const LIMIT = 5;
const NAME = 'seo-sitemaps';
const ENV = { DATELINE_NOW: NOW, DATELINE_SITEMAP_LIMIT: String(LIMIT) };

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
  return Array.from({ length: count }, (_, i) =>
    execFileSync('xmllint', ['--xpath', `string((${path})[${i + 1}])`, file], { encoding: 'utf8' }).replace(/\n$/, ''),
  );
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
    site = buildSite(NAME, { files, env: ENV, args: ['--base', BASE] });
    sitemapFiles = readdirSync(site.dist)
      .filter((f) => /^sitemap-.*\.xml$/.test(f))
      .sort();
  });

  it('all validate against the sitemaps.org and Google News schemas', () => {
    expect(sitemapFiles).toContain('sitemap-index.xml');
    expect(sitemapFiles).toContain('sitemap-news-0.xml');
    // xmllint exits non-zero (and execFileSync throws) on any schema error.
    const out = execFileSync('xmllint', ['--noout', '--schema', SCHEMA, ...sitemapFiles.map((f) => join(site.dist, f))], { encoding: 'utf8', stdio: 'pipe' });
    expect(out).toBe('');
  });

  it('are listed in the index by absolute URL under the base, news first, and robots.txt names the index', () => {
    const listed = xpathStrings(join(site.dist, 'sitemap-index.xml'), `//${el('sitemap')}/${el('loc')}`);
    const news = newsFiles(site.dist);
    const pages = sitemapFiles.filter((f) => f !== 'sitemap-index.xml' && !news.includes(f));
    // as @astrojs/sitemap lists them: its custom sitemaps (the news sitemap), then each chunk's files
    // (by chunk name, then number)
    const number = (f: string) => Number(/-(\d+)\.xml$/.exec(f)![1]);
    const chunk = (f: string) => f.replace(/-\d+\.xml$/, '');
    const ordered = [...pages].sort((a, b) => (chunk(a) < chunk(b) ? -1 : chunk(a) > chunk(b) ? 1 : number(a) - number(b)));
    expect(listed).toEqual([...news, ...ordered].map((f) => `${ROOT}${f}`));
    // a page sitemap has the newest lastmod of its URLs; the news sitemap none (no `lastmod` option)
    const lastmods = xpathStrings(join(site.dist, 'sitemap-index.xml'), `//${el('sitemap')}/${el('lastmod')}`);
    expect(lastmods).toHaveLength(pages.length);
    for (const value of lastmods) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(site.read('robots.txt')).toMatch(new RegExp(`^Sitemap: ${ROOT}sitemap-index\\.xml$`, 'm'));
    // Feeds honour the base too.
    expect(site.read('rss.xml')).toContain(`<atom:link href="${ROOT}rss.xml" rel="self" type="application/rss+xml"/>`);
    expect(site.read('rss.xml')).toContain(`<link>${ROOT}</link>`);
  });

  it('are byte for byte what @astrojs/sitemap writes for the same pages, chunked by group', async () => {
    const plugin = await runAstroSitemap({
      site: 'https://dateline.example.com',
      base: BASE,
      dist: site.dist,
      archive: join(site.dir, 'cache', 'dateline', 'archive.db'),
      limit: LIMIT,
      custom: newsFiles(site.dist).map((f) => `${ROOT}${f}`),
    });
    expect(plugin.problems).toEqual([]);
    const ours = datelineSitemaps(site.dist);
    expect([...plugin.files.keys()]).toEqual([...ours.keys()]);
    for (const [name, text] of plugin.files) expect(ours.get(name), name).toBe(text);
    // the plugin's form: one line, all four namespaces, lastmod as an ISO instant
    const lists = ours.get('sitemap-lists-0.xml')!;
    expect(lists).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?><urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:news="[^"]+" xmlns:xhtml="[^"]+" xmlns:image="[^"]+" xmlns:video="[^"]+"><url><loc>/,
    );
    expect(lists).not.toContain('\n');
  });

  it('escape each URL exactly once', () => {
    // (the news sitemap's titles are text: its test reads them back as the headline, `&amp;` included)
    for (const name of sitemapFiles.filter((f) => !f.startsWith('sitemap-news-'))) {
      const text = site.read(name);
      expect(text, name).not.toMatch(/&amp;(amp|lt|gt|quot|apos);/);
    }
    // every loc decodes to an absolute URL under the base, as written
    for (const name of sitemapFiles.filter((f) => f !== 'sitemap-index.xml')) for (const loc of urlsOf(name)) expect(new URL(loc).href, loc).toBe(loc);
    for (const name of sitemapFiles.filter((f) => f !== 'sitemap-index.xml')) for (const loc of urlsOf(name)) expect(loc.startsWith(ROOT), loc).toBe(true);
  });

  it('split at the configured limit and hold every page exactly once', () => {
    // Grouped so that a publish rewrites few of them: articles by month, day archives by year, and
    // the lists (home, sections, agencies, their pages); a group over the limit goes on in -1, -2…
    const pageSitemaps = sitemapFiles.filter((f) => f !== 'sitemap-index.xml' && !f.startsWith('sitemap-news-'));
    for (const f of pageSitemaps) expect(f).toMatch(/^sitemap-(articles-\d{4}-\d{2}|days-\d{4}|lists)-\d+\.xml$/);
    expect(pageSitemaps).toContain('sitemap-articles-2024-03-0.xml');
    expect(pageSitemaps).toContain('sitemap-days-2024-0.xml');
    expect(pageSitemaps).toContain('sitemap-lists-1.xml');
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
    // an ISO instant in UTC, as the sitemap library writes a lastmod
    const instant = (url: string) => {
      const value = lastmodOf(url);
      expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      return value;
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

  // Last: these publish into the built site.
  const archive = () => join(site.dir, 'cache', 'dateline', 'archive.db');
  const takeChanges = () => {
    const file = join(site.dir, 'changes.json');
    if (!existsSync(file)) return { written: [] as string[], removed: [] as string[] };
    const changes = JSON.parse(readFileSync(file, 'utf8')) as { written: string[]; removed: string[] };
    rmSync(file);
    return changes;
  };

  it('a publish writes only the sitemaps of the groups its pages are in, and the index', async () => {
    takeChanges();
    const before = new Map(
      readdirSync(site.dist)
        .filter((f) => f.startsWith('sitemap-'))
        .map((f) => [f, site.read(f)]),
    );
    writeFileSync(
      join(site.dir, 'content', 'world', 'late.txt'),
      wire({ section: 'World', headline: 'A late story from August', byline: 'AFP', published: '09 Aug, 2023 10:00am' }),
    );
    const run = publishSite(NAME, { env: ENV, args: ['--base', BASE] });
    expect(run.status, run.output).toBe(0);
    const { written } = takeChanges();
    const sitemaps = written.filter((f) => f.startsWith('sitemap-'));
    expect(sitemaps).toContain('sitemap-articles-2023-08-0.xml');
    for (const f of sitemaps) expect(f).toMatch(/^sitemap-(articles-2023-08-\d+|days-2023-\d+|lists-\d+|index)\.xml$/);
    // the other groups' files were not touched
    for (const [name, text] of before) if (!sitemaps.includes(name) && name !== 'sitemap-index.xml') expect(run.site.read(name), name).toBe(text);
    const url = run.site.report.files.find((f) => f.file === 'world/late.txt')!.url!;
    expect(run.site.read('sitemap-articles-2023-08-0.xml')).toContain(`<loc>${url}</loc>`);
    // and still what @astrojs/sitemap writes
    const plugin = await runAstroSitemap({
      site: 'https://dateline.example.com',
      base: BASE,
      dist: site.dist,
      archive: archive(),
      limit: LIMIT,
      custom: newsFiles(site.dist).map((f) => `${ROOT}${f}`),
    });
    const ours = datelineSitemaps(site.dist);
    expect([...plugin.files.keys()]).toEqual([...ours.keys()]);
    for (const [name, text] of plugin.files) expect(ours.get(name), name).toBe(text);
  });

  it('sitemaps of an earlier naming are removed: by a publish over an archive that lists them, and by a build', () => {
    // an archive and output folder as the earlier page sitemaps left them
    const old = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n</urlset>\n';
    writeFileSync(join(site.dist, 'sitemap-articles-2024-03.xml'), old);
    const { DatabaseSync } = loadSqlite();
    const db = new DatabaseSync(archive());
    db.prepare("INSERT OR REPLACE INTO outputs (path, hash, kind, stale) VALUES ('sitemap-articles-2024-03.xml', 'x', 'sitemap', 0)").run();
    db.prepare("DELETE FROM meta WHERE key = 'sitemaps'").run();
    db.close();
    takeChanges();
    const run = publishSite(NAME, { env: ENV, args: ['--base', BASE] });
    expect(run.status, run.output).toBe(0);
    expect(run.site.exists('sitemap-articles-2024-03.xml')).toBe(false);
    expect(takeChanges().removed).toContain('sitemap-articles-2024-03.xml');
    expect(run.site.read('sitemap-index.xml')).not.toContain(`${ROOT}sitemap-articles-2024-03.xml`);
    expect(run.site.read('sitemap-index.xml')).toContain(`${ROOT}sitemap-articles-2024-03-0.xml`);

    // a build over an output folder that has some (not in its archive)
    for (const name of ['sitemap-lists.xml', 'sitemap-days-2024.xml', 'sitemap-articles-2023-08.xml']) writeFileSync(join(site.dist, name), old);
    const rebuilt = buildSite(NAME, { contentDir: join(site.dir, 'content'), env: ENV, args: ['--base', BASE], keepDist: true, keepCache: true });
    for (const name of ['sitemap-lists.xml', 'sitemap-days-2024.xml', 'sitemap-articles-2023-08.xml']) expect(rebuilt.exists(name), name).toBe(false);
    expect(rebuilt.exists('sitemap-lists-0.xml')).toBe(true);
    expect(rebuilt.read('sitemap-index.xml')).not.toMatch(/sitemap-(lists|days-2024|articles-2023-08)\.xml/);
  });
});
