// RSS feeds of a fixture build, read with @rowanmanning/feed-parser (a lenient, widely used parser)
// and python's feedparser the way feed readers do: every channel and item field of the reference
// article; every text field of every feed as the pages show it; ordinary punctuation escaped once; and
// hostile wire text (markup, `]]>`, `</script>`, `&amp;`, Urdu, a numeric-looking byline) read as written.
import { parseFeed } from '@rowanmanning/feed-parser';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { compareFeedsWithPages } from '../helpers/feed-readers.ts';
import {
  allFiles,
  HOSTILE_BYLINE,
  HOSTILE_PARAGRAPHS,
  HOSTILE_SECTION,
  MARKUP_HEADLINE,
  NOW,
  PLAIN_PUNCTUATION_HEADLINE,
  REFERENCE_IMAGE,
  REFERENCE_PATH,
  RELATED_HEADLINE,
  RELATED_PATH,
  SCRIPT_HEADLINE,
  URDU_HEADLINE,
} from './fixtures.ts';
import { elements, parseHtmlFragment, textOf, attr } from './html.ts';

const SITE = 'https://dateline.example.com/';
const abs = (path: string) => new URL(path, SITE).href;

type Feed = ReturnType<typeof parseFeed>;
type Item = Feed['items'][number];

/** Text of the item's first child element with this local name (and namespace), via feed-parser's tree. */
const child = (item: Item, name: string, namespace?: string) =>
  item.element.findElementsWithName(name).find((e) => namespace === undefined || e.namespace === namespace);

/** content:encoded after XML decoding (feed-parser's `content` also decodes HTML entities, which would turn escaped text into markup). */
const contentHtml = (item: Item) => child(item, 'encoded', 'content')!.textContent;

/** The paragraphs and list items of an item's HTML content, as a browser would show their text. */
function contentText(item: Item): string[] {
  const root = parseHtmlFragment(contentHtml(item));
  return [...elements(root, 'p'), ...elements(root, 'li')].map(textOf);
}

describe('RSS feeds', () => {
  let site: BuiltSite;
  let feed: Feed;
  const item = (headline: string) => {
    const found = feed.items.find((i) => i.title === headline);
    if (!found) throw new Error(`no item titled ${headline}; titles: ${feed.items.map((i) => i.title).join(' / ')}`);
    return found;
  };

  beforeAll(() => {
    site = buildSite('seo-feeds', { files: allFiles, env: { DATELINE_NOW: NOW } });
    feed = parseFeed(site.read('rss.xml'));
  });

  it('are well-formed XML', () => {
    const feeds = ['rss.xml', 'world/rss.xml', 'pakistan/rss.xml', 'business/rss.xml'];
    for (const path of feeds) execFileSync('xmllint', ['--noout', join(site.dist, path)]);
  });

  it('describe the channel: title, link, description, language, lastBuildDate, self link, image', () => {
    expect(feed.meta.type).toBe('rss');
    expect(feed.meta.version).toBe('2.0');
    expect(feed.title).toBe('Dateline');
    expect(feed.url).toBe(SITE);
    expect(feed.description).toBe('World, Pakistan and business news from the wire');
    expect(feed.language).toBe('en');
    expect(feed.self).toBe(abs('rss.xml'));
    // RSS 2.0: "the last time the content of the channel changed", the newest publication or update
    // among its items (the same in every publish at the same content, so untouched feeds stay as they are)
    const newest = Math.max(...feed.items.map((i) => (i.updated ?? i.published)!.getTime()));
    expect(feed.updated?.toISOString()).toBe(new Date(newest).toISOString());
    expect(feed.updated!.getTime()).toBeLessThan(Date.parse(NOW));
    expect(feed.image).toEqual({ url: abs('logo.png'), title: 'Dateline' });
  });

  it('hold the published articles newest first, and no scheduled one', () => {
    const published = site.report.files.filter((f) => f.status === 'published');
    expect(feed.items).toHaveLength(published.length);
    const times = feed.items.map((i) => i.published!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(feed.items.map((i) => i.title)).not.toContain('Embargoed story for later today');
    expect(site.read('rss.xml')).not.toContain('Embargoed');
  });

  it('give the reference article every item field', () => {
    const ref = item('China, Russia foreign ministers hail cooperation in call');
    const url = abs(REFERENCE_PATH);
    expect(ref.url).toBe(url);
    expect(ref.id).toBe(url);
    expect(child(ref, 'guid')!.getAttribute('ispermalink')).toBe('true'); // feed-parser lowercases names
    expect(ref.published?.toISOString()).toBe('2023-08-07T16:26:00.000Z');
    expect(child(ref, 'pubdate')!.textContent).toBe('Mon, 07 Aug 2023 21:26:00 +0500');
    expect(ref.description).toBe(
      'The foreign ministers of China and Russia hailed the “practical cooperation” between the two global powers in a phone call on Monday, Beijing said.',
    );
    expect(ref.categories.map((c) => c.label)).toEqual(['World']);
    expect(ref.authors.map((a) => a.name)).toEqual(['AFP']);
    expect(ref.media).toHaveLength(1);
    expect(ref.media[0]).toMatchObject({ url: abs(REFERENCE_IMAGE), mimeType: 'image/png', type: 'image' });
    const media = child(ref, 'content', 'media')!;
    expect([media.getAttribute('width'), media.getAttribute('height'), media.getAttribute('medium')]).toEqual(['1200', '630', 'image']);
  });

  it('carry the full article as HTML with the dateline, absolute related links and no relative URL', () => {
    const ref = item('China, Russia foreign ministers hail cooperation in call');
    const text = contentText(ref);
    expect(text[0]).toMatch(/^BEIJING: The foreign ministers of China and Russia hailed/);
    expect(text).toContain(
      'Since Russian tanks rolled over the border into Ukraine, Beijing has offered Putin diplomatic and financial support, but has refrained from overt military involvement or sending lethal arms.',
    );
    const links = elements(parseHtmlFragment(contentHtml(ref)), 'a');
    expect(links.map((a) => [textOf(a), attr(a, 'href')])).toEqual([[RELATED_HEADLINE, abs(RELATED_PATH)]]);
    expect(site.report.files.find((f) => f.file === 'world/related.txt')?.url).toBe(abs(RELATED_PATH));
  });

  it('keep guid and link stable between builds', () => {
    const again = buildSite('seo-feeds-again', { files: allFiles, env: { DATELINE_NOW: NOW } });
    const ids = (f: Feed) => f.items.map((i) => [i.id, i.url]);
    expect(ids(parseFeed(again.read('rss.xml')))).toEqual(ids(feed));
  });

  it('bring hostile headlines, bylines, sections and bodies through as the original text', () => {
    for (const headline of [SCRIPT_HEADLINE, MARKUP_HEADLINE, URDU_HEADLINE]) expect(item(headline).title).toBe(headline);

    const markup = item(MARKUP_HEADLINE);
    // feed-parser reads authors as `Name <email>` contact strings, which this byline is not: take the
    // dc:creator text it decoded instead.
    expect(child(markup, 'creator', 'dc')!.textContentNormalized).toBe(HOSTILE_BYLINE);
    expect(markup.categories.map((c) => c.label)).toEqual([HOSTILE_SECTION]);
    const [first, ...rest] = HOSTILE_PARAGRAPHS;
    const summary = first!.replace(/^LAHORE: /, '');
    expect(markup.description).toBe(summary);
    expect(contentText(markup)).toEqual([first, ...rest]);
    // Escaped text, never markup: no element but the ones Dateline writes.
    const root = parseHtmlFragment(contentHtml(markup));
    expect([...elements(root, 'script'), ...elements(root, 'b')]).toEqual([]);

    const urdu = item(URDU_HEADLINE);
    expect(contentText(urdu)).toEqual([HOSTILE_PARAGRAPHS[2]]);
    expect(item('Byline that looks like a number').authors.map((a) => a.name)).toEqual(['0.10']);
  });

  it('read in both feed readers exactly as the pages show them: title, description, category, creator, channel', () => {
    const { mismatches, items, feeds } = compareFeedsWithPages(site.dist);
    console.log(`feeds read as pages: ${feeds} feeds, ${items} items, ${mismatches.length} differences`);
    expect(feeds).toBeGreaterThanOrEqual(6);
    expect(items).toBeGreaterThanOrEqual(20);
    expect(mismatches).toEqual([]);
  });

  it('escape ordinary punctuation in text fields exactly once (`&` as `&amp;`, never `&amp;amp;`)', () => {
    const punctuation = item(PLAIN_PUNCTUATION_HEADLINE);
    // One XML decoding gives the wire text back: it was escaped once, not HTML-escaped first.
    expect(child(punctuation, 'title')!.textContent).toBe(PLAIN_PUNCTUATION_HEADLINE);
    expect(child(punctuation, 'description')!.textContent).toBe('Players & officials said the "final" was close, with < 5 minutes left.');
    expect(child(punctuation, 'category')!.textContent).toBe('Sports & Games');
    expect(child(punctuation, 'creator', 'dc')!.textContent).toBe('Staff Reporter & APP');
    const sports = site.read('sports-and-games/rss.xml');
    expect(sports).toContain('<title>Sports &amp; Games — Dateline</title>');
    // Outside content:encoded (HTML, escaped as HTML and then as XML) no reference is escaped twice.
    expect(sports.replace(/<content:encoded>[^]*?<\/content:encoded>/g, '')).not.toMatch(/&amp;(?:amp|quot|lt|gt|apos|#\d+);/);
  });

  it('have one feed per section with its own channel and only its stories', () => {
    const world = parseFeed(site.read('world/rss.xml'));
    expect(world.title).toBe('World — Dateline');
    expect(world.url).toBe(abs('world/'));
    expect(world.self).toBe(abs('world/rss.xml'));
    expect(world.image?.title).toBe('World — Dateline');
    expect(world.items.length).toBeGreaterThan(0);
    expect(new Set(world.items.flatMap((i) => i.categories.map((c) => c.label)))).toEqual(new Set(['World']));

    const hostileUrl = site.report.files.find((f) => f.file === 'hostile/markup.txt')!.url!;
    const slug = new URL(hostileUrl).pathname.split('/')[1]!;
    const hostile = parseFeed(site.read(`${slug}/rss.xml`));
    expect(hostile.title).toBe(`${HOSTILE_SECTION} — Dateline`);
    expect(hostile.items.map((i) => i.title)).toEqual([MARKUP_HEADLINE]);
  });

  it('are linked from every page without a trailing slash, and the section feed from its pages and articles', () => {
    const home = site.read('index.html');
    expect(home).toContain(`<link rel="alternate" type="application/rss+xml" title="Dateline" href="${abs('rss.xml')}">`);
    const article = site.read(`${REFERENCE_PATH}index.html`);
    expect(article).toContain(`href="${abs('world/rss.xml')}"`);
    expect(site.read('world/index.html')).toContain(`href="${abs('world/rss.xml')}"`);
    expect(home).not.toMatch(/rss\.xml\//);
  });
});
