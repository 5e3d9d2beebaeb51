// Head tags of a fixture build: JSON-LD read from the HTML with a real parser (parse5) on every article
// page, the reference article's values, hostile headlines staying inside their JSON, section and home
// structured data, meta descriptions, and what open-graph-scraper (a link-preview scraper) reads from
// the site served over HTTP.
import ogs from 'open-graph-scraper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { serveDist, type StaticServer } from '../helpers/serve.ts';
import { allFiles, MARKUP_HEADLINE, NOW, REFERENCE_IMAGE, REFERENCE_PATH, SCRIPT_HEADLINE, URDU_HEADLINE, wire } from './fixtures.ts';
import { attr, elements, parseHtml, textOf, type Node } from './html.ts';

const SITE = 'https://dateline.example.com/';
const abs = (path: string) => new URL(path, SITE).href;

const LONG_PARAGRAPH =
  'ISLAMABAD: The federal cabinet approved a sweeping package of measures on Friday that ministers said would cut the cost of electricity for industry, ' +
  'simplify the tax regime for small traders and bring forward the auction of two state-owned enterprises, officials said after the meeting.';

const files = {
  ...allFiles,
  'pakistan/long.txt': wire({
    section: 'Pakistan',
    headline: 'Cabinet approves package',
    byline: 'Staff Reporter',
    published: '01 Mar, 2024 06:00pm',
    body: [LONG_PARAGRAPH],
  }),
};

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON-LD, read field by field as the tests go
type Json = Record<string, any>;

interface Head {
  root: Node;
  jsonLd: Json[];
  meta: (key: string) => string | undefined;
  metas: (key: string) => string[];
  links: (rel: string) => Node[];
}

function readHead(html: string): Head {
  const root = parseHtml(html);
  const scripts = elements(root, 'script').filter((s) => attr(s, 'type') === 'application/ld+json');
  const metaNodes = elements(root, 'meta');
  const metas = (key: string) => metaNodes.filter((m) => attr(m, 'property') === key || attr(m, 'name') === key).map((m) => attr(m, 'content') ?? '');
  return {
    root,
    jsonLd: scripts.map((s) => JSON.parse(textOf(s)) as Json),
    meta: (key) => metas(key)[0],
    metas,
    links: (rel) => elements(root, 'link').filter((l) => attr(l, 'rel') === rel),
  };
}

const ofType = (head: Head, type: string) => head.jsonLd.find((d) => d['@type'] === type);

describe('head tags and structured data', () => {
  let site: BuiltSite;
  let server: StaticServer;
  const page = (path: string) => readHead(site.read(`${path}index.html`));
  const pathOf = (file: string) => new URL(site.report.files.find((f) => f.file === file)!.url!).pathname.slice(1);

  beforeAll(async () => {
    site = buildSite('seo-head', { files, env: { DATELINE_NOW: NOW } });
    server = await serveDist(site.dist);
  });
  afterAll(() => server?.close());

  it('give every article page JSON-LD that parses, with a NewsArticle of its own headline and a BreadcrumbList', () => {
    const published = site.report.files.filter((f) => f.status === 'published');
    expect(published.length).toBeGreaterThan(5);
    for (const entry of published) {
      const path = new URL(entry.url!).pathname.slice(1);
      const head = page(path);
      expect(head.jsonLd.map((d) => d['@type'])).toEqual(['NewsArticle', 'BreadcrumbList']);
      const article = ofType(head, 'NewsArticle')!;
      expect(article.url).toBe(entry.url);
      expect(article.headline).toBe(textOf(elements(head.root, 'h1')[0]!));
    }
  });

  it('describe the reference article as a NewsArticle with the right values', () => {
    const head = page(REFERENCE_PATH);
    const url = abs(REFERENCE_PATH);
    const article = ofType(head, 'NewsArticle')!;
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      headline: 'China, Russia foreign ministers hail cooperation in call',
      datePublished: '2023-08-07T21:26:00+05:00',
      dateModified: '2023-08-07T21:26:00+05:00',
      articleSection: 'World',
      dateline: 'BEIJING',
      inLanguage: 'en',
      url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      description:
        'The foreign ministers of China and Russia hailed the “practical cooperation” between the two global powers in a phone call on Monday, Beijing said.',
      author: [{ '@type': 'Organization', name: 'AFP' }],
      publisher: { '@type': 'Organization', name: 'Dateline News', logo: { '@type': 'ImageObject', url: abs('logo.png'), width: 512, height: 512 } },
      image: [{ '@type': 'ImageObject', url: abs(REFERENCE_IMAGE), width: 1200, height: 630 }],
    });
    const crumbs = ofType(head, 'BreadcrumbList')!;
    expect(crumbs.itemListElement.map((c: Json) => [c.position, c.name, c.item])).toEqual([
      [1, 'Dateline', SITE],
      [2, 'World', abs('world/')],
      [3, 'China, Russia foreign ministers hail cooperation in call', url],
    ]);
  });

  it('name people as Person and desks as Organization', () => {
    const authors = ofType(page(pathOf('pakistan/long.txt')), 'NewsArticle')!.author;
    expect(authors).toEqual([{ '@type': 'Organization', name: 'Staff Reporter' }]); // a desk
    const hostile = ofType(page(pathOf('hostile/markup.txt')), 'NewsArticle')!.author;
    expect(hostile).toEqual([{ '@type': 'Person', name: '<script>alert(1)</script>' }]);
  });

  it('keep a hostile headline inside its JSON: no extra element, same text back', () => {
    const html = site.read(`${pathOf('hostile/script-headline.txt')}index.html`);
    const head = readHead(html);
    const scripts = elements(head.root, 'script');
    expect(scripts.every((s) => attr(s, 'type') === 'application/ld+json')).toBe(true);
    expect(scripts).toHaveLength(2);
    expect(ofType(head, 'NewsArticle')!.headline).toBe(SCRIPT_HEADLINE);
    expect(ofType(head, 'BreadcrumbList')!.itemListElement[2].name).toBe(SCRIPT_HEADLINE);
    expect(head.meta('og:title')).toBe(SCRIPT_HEADLINE);
    // (Inside quoted attributes `<` is plain text in HTML, so the parser's view is what counts.)
    expect(textOf(elements(head.root, 'title')[0]!)).toBe(`${SCRIPT_HEADLINE} — Dateline`);
    for (const file of ['hostile/markup.txt', 'hostile/urdu.txt']) {
      const other = page(pathOf(file));
      expect(ofType(other, 'NewsArticle')!.headline).toBe(file.includes('urdu') ? URDU_HEADLINE : MARKUP_HEADLINE);
    }
  });

  it('give section pages a CollectionPage of their stories and a BreadcrumbList, and the home page a WebSite', () => {
    const world = page('world/');
    const collection = ofType(world, 'CollectionPage')!;
    expect(collection.url).toBe(abs('world/'));
    expect(collection.inLanguage).toBe('en');
    expect(collection.mainEntity.itemListElement.map((i: Json) => i.url)).toContain(abs(REFERENCE_PATH));
    expect(ofType(world, 'BreadcrumbList')!.itemListElement.map((c: Json) => c.item)).toEqual([SITE, abs('world/')]);
    const home = ofType(page(''), 'WebSite')!;
    expect(home).toMatchObject({ url: SITE, name: 'Dateline', inLanguage: 'en', publisher: { name: 'Dateline News' } });
  });

  it('set canonical, robots, description and feed links on every kind of page', () => {
    for (const path of ['', 'world/', REFERENCE_PATH, 'agency/afp/']) {
      const head = page(path);
      expect(head.links('canonical').map((l) => attr(l, 'href'))).toEqual([abs(path)]);
      expect(head.meta('og:url')).toBe(abs(path));
      expect(head.meta('robots')).toContain('max-image-preview:large');
      expect(head.meta('description')!.length).toBeGreaterThan(20);
      const feeds = head
        .links('alternate')
        .filter((l) => attr(l, 'type') === 'application/rss+xml')
        .map((l) => attr(l, 'href'));
      expect(feeds[0]).toBe(abs('rss.xml'));
      if (path.startsWith('world/')) expect(feeds).toEqual([abs('rss.xml'), abs('world/rss.xml')]);
    }
    expect(page('').meta('og:type')).toBe('website');
    expect(readHead(site.read('404.html')).meta('robots')).toContain('noindex');
  });

  it('cut long meta descriptions to 160 characters at a word boundary', () => {
    const description = page(pathOf('pakistan/long.txt')).meta('description')!;
    expect(Array.from(description).length).toBeLessThanOrEqual(160);
    expect(description.endsWith('…')).toBe(true);
    const words = description.slice(0, -1);
    expect(LONG_PARAGRAPH.replace(/^ISLAMABAD: /, '').startsWith(words)).toBe(true);
    expect(LONG_PARAGRAPH.replace(/^ISLAMABAD: /, '')[words.length]).toMatch(/[\s,]/);
  });

  it('let open-graph-scraper read the article card: title, description, type, image with size and alt, Twitter card', async () => {
    const { result, error } = await ogs({ url: `${server.url}${REFERENCE_PATH}` });
    expect(error).toBe(false);
    const headline = 'China, Russia foreign ministers hail cooperation in call';
    expect(result).toMatchObject({
      ogType: 'article',
      ogTitle: headline,
      ogDescription: expect.stringMatching(/^The foreign ministers of China and Russia hailed/),
      ogUrl: abs(REFERENCE_PATH),
      ogSiteName: 'Dateline',
      ogLocale: 'en_US',
      articlePublishedTime: '2023-08-07T21:26:00+05:00',
      articleSection: 'World',
      twitterCard: 'summary_large_image',
      twitterTitle: headline,
      twitterDescription: result.ogDescription,
    });
    expect(result.ogImage).toEqual([{ url: abs(REFERENCE_IMAGE), type: 'image/png', width: '1200', height: '630', alt: headline }]);
    expect(result.twitterImage).toEqual([{ url: abs(REFERENCE_IMAGE), alt: headline }]);
  });
});
