// The front page of a small site (12 stories) and of a big one (the demo with 70 more): each story once,
// compact list times told against the page's newest story (never the clock), the lead chosen by the
// agency's urgency; and the layout measured in Chromium at 1280 and 390 px: the columns beside the lead
// end together, the market strip is one row on a phone, the section menu shows that it scrolls, and the
// side column of list and article pages ends where the masthead does.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { serveDist, type StaticServer } from '../helpers/serve.ts';
import { launchBrowser } from '../e2e/browser.ts';
import { demoFiles, E2E_NOW, extraWorldStories, removeRun, runName, wireFile } from '../e2e/fixtures.ts';
import { attr, elements, parseHtml, textOf, type Node } from '../seo/html.ts';

/** An agency story in ninjs 2 with the agency's urgency (2: a bulletin), filed at `time` (ISO). */
function ninjsStory(opts: { id: string; headline: string; time: string; urgency: number }): string {
  return JSON.stringify(
    {
      standard: { name: 'ninjs', version: '2.2', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#' },
      uri: `http://dateline.example.com/ninjs/text/${opts.id}`,
      type: 'text',
      version: '1',
      firstcreated: opts.time,
      versioncreated: opts.time,
      pubstatus: 'usable',
      urgency: opts.urgency,
      language: 'en',
      headlines: [{ role: 'main', value: opts.headline }],
      subjects: [{ name: 'sport', uri: 'http://cv.iptc.org/newscodes/mediatopic/15000000', rel: 'about' }],
      bodies: [
        {
          role: 'main',
          contenttype: 'text/html',
          value: '<p>LAHORE: The board named its squad on Thursday after a week of trials in three cities.</p><p>The squad flies out on Monday.</p>',
        },
      ],
    },
    null,
    2,
  );
}

const SECTIONS = ['World', 'Pakistan', 'Business', 'Sports', 'Markets'];
const body = (n: number) => [
  `KARACHI: Officials said on Thursday that the ${n}th meeting of the committee would be held next week.`,
  'The committee met for four hours.',
];

/** 12 stories: 11 in the wire text over two days, and an urgent ninjs story, the second newest. */
const URGENT = { id: 'squad-named', headline: 'Board names squad for the winter tour', time: '2026-11-26T17:40:00+05:00', urgency: 2 };
function smallSite(): Record<string, string> {
  const files: Record<string, string> = { 'agency/urgent.json': ninjsStory(URGENT) };
  for (let i = 0; i < 11; i++) {
    files[`story-${i}.txt`] = wireFile({
      section: SECTIONS[i % SECTIONS.length]!,
      headline: `Small site story number ${i + 1} of the day`,
      byline: 'Staff Report',
      day: i < 6 ? 26 : 25,
      hour: 18 - (i % 6) * 2,
      minute: 0,
      body: body(i),
    });
  }
  return files;
}

/** The demo, 45 more World stories and 5 more in each other section: every block can be full. */
function bigSite(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = { ...demoFiles(), ...extraWorldStories(45) };
  for (const section of SECTIONS.slice(1)) {
    for (let i = 0; i < 6; i++) {
      files[`more/${section}-${i}.txt`] = wireFile({
        section,
        headline: `More ${section} news, item ${i + 1}`,
        byline: 'Staff Report',
        day: 20 + i,
        hour: 9,
        minute: 30,
        body: body(i),
      });
    }
  }
  return files;
}

const SMALL = runName('front-small');
const SMALL_LATER = runName('front-small-later');
const BIG = runName('front-big');
let small: BuiltSite;
let smallLater: BuiltSite;
let big: BuiltSite;

beforeAll(() => {
  small = buildSite(SMALL, { files: smallSite(), env: { DATELINE_NOW: '2026-11-26T20:00:00+05:00', DATELINE_OG_IMAGES: '0' } });
  // the same stories, built a year later: the front page must not change with the clock
  smallLater = buildSite(SMALL_LATER, { files: smallSite(), env: { DATELINE_NOW: '2027-11-30T09:00:00+05:00', DATELINE_OG_IMAGES: '0' } });
  big = buildSite(BIG, { files: bigSite(), env: { DATELINE_NOW: E2E_NOW, DATELINE_OG_IMAGES: '0' } });
}, 300_000);

afterAll(() => {
  for (const name of [SMALL, SMALL_LATER, BIG]) removeRun(name);
});

const mainOf = (html: string): Node => elements(parseHtml(html), 'main')[0]!;
const cls = (node: Node) => (attr(node, 'class') ?? '').split(/\s+/);
const teasers = (root: Node) => elements(root, 'article').filter((a) => cls(a).includes('teaser'));
const headlineOf = (teaser: Node) => textOf([...elements(teaser, 'h2'), ...elements(teaser, 'h3')][0]!).trim();
const FULL_TIME = /\d{4}, \d{1,2}:\d\d [ap]m GMT/;

describe.each([
  ['small (12 stories)', () => small, 12],
  ['big (the demo and 70 more)', () => big, undefined],
] as const)('front page of a %s site', (_name, site, stories) => {
  test('shows each story once', () => {
    const headlines = teasers(mainOf(site().read('index.html'))).map(headlineOf);
    const repeated = headlines.filter((h, i) => headlines.indexOf(h) !== i);
    expect(repeated).toEqual([]);
    if (stories)
      expect(headlines).toHaveLength(stories); // a small site shows all its stories, once each
    else expect(headlines.length).toBeGreaterThan(30);
  });

  test('every section block holds stories (none is left empty by the rule)', () => {
    const main = mainOf(site().read('index.html'));
    const blocks = elements(main, 'div')
      .filter((d) => cls(d).includes('section-blocks'))
      .flatMap((d) => elements(d, 'section'));
    for (const block of blocks) expect(teasers(block).length, textOf(elements(block, 'h2')[0]!)).toBeGreaterThan(0);
    if (!stories) expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  test("list times are compact: the time on the newest story's day, the date before; one full time, at the top", () => {
    const main = mainOf(site().read('index.html'));
    const times = elements(main, 'time');
    const full = times.filter((t) => FULL_TIME.test(textOf(t)));
    expect(full).toHaveLength(1);
    expect(cls(elements(main, 'p').find((p) => elements(p, 'time').includes(full[0]!))!)).toContain('front-updated');
    const reference = attr(full[0]!, 'datetime')!;
    const refDay = reference.slice(0, 10); // the site's zone is the instants' offset (+05:00)
    for (const t of times.filter((t) => !full.includes(t))) {
      const text = textOf(t);
      const day = attr(t, 'datetime')!.slice(0, 10);
      if (day === refDay) expect(text).toMatch(/^\d{1,2}:\d\d [ap]m$/);
      else expect(text).toMatch(/^\d{1,2} [A-Z][a-z]{2,3}( \d{4})?$/);
      // the full local time is the element's title
      expect(attr(t, 'title')).toMatch(FULL_TIME);
    }
  });
});

describe('the front page of the small site', () => {
  test('is the same a year later: no time on it depends on the build\'s "now"', () => {
    expect(smallLater.read('index.html')).toBe(small.read('index.html'));
  });

  test("leads with the agency's urgent story (urgency 2) over the newer routine one", () => {
    const lead = teasers(mainOf(small.read('index.html'))).find((t) => cls(t).includes('teaser-lead'))!;
    expect(headlineOf(lead)).toBe(URGENT.headline);
  });

  test('the article page keeps the full time with its zone', () => {
    const path = new URL(small.report.files.find((f) => f.file === 'story-0.txt')!.url!).pathname.slice(1);
    const html = small.read(`${path}index.html`);
    expect(html).toMatch(/<time datetime="2026-11-26T18:00:00\+05:00"[^>]*>26 November 2026, 6:00 pm GMT\+5<\/time>/);
  });
});

describe('layout in Chromium', () => {
  let browser: Browser;
  const servers: Record<string, StaticServer> = {};

  beforeAll(async () => {
    servers.small = await serveDist(small.dist, '/');
    servers.big = await serveDist(big.dist, '/');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of Object.values(servers)) await s.close();
  });

  async function open(site: 'small' | 'big', path: string, width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${servers[site]!.url}${path}`);
    await page.evaluate(() => document.fonts.ready);
    return page;
  }

  test.each(['small', 'big'] as const)('desktop 1280, %s site: the top stories and the latest column end together (no gap under either)', async (site) => {
    const page = await open(site, '', 1280);
    const measure = () =>
      page.evaluate(() => {
        const bottom = (els: Element[]) => Math.max(...els.map((e) => e.getBoundingClientRect().bottom));
        const top = document.querySelector('.front-top > section:first-child')!;
        const latest = document.querySelector('.front-top .latest')!;
        return {
          top: bottom([...top.querySelectorAll('.teaser')]),
          latest: bottom([...latest.querySelectorAll('li')]),
          row: top.getBoundingClientRect().bottom,
          stories: latest.querySelectorAll('li').length,
        };
      });
    const ends = await measure();
    // the stories as they would stand without spreading: the page chose about as many as fit
    await page.addStyleTag({ content: '.front-top > section, .front-top .story-list { justify-content: flex-start !important; }' });
    const natural = await measure();
    await page.close();
    expect(Math.abs(ends.top - ends.latest), JSON.stringify(ends)).toBeLessThanOrEqual(24);
    expect(ends.row - Math.max(ends.top, ends.latest)).toBeLessThanOrEqual(24);
    // and the shorter column spreads little: at most 60 px between two of its stories (the top stories
    // have one such space, between the lead and the secondary ones)
    const gaps = natural.top < natural.latest ? 1 : Math.max(1, natural.stories - 1);
    expect(Math.abs(natural.top - natural.latest) / gaps, JSON.stringify(natural)).toBeLessThanOrEqual(60);
  });

  test.each(['small', 'big'] as const)('desktop 1280, %s site: no empty space under a secondary story (side by side, they are alike)', async (site) => {
    const page = await open(site, '', 1280);
    const bottoms = await page.evaluate(() =>
      [...document.querySelectorAll('.secondary > li')].map((li) => ({
        top: li.getBoundingClientRect().top,
        li: li.getBoundingClientRect().bottom,
        text: li.querySelector('.teaser')!.getBoundingClientRect().bottom,
      })),
    );
    await page.close();
    // stories in one row (side by side) end within 80 px of each other
    for (const b of bottoms) {
      const row = Math.max(...bottoms.filter((o) => Math.abs(o.top - b.top) < 1).map((o) => o.li));
      expect(row - b.text, JSON.stringify(bottoms)).toBeLessThanOrEqual(80);
    }
  });

  test('mobile 390: the market strip is one row, above the lead, and the page does not scroll sideways', async () => {
    const page = await open('big', '', 390);
    const m = await page.evaluate(() => {
      const strip = document.querySelector('.market-strip')!.getBoundingClientRect();
      const item = document.querySelector('.market-strip li')!.getBoundingClientRect();
      return { strip: strip.height, item: item.height, page: document.documentElement.scrollWidth };
    });
    await page.close();
    expect(m.strip, JSON.stringify(m)).toBeLessThanOrEqual(2 * m.item + 16); // at most two rows (it is one)
    expect(m.page).toBeLessThanOrEqual(390);
  });

  test('mobile 390: the section menu fades at its edge while more sections are hidden, and scrolls to its last one', async () => {
    const page = await open('big', '', 390);
    const nav = await page.evaluate(() => {
      const list = document.querySelector('.section-nav ul') as HTMLElement;
      const hint = getComputedStyle(document.querySelector('.section-nav .wrap')!, '::after');
      const links = [...list.querySelectorAll('a')];
      list.scrollLeft = list.scrollWidth;
      const last = links.at(-1)!.getBoundingClientRect();
      return {
        scrolls: list.scrollWidth > list.clientWidth,
        hint: hint.backgroundImage,
        width: parseFloat(hint.width),
        position: hint.position,
        pointer: hint.pointerEvents,
        lastRight: last.right,
        edge: list.getBoundingClientRect().right,
        fade: parseFloat(hint.width),
      };
    });
    await page.close();
    expect(nav.scrolls).toBe(true);
    expect(nav.hint).toMatch(/gradient/);
    expect(nav.width).toBeGreaterThanOrEqual(24);
    expect(nav.position).toBe('absolute');
    expect(nav.pointer).toBe('none'); // taps go through to the links
    // scrolled to its end, the last section is clear of the fade
    expect(nav.lastRight).toBeLessThanOrEqual(nav.edge - nav.fade + 1);
  });

  test('desktop 1280: no fade over the section menu (it all fits)', async () => {
    const page = await open('big', '', 1280);
    const content = await page.evaluate(() => getComputedStyle(document.querySelector('.section-nav .wrap')!, '::after').content);
    await page.close();
    expect(content).toBe('none');
  });

  test.each([
    ['a section page', 'world/', '.list-aside'],
    ['an agency page', 'agency/afp/', '.list-aside'],
    ['an article page', 'world/2023/08/07/china-russia-foreign-ministers-hail-cooperation-in-call/', '.more-from'],
  ])('desktop 1280, %s: the side column ends where the masthead does', async (_name, path, side) => {
    const page = await open('big', path, 1280);
    const edges = await page.evaluate((side) => {
      const wrap = document.querySelector('.masthead .wrap')!;
      const right = wrap.getBoundingClientRect().right - parseFloat(getComputedStyle(wrap).paddingRight);
      return { masthead: right, side: document.querySelector(side)!.getBoundingClientRect().right };
    }, side);
    await page.close();
    expect(Math.abs(edges.side - edges.masthead), JSON.stringify(edges)).toBeLessThanOrEqual(1);
  });
});
