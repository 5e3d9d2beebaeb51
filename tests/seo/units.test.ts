// The pure pieces behind sitemaps, feeds and tags: the news window and its 1,000-URL files, news
// language codes, page sitemap groups and their files, XML text safety, JSON-LD serialisation, og:locale.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../integrations/dateline/archive/records.ts';
import { articleHtml } from '../../integrations/dateline/feeds/content.ts';
import { TextSlots } from '../../integrations/dateline/feeds/text-slots.ts';
import { newsLanguage, newsSitemapFiles, newsWindow } from '../../integrations/dateline/sitemaps/news.ts';
import { compareSitemapFiles, renderGroup, renderIndex, sitemapGroup, type SitemapSettings } from '../../integrations/dateline/sitemaps/pages.ts';
import { escapeXml, xmlSafe } from '../../integrations/dateline/sitemaps/xml.ts';
import { serializeJsonLd } from '../../src/lib/seo/json-ld.ts';
import { ogLocale } from '../../src/lib/seo/locale.ts';
import { sitemapSchema } from '../helpers/build.ts';

const HOUR = 3600_000;
const NOW = new Date('2024-03-02T12:00:00+05:00');

function record(i: number, hoursAgo: number, extra: Partial<ArticleRecord> = {}): ArticleRecord {
  const ms = NOW.getTime() - hoursAgo * HOUR;
  const published = new Date(ms).toISOString().replace('.000Z', 'Z');
  return {
    id: `text:${i}`,
    format: 'text',
    file: `f${i}.txt`,
    item: 0,
    subjects: [],
    path: `world/2024/03/0${(i % 2) + 1}/story-${i}/`,
    headline: `Story ${i} & <more>`,
    sectionSlug: 'world',
    sectionLabel: 'World',
    bylineText: 'AFP',
    byline: [{ name: 'AFP', kind: 'agency' }],
    published,
    timestamp: ms,
    summary: '',
    quotes: [],
    related: [],
    contentKey: String(i),
    digest: String(i),
    warnings: [],
    image: { path: 'og/default.png', type: 'image/png', width: 1200, height: 630 },
    ...extra,
  };
}

describe('news sitemap', () => {
  it('takes the stories published in the 48 hours up to now, newest first', () => {
    const items = [record(1, 49), record(2, 47), record(3, 1), record(4, 48), record(5, -1), record(6, 0)];
    expect(newsWindow(items, NOW).map((a) => a.file)).toEqual(['f6.txt', 'f3.txt', 'f2.txt']);
  });

  it('splits at 1,000 URLs per file, and every file validates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-news-'));
    const items = Array.from({ length: 1001 }, (_, i) => record(i, (i % 40) + 0.5));
    const written = newsSitemapFiles(newsWindow(items, NOW), { site: 'https://x.example/', base: '/n/', publicationName: 'X & Y', language: 'ur' });
    expect(written.map((w) => w.name)).toEqual(['sitemap-news-0.xml', 'sitemap-news-1.xml']);
    for (const f of written) writeFileSync(join(dir, f.name), f.xml);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['sitemap-news-0.xml', 'sitemap-news-1.xml']);
    const count = (f: string) => (readFileSync(join(dir, f), 'utf8').match(/<url>/g) ?? []).length;
    expect(files.map(count)).toEqual([1000, 1]);
    execFileSync('xmllint', ['--noout', '--schema', sitemapSchema, ...files.map((f) => join(dir, f))], { stdio: 'pipe' });
    expect(readFileSync(join(dir, files[0]!), 'utf8')).toContain('<news:name>X &amp; Y</news:name><news:language>ur</news:language>');
  });

  it('writes nothing for an empty window (a sitemap must hold a URL)', () => {
    expect(newsSitemapFiles(newsWindow([record(1, 100)], NOW), { site: 'https://x.example/', base: '/', publicationName: 'X', language: 'en' })).toEqual([]);
  });

  it('uses the language codes Google News accepts', () => {
    expect(['en', 'en-GB', 'ur-PK', 'zh', 'zh-Hant', 'zh-TW', 'fil'].map(newsLanguage)).toEqual(['en', 'en', 'ur', 'zh-cn', 'zh-tw', 'zh-tw', 'fil']);
  });
});

describe('page sitemaps', () => {
  it('group articles by month, day archives by year, and every list page together', () => {
    expect(sitemapGroup('world/2024/03/02/story-1/')).toBe('sitemap-articles-2024-03');
    expect(sitemapGroup('2024/03/02/')).toBe('sitemap-days-2024');
    expect(sitemapGroup('2024/03/02/page/2/')).toBe('sitemap-days-2024');
    for (const path of ['', 'search/', 'world/', 'world/page/3/', 'agency/afp/', 'agency/afp/page/1/', '2024-section/'])
      expect(sitemapGroup(path)).toBe('sitemap-lists');
  });

  const settings = (options: SitemapSettings['options'] = {}, limit = 2): SitemapSettings => ({ root: 'https://x.example/n/', limit, options });
  const url = (p: string) => `https://x.example/n/${p}`;

  it('write a group as @astrojs/sitemap writes a chunk: its URL order, -0, -1… at the limit, each file’s newest lastmod, and validate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-pages-'));
    const pages = [
      { path: 'world/2024/03/02/story-10/', lastmod: '2024-03-02T10:00:00+05:00', images: ['photos/abc/w1600.jpg'] },
      { path: 'world/2024/03/01/story-2/', lastmod: '2024-03-01T09:00:00+05:00' },
      { path: 'world/2024/03/03/c-&-d/', lastmod: '2024-03-03T08:00:00+05:00' },
    ];
    const files = await renderGroup('sitemap-articles-2024-03', pages, settings(), url);
    expect(files.map((f) => [f.name, f.lastmod])).toEqual([
      ['sitemap-articles-2024-03-0.xml', '2024-03-02T05:00:00.000Z'],
      ['sitemap-articles-2024-03-1.xml', '2024-03-03T03:00:00.000Z'],
    ]);
    // numbers in a URL sort as numbers (`localeCompare('en', { numeric: true })`)
    expect([...files[0]!.xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual([
      'https://x.example/n/world/2024/03/01/story-2/',
      'https://x.example/n/world/2024/03/02/story-10/',
    ]);
    expect(files[0]!.xml).toContain(
      '<url><loc>https://x.example/n/world/2024/03/02/story-10/</loc><lastmod>2024-03-02T05:00:00.000Z</lastmod><image:image><image:loc>https://x.example/n/photos/abc/w1600.jpg</image:loc></image:image></url>',
    );
    expect(files[1]!.xml).toContain('<loc>https://x.example/n/world/2024/03/03/c-&amp;-d/</loc>');
    for (const f of files) writeFileSync(join(dir, f.name), f.xml);
    const index = await renderIndex(
      ['https://x.example/n/sitemap-news-0.xml'],
      files.map((f) => ({ url: url(f.name), lastmod: f.lastmod! })),
      settings(),
    );
    expect(index).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
        '<sitemap><loc>https://x.example/n/sitemap-news-0.xml</loc></sitemap>' +
        '<sitemap><loc>https://x.example/n/sitemap-articles-2024-03-0.xml</loc><lastmod>2024-03-02T05:00:00.000Z</lastmod></sitemap>' +
        '<sitemap><loc>https://x.example/n/sitemap-articles-2024-03-1.xml</loc><lastmod>2024-03-03T03:00:00.000Z</lastmod></sitemap>' +
        '</sitemapindex>',
    );
    writeFileSync(join(dir, 'sitemap-index.xml'), index);
    execFileSync('xmllint', ['--noout', '--schema', sitemapSchema, ...readdirSync(dir).map((f) => join(dir, f))], { stdio: 'pipe' });
  });

  it('apply the options as @astrojs/sitemap does: filter on the URL, serialize changes or drops an entry, the rest on every entry', async () => {
    const pages = [
      { path: '' },
      { path: 'search/' },
      { path: 'world/', lastmod: '2024-03-02T10:00:00+05:00' },
      { path: 'agency/afp/', lastmod: '2024-03-01T10:00:00+05:00' },
    ];
    const seen: unknown[] = [];
    const files = await renderGroup(
      'sitemap-lists',
      pages,
      settings(
        {
          filter: (u) => !u.includes('/agency/'),
          serialize: async (item) => {
            seen.push(item);
            return item.url.endsWith('/search/') ? undefined : { ...item, priority: item.url.endsWith('/world/') ? 0.9 : item.priority };
          },
          changefreq: 'hourly',
          priority: 0.5,
          lastmod: new Date('2024-01-01T00:00:00Z'),
          xslURL: '/style/sitemap.xsl',
          namespaces: { video: false, xhtml: false },
        },
        10,
      ),
      url,
    );
    // serialize sees the plugin's entry (key order included) with the page's lastmod, after the filter, in URL order
    expect(seen).toEqual([
      { url: 'https://x.example/n/', links: undefined, lastmod: '2024-01-01T00:00:00.000Z', priority: 0.5, changefreq: 'hourly' },
      { url: 'https://x.example/n/search/', links: undefined, lastmod: '2024-01-01T00:00:00.000Z', priority: 0.5, changefreq: 'hourly' },
      { url: 'https://x.example/n/world/', links: undefined, lastmod: '2024-03-02T10:00:00+05:00', priority: 0.5, changefreq: 'hourly' },
    ]);
    expect(Object.keys(seen[2] as object)).toEqual(['url', 'links', 'lastmod', 'priority', 'changefreq']);
    expect(files).toHaveLength(1);
    expect(files[0]!.lastmod).toBe('2024-03-02T05:00:00.000Z');
    expect(files[0]!.xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="https://x.example/style/sitemap.xsl"?>' +
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">' +
        '<url><loc>https://x.example/n/</loc><lastmod>2024-01-01T00:00:00.000Z</lastmod><changefreq>hourly</changefreq><priority>0.5</priority></url>' +
        '<url><loc>https://x.example/n/world/</loc><lastmod>2024-03-02T05:00:00.000Z</lastmod><changefreq>hourly</changefreq><priority>0.9</priority></url>' +
        '</urlset>',
    );
    // a group with nothing listed has no file
    expect(await renderGroup('sitemap-lists', [{ path: 'agency/afp/' }], settings({ filter: () => false }), url)).toEqual([]);
  });

  it('list the files of a group by number, after those of the groups before it', () => {
    const names = [
      'sitemap-lists-0.xml',
      'sitemap-articles-2024-03-10.xml',
      'sitemap-days-2024-0.xml',
      'sitemap-articles-2024-03-2.xml',
      'sitemap-articles-2023-12-0.xml',
    ];
    expect(names.sort(compareSitemapFiles)).toEqual([
      'sitemap-articles-2023-12-0.xml',
      'sitemap-articles-2024-03-2.xml',
      'sitemap-articles-2024-03-10.xml',
      'sitemap-days-2024-0.xml',
      'sitemap-lists-0.xml',
    ]);
  });
});

describe('XML and HTML text', () => {
  it('drops characters XML 1.0 forbids and escapes the rest', () => {
    expect(xmlSafe('a\u0000b\u0008c\td\u000be\uFFFEf\uD800g')).toBe('ab' + 'c\tdefg');
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('feeds wire text into content HTML as text only', () => {
    const html = articleHtml(
      {
        datelineText: 'LAHORE <x>:',
        body: [
          { kind: 'paragraph', text: '</p><script>alert(1)</script> ]]>', line: 1 },
          { kind: 'related', headline: 'Other "story"', line: 2 },
          { kind: 'related', headline: 'Missing story', line: 3 },
          { kind: 'caption', text: 'A <i>photo</i> — AFP', credit: 'AFP', line: 4 },
          { kind: 'footer', text: 'Published in Dawn & co', line: 5 },
        ],
      },
      {
        relatedUrl: (h) => (h.startsWith('Other') ? 'https://x.example/a/?q=1&r="2"' : undefined),
        // a photo caption of the text is shown with its photo (the feed item gives it to a lead photo
        // without one), never on its own
        photos: [
          {
            role: 'lead',
            picture: 0,
            url: 'https://x.example/p/w800.jpg?a=1&b=2',
            width: 800,
            height: 600,
            alt: 'A "port"',
            caption: 'A <i>photo</i>',
            credit: 'AFP & co',
          },
        ],
      },
    );
    expect(html).toBe(
      [
        '<figure><img src="https://x.example/p/w800.jpg?a=1&amp;b=2" width="800" height="600" alt="A &quot;port&quot;"/><figcaption dir="auto">A &lt;i&gt;photo&lt;/i&gt; <small>AFP &amp; co</small></figcaption></figure>',
        '<p dir="auto"><strong>LAHORE &lt;x&gt;:</strong> &lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;</p>',
        '<p><strong>Related</strong></p><ul><li dir="auto"><a href="https://x.example/a/?q=1&amp;r=&quot;2&quot;">Other &quot;story&quot;</a></li><li dir="auto">Missing story</li></ul>',
        '<p dir="auto"><small>Published in Dawn &amp; co</small></p>',
      ].join('\n'),
    );
  });

  it('puts customData text back exactly, escaped, in place of its token', () => {
    const slots = new TextSlots();
    const xml = `<a>${slots.slot('0.10')}</a><b>${slots.slot(' x & <y> ]]> ')}</b>`;
    expect(xml).not.toContain('0.10');
    expect(slots.fill(xml)).toBe('<a>0.10</a><b> x &amp; &lt;y&gt; ]]&gt; </b>');
  });
});

describe('JSON-LD serialisation', () => {
  it('cannot close the script element and parses back to the same data', () => {
    const data = { headline: '</script><script>alert(1)</script> <!-- & \u2028\u2029 ]]>' };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe('og:locale', () => {
  it('maps the site language to language_TERRITORY', () => {
    expect(['en', 'en-GB', 'ur', 'ar', 'zh', 'zh-TW', 'fr', 'pt-BR'].map(ogLocale)).toEqual([
      'en_US',
      'en_GB',
      'ur_PK',
      'ar_EG',
      'zh_CN',
      'zh_TW',
      'fr_FR',
      'pt_BR',
    ]);
  });
});
