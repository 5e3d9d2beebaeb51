// The built demo site as files: valid HTML on every page (html-validate), no broken internal link,
// no JavaScript on article pages (JSON-LD is data), and the weight of the reference article page.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inlineSourcesIn } from '../helpers/inline-sources.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { demoFiles, E2E_NOW, EXTRA_WORLD, extraWorldStories, RELATED_STORY, removeRun, runName, SEED } from './fixtures.ts';
import { htmlValidateConfig } from './html-validate-config.ts';
import { findBrokenLinks, htmlFiles } from './site-walk.ts';

const SITE_URL = 'https://dateline.example.com';

const NAME = runName('e2e-pages');
let site: BuiltSite;
let pages: string[];

beforeAll(() => {
  site = buildSite(NAME, {
    files: { ...demoFiles(), ...extraWorldStories(EXTRA_WORLD), [RELATED_STORY.file]: RELATED_STORY.text },
    env: { DATELINE_NOW: E2E_NOW, DATELINE_OG_IMAGES: '0', SITE_URL },
  });
  pages = htmlFiles(site.dist);
});

afterAll(() => removeRun(NAME));

describe('every page', () => {
  test('covers every page type', () => {
    const rel = pages.map((p) => relative(site.dist, p));
    // archive pages are numbered from the oldest: page 1 holds a list's 20 oldest stories
    for (const expected of [
      'index.html',
      '404.html',
      'search/index.html',
      'world/index.html',
      'world/page/1/index.html',
      `${SEED.path}index.html`,
      'agency/afp/index.html',
      'agency/afp/page/1/index.html',
      '2026/11/24/index.html',
      '2026/11/25/page/1/index.html',
    ]) {
      expect(rel).toContain(expected);
    }
    expect(rel).not.toContain('world/page/2/index.html');
  });

  test('is valid HTML (html-validate, recommended rules)', async () => {
    const validator = new HtmlValidate(htmlValidateConfig);
    const problems: string[] = [];
    for (const file of pages) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${relative(site.dist, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('has no broken internal link', () => {
    const { broken, links } = findBrokenLinks(site.dist, SITE_URL, '/');
    expect(links).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });
});

describe('JavaScript', () => {
  test('only the search page has a script (JSON-LD is data)', () => {
    const withScript = pages.filter((file) =>
      [...readFileSync(file, 'utf8').matchAll(/<script\b([^>]*)>/g)].some((m) => !/type="application\/ld\+json"/.test(m[1]!)),
    );
    expect(withScript.map((f) => relative(site.dist, f))).toEqual(['search/index.html']);
  });

  test('no page has an inline script: the search page loads one bundled module file from _astro/', () => {
    expect(inlineSourcesIn(site.dist).scripts).toEqual([]);
    const html = site.read('search/index.html');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([^]*?)<\/script\s*>/gi)].filter((m) => !/type="application\/ld\+json"/.test(m[1]!));
    expect(scripts).toHaveLength(1);
    const [, attrs, body] = scripts[0]!;
    expect(body).toBe('');
    expect(attrs).toMatch(/\btype="module"/);
    const src = /\bsrc="\/(_astro\/[\w.-]+\.js)"/.exec(attrs!)?.[1];
    expect(src, attrs).toBeDefined();
    expect(site.exists(src!)).toBe(true);
    // the CSP allows it as 'self', with no script hash and no 'unsafe-inline'
    const csp = /Content-Security-Policy: (.*)/.exec(site.read('_headers'))?.[1] ?? '';
    expect(/script-src [^;]*/.exec(csp)?.[0]).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");
  });
});

describe('article pages', () => {
  test('related headlines link to the story when the site has it, plain text otherwise', () => {
    const html = site.read(`${RELATED_STORY.path}index.html`);
    const related = html.match(/<aside class="related"[^]*?<\/aside>/)?.[0] ?? '';
    expect(related).toContain(`<a href="/${RELATED_STORY.known.path}">${RELATED_STORY.known.headline}</a>`);
    expect(related).toContain(`<li class="related-unlinked" dir="auto">${RELATED_STORY.unknown}</li>`);
    // one list for the run of two, not body paragraphs
    expect(html.match(/<aside class="related"/g)).toHaveLength(1);
    expect(html).not.toContain(`<p dir="auto">${RELATED_STORY.unknown}</p>`);
  });

  test('the reference article: dateline set apart, byline agency link, local times with the zone', () => {
    const html = site.read(`${SEED.path}index.html`);
    expect(html).toContain('<span class="dateline">BEIJING:</span> The foreign ministers');
    expect(html).toContain('<a href="/agency/afp/">AFP</a>');
    expect(html).toContain('<time datetime="2023-08-07T21:26:00+05:00" title="Pakistan Standard Time">7 August 2023, 9:26 pm GMT+5</time>');
    expect(html).toMatch(/<aside class="related"/);
    // the capture's market quote is the front page's market strip, not part of the story
    expect(html).not.toContain('BAFL');
    expect(site.read('index.html')).toContain('<span class="visually-hidden">down </span>-0.11 (-0.26%)');
  });

  const articlePages = () => pages.filter((p) => /\/\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(p) && !/^\d{4}\//.test(relative(site.dist, p)));

  test('ship no JavaScript (JSON-LD is data)', () => {
    const files = articlePages();
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const scripts = [...readFileSync(file, 'utf8').matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      expect(
        scripts.filter((attrs) => !/type="application\/ld\+json"/.test(attrs)),
        relative(site.dist, file),
      ).toEqual([]);
    }
  });

  test('the reference article weighs under 30 KB (HTML + CSS, gzip)', () => {
    const html = site.read(`${SEED.path}index.html`);
    const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => readFileSync(join(site.dist, m[1]!), 'utf8'));
    const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('');
    const gz = (s: string) => gzipSync(s, { level: 9 }).length;
    const htmlGz = gz(html);
    const cssGz = css.reduce((n, s) => n + gz(s), 0);
    const total = htmlGz + cssGz;
    console.log(
      `reference article: HTML ${html.length} B (${htmlGz} B gzip, inline CSS ${inlineCss.length} B), external CSS ${css.join('').length} B (${cssGz} B gzip); total ${total} B gzip`,
    );
    expect(total).toBeLessThan(30 * 1024);
  });
});
