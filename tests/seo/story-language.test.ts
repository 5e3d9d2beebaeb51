// What a reader, a crawler and a feed reader are told about a story, read from the built site with real
// parsers (parse5 for pages, both feed parsers, the news sitemap as XML): a story written wholly in Urdu
// is Urdu everywhere (the wire text has no language field: its letters tell), its dateline is set apart;
// shared bylines read as a sentence; `article:tag` names subjects and keywords, never the dateline; the
// market quote of a wire-text capture is not part of the story; a related headline the site lacks is
// plain text; a photo caption goes with the lead photo when it has none, and is otherwise left out and
// named in the report.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { readWithFeedparser, shownText } from '../helpers/feed-readers.ts';
import { photoLike } from '../pictures/images.ts';
import { NOW, RELATED_HEADLINE, REFERENCE_PATH, seedArticle, wire } from './fixtures.ts';
import { attr, elements, parseHtml, parseHtmlFragment, textOf, type Node } from './html.ts';

const NAME = 'seo-story-language';
const SITE = 'https://dateline.example.com/';

/** A story in Urdu only (our own words): a Karachi dateline, three paragraphs, no English. */
const URDU = {
  headline: 'کراچی کے ساحل پر مینگرووز کے نئے پودے لگانے کی مہم',
  paragraphs: [
    'کراچی: محکمہ جنگلات نے ہفتے کے روز ساحلی پٹی پر مینگرووز کے پانچ ہزار نئے پودے لگانے کا کام شروع کیا۔',
    'ایک افسر نے بتایا کہ مقامی ماہی گیر بھی اس کام میں حصہ لیں گے اور پودوں کی دیکھ بھال کریں گے۔',
    'مہم کا اگلا مرحلہ بارشوں سے پہلے شروع ہوگا۔',
  ],
};
const CAPTION = 'Delegates listen during the closing session of the conference.';
const UNKNOWN_RELATED = 'Talks on a finance goal resume in the capital next week';

const files: Record<string, string> = {
  'pakistan/urdu.txt': wire({ section: 'Pakistan', headline: URDU.headline, byline: 'APP', published: '02 Mar, 2024 09:00am', body: URDU.paragraphs }),
  'pakistan/urdu-headline.txt': wire({
    section: 'Pakistan',
    headline: 'قومی اسمبلی نے تعلیمی اصلاحات کا بل منظور کر لیا',
    byline: 'APP',
    published: '02 Mar, 2024 08:00am',
    body: [
      'ISLAMABAD: The National Assembly passed a bill on school reforms after a debate that ran for two sittings.',
      'Members from both sides backed the amendments on teacher training.',
    ],
  }),
  'world/two-agencies.txt': wire({
    section: 'World',
    headline: 'Climate talks run into an extra day',
    byline: 'AFP | Reuters',
    published: '01 Mar, 2024 09:30pm',
    body: [
      'NAIROBI: Negotiators worked through the night as talks on a new finance goal ran past their close.',
      `${CAPTION} — AFP/File`,
      'Host officials said a final plenary could be called on Sunday afternoon.',
      'Read more',
      UNKNOWN_RELATED,
    ],
  }),
  'world/three-agencies.txt': wire({
    section: 'World',
    headline: 'Ministers meet on river water sharing',
    byline: 'AFP | Reuters | APP',
    published: '01 Mar, 2024 08:00pm',
  }),
  'world/reference.txt': seedArticle,
  'world/related.txt': wire({ section: 'World', headline: RELATED_HEADLINE, byline: 'Reuters', published: '05 Aug, 2023 10:00am' }),
  'agency/keywords.xml': `<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN">
  <head>
    <title>Shares close higher as banks gain</title>
    <tobject tobject.type="news"><tobject.subject tobject.subject.ipr="IPTC" tobject.subject.refnum="04000000" tobject.subject.type="Economy, Business and Finance"/></tobject>
    <docdata management-status="usable">
      <doc-id regsrc="test" id-string="test.keywords"/>
      <date.issue norm="20240301T164500+0500"/>
      <key-list><keyword key="stocks"/><keyword key="banks"/></key-list>
    </docdata>
  </head>
  <body>
    <body.head><hedline><hl1>Shares close higher as banks gain</hl1></hedline><byline>By <person>Hira Aslam</person></byline></body.head>
    <body.content><p>KARACHI: Shares closed higher on Friday as banks gained on hopes of a rate cut.</p><p>Volumes were the highest in five weeks.</p></body.content>
  </body>
</nitf>
`,
  // a lead photo without a caption of its own, and a caption in the story's text
  'agency/lead-photo.json': JSON.stringify({
    uri: 'urn:test:lead-photo',
    type: 'text',
    version: '1',
    firstcreated: '2024-03-01T07:00:00+05:00',
    versioncreated: '2024-03-01T07:00:00+05:00',
    pubstatus: 'usable',
    language: 'en',
    by: 'Staff Reporter',
    headlines: [{ role: 'main', value: 'Port clears its container backlog' }],
    subjects: [{ name: 'economy, business and finance', uri: 'http://cv.iptc.org/newscodes/mediatopic/04000000' }],
    bodies: [
      {
        role: 'main',
        contenttype: 'text/html',
        value:
          '<p>The port cleared its container backlog on Friday, officials said.</p><figure><figcaption>Cranes unload containers at the east wharf.</figcaption><cite>Dateline/File</cite></figure><p>Ships now wait two days.</p>',
      },
    ],
    associations: [
      {
        name: 'featureimage',
        uri: 'urn:test:lead-photo/picture/1',
        type: 'picture',
        version: '1',
        pubstatus: 'usable',
        renditions: [{ name: 'original', href: 'photos/wharf.jpg', contenttype: 'image/jpeg' }],
      },
    ],
  }),
};

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON-LD, read field by field as the tests go
type Json = Record<string, any>;

let site: BuiltSite;
const pathOf = (file: string) => new URL(site.report.files.find((f) => f.file === file)!.url!).pathname.slice(1);
const pageOf = (file: string) => parseHtml(site.read(`${pathOf(file)}index.html`));
const byClass = (root: Node, tag: string, cls: string) => elements(root, tag).filter((e) => (attr(e, 'class') ?? '').split(/\s+/).includes(cls));
const metas = (doc: Node, key: string) =>
  elements(doc, 'meta')
    .filter((m) => attr(m, 'property') === key || attr(m, 'name') === key)
    .map((m) => attr(m, 'content'));
const jsonLd = (doc: Node) =>
  elements(doc, 'script')
    .filter((s) => attr(s, 'type') === 'application/ld+json')
    .map((s) => JSON.parse(textOf(s)) as Json);
const story = (doc: Node) => byClass(doc, 'article', 'story')[0]!;

beforeAll(async () => {
  const wharf = await (await photoLike(1600, 1000)).jpeg().toBuffer();
  site = buildSite(NAME, { files: { ...files, 'agency/photos/wharf.jpg': wharf }, env: { DATELINE_NOW: NOW, SITE_URL: SITE } });
});

describe('a story written wholly in Urdu', () => {
  it('is Urdu on its page: lang and dir of the document, JSON-LD inLanguage, og:locale; the site’s own words stay English', () => {
    const doc = pageOf('pakistan/urdu.txt');
    const html = elements(doc, 'html')[0]!;
    expect([attr(html, 'lang'), attr(html, 'dir')]).toEqual(['ur', 'rtl']);
    expect(jsonLd(doc).find((d) => d['@type'] === 'NewsArticle')!.inLanguage).toBe('ur');
    expect(metas(doc, 'og:locale')).toEqual(['ur_PK']);
    // the masthead, footer and byline are the site's English
    for (const [tag, cls] of [
      ['header', 'masthead'],
      ['footer', 'site-footer'],
    ] as const) {
      const el = byClass(doc, tag, cls)[0]!;
      expect([attr(el, 'lang'), attr(el, 'dir')], cls).toEqual(['en', 'ltr']);
    }
    expect(attr(byClass(story(doc), 'div', 'byline')[0]!, 'lang')).toBe('en');
  });

  it('has its Urdu dateline set apart, as English datelines are', () => {
    const doc = pageOf('pakistan/urdu.txt');
    const paragraph = elements(byClass(story(doc), 'div', 'story-body')[0]!, 'p')[0]!;
    const dateline = byClass(paragraph, 'span', 'dateline')[0];
    expect(dateline && textOf(dateline)).toBe('کراچی:');
    expect(textOf(paragraph)).toBe(URDU.paragraphs[0]);
    expect(jsonLd(doc).find((d) => d['@type'] === 'NewsArticle')!.dateline).toBe('کراچی');
  });

  it('is Urdu in the feed (dc:language, read by feedparser as the entry’s language) and in the news sitemap', () => {
    const link = `${SITE}${pathOf('pakistan/urdu.txt')}`;
    const [py] = readWithFeedparser([join(site.dist, 'rss.xml')]);
    const entries = new Map(py!.entries.map((e) => [e.link, e]));
    expect(entries.get(link)!.language).toBe('ur');
    // an English story (its Urdu headline notwithstanding) is the channel's language
    expect(entries.get(`${SITE}${pathOf('pakistan/urdu-headline.txt')}`)!.language ?? 'en').toBe('en');
    const languageOf = (loc: string) =>
      execFileSync(
        'xmllint',
        ['--xpath', `string(//*[local-name()="url"][*[local-name()="loc"]="${loc}"]//*[local-name()="language"])`, join(site.dist, 'sitemap-news-0.xml')],
        { encoding: 'utf8' },
      ).trim();
    expect(languageOf(link)).toBe('ur');
    expect(languageOf(`${SITE}${pathOf('pakistan/urdu-headline.txt')}`)).toBe('en');
  });

  it('leaves an English story with an Urdu headline English, with its headline marked', () => {
    const doc = pageOf('pakistan/urdu-headline.txt');
    expect(attr(elements(doc, 'html')[0]!, 'lang')).toBe('en');
    expect(attr(elements(story(doc), 'h1')[0]!, 'lang')).toBe('ur');
    expect(jsonLd(doc).find((d) => d['@type'] === 'NewsArticle')!.inLanguage).toBe('en');
    expect(metas(doc, 'og:locale')).toEqual(['en_US']);
  });
});

describe('the article body and its tags', () => {
  it('write shared bylines as a sentence on the page and in the feed; JSON-LD keeps each author', () => {
    const names = (file: string) =>
      textOf(byClass(story(pageOf(file)), 'p', 'byline-names')[0]!)
        .replace(/\s+/g, ' ')
        .trim();
    expect(names('world/two-agencies.txt')).toBe('By AFP and Reuters');
    expect(names('world/three-agencies.txt')).toBe('By AFP, Reuters and APP');
    const authors = jsonLd(pageOf('world/three-agencies.txt')).find((d) => d['@type'] === 'NewsArticle')!.author as Json[];
    expect(authors.map((a) => [a['@type'], a.name])).toEqual([
      ['Organization', 'AFP'],
      ['Organization', 'Reuters'],
      ['Organization', 'APP'],
    ]);
    const feed = parseFeed(site.read('world/rss.xml'));
    const [py] = readWithFeedparser([join(site.dist, 'world/rss.xml')]);
    const creator = (file: string) => {
      const link = `${SITE}${pathOf(file)}`;
      const item = feed.items.find((i) => i.url === link)!;
      const dc = item.element.findElementsWithName('creator').find((e) => e.namespace === 'dc')!.textContentNormalized;
      return [dc, py!.entries.find((e) => e.link === link)!.author];
    };
    expect(creator('world/two-agencies.txt')).toEqual(['AFP and Reuters', 'AFP and Reuters']);
    expect(creator('world/three-agencies.txt')).toEqual(['AFP, Reuters and APP', 'AFP, Reuters and APP']);
  });

  it('tag a story with its keywords or subject names, never its dateline', () => {
    expect(metas(pageOf('agency/keywords.xml'), 'article:tag')).toEqual(['stocks', 'banks']);
    expect(metas(pageOf('agency/lead-photo.json'), 'article:tag')).toEqual(['economy, business and finance']);
    // the wire text has no subjects: no tag (not "NAIROBI")
    expect(metas(pageOf('world/two-agencies.txt'), 'article:tag')).toEqual([]);
    expect(metas(pageOf('world/reference.txt'), 'article:tag')).toEqual([]);
  });

  it('keep the market quote of a wire-text capture off the story (it is the front page’s market strip)', () => {
    expect(textOf(story(parseHtml(site.read(`${REFERENCE_PATH}index.html`))))).not.toContain('BAFL');
    const strip = byClass(parseHtml(site.read('index.html')), 'section', 'market-strip')[0];
    expect(strip && textOf(strip)).toContain('BAFL');
  });

  it('set a related headline the site does not have as plain text, not a link', () => {
    const related = byClass(story(pageOf('world/two-agencies.txt')), 'aside', 'related')[0]!;
    const item = elements(related, 'li').find((li) => textOf(li) === UNKNOWN_RELATED)!;
    expect(elements(item, 'a')).toEqual([]);
    expect(attr(item, 'class')).toBe('related-unlinked');
    // the reference article's related story is on the site: a link
    const linked = byClass(story(pageOf('world/reference.txt')), 'aside', 'related')[0]!;
    expect(elements(linked, 'a').map(textOf)).toEqual([RELATED_HEADLINE]);
  });

  it('leave out a photo caption without a picture (page, feed and search text), naming it in the report', () => {
    const page = site.read(`${pathOf('world/two-agencies.txt')}index.html`);
    expect(page).not.toContain(CAPTION);
    const feed = parseFeed(site.read('rss.xml'));
    const item = feed.items.find((i) => i.url === `${SITE}${pathOf('world/two-agencies.txt')}`)!;
    expect(textOf(parseHtmlFragment(item.content!))).not.toContain(CAPTION);
    expect(textOf(parseHtmlFragment(item.content!))).toContain('Host officials said');
    expect(site.report.files.find((f) => f.file === 'world/two-agencies.txt')!.warnings).toEqual([
      `line 10: photo caption without a picture: ${CAPTION} — AFP/File`,
    ]);
  });

  it('give the caption to a lead photo that has none of its own, on the page and in the feed', () => {
    const doc = pageOf('agency/lead-photo.json');
    const figure = byClass(story(doc), 'figure', 'photo-lead')[0]!;
    expect(textOf(elements(figure, 'figcaption')[0]!).replace(/\s+/g, ' ').trim()).toBe('Cranes unload containers at the east wharf. Photo: Dateline/File');
    // shown once: not again in the text
    expect(textOf(byClass(story(doc), 'div', 'story-body')[0]!)).not.toContain('Cranes unload');
    const [py] = readWithFeedparser([join(site.dist, 'rss.xml')]);
    expect(py!.entries.some((e) => e.link === `${SITE}${pathOf('agency/lead-photo.json')}`)).toBe(true);
    const xml = execFileSync(
      'xmllint',
      [
        '--xpath',
        `//item[link="${SITE}${pathOf('agency/lead-photo.json')}"]/*[local-name()="content" and namespace-uri()="http://search.yahoo.com/mrss/"]/*[local-name()="description"]/text()`,
        join(site.dist, 'rss.xml'),
      ],
      { encoding: 'utf8' },
    );
    expect(xml.trim()).toBe('Cranes unload containers at the east wharf.');
    const feed = parseFeed(site.read('rss.xml'));
    const content = feed.items.find((i) => i.url === `${SITE}${pathOf('agency/lead-photo.json')}`)!.content!;
    const figcaptions = elements(parseHtmlFragment(content), 'figcaption').map((f) => textOf(f));
    expect(figcaptions).toEqual(['Cranes unload containers at the east wharf. Dateline/File']);
    expect(site.report.files.find((f) => f.file === 'agency/lead-photo.json')!.warnings ?? []).toEqual([]);
  });
});

describe('the feed reader’s view of the text', () => {
  it('reads the same byline as the page (shownText of feedparser fields)', () => {
    const [py] = readWithFeedparser([join(site.dist, 'rss.xml')]);
    const entry = py!.entries.find((e) => e.link === `${SITE}${pathOf('pakistan/urdu.txt')}`)!;
    expect(shownText(entry.title)).toBe(URDU.headline);
    expect(entry.author).toBe('APP');
  });
});
