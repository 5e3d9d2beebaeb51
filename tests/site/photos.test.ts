// Wire photos on a built site, read as their readers read them: the article page and list pages with an
// HTML parser, every derived image decoded with sharp, the social tags and JSON-LD as crawlers see them,
// the feed with python's feedparser, the sitemap with xmllint; then versions, kills and embargoes
// through `npm run publish`. Bad pictures never cost their story: each is published without it, and the
// report names the picture and why.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, outputDir, publishSite, sitemapSchema, type BuiltSite } from '../helpers/build.ts';
import { attr, elements, parseHtml, textOf, type Node } from '../seo/html.ts';
import {
  animatedGif,
  cmykJpeg,
  exifTags,
  HTML_PAGE,
  orientedCameraJpeg,
  p3Png,
  png16,
  SVG_WITH_SCRIPT,
  tinyJpeg,
  truncatedJpeg,
  writeBomb,
} from '../pictures/images.ts';
import { ninjsStory, nitfStory, type PictureFixture } from './photo-fixtures.ts';

const NAME = 'site-photos';
const NOW = '2026-11-20T12:00:00+05:00';
const content = join(outputDir(NAME), 'content');

const story = (slug: string, headline: string, pictures: PictureFixture[], extra: Partial<Parameters<typeof ninjsStory>[0]> = {}) =>
  ninjsStory({ uri: `urn:test:${slug}`, headline, published: '2026-11-18T09:00:00+05:00', pictures, ...extra });

const CAMERA = {
  href: 'photos/camera.jpg',
  caption: 'Cranes unload containers at the east wharf on Tuesday.',
  alt: 'Two cranes lift a red container over a ship at dusk.',
  by: 'Omar Farooq',
  credit: 'Dateline/Omar Farooq',
  copyright: '© 2026 Dateline',
  usage: 'Editorial use only',
  before: [{ name: 'WatermarkPreview', title: 'Preview with watermark', href: 'photos/watermarked.jpg', width: 6000, height: 4000 }],
};

/** Hostile pictures: each story must be published without its picture, and the report must say why. */
const HOSTILE: { slug: string; picture: PictureFixture; reason: RegExp }[] = [
  { slug: 'missing', picture: { href: 'photos/nowhere.jpg' }, reason: /picture photos\/nowhere\.jpg not published: .*not found/ },
  { slug: 'escape', picture: { href: '../outside.jpg' }, reason: /picture \.\.\/outside\.jpg not published: .*(outside|out of|leaves) the content folder/ },
  { slug: 'absolute', picture: { href: '/etc/hostname' }, reason: /picture \/etc\/hostname not published: .*absolute/ },
  { slug: 'link-out', picture: { href: 'photos/link-out.jpg' }, reason: /picture photos\/link-out\.jpg not published: .*symbolic link/ },
  { slug: 'file-url', picture: { href: 'file:///etc/hostname' }, reason: /picture file:\/\/\/etc\/hostname not published: .*content folder/ },
  { slug: 'svg', picture: { href: 'photos/script.svg', contenttype: 'image/svg+xml' }, reason: /picture photos\/script\.svg not published: .*SVG/ },
  {
    slug: 'truncated',
    picture: { href: 'photos/truncated.jpg' },
    reason: /picture photos\/truncated\.jpg not published: .*(cut short|truncated|incomplete|corrupt|premature)/i,
  },
  { slug: 'bomb', picture: { href: 'photos/bomb.png', contenttype: 'image/png' }, reason: /picture photos\/bomb\.png not published: .*(pixel|large)/i },
  { slug: 'html', picture: { href: 'photos/page.jpg' }, reason: /picture photos\/page\.jpg not published: .*HTML/ },
  {
    slug: 'remote-off',
    picture: { href: 'https://photos.agency.example/p/1.jpg' },
    reason: /picture https:\/\/photos\.agency\.example\/p\/1\.jpg not published: remote fetching is off/,
  },
  {
    slug: 'watermark-only',
    picture: { href: 'photos/x-watermark.jpg', before: [] },
    reason: /picture \(line \d+\) not published: every rendition is watermarked or priced/,
  },
];

let site: BuiltSite;
let camera: { width: number; height: number };

/** The article page whose headline (`<h1>`) is `headline`, found through the report's URLs. */
function pageOf(s: BuiltSite, headline: string): { path: string; doc: Node } {
  for (const entry of s.report.files) {
    if (!entry.url) continue;
    const path = `${new URL(entry.url).pathname.slice(1)}index.html`;
    if (!s.exists(path)) continue;
    const doc = parseHtml(s.read(path));
    if (elements(doc, 'h1').some((h) => textOf(h).trim() === headline)) return { path, doc };
  }
  throw new Error(`no published page for "${headline}"`);
}

const meta = (doc: Node, property: string) =>
  elements(doc, 'meta')
    .find((m) => attr(m, 'property') === property || attr(m, 'name') === property)
    ?.attrs?.find((a) => a.name === 'content')?.value;
const photoFolders = (s: BuiltSite) => (existsSync(join(s.dist, 'photos')) ? readdirSync(join(s.dist, 'photos')).sort() : []);
const fileOf = (s: BuiltSite, url: string) => join(s.dist, new URL(url).pathname.slice(1));
const entryOf = (s: BuiltSite, file: string) => s.report.files.find((f) => f.file === file)!;

beforeAll(async () => {
  rmSync(outputDir(NAME), { recursive: true, force: true });
  const photos = join(content, 'photos');
  mkdirSync(photos, { recursive: true });
  const cameraBytes = await orientedCameraJpeg();
  const m = await sharp(cameraBytes).metadata();
  camera = m.orientation && m.orientation >= 5 ? { width: m.height!, height: m.width! } : { width: m.width!, height: m.height! };
  writeFileSync(join(photos, 'camera.jpg'), cameraBytes);
  writeFileSync(join(photos, 'watermarked.jpg'), cameraBytes);
  writeFileSync(join(photos, 'x-watermark.jpg'), await tinyJpeg());
  writeFileSync(join(photos, 'small.jpg'), await tinyJpeg());
  writeFileSync(join(photos, 'cmyk.jpg'), await cmykJpeg());
  writeFileSync(join(photos, 'deep.png'), await png16());
  writeFileSync(join(photos, 'p3.png'), await p3Png());
  writeFileSync(join(photos, 'moving.gif'), await animatedGif());
  writeFileSync(join(photos, 'truncated.jpg'), await truncatedJpeg());
  writeFileSync(join(photos, 'script.svg'), SVG_WITH_SCRIPT);
  writeFileSync(join(photos, 'page.jpg'), HTML_PAGE);
  await writeBomb(join(photos, 'bomb.png'));
  writeFileSync(join(outputDir(NAME), 'outside.jpg'), await tinyJpeg());
  symlinkSync(join(outputDir(NAME), 'outside.jpg'), join(photos, 'link-out.jpg'));

  const files: Record<string, string> = {
    'lead.json': story('lead', 'Night shifts clear the wharf backlog', [CAMERA]),
    'small.json': story('small', 'Small picture keeps its text card', [{ href: 'photos/small.jpg', caption: 'A small picture.', credit: 'Dateline' }], {
      published: '2026-11-18T08:00:00+05:00',
    }),
    'cmyk.json': story('cmyk', 'Printed colours arrive in CMYK', [{ href: 'photos/cmyk.jpg', alt: 'A CMYK picture.' }], {
      published: '2026-11-17T08:00:00+05:00',
    }),
    'deep.json': story('deep', 'Sixteen bits per channel arrive', [{ href: 'photos/deep.png', contenttype: 'image/png', alt: 'A 16-bit picture.' }], {
      published: '2026-11-17T07:00:00+05:00',
    }),
    'gif.json': story('gif', 'An animated picture shows its first frame', [{ href: 'photos/moving.gif', contenttype: 'image/gif', alt: 'A GIF.' }], {
      published: '2026-11-17T06:00:00+05:00',
    }),
    'killed-picture.json': story('killed-picture', 'A killed picture leaves its story', [{ href: 'photos/small.jpg', pubstatus: 'canceled', alt: 'Killed.' }], {
      published: '2026-11-16T06:00:00+05:00',
    }),
    'embargo.json': story(
      'embargo',
      'An embargoed picture waits for its time',
      [{ href: 'photos/cmyk.jpg', embargoed: '2026-11-21T09:00:00+05:00', alt: 'Embargoed.' }],
      { published: '2026-11-16T07:00:00+05:00' },
    ),
    'shared-1.json': story('shared-1', 'First story with the shared picture', [{ href: 'photos/small.jpg', alt: 'Shared.' }], {
      published: '2026-11-15T06:00:00+05:00',
    }),
    'shared-2.json': story('shared-2', 'Second story with the shared picture', [{ href: 'photos/small.jpg', alt: 'Shared.' }], {
      published: '2026-11-15T07:00:00+05:00',
    }),
    'inline.xml': nitfStory({
      id: 'test.inline',
      headline: 'A picture sits where the wire placed it',
      published: '20261118T070000+0500',
      source: 'photos/p3.png',
      alt: 'A wide-gamut picture.',
      caption: 'The caption of the inline picture.',
      producer: 'Dateline/Nadia Karim',
    }),
  };
  for (const [i, h] of HOSTILE.entries()) {
    files[`hostile-${h.slug}.json`] = story(h.slug, `Hostile picture ${h.slug} costs nothing`, [h.picture], {
      published: `2026-11-1${i % 9}T05:${String(i).padStart(2, '0')}:00+05:00`,
    });
  }
  // the watermark-only story: its one rendition is named as watermarked
  files['hostile-watermark-only.json'] = files['hostile-watermark-only.json']!.replace('"name": "original"', '"name": "WatermarkPreview"');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(content, path, '..'), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  site = buildSite(NAME, { contentDir: content, env: { DATELINE_NOW: NOW } });
}, 600_000);

describe('a story with a lead photo', () => {
  it('shows the photo above the story as a responsive <picture> with its caption and credit', () => {
    const { doc } = pageOf(site, 'Night shifts clear the wharf backlog');
    const figure = elements(doc, 'figure').find((f) => (attr(f, 'class') ?? '').includes('photo-lead'))!;
    expect(figure).toBeDefined();
    const img = elements(figure, 'img')[0]!;
    expect(attr(img, 'alt')).toBe(CAMERA.alt);
    expect(attr(img, 'fetchpriority')).toBe('high');
    expect(attr(img, 'loading')).toBe('eager');
    // the camera's picture is 6000×4000 turned upright by its EXIF orientation: portrait
    expect(Number(attr(img, 'height'))).toBeGreaterThan(Number(attr(img, 'width')));
    const webp = elements(figure, 'source').find((s) => attr(s, 'type') === 'image/webp')!;
    const widths = attr(webp, 'srcset')!
      .split(', ')
      .map((c) => Number(c.split(' ')[1]!.replace('w', '')));
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
    expect(Math.max(...widths)).toBeLessThanOrEqual(camera.width);
    const caption = textOf(elements(figure, 'figcaption')[0]!);
    expect(caption).toContain(CAMERA.caption);
    expect(caption).toContain(CAMERA.credit);
    // never the watermarked rendition: the page names only files Dateline made
    expect(site.read(pageOf(site, 'Night shifts clear the wharf backlog').path)).not.toContain('watermarked');
  });

  it("makes its social card from the photo, 1200×630, with the photo's alt text", async () => {
    const { doc } = pageOf(site, 'Night shifts clear the wharf backlog');
    const og = meta(doc, 'og:image')!;
    expect(og).toMatch(/^https?:\/\/[^/]+\/photos\/[0-9a-f]{20}\/card\.jpg$/);
    expect(meta(doc, 'og:image:alt')).toBe(CAMERA.alt);
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
    const card = await sharp(fileOf(site, og)).metadata();
    expect([card.width, card.height, card.format]).toEqual([1200, 630, 'jpeg']);
  });

  it('gives crawlers 16:9, 4:3 and 1:1 ImageObjects with credit, creator and copyright', async () => {
    const { doc } = pageOf(site, 'Night shifts clear the wharf backlog');
    const ld = elements(doc, 'script')
      .filter((s) => attr(s, 'type') === 'application/ld+json')
      .map((s) => JSON.parse(textOf(s)));
    const article = ld.find((d) => d['@type'] === 'NewsArticle');
    expect(article.image).toHaveLength(3);
    const ratios: string[] = [];
    for (const image of article.image) {
      expect(image).toMatchObject({
        '@type': 'ImageObject',
        creditText: CAMERA.credit,
        creator: { '@type': 'Person', name: CAMERA.by },
        copyrightNotice: CAMERA.copyright,
      });
      const m = await sharp(fileOf(site, image.url)).metadata();
      expect([m.width, m.height]).toEqual([image.width, image.height]);
      ratios.push((m.width! / m.height!).toFixed(2));
    }
    expect(ratios).toEqual(['1.78', '1.33', '1.00']);
  });

  it('carries the photo in the feed item, with its credit and caption, as python feedparser reads it', () => {
    const script = `
import feedparser, json, sys
f = feedparser.parse(sys.argv[1])
print(json.dumps([{"title": e.title, "media": e.get("media_content"), "credit": e.get("media_credit"), "description": e.get("content")} for e in f.entries]))`;
    const entries = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, join(site.dist, 'rss.xml')], { encoding: 'utf8' })) as {
      title: string;
      media: { url: string; width: string; medium: string }[];
      credit: { content: string }[];
    }[];
    const item = entries.find((e) => e.title === 'Night shifts clear the wharf backlog')!;
    expect(item.media[0]!.url).toMatch(/\/photos\/[0-9a-f]{20}\/w\d+\.jpg$/);
    expect(item.media[0]!.medium).toBe('image');
    expect(item.credit[0]!.content).toBe(CAMERA.credit);
    // the full text shows the photo too
    expect(readFileSync(join(site.dist, 'rss.xml'), 'utf8')).toContain(`alt=&quot;${CAMERA.alt}&quot;`);
  });

  it('lists the photo in its page sitemap (image:image), valid against the sitemap schemas', () => {
    const { path } = pageOf(site, 'Night shifts clear the wharf backlog');
    const group = readdirSync(site.dist).filter((f) => /^sitemap-articles-2026-11/.test(f));
    const xml = group.map((f) => site.read(f)).join('');
    const url = new URL(`/${path.replace(/index\.html$/, '')}`, 'https://example.com').pathname;
    const entry = xml.split('<url>').find((u) => u.includes(`${url}</loc>`))!;
    expect(entry).toMatch(/<image:image><image:loc>https?:\/\/[^<]+\/photos\/[0-9a-f]{20}\/w\d+\.jpg<\/image:loc><\/image:image>/);
    for (const f of group) execFileSync('xmllint', ['--noout', '--schema', sitemapSchema, join(site.dist, f)], { stdio: 'pipe' });
  });
});

describe('pictures in lists and the body', () => {
  it('shows thumbnails on list pages, and every <img> of every page has alt, width and height', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
      );
    let images = 0;
    for (const file of walk(site.dist)) {
      for (const img of elements(parseHtml(readFileSync(file, 'utf8')), 'img')) {
        images++;
        expect(attr(img, 'alt'), file).toBeDefined();
        expect(Number(attr(img, 'width')), file).toBeGreaterThan(0);
        expect(Number(attr(img, 'height')), file).toBeGreaterThan(0);
      }
    }
    expect(images).toBeGreaterThan(10);
    const business = parseHtml(site.read('business/index.html'));
    const thumbs = elements(business, 'picture').filter((p) => (attr(p, 'class') ?? '').includes('thumb'));
    expect(thumbs.length).toBeGreaterThan(0);
    const src = attr(elements(thumbs[0]!, 'img')[0]!, 'src')!;
    expect(src).toMatch(/\/photos\/[0-9a-f]{20}\/t\d+\.jpg$/);
  });

  it('places an inline picture where the wire placed it, with its caption and credit', () => {
    const { doc } = pageOf(site, 'A picture sits where the wire placed it');
    const body = elements(doc, 'div').find((d) => attr(d, 'class') === 'story-body')!;
    const order = (body.childNodes ?? [])
      .filter((n) => n.nodeName === 'p' || n.nodeName === 'figure')
      .map((n) => (n.nodeName === 'figure' ? 'FIGURE' : textOf(n).trim()));
    expect(order).toEqual(['First paragraph before the picture.', 'Second paragraph before the picture.', 'FIGURE', 'Third paragraph after the picture.']);
    const figure = elements(body, 'figure')[0]!;
    expect(attr(elements(figure, 'img')[0]!, 'loading')).toBe('lazy');
    expect(attr(elements(figure, 'img')[0]!, 'alt')).toBe('A wide-gamut picture.');
    expect(textOf(elements(figure, 'figcaption')[0]!)).toContain('Dateline/Nadia Karim');
  });

  it('keeps the text card for a photo too small to make one, and shows the photo on the page', () => {
    const { doc } = pageOf(site, 'Small picture keeps its text card');
    expect(meta(doc, 'og:image')).toMatch(/\/og\/.+\.png$/);
    expect(elements(doc, 'figure').length).toBe(1);
  });
});

describe('every derived file', () => {
  it('is sRGB, 8-bit, upright, without GPS or camera metadata, and never wider than its source', async () => {
    const folders = photoFolders(site);
    expect(folders.length).toBeGreaterThanOrEqual(6);
    let checked = 0;
    for (const folder of folders) {
      for (const name of readdirSync(join(site.dist, 'photos', folder))) {
        const file = join(site.dist, 'photos', folder, name);
        const m = await sharp(file).metadata();
        expect(m.space, file).toBe('srgb');
        expect(m.depth, file).toBe('uchar');
        expect(m.orientation ?? 1, file).toBe(1);
        expect(m.width!, file).toBeLessThanOrEqual(6000);
        if (m.exif)
          expect(
            Object.keys(exifTags(m.exif)).filter((k) => /gps|make|model|serial/i.test(k)),
            file,
          ).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('converts CMYK, 16-bit, wide-gamut and animated pictures, and publishes them', () => {
    for (const headline of ['Printed colours arrive in CMYK', 'Sixteen bits per channel arrive', 'An animated picture shows its first frame']) {
      const { doc } = pageOf(site, headline);
      expect(elements(doc, 'figure').length, headline).toBe(1);
    }
  });
});

describe('bad pictures cost their story nothing', () => {
  for (const h of HOSTILE) {
    it(`${h.slug}: the story is published without the picture, and the report says why`, () => {
      const entry = entryOf(site, `hostile-${h.slug}.json`);
      expect(entry.status).toBe('published');
      expect((entry.warnings ?? []).join('\n')).toMatch(h.reason);
      const { doc } = pageOf(site, `Hostile picture ${h.slug} costs nothing`);
      expect(elements(doc, 'figure')).toHaveLength(0);
      expect(meta(doc, 'og:image')).toMatch(/\/og\/.+\.png$/);
    });
  }

  it('refuses a killed picture and one under embargo (until it ends)', () => {
    expect(elements(pageOf(site, 'A killed picture leaves its story').doc, 'figure')).toHaveLength(0);
    expect(elements(pageOf(site, 'An embargoed picture waits for its time').doc, 'figure')).toHaveLength(0);
  });
});

describe('pictures follow their stories through publishes', () => {
  it('an embargoed picture joins its story when the embargo ends', () => {
    const run = publishSite(NAME, { contentDir: content, env: { DATELINE_NOW: '2026-11-21T10:00:00+05:00' } });
    expect(run.status).toBe(0);
    expect(elements(pageOf(run.site, 'An embargoed picture waits for its time').doc, 'figure')).toHaveLength(1);
  });

  it("shared pictures stay while a story shows them; a dropped or killed picture's files go", () => {
    const env = { DATELINE_NOW: '2026-11-21T10:00:00+05:00' };
    const before = photoFolders(site);
    const sharedKey = attr(elements(pageOf(site, 'First story with the shared picture').doc, 'img')[0]!, 'src')!.split('/')[2]!;
    const leadKey = meta(pageOf(site, 'Night shifts clear the wharf backlog').doc, 'og:image')!.split('/').at(-2)!;
    expect(before).toContain(sharedKey);
    // a new version drops the lead picture
    writeFileSync(join(content, 'lead.json'), story('lead', 'Night shifts clear the wharf backlog', [], { version: 2, updated: '2026-11-19T09:00:00+05:00' }));
    // one of the two stories sharing a picture is killed
    writeFileSync(
      join(content, 'shared-1.json'),
      story('shared-1', 'First story with the shared picture', [], { version: 2, pubstatus: 'canceled', updated: '2026-11-19T09:00:00+05:00' }),
    );
    let run = publishSite(NAME, { contentDir: content, env });
    expect(run.status).toBe(0);
    expect(photoFolders(run.site)).not.toContain(leadKey);
    expect(photoFolders(run.site)).toContain(sharedKey);
    const changes = JSON.parse(readFileSync(join(outputDir(NAME), 'changes.json'), 'utf8')) as { removed: string[] };
    expect(changes.removed.filter((p) => p.startsWith(`photos/${leadKey}/`)).length).toBeGreaterThan(10);
    expect(elements(pageOf(run.site, 'Night shifts clear the wharf backlog').doc, 'figure')).toHaveLength(0);
    // the other sharing story is killed too: the files go
    writeFileSync(
      join(content, 'shared-2.json'),
      story('shared-2', 'Second story with the shared picture', [], { version: 2, pubstatus: 'canceled', updated: '2026-11-19T09:00:00+05:00' }),
    );
    run = publishSite(NAME, { contentDir: content, env });
    expect(run.status).toBe(0);
    expect(photoFolders(run.site)).not.toContain(sharedKey);
  });

  it('a publish named the new picture and its story publishes the story with it, and the picture is no wire file in the report', async () => {
    const env = { DATELINE_NOW: '2026-11-21T10:00:00+05:00' };
    writeFileSync(join(content, 'photos', 'late.jpg'), await tinyJpeg());
    writeFileSync(
      join(content, 'late.json'),
      story('late', 'A late story arrives with its picture', [{ href: 'photos/late.jpg', alt: 'Late.' }], { published: '2026-11-20T08:00:00+05:00' }),
    );
    // as --watch names them: the picture renamed in first, then the story
    const run = publishSite(NAME, { contentDir: content, env, args: ['photos/late.jpg', 'late.json'] });
    expect(run.status, run.output).toBe(0);
    expect(run.site.report.files.map((f) => f.file)).not.toContain('photos/late.jpg');
    expect(run.site.report.counts.rejected).toBe(0);
    expect(elements(pageOf(run.site, 'A late story arrives with its picture').doc, 'figure')).toHaveLength(1);
  });

  it('the publishes arrive at the same bytes as a full build of the same content', () => {
    const env = { DATELINE_NOW: '2026-11-21T10:00:00+05:00' };
    const published = outputDir(NAME);
    const cold = buildSite(`${NAME}-cold`, { contentDir: content, env });
    const list = (root: string): string[] =>
      readdirSync(root, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
        .sort();
    const a = list(join(published, 'dist'));
    expect(a).toEqual(list(cold.dist));
    for (const f of a) expect(readFileSync(join(published, 'dist', f)).equals(readFileSync(join(cold.dist, f))), f).toBe(true);
  });
});
