// Urdu stories and mixed-language search results in a real browser (Chromium, the page's own fonts):
// an Urdu dateline is bold like an English one, a bold Nastaliq headline stays inside its column on a
// desktop screen, a related headline the site lacks is not set like a link, and search results show
// the story's words (not its headline again) in the story's direction.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { serveDist, type StaticServer } from '../helpers/serve.ts';
import { launchBrowser } from './browser.ts';
import { E2E_NOW, removeRun, runName, wireFile } from './fixtures.ts';

const NAME = runName('e2e-story-language');

/** A story in Urdu only (our own words). Its headline opens with ک, whose first stroke reaches far right. */
const URDU = {
  file: 'pakistan/urdu.txt',
  headline: 'کراچی کے ساحل پر مینگرووز کے نئے پودے لگانے کی مہم شروع',
  text: wireFile({
    section: 'Pakistan',
    headline: 'کراچی کے ساحل پر مینگرووز کے نئے پودے لگانے کی مہم شروع',
    byline: 'APP',
    day: 25,
    hour: 10,
    body: [
      'کراچی: محکمہ جنگلات نے منگل کے روز ساحلی پٹی پر مینگرووز کے پانچ ہزار نئے پودے لگانے کا کام شروع کیا۔',
      'ایک افسر نے بتایا کہ مقامی ماہی گیر بھی اس کام میں حصہ لیں گے اور پودوں کی دیکھ بھال کریں گے۔',
    ],
  }),
};
/** An English story under an Urdu headline, with an Urdu phrase in its text. */
const MIXED = {
  file: 'pakistan/mixed.txt',
  headline: 'قومی اسمبلی نے تعلیمی اصلاحات کا بل منظور کر لیا',
  text: wireFile({
    section: 'Pakistan',
    headline: 'قومی اسمبلی نے تعلیمی اصلاحات کا بل منظور کر لیا',
    byline: 'APP',
    day: 25,
    hour: 18,
    body: [
      'ISLAMABAD: The National Assembly passed a bill on school reforms on Tuesday after a debate that ran for two sittings.',
      'The bill, titled in Urdu (تعلیمی اصلاحات کا بل), sets a common minimum curriculum and a yearly report to parliament.',
    ],
  }),
};
/** A headline whose words ("stretch", "extra") its text does not have, and a related headline the site lacks. */
const ENGLISH = {
  file: 'world/talks.txt',
  headline: 'Climate talks stretch into an extra day',
  unknownRelated: 'Finance ministers meet in the capital on Monday',
  text: wireFile({
    section: 'World',
    headline: 'Climate talks stretch into an extra day',
    byline: 'AFP | Reuters',
    day: 24,
    hour: 21,
    body: [
      'NAIROBI: Negotiators worked through the night as talks on a new finance goal ran past their scheduled close.',
      'Host officials said a final plenary could be called on Sunday afternoon.',
      'Read more',
      'Finance ministers meet in the capital on Monday',
    ],
  }),
};

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let page: Page;
const url = (file: string) => `${server.url}${new URL(site.report.files.find((f) => f.file === file)!.url!).pathname.slice(1)}`;

beforeAll(async () => {
  site = buildSite(NAME, {
    files: { [URDU.file]: URDU.text, [MIXED.file]: MIXED.text, [ENGLISH.file]: ENGLISH.text },
    env: { DATELINE_NOW: E2E_NOW, DATELINE_OG_IMAGES: '0' },
  });
  server = await serveDist(site.dist, '/');
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeRun(NAME);
});

/** The box of the element and the box of its dark pixels ("ink"), everything else on the page hidden. */
async function inkOf(
  selector: string,
): Promise<{ box: { left: number; right: number; top: number; bottom: number }; ink: { left: number; right: number; top: number; bottom: number } }> {
  const el = page.locator(selector).first();
  await el.evaluate((e) => {
    document.body.style.visibility = 'hidden';
    (e as HTMLElement).style.visibility = 'visible';
  });
  const b = (await el.boundingBox())!;
  const pad = 48;
  const clip = { x: Math.max(0, b.x - pad), y: Math.max(0, b.y - pad), width: 0, height: b.height + 2 * pad };
  clip.width = Math.min(1280, b.x + b.width + pad) - clip.x;
  const { data, info } = await sharp(await page.screenshot({ clip, fullPage: true }))
    .raw()
    .toBuffer({ resolveWithObject: true });
  const ink = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      if (data[i]! + data[i + 1]! + data[i + 2]! > 3 * 128) continue;
      ink.left = Math.min(ink.left, clip.x + x);
      ink.right = Math.max(ink.right, clip.x + x + 1);
      ink.top = Math.min(ink.top, clip.y + y);
      ink.bottom = Math.max(ink.bottom, clip.y + y + 1);
    }
  }
  await el.evaluate(() => {
    document.body.style.visibility = '';
  });
  return { box: { left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height }, ink };
}

describe('an Urdu story on a desktop screen', () => {
  test('reads right to left, with its dateline in bold (the bold Nastaliq face, not the regular one)', async () => {
    await page.goto(url(URDU.file));
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => [document.documentElement.lang, getComputedStyle(document.querySelector('.story-body p')!).direction])).toEqual([
      'ur',
      'rtl',
    ]);
    const dateline = page.locator('.story-body p .dateline');
    expect(await dateline.textContent()).toBe('کراچی:');
    expect(await dateline.evaluate((e) => getComputedStyle(e).fontWeight)).toBe('700');
    // a face that covers the bold weight was used (one face for every weight is never drawn bold)
    const faces = await page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('Nastaliq') && f.status === 'loaded').map((f) => f.weight));
    expect(
      faces.some((w) => {
        const [lo, hi = lo] = w.split(' ').map(Number);
        return lo! <= 700 && 700 <= hi!;
      }),
    ).toBe(true);
    expect(await page.evaluate(() => document.fonts.check('700 18px "Dateline Nastaliq"', 'کراچی'))).toBe(true);
  });

  test('has a headline that stays inside its column and clear of the kicker above it', async () => {
    await page.goto(url(URDU.file));
    await page.evaluate(() => document.fonts.ready);
    const { box, ink } = await inkOf('.story h1');
    const column = (await page.locator('article.story').boundingBox())!;
    // the headline starts at the column's right edge; its first stroke must not run past it
    expect(ink.right).toBeLessThanOrEqual(column.x + column.width + 2);
    expect(ink.left).toBeGreaterThanOrEqual(column.x - 2);
    expect(ink.top).toBeGreaterThanOrEqual(box.top - 4);
    const kicker = (await page.locator('.story .kicker').boundingBox())!;
    expect(ink.top).toBeGreaterThanOrEqual(kicker.y + kicker.height - 4);
  });
});

describe('article body', () => {
  test('a related headline the site does not have is set as text, not like the links beside it', async () => {
    await page.goto(url(ENGLISH.file));
    const li = page.locator('.related li', { hasText: ENGLISH.unknownRelated });
    expect(await li.locator('a').count()).toBe(0);
    expect(await li.evaluate((e) => getComputedStyle(e).fontWeight)).toBe('400');
  });
});

describe('search results', () => {
  async function search(query: string) {
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/found/);
    return page.locator('#search-results li').evaluateAll((lis: HTMLElement[]) =>
      lis.map((li) => {
        const p = li.querySelector('p')!;
        const date = li.querySelector('.meta');
        return {
          headline: li.querySelector('h2')!.textContent!,
          excerpt: p.textContent!,
          dir: getComputedStyle(li).direction,
          lang: li.lang,
          excerptDir: getComputedStyle(p).direction,
          headlineDir: getComputedStyle(li.querySelector('h2')!).direction,
          dateDir: date ? getComputedStyle(date).direction : undefined,
        };
      }),
    );
  }

  test('show the story’s words, not its headline again; a word only in the headline still finds it', async () => {
    const [result, ...rest] = await search('stretch');
    expect(rest).toEqual([]);
    expect(result!.headline).toBe(ENGLISH.headline);
    expect(result!.excerpt).toMatch(/^NAIROBI: Negotiators worked/);
    expect(result!.excerpt).not.toContain('Climate talks stretch');
    const [byText] = await search('plenary');
    expect(byText!.excerpt.startsWith(ENGLISH.headline)).toBe(false);
    // the date shown under a result is not a word of the story
    expect(await search('November')).toEqual([]);
  });

  test('are set in the story’s direction: an English story’s mixed excerpt left to right, an Urdu story’s right to left', async () => {
    const [mixed] = await search('curriculum');
    expect(mixed!.headline).toBe(MIXED.headline);
    expect(mixed).toMatchObject({ dir: 'ltr', excerptDir: 'ltr', headlineDir: 'rtl' });
    expect(mixed!.excerpt).toContain('titled in Urdu (تعلیمی اصلاحات کا بل), sets a common minimum curriculum');
    expect(mixed!.excerpt).not.toContain(MIXED.headline);
    // a word of its Urdu headline finds it too, and its excerpt is still its English text, left to right
    const [byHeadline] = await search('قومی');
    expect(byHeadline).toMatchObject({ headline: MIXED.headline, dir: 'ltr', excerptDir: 'ltr' });
    expect(byHeadline!.excerpt).toMatch(/^ISLAMABAD: The National Assembly passed/);
    const [urdu] = await search('مینگرووز');
    expect(urdu!.headline).toBe(URDU.headline);
    expect(urdu).toMatchObject({ dir: 'rtl', lang: 'ur', excerptDir: 'rtl', headlineDir: 'rtl', dateDir: 'ltr' });
  });
});
