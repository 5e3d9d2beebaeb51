// Social images in real builds: one 1200×630 image per article in dist/og/, referenced by absolute URL
// in the page, uncovered characters reported as warnings, and the cache: a second build renders none,
// changing one article re-renders exactly that one. DATELINE_OG_IMAGES=0 points pages at the default.
import sharp from 'sharp';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { seedArticle, wire } from '../foundation/fixtures.ts';

const NOW = '2024-03-02T12:00:00+05:00';
const files = {
  'ref.txt': seedArticle,
  'urdu.txt': wire({ section: 'Pakistan', headline: 'قومی اسمبلی نے بجٹ منظور کر لیا', byline: 'APP', published: '01 Mar, 2024 09:00am' }),
  'emoji.txt': wire({ section: 'World', headline: 'Markets cheer the result 😀', byline: 'Reuters', published: '01 Mar, 2024 10:00am' }),
};

const rendered = (output: string) => {
  const m = output.match(/social images: (\d+) rendered, (\d+) reused of (\d+)/);
  if (!m) throw new Error(`no social image line in the build output:\n${output}`);
  return { rendered: Number(m[1]), reused: Number(m[2]), total: Number(m[3]) };
};

const ogImage = (html: string) => html.match(/<meta property="og:image" content="([^"]+)"/)?.[1];

describe('social images in the build', () => {
  it('renders one image per article, references it absolutely, and caches across builds', async () => {
    const first = buildSite('og-build', { files, env: { DATELINE_NOW: NOW } });
    expect(rendered(first.output)).toEqual({ rendered: 3, reused: 0, total: 3 });

    const page = first.read('world/2023/08/07/china-russia-foreign-ministers-hail-cooperation-in-call/index.html');
    const url = ogImage(page)!;
    expect(url).toMatch(/^https:\/\/dateline\.example\.com\/og\/world\/2023\/08\/07\/china-russia-foreign-ministers-hail-cooperation-in-call\.(png|jpg)$/);
    const file = join(first.dist, new URL(url).pathname);
    const meta = await sharp(file).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 630]);
    expect(meta.size ?? (await sharp(file).toBuffer()).length).toBeLessThan(300 * 1024);
    expect(first.exists('og/default.png')).toBe(true);

    const emoji = first.report.files.find((f) => f.file === 'emoji.txt')!;
    expect(emoji.status).toBe('published');
    expect(emoji.warnings?.join('\n')).toMatch(/U\+1F600/);
    expect(first.report.files.find((f) => f.file === 'urdu.txt')!.warnings ?? []).toEqual([]);

    // The Urdu headline is marked as Urdu on its page and in lists.
    const urduPage = first.read(`${new URL(first.report.files.find((f) => f.file === 'urdu.txt')!.url!).pathname.slice(1)}index.html`);
    expect(urduPage).toContain('<h1 dir="auto" lang="ur">قومی اسمبلی نے بجٹ منظور کر لیا</h1>');
    expect(first.read('index.html')).toMatch(/lang="ur"><a [^>]*>قومی اسمبلی نے بجٹ منظور کر لیا<\/a>/);

    const second = buildSite('og-build', { files, keepCache: true, env: { DATELINE_NOW: NOW } });
    expect(rendered(second.output)).toEqual({ rendered: 0, reused: 3, total: 3 });
    expect(second.exists(new URL(url).pathname.slice(1))).toBe(true);

    const edited = { ...files, 'urdu.txt': files['urdu.txt'].replace('قومی اسمبلی', 'سینیٹ') };
    const third = buildSite('og-build', { files: edited, keepCache: true, env: { DATELINE_NOW: NOW } });
    expect(rendered(third.output)).toEqual({ rendered: 1, reused: 2, total: 3 });
  });

  it('DATELINE_OG_IMAGES=0 builds no article images and points pages at the default image', () => {
    const site = buildSite('og-off', { files, env: { DATELINE_NOW: NOW, DATELINE_OG_IMAGES: '0' } });
    expect(site.output).toMatch(/social images: off/);
    const page = site.read('world/2023/08/07/china-russia-foreign-ministers-hail-cooperation-in-call/index.html');
    expect(ogImage(page)).toBe('https://dateline.example.com/og/default.png');
    expect(site.exists('og/default.png')).toBe(true);
    expect(site.exists('og/world')).toBe(false);
  });
});
