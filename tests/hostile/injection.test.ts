// Markup and script in every wire field. The built site is read with real parsers (parse5 for HTML,
// JSON.parse for JSON-LD, feed-parser and parse5 for RSS, xmllint for sitemaps): no element or
// attribute may come from wire text, and every place that shows the text shows exactly the raw text.
import { parseFeed } from '@rowanmanning/feed-parser';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { compareFeedsWithPages } from '../helpers/feed-readers.ts';
import { parseHtmlFragment } from '../seo/html.ts';
import { INJ, INJ_CAPTION, INJ_FIRST_PARAGRAPH, injectionFiles, NOW, runName } from './fixtures.ts';
import { allElements, attr, byClass, el, elements, meta, page, textOf, walk, xpathStrings, type Node, type Page } from './util.ts';

const SITE = 'https://dateline.example.com/';
/** Elements the hostile text carries; the theme never writes them. */
const FORBIDDEN_TAGS = ['img', 'svg', 'b', 'i', 'iframe', 'object', 'embed', 'style', 'base', 'math', 'template', 'frame'];
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'srcset', 'poster', 'data', 'xlink:href'];
/** Meta tags whose content is a URL. */
const URL_METAS = ['og:url', 'og:image', 'og:image:secure_url', 'twitter:image'];

/** Checks that no element or attribute of a document came from wire text. Returns the problems. */
function markupProblems(p: Page, search: boolean): string[] {
  const problems: string[] = [];
  for (const node of p.all) {
    const tag = node.tagName!;
    if (FORBIDDEN_TAGS.includes(tag)) problems.push(`<${tag}> element`);
    for (const { name, value } of node.attrs ?? []) {
      if (/^on/i.test(name)) problems.push(`${name} attribute on <${tag}>`);
      if (URL_ATTRIBUTES.includes(name) && /^\s*(?:javascript|vbscript|data:text)/i.test(value)) problems.push(`${name}="${value}" on <${tag}>`);
    }
    if (tag === 'script') {
      const type = attr(node, 'type');
      const src = attr(node, 'src');
      // the search page's one script: the theme's own bundled module (src/scripts/search.ts), empty
      if (src !== undefined) {
        if (!(search && type === 'module' && /^\/_astro\/[\w.-]+\.js$/.test(src) && textOf(node) === '')) problems.push(`<script src="${src}">`);
      } else if (type === 'application/ld+json') {
        try {
          JSON.parse(textOf(node));
        } catch (error) {
          problems.push(`JSON-LD does not parse: ${(error as Error).message}`);
        }
      } else problems.push(`<script type="${type}">: ${textOf(node).slice(0, 80)}`);
    }
    if (tag === 'meta' && URL_METAS.includes(attr(node, 'property') ?? attr(node, 'name') ?? '')) {
      if (!(attr(node, 'content') ?? '').startsWith(SITE))
        problems.push(`<meta ${attr(node, 'property') ?? attr(node, 'name')} content="${attr(node, 'content')}">`);
    }
    if (tag === 'a') {
      const href = attr(node, 'href') ?? '';
      if (!/^(?:\/|#|https?:\/\/)/.test(href)) problems.push(`<a href="${href}">`);
    }
  }
  return problems;
}

describe('injection: hostile text in every field', () => {
  let site: BuiltSite;
  let pages: Page[];
  const pathOf = (file: string) => new URL(site.report.files.find((f) => f.file === file)!.url!).pathname;
  const pageAt = (path: string) => pages.find((p) => p.path === `${path.slice(1)}index.html`)!;
  const jsonLd = (p: Page) =>
    elements(p.root, 'script')
      .filter((s) => attr(s, 'type') === 'application/ld+json')
      .map((s) => JSON.parse(textOf(s)));

  beforeAll(() => {
    const started = performance.now();
    site = buildSite(runName('hostile-injection'), { files: injectionFiles, env: { DATELINE_NOW: NOW } });
    console.log(`injection build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    pages = walk(site.dist)
      .filter((f) => f.endsWith('.html'))
      .map((f) => page(f, site.read(f)));
  });

  it('publishes every hostile file', () => {
    expect(site.report.files.map((f) => [f.file, f.status])).toEqual(
      Object.keys(injectionFiles)
        .sort()
        .map((f) => [f, f === 'inject/rejected.txt' ? 'rejected' : 'published']),
    );
  });

  it('no page has an element, event handler, script or javascript: URL from wire text', () => {
    expect(pages.length).toBeGreaterThan(10);
    const problems = pages.flatMap((p) => markupProblems(p, p.path === 'search/index.html').map((m) => `${p.path}: ${m}`));
    expect(problems).toEqual([]);
  });

  it('the article page shows every field as the raw wire text', () => {
    const p = pageAt(pathOf('inject/everything.txt'));
    const texts = (tag: string) => elements(p.root, tag).map(textOf);
    expect(texts('h1')).toEqual([INJ.headline]);
    expect(texts('title')).toEqual([`${INJ.headline} — Dateline`]);
    expect(textOf(byClass(p, 'kicker')[0]!)).toBe(INJ.section);
    expect(textOf(byClass(p, 'dateline')[0]!)).toBe(INJ.dateline);
    const body = byClass(p, 'story-body')[0]!;
    const paragraphs = elements(body, 'p').map(textOf);
    expect(paragraphs).toContain(INJ_FIRST_PARAGRAPH);
    expect(paragraphs).toContain(INJ.paragraph2);
    expect(paragraphs).toContain(INJ.footer);
    // A photo caption without a picture (the wire text has none) is not shown: the report names it, as text.
    expect(p.all.some((n) => textOf(n).includes(INJ.captionText))).toBe(false);
    expect(site.report.files.find((f) => f.file === 'inject/everything.txt')!.warnings).toContain(`line 20: photo caption without a picture: ${INJ_CAPTION}`);
    // Related headlines: text as written; the two on the site link to their articles' pages.
    const related = byClass(p, 'related').flatMap((aside) => elements(aside, 'li'));
    expect(related.map(textOf)).toEqual([INJ.related, INJ.relatedJs, INJ.relatedUnlinked]);
    const hrefOf = (li: Node) => elements(li, 'a').map((a) => attr(a, 'href'));
    expect(hrefOf(related[0]!)).toEqual([pathOf('inject/related-target.txt')]);
    expect(hrefOf(related[1]!)).toEqual([pathOf('inject/javascript-headline.txt')]);
    expect(hrefOf(related[2]!)).toEqual([]);
    // Byline parts; the market quote is the front page's strip, not the story's: its symbols as text there.
    expect(p.all.filter((n) => textOf(n) === INJ.bylinePerson).length).toBeGreaterThan(0);
    expect(byClass(p, 'quote-symbol')).toEqual([]);
    expect(byClass(pageAt('/'), 'quote-symbol').map(textOf)).toEqual(expect.arrayContaining([INJ.symbol, INJ.symbol2]));
  });

  it('meta tags and image alt text hold the raw text as attribute values', () => {
    const p = pageAt(pathOf('inject/everything.txt'));
    for (const key of ['og:title', 'twitter:title', 'og:image:alt', 'twitter:image:alt']) expect(meta(p, key), key).toEqual([INJ.headline]);
    for (const key of ['description', 'og:description', 'twitter:description']) expect(meta(p, key), key).toEqual([INJ.firstParagraphRest]);
    expect(meta(p, 'article:section')).toEqual([INJ.section]);
    expect(meta(p, 'article:author')).toEqual([INJ.bylinePerson, 'AFP']);
    // tags are subjects and keywords (the wire text has neither), not the dateline
    expect(meta(p, 'article:tag')).toEqual([]);
    // Every <img alt> on any page (the theme may draw none) is plain text too.
    for (const q of pages) for (const img of elements(q.root, 'img')) expect(attr(img, 'alt') ?? '').not.toMatch(/[<>]/);
  });

  it('JSON-LD blocks parse and hold the raw text', () => {
    const p = pageAt(pathOf('inject/everything.txt'));
    const [article, crumbs] = jsonLd(p);
    expect(article).toMatchObject({ '@type': 'NewsArticle', headline: INJ.headline, articleSection: INJ.section, description: INJ.firstParagraphRest });
    expect(article.author.map((a: { name: string }) => a.name)).toEqual([INJ.bylinePerson, 'AFP']);
    expect(article.dateline).toBe(INJ.dateline.replace(/:$/, ''));
    expect(crumbs.itemListElement.map((i: { name: string }) => i.name)).toEqual(['Dateline', INJ.section, INJ.headline]);
    const section = pageAt(`/${pathOf('inject/everything.txt').split('/')[1]}/`);
    const names = JSON.stringify(jsonLd(section));
    expect(names).toContain(JSON.stringify(INJ.section));
    expect(names).toContain(JSON.stringify(INJ.headline));
    // The raw text appears as JSON data, never as markup in the script element's source.
    const source = site.read(p.path);
    for (const block of source.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) expect(block[1]).not.toMatch(/[<>]/);
  });

  it('lists show the headline and section as text (home, section, day archive, agency)', () => {
    const section = pathOf('inject/everything.txt').split('/')[1]!;
    for (const path of ['/', `/${section}/`, '/2024/03/01/', '/agency/afp/']) {
      const p = pageAt(path);
      expect(p, path).toBeDefined();
      const links = elements(p.root, 'a').filter((a) => attr(a, 'href') === pathOf('inject/everything.txt'));
      expect(links.map(textOf), path).toContain(INJ.headline);
    }
    expect(elements(pageAt(`/${section}/`).root, 'h1').map(textOf)).toEqual([INJ.section]);
    expect(byClass(pageAt('/'), 'quote-symbol').map(textOf)).toEqual(expect.arrayContaining([INJ.symbol, INJ.symbol2]));
  });

  it('RSS feeds are well-formed and give the raw text back', () => {
    const section = pathOf('inject/everything.txt').split('/')[1]!;
    for (const feedPath of ['rss.xml', `${section}/rss.xml`, 'world/rss.xml', 'business/rss.xml']) {
      execFileSync('xmllint', ['--noout', join(site.dist, feedPath)]);
    }
    for (const feedPath of ['rss.xml', `${section}/rss.xml`]) {
      const feed = parseFeed(site.read(feedPath));
      const item = feed.items.find((i) => i.title === INJ.headline);
      expect(item, `${feedPath}: ${feed.items.map((i) => i.title).join(' / ')}`).toBeDefined();
      expect(item!.description).toBe(INJ.firstParagraphRest);
      expect(item!.categories.map((c) => c.label)).toEqual([INJ.section]);
      const creator = item!.element.findElementsWithName('creator').find((e) => e.namespace === 'dc')!;
      // the byline's names as a sentence says them ("X and AFP"), as the page shows them
      expect(creator.textContentNormalized).toBe(`${INJ.bylinePerson} and AFP`);
      const encoded = item!.element.findElementsWithName('encoded').find((e) => e.namespace === 'content')!.textContent;
      const root = parseHtmlFragment(encoded);
      const nodes = allElements(root);
      expect(nodes.filter((n) => FORBIDDEN_TAGS.includes(n.tagName!) || n.tagName === 'script').map((n) => n.tagName)).toEqual([]);
      expect(nodes.flatMap((n) => (n.attrs ?? []).filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)))).toEqual([]);
      const texts = [...elements(root, 'p'), ...elements(root, 'li')].map(textOf);
      expect(texts).toEqual(expect.arrayContaining([INJ.paragraph2, INJ.related, INJ.relatedJs, INJ.relatedUnlinked, INJ.footer]));
      expect(texts.some((t) => t.includes(INJ.firstParagraphRest))).toBe(true);
      // a photo caption without a picture is left out of the full text, as out of the page
      expect(texts.some((t) => t.includes(INJ.captionText))).toBe(false);
      for (const a of elements(root, 'a')) expect(attr(a, 'href')).toMatch(/^https:\/\/dateline\.example\.com\//);
    }
    const world = parseFeed(site.read('world/rss.xml'));
    expect(world.items.map((i) => i.title)).toEqual(expect.arrayContaining([INJ.related, INJ.relatedJs, '<script>alert(1)</script>']));
    const business = parseFeed(site.read('business/rss.xml'));
    expect(business.items.map((i) => i.title).sort()).toEqual(
      ['Bonds ]]> <![CDATA[ fall ]]>', 'Rates &lt;b&gt;rise&lt;/b&gt; &amp; &#60;i&#62; &nbsp; more'].sort(),
    );
  });

  it('every feed reads in both feed readers exactly as the pages show it (title, description, category, creator, channel)', () => {
    const { mismatches, items, feeds } = compareFeedsWithPages(site.dist);
    console.log(`injection feeds read as pages: ${feeds} feeds, ${items} items, ${mismatches.length} differences`);
    expect(items).toBeGreaterThanOrEqual(12);
    expect(mismatches).toEqual([]);
  });

  it('sitemaps are well-formed XML and the news sitemap titles are the raw headlines', () => {
    const xml = walk(site.dist).filter((f) => f.endsWith('.xml'));
    for (const f of xml) execFileSync('xmllint', ['--noout', join(site.dist, f)]);
    const news = join(site.dist, 'sitemap-news-0.xml');
    const titles = xpathStrings(news, `//${el('news')}/${el('title')}`);
    expect(titles).toEqual(expect.arrayContaining([INJ.headline, INJ.related, INJ.relatedJs, 'Bonds ]]> <![CDATA[ fall ]]>']));
    const locs = xml
      .filter((f) => /^sitemap-(articles|days|lists)[-.]/.test(f))
      .flatMap((f) => xpathStrings(join(site.dist, f), `//${el('url')}/${el('loc')}`));
    for (const loc of locs) expect(loc.startsWith(SITE)).toBe(true);
    expect(locs).toContain(new URL(pathOf('inject/everything.txt'), SITE).href);
  });

  it('the report holds the raw text as data, and the search index the raw headline', () => {
    const raw = JSON.stringify(site.report);
    expect(JSON.parse(raw)).toEqual(site.report);
    const rejected = site.report.files.find((f) => f.file === 'inject/rejected.txt')!;
    // The message quotes the line (as a JSON string literal): the raw text, as data.
    expect(rejected.message).toContain(JSON.stringify('<script>alert("r")</script> 01 Mar, 2024 10:00am'));
    expect(JSON.parse(readFileSync(join(site.dir, 'report.json'), 'utf8')).files).toContainEqual(rejected);
    expect(site.output).toContain(`inject/rejected.txt:${rejected.line}:`);
    // Pagefind fragments (gzip, `pagefind_dcd` + JSON) keep the headline as data.
    const fragments = walk(join(site.dist, 'pagefind'))
      .filter((f) => f.includes('/fragment/'))
      .map((f) => {
        const text = gunzipSync(readFileSync(join(site.dist, 'pagefind', f))).toString('utf8');
        return JSON.parse(text.replace(/^pagefind_dcd/, '')) as { url: string; meta: { title: string } };
      });
    expect(fragments.find((f) => f.url === pathOf('inject/everything.txt'))?.meta.title).toBe(INJ.headline);
    // The headline slug is safe: only [a-z0-9-].
    expect(pathOf('inject/everything.txt')).toMatch(/^\/[a-z0-9-]+\/2024\/03\/01\/[a-z0-9-]+\/$/);
  });
});
