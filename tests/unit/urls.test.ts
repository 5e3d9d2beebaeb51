// integrations/dateline/urls.ts: every URL the site makes. Slugs are single safe path segments whatever
// the name (markup, `..`, Urdu, CJK, only punctuation), never the site's own top-level names or a bare
// year; list pages are numbered under their front page; base and site are joined one way everywhere.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  agencyPath,
  agencySlug,
  articlePath,
  dayArchivePath,
  headlineSlug,
  listPagePath,
  photoPath,
  sectionFeedPath,
  sectionPath,
  sectionSlug,
  shortHash,
  withBase,
} from '../../integrations/dateline/urls.ts';

const RESERVED = ['og', 'photos', 'page', 'agency', '404', 'pagefind', 'search', 'rss', 'sitemap', 'robots', 'astro', 'favicon', 'fonts'];
const SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('shortHash', () => {
  it('is the start of the SHA-256 of the text, in hex', () => {
    const full = createHash('sha256').update('Dateline').digest('hex');
    expect(shortHash('Dateline')).toBe(full.slice(0, 6));
    expect(shortHash('Dateline', 12)).toBe(full.slice(0, 12));
  });
});

describe('sectionSlug', () => {
  it('transliterates to ASCII words joined by hyphens', () => {
    expect(sectionSlug('Culture & Heritage')).toBe('culture-and-heritage');
    expect(sectionSlug('Ünïcödé Straße')).toBe('uenicoede-strasse');
    expect(sectionSlug('CamelCase News')).toBe('camelcase-news');
    expect(sectionSlug('پاکستان')).toBe('pakstan');
  });

  it('never leaves the folder: `..` and slashes are dropped', () => {
    expect(sectionSlug('../x')).toBe('x');
    expect(sectionSlug('a/../../b')).toBe('a-b');
  });

  it('names a section that slugifies to nothing by a hash of its name', () => {
    expect(sectionSlug('国会')).toBe(`section-${shortHash('国会')}`);
    expect(sectionSlug('...')).toBe(`section-${shortHash('...')}`);
    expect(sectionSlug('')).toBe(`section-${shortHash('')}`);
    expect(sectionSlug('国会')).not.toBe(sectionSlug('北京')); // two such sections stay apart
  });

  it('keeps the site’s top-level names and the year archives for the site', () => {
    for (const name of RESERVED) expect(sectionSlug(name)).toBe(`${name}-section`);
    expect(sectionSlug('Search')).toBe('search-section');
    expect(sectionSlug('2024')).toBe('2024-section');
    expect(sectionSlug('7')).toBe('7-section');
    expect(sectionSlug('Page 2')).toBe('page-2'); // only a whole reserved name is renamed
  });

  it('cuts a long name at a word boundary, at most 80 characters', () => {
    const slug = sectionSlug('word '.repeat(30));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^word(-word)+$/);
    expect(sectionSlug('a'.repeat(100))).toBe('a'.repeat(80)); // one word: cut at 80
  });

  it('is always one safe, non-reserved path segment (any text)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (name) => {
        const slug = sectionSlug(name);
        expect(slug).toMatch(SEGMENT);
        expect(slug.length).toBeLessThanOrEqual(80 + '-section'.length);
        expect(RESERVED).not.toContain(slug);
        expect(slug).not.toMatch(/^\d+$/);
        expect(sectionSlug(name)).toBe(slug); // the same name, the same slug
      }),
      { numRuns: 300 },
    );
  });
});

describe('agencySlug and headlineSlug', () => {
  it('slugify like sections, without renaming reserved names', () => {
    expect(agencySlug('Associated Press')).toBe('associated-press');
    expect(agencySlug('Search')).toBe('search'); // under /agency/: no clash
    expect(headlineSlug('China, Russia discuss ties in call')).toBe('china-russia-discuss-ties-in-call');
    expect(headlineSlug('2024')).toBe('2024');
  });

  it('fall back to a hash of the name', () => {
    expect(agencySlug('新华社')).toBe(`agency-${shortHash('新华社')}`);
    expect(headlineSlug('国会')).toBe(`story-${shortHash('国会')}`);
  });

  it('are one safe path segment for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (name) => {
        expect(agencySlug(name)).toMatch(SEGMENT);
        expect(headlineSlug(name)).toMatch(SEGMENT);
      }),
      { numRuns: 300 },
    );
  });
});

describe('site paths', () => {
  const day = { yyyy: '2023', mm: '08', dd: '07' };

  it('puts an article under its section and local date', () => {
    expect(articlePath('world', day, 'china-russia-call')).toBe('world/2023/08/07/china-russia-call/');
  });

  it('numbers a list’s archive pages under its front page', () => {
    expect(sectionPath('world')).toBe('world/');
    expect(sectionPath('world', 0)).toBe('world/');
    expect(sectionPath('world', 3)).toBe('world/page/3/');
    expect(agencyPath('afp')).toBe('agency/afp/');
    expect(agencyPath('afp', 2)).toBe('agency/afp/page/2/');
    expect(dayArchivePath(day)).toBe('2023/08/07/');
    expect(dayArchivePath('2023/08/07', 1)).toBe('2023/08/07/page/1/');
  });

  it('listPagePath agrees with the path of each kind of list', () => {
    for (const page of [0, 1, 5]) {
      expect(listPagePath('section', 'world', page)).toBe(sectionPath('world', page));
      expect(listPagePath('agency', 'afp', page)).toBe(agencyPath('afp', page));
      expect(listPagePath('day', '2023/08/07', page)).toBe(dayArchivePath(day, page));
    }
  });

  it('names feeds and pictures', () => {
    expect(sectionFeedPath('world')).toBe('world/rss.xml');
    expect(photoPath('3f9a', 'w800.webp')).toBe('photos/3f9a/w800.webp');
  });
});

describe('withBase and absoluteUrl', () => {
  it('puts a site path under the base, with one slash between', () => {
    expect(withBase('/news/', 'world/')).toBe('/news/world/');
    expect(withBase('/news', 'world/')).toBe('/news/world/');
    expect(withBase('news', '/world/')).toBe('/news/world/');
    expect(withBase('/', 'world/')).toBe('/world/');
    expect(withBase('', 'world/')).toBe('/world/');
    expect(withBase('/news/', '')).toBe('/news/');
    expect(withBase('/news/', '///rss.xml')).toBe('/news/rss.xml');
  });

  it('makes absolute URLs on the site, escaping what a URL must', () => {
    expect(absoluteUrl('https://news.example.org', '/news/', 'world/')).toBe('https://news.example.org/news/world/');
    expect(absoluteUrl(new URL('https://news.example.org/'), '/', 'rss.xml')).toBe('https://news.example.org/rss.xml');
    expect(absoluteUrl('https://news.example.org', '/', 'a b/')).toBe('https://news.example.org/a%20b/');
  });

  it('gives every slug’s page a URL that reads back to the same path', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), (section, headline) => {
        const path = articlePath(sectionSlug(section), { yyyy: '2024', mm: '02', dd: '29' }, headlineSlug(headline));
        const url = new URL(absoluteUrl('https://news.example.org', '/desk/', path));
        expect(url.origin).toBe('https://news.example.org');
        expect(url.pathname).toBe(`/desk/${path}`);
      }),
      { numRuns: 200 },
    );
  });
});
