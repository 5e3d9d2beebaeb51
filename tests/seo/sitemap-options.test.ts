// The `sitemap` options (@astrojs/sitemap's) on a project of its own: its astro.config.mjs gives
// dateline() the options of ./sitemap-options.ts, the site is built, and @astrojs/sitemap itself is run
// on the built site's pages with the same options and functions: every page sitemap and the index must
// be byte for byte the same. Then each option's effect is checked in the files, and all validate.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseOptions } from '../../integrations/dateline/options.ts';
import { tinyJpeg } from '../pictures/images.ts';
import { buildSite, outputDir, repoRoot, sitemapSchema, type BuiltSite } from '../helpers/build.ts';
import { ninjsStory } from '../site/photo-fixtures.ts';
import { datelineSitemaps, newsFiles, runAstroSitemap } from './astro-sitemap.ts';
import { wire } from './fixtures.ts';
import { CUSTOM_SITEMAP, SITE, SITEMAP_OPTIONS } from './sitemap-options.ts';

const NAME = 'seo-sitemap-options';
const NOW = '2024-03-02T12:00:00+05:00';
const ROOT = `${SITE}/`;
const LIMIT = 4;
const ENV = { DATELINE_NOW: NOW, DATELINE_SITEMAP_LIMIT: String(LIMIT) };

/** A copy of the project (Astro compiles a symlinked `src/` under two paths and fails), with node_modules linked. */
const scratch = join(outputDir(NAME), 'project');

const el = (name: string) => `*[local-name()='${name}']`;
const xpath = (file: string, path: string) => execFileSync('xmllint', ['--xpath', path, file], { encoding: 'utf8' }).trim();

describe('the sitemap options, as @astrojs/sitemap applies them', () => {
  let site: BuiltSite;
  const content = join(outputDir(NAME), 'content');

  beforeAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    for (const part of ['integrations', 'src', 'public', 'package.json', 'package-lock.json', 'tsconfig.json'])
      cpSync(join(repoRoot, part), join(scratch, part), { recursive: true });
    symlinkSync(join(repoRoot, 'node_modules'), join(scratch, 'node_modules'), 'dir');
    writeFileSync(
      join(scratch, 'astro.config.mjs'),
      `import { defineConfig } from 'astro/config';\nimport dateline from './integrations/dateline/index.ts';\nimport { SITEMAP_OPTIONS } from ${JSON.stringify(join(repoRoot, 'tests/seo/sitemap-options.ts'))};\n` +
        `export default defineConfig({ site: ${JSON.stringify(SITE)}, trailingSlash: 'always', integrations: [dateline({ publicationName: 'Options News', sitemap: SITEMAP_OPTIONS })] });\n`,
    );
    rmSync(content, { recursive: true, force: true });
    mkdirSync(join(content, 'photos'), { recursive: true });
    writeFileSync(join(content, 'photos', 'harbour.jpg'), await tinyJpeg());
    const files: Record<string, string> = {
      'world/talks.txt': wire({ section: 'World', headline: 'Harbour talks resume', byline: 'AFP', published: '01 Mar, 2024 09:00am' }),
      'world/older.txt': wire({ section: 'World', headline: 'Ministers meet in January', byline: 'AFP', published: '15 Jan, 2024 08:00am' }),
      'business/rates.txt': wire({ section: 'Business', headline: 'Rates hold steady', byline: 'Reuters', published: '28 Feb, 2024 10:00am' }),
      'business/fees.txt': wire({ section: 'Business', headline: 'Port fees rise', byline: 'Reuters', published: '29 Feb, 2024 10:00am' }),
      'lead.json': ninjsStory({
        uri: 'urn:test:harbour',
        headline: 'Night shifts clear the harbour',
        published: '2024-03-01T10:00:00+05:00',
        pictures: [{ href: 'photos/harbour.jpg', alt: 'Cranes at the harbour.' }],
      }),
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(content, path, '..'), { recursive: true });
      writeFileSync(join(content, path), text);
    }
    site = buildSite(NAME, { contentDir: content, env: ENV, project: scratch });
  });

  it('writes what @astrojs/sitemap writes with the same options, byte for byte', async () => {
    const plugin = await runAstroSitemap({
      site: SITE,
      base: '/',
      dist: site.dist,
      archive: join(site.dir, 'cache', 'dateline', 'archive.db'),
      limit: LIMIT,
      custom: newsFiles(site.dist).map((f) => `${ROOT}${f}`),
      options: SITEMAP_OPTIONS,
    });
    expect(plugin.problems).toEqual([]);
    const ours = datelineSitemaps(site.dist);
    expect([...plugin.files.keys()]).toEqual([...ours.keys()]);
    for (const [name, text] of plugin.files) expect(ours.get(name), name).toBe(text);
  });

  it('applies each option', () => {
    const ours = datelineSitemaps(site.dist);
    const pages = [...ours.entries()].filter(([name]) => name !== 'sitemap-index.xml');
    const xml = pages.map(([, text]) => text).join('');
    expect(pages.length).toBeGreaterThan(1);
    // filter: no agency page; serialize: no search page
    expect(xml).toContain(`<loc>${ROOT}world/</loc>`);
    expect(xml).not.toContain('/agency/');
    expect(xml).not.toContain('/search/');
    // serialize: a March article weighs 0.9, hourly; the rest have the options' changefreq and priority
    const talks = site.report.files.find((f) => f.file === 'world/talks.txt')!.url!;
    expect(xml).toMatch(
      new RegExp(`<url><loc>${talks}</loc><lastmod>2024-03-01T04:00:00\\.000Z</lastmod><changefreq>hourly</changefreq><priority>0\\.9</priority></url>`),
    );
    const older = site.report.files.find((f) => f.file === 'world/older.txt')!.url!;
    expect(xml).toMatch(
      new RegExp(`<url><loc>${older}</loc><lastmod>2024-01-15T03:00:00\\.000Z</lastmod><changefreq>daily</changefreq><priority>0\\.5</priority></url>`),
    );
    // the article's picture
    const lead = site.report.files.find((f) => f.file === 'lead.json')!.url!;
    expect(xml).toMatch(new RegExp(`<url><loc>${lead}</loc>.*?<image:image><image:loc>${ROOT}photos/[0-9a-f]+/w\\d+\\.jpg</image:loc></image:image></url>`));
    // xslURL (against the site's base URL) and the namespaces, in every file
    for (const [name, text] of ours) {
      expect(text.startsWith(`<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="${ROOT}sitemap.xsl"?>`), name).toBe(true);
      if (name === 'sitemap-index.xml') continue;
      expect(text, name).toContain(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">',
      );
    }
    // the index: the news sitemap, then customSitemaps, with the lastmod option; then the page sitemaps
    const index = join(site.dist, 'sitemap-index.xml');
    const news = newsFiles(site.dist);
    expect(news.length).toBe(1);
    expect(xpath(index, `string(//${el('sitemap')}[1]/${el('loc')})`)).toBe(`${ROOT}${news[0]}`);
    expect(xpath(index, `string(//${el('sitemap')}[2]/${el('loc')})`)).toBe(CUSTOM_SITEMAP);
    expect(xpath(index, `string(//${el('sitemap')}[2]/${el('lastmod')})`)).toBe('2024-01-01T00:00:00.000Z');
    expect(xpath(index, `string(//${el('sitemap')}[3]/${el('loc')})`)).toMatch(new RegExp(`^${ROOT}sitemap-articles-2024-01-0\\.xml$`));
  });

  it('all validate against the sitemaps.org, image and news schemas', () => {
    const files = readdirSync(site.dist).filter((f) => /^sitemap-.*\.xml$/.test(f));
    execFileSync('xmllint', ['--noout', '--schema', sitemapSchema, ...files.map((f) => join(site.dist, f))], { stdio: 'pipe' });
  });

  it('refuses what @astrojs/sitemap refuses, naming the option', () => {
    expect(() => parseOptions({ sitemap: { filter: 'agency' } })).toThrow(/option "sitemap\.filter": expected a function/);
    expect(() => parseOptions({ sitemap: { priority: 2 } })).toThrow(/option "sitemap\.priority"/);
    expect(() => parseOptions({ sitemap: { changefreq: 'often' } })).toThrow(/option "sitemap\.changefreq"/);
    expect(() => parseOptions({ sitemap: { customSitemaps: ['not a url'] } })).toThrow(/option "sitemap\.customSitemaps\.0"/);
    expect(() => parseOptions({ sitemap: { namespace: {} } })).toThrow(/unknown option "sitemap\.namespace": did you mean `sitemap\.namespaces`\?/);
  });
});
