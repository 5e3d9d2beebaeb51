// Stories across versions, on a built site with a fixed "now": an updated wire-text story, a ninjs
// story corrected under a new headline, a killed story, an embargoed one, an ANPA story with its
// writethru, a feed of several items, and files of no known format. What readers see is checked in
// every output: pages, lists, feeds, sitemaps, the news sitemap, the search index and social images.
import { parseFeed } from '@rowanmanning/feed-parser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { readWithFeedparser } from '../helpers/feed-readers.ts';
import type { ReportEntry } from '../../integrations/dateline/archive/statuses.ts';
import { json, v1 as ninjs1 } from '../formats/ninjs/fixtures.ts';
import { anpa } from '../formats/teletype/fixtures.ts';
import { g2Doc, g2Item, g2Message } from '../formats/newsml-g2/fixtures.ts';
import { elements, parseHtml, textOf } from '../seo/html.ts';

const NOW = '2024-03-06T12:00:00+05:00';

/** A wire-text story in the reference layout. */
const text = (o: { headline: string; published: string; updated?: string; body: string[] }) =>
  [
    ' date 2024-03-05',
    'Pakistan',
    '',
    o.headline,
    '',
    `APP Published ${o.published}${o.updated ? `  Updated ${o.updated}` : ''}`,
    '',
    ...o.body.flatMap((p) => [p, '']),
  ].join('\n');

const FERRY_V1_ONLY = 'Officials said repairs could take a further week at the landing stage.';
const FERRY_V2_ONLY = 'Officials said the repairs were finished overnight and the first boat sailed at dawn.';
const TOLL_V1_HEADLINE = 'Bridge toll to rise in spring';
const TOLL_V2_HEADLINE = 'Bridge toll to rise in April, not March';
const KILLED_HEADLINE = 'Warehouse fire closes coastal road';
const KILLED_SENTENCE = 'Firefighters from three towns fought the blaze through the night.';
const EMBARGOED_HEADLINE = 'Budget figures to be released on Friday';
const ANPA_LEAD = 'Harbour council approves new ferry timetable';
const ANPA_V1_ONLY = 'The council will vote on the timetable next week.';

const files: Record<string, string | Uint8Array> = {
  // The wire text filed twice: the later `Updated` stamp wins, one sentence changed.
  'text/ferry.txt': text({
    headline: 'Ferry crossings resume after repairs',
    published: '05 Mar, 2024 09:00am',
    body: ['KARACHI: Ferry crossings resumed on Tuesday.', FERRY_V1_ONLY],
  }),
  'text/ferry-updated.txt': text({
    headline: 'Ferry crossings resume after repairs',
    published: '05 Mar, 2024 09:00am',
    updated: '05 Mar, 2024 01:30pm',
    body: ['KARACHI: Ferry crossings resumed on Tuesday.', FERRY_V2_ONLY],
  }),
  // ninjs: version 2 corrects version 1 under a new headline; the URL stays version 1's.
  'ninjs/toll-1.json': json(
    ninjs1({
      uri: 'urn:example:toll',
      version: '1',
      headline: TOLL_V1_HEADLINE,
      firstcreated: '2024-03-04T05:00:00Z',
      versioncreated: '2024-03-04T05:00:00Z',
      body_html: '<p>The toll on the harbour bridge will rise in March, the council said.</p>',
    }),
  ),
  'ninjs/toll-2.json': json(
    ninjs1({
      uri: 'urn:example:toll',
      version: '2',
      headline: TOLL_V2_HEADLINE,
      firstcreated: '2024-03-04T05:00:00Z',
      versioncreated: '2024-03-04T08:00:00Z',
      correction: 'An earlier version gave the wrong month for the rise.',
      body_html: '<p>The toll on the harbour bridge will rise in April, the council said.</p>',
    }),
  ),
  // ninjs: a story and its kill.
  'ninjs/fire.json': json(
    ninjs1({
      uri: 'urn:example:fire',
      version: '1',
      headline: KILLED_HEADLINE,
      firstcreated: '2024-03-05T03:00:00Z',
      versioncreated: '2024-03-05T03:00:00Z',
      body_html: `<p>${KILLED_SENTENCE}</p>`,
    }),
  ),
  'ninjs/fire-kill.json': json({
    uri: 'urn:example:fire',
    type: 'text',
    version: '2',
    pubstatus: 'canceled',
    versioncreated: '2024-03-05T07:00:00Z',
    headline: 'KILL: Warehouse fire story',
  }),
  // ninjs: embargoed past "now".
  'ninjs/budget.json': json(
    ninjs1({
      uri: 'urn:example:budget',
      version: '1',
      headline: EMBARGOED_HEADLINE,
      firstcreated: '2024-03-06T04:00:00Z',
      versioncreated: '2024-03-06T04:00:00Z',
      embargoed: '2024-03-08T05:00:00Z',
      body_html: '<p>The finance ministry will publish the figures at a press conference.</p>',
    }),
  ),
  // ANPA 1312: a story and its first writethru.
  'anpa/timetable.tst': anpa({
    slug: 'BC-US--Ferry-Timetable,320',
    headerKeyword: 'BC-US--Ferry-Timetable',
    headline: ANPA_LEAD,
    body: ['PORTMERE, Maine (AP) _ The harbour council backed a new ferry timetable on Tuesday.', ANPA_V1_ONLY],
    trailer: 'AP-WF-03-05-24 0600GMT',
  }),
  'anpa/timetable-wt.tst': anpa({
    slug: 'BC-US--Ferry-Timetable, 1st Ld-Writethru,350',
    headerKeyword: 'BC-US--Ferry-Timetable 1stLd-Writethru',
    headline: ANPA_LEAD,
    body: [
      'PORTMERE, Maine (AP) _ The harbour council backed a new ferry timetable on Tuesday, ending a month of delays.',
      'The first boats on the new times sail on Monday.',
    ],
    trailer: 'AP-WF-03-05-24 0900GMT',
  }),
  // A feed of two items: one story, one that has no text.
  'ninjs/feed.json': json({
    items: [
      {
        item: ninjs1({
          uri: 'urn:example:market',
          headline: 'Fish market opens earlier in summer',
          firstcreated: '2024-03-05T02:00:00Z',
          versioncreated: '2024-03-05T02:00:00Z',
          body_html: '<p>Traders welcomed the change.</p>',
        }),
      },
      { item: ninjs1({ uri: 'urn:example:empty', headline: 'An item with no body', body_html: '' }) },
    ],
  }),
  // NewsML-G2: version 2 (edStat:C) corrects version 1; a newsMessage of two stories, one then killed.
  'newsml/port-1.xml': g2Doc({
    guid: 'urn:example:port',
    version: '1',
    firstCreated: '2024-03-05T04:00:00Z',
    versionCreated: '2024-03-05T04:00:00Z',
    paragraphs: ['KARACHI (Reuters) - The port opened a second terminal on Tuesday with 12 berths.'],
  }),
  'newsml/port-2.xml': g2Doc({
    guid: 'urn:example:port',
    version: '2',
    firstCreated: '2024-03-05T04:00:00Z',
    versionCreated: '2024-03-05T06:00:00Z',
    signals: ['edStat:C'],
    paragraphs: ['KARACHI (Reuters) - The port opened a second terminal on Tuesday with 14 berths.'],
  }),
  'newsml/message.xml': g2Message([
    g2Item({
      guid: 'urn:example:rail',
      headlines: ['<headline>Rail freight line to reopen in May</headline>'],
      firstCreated: '2024-03-05T05:00:00Z',
      versionCreated: '2024-03-05T05:00:00Z',
      subjects: ['<subject qcode="medtop:15000000"/>'],
      paragraphs: ['KARACHI (Reuters) - The freight line will reopen after repairs, the railway said.'],
    }),
    g2Item({
      guid: 'urn:example:mill',
      headlines: ['<headline>Sugar mill cuts shift</headline>'],
      firstCreated: '2024-03-05T05:30:00Z',
      versionCreated: '2024-03-05T05:30:00Z',
      paragraphs: ['KARACHI (Reuters) - A sugar mill ended its night shift for the season.'],
    }),
  ]),
  'newsml/mill-kill.xml': g2Doc({
    guid: 'urn:example:mill',
    version: '2',
    pubStatus: 'stat:canceled',
    firstCreated: '2024-03-05T05:30:00Z',
    versionCreated: '2024-03-05T07:00:00Z',
    headlines: ['<headline>Sugar mill cuts shift</headline>'],
    paragraphs: [],
  }),
  // Files of no format Dateline reads.
  'other/feed.xml': '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
  'other/numbers.json': '[1, 2, 3]',
};

/** Every file of the built site as text: pages, feeds, sitemaps, JSON, and the search index unpacked. */
function siteTexts(dist: string): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.pf_fragment') || entry.name.endsWith('.pf_index') || entry.name.endsWith('.pf_meta'))
        texts.set(relative(dist, path), gunzipSync(readFileSync(path)).toString('utf8'));
      else if (/\.(html|xml|json|txt)$|^_headers$/.test(entry.name)) texts.set(relative(dist, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dist);
  return texts;
}

describe('story versions on a built site', () => {
  let site: BuiltSite;
  let texts: Map<string, string>;
  const entry = (file: string) => site.report.files.find((f) => f.file === file) as ReportEntry;
  const pathOf = (file: string) => new URL(entry(file).url!).pathname;
  const page = (path: string) => parseHtml(site.read(`${path.slice(1)}index.html`));
  const filesWith = (needle: string) => [...texts].filter(([, t]) => t.includes(needle)).map(([f]) => f);

  beforeAll(() => {
    site = buildSite('story-versions', { files, env: { DATELINE_NOW: NOW } });
    texts = siteTexts(site.dist);
  });

  it('publishes the later wire-text version at the story URL; the earlier is superseded and appears nowhere', () => {
    expect(entry('text/ferry.txt')).toMatchObject({ status: 'superseded', message: expect.stringContaining('text/ferry-updated.txt') });
    const url = pathOf('text/ferry-updated.txt');
    expect(url).toBe('/pakistan/2024/03/05/ferry-crossings-resume-after-repairs/');
    expect(site.report.files.filter((f) => f.url && new URL(f.url).pathname === url)).toHaveLength(1);
    expect(filesWith(FERRY_V2_ONLY).filter((f) => f.endsWith('index.html'))).toEqual([`${url.slice(1)}index.html`]);
    expect(filesWith(FERRY_V1_ONLY)).toEqual([]);
    // The update time on the page, in JSON-LD and in the feed.
    const html = site.read(`${url.slice(1)}index.html`);
    expect(html).toContain('datetime="2024-03-05T13:30:00+05:00"');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as { dateModified: string; datePublished: string };
    expect([ld.datePublished, ld.dateModified]).toEqual(['2024-03-05T09:00:00+05:00', '2024-03-05T13:30:00+05:00']);
    // In the feed: the update time as atom:updated (python's feedparser reads it) and in the text.
    const [feed] = readWithFeedparser([join(site.dist, 'rss.xml')]);
    const feedEntry = feed!.entries.find((e) => e.link === `https://dateline.example.com${url}`)!;
    expect(feedEntry.updated).toBe('2024-03-05T13:30:00+05:00');
    const item = parseFeed(site.read('rss.xml')).items.find((i) => i.url === `https://dateline.example.com${url}`)!;
    expect(item.content).toContain('Updated 5 March 2024, 1:30 pm');
  });

  it('keeps a corrected story at its first URL under the new headline, with a correction note', () => {
    expect(entry('ninjs/toll-1.json')).toMatchObject({ status: 'superseded', message: expect.stringContaining('ninjs/toll-2.json') });
    const url = pathOf('ninjs/toll-2.json');
    expect(url).toMatch(/\/2024\/03\/04\/bridge-toll-to-rise-in-spring\/$/);
    const root = page(url);
    expect(elements(root, 'h1').map(textOf)).toEqual([TOLL_V2_HEADLINE]);
    const note = elements(root, 'p').find((p) => (p.attrs ?? []).some((a) => a.name === 'class' && a.value === 'correction'));
    expect(note && textOf(note)).toBe('Correction: An earlier version gave the wrong month for the rise.');
    expect(filesWith('rise in March')).toEqual([]);
    expect(filesWith(TOLL_V1_HEADLINE)).toEqual([]);
  });

  it('withdraws a killed story from every output, and reports every version withdrawn', () => {
    expect(entry('ninjs/fire.json')).toMatchObject({ status: 'withdrawn', message: expect.stringContaining('ninjs/fire-kill.json') });
    expect(entry('ninjs/fire-kill.json')).toMatchObject({ status: 'withdrawn' });
    expect(filesWith(KILLED_HEADLINE)).toEqual([]);
    expect(filesWith(KILLED_SENTENCE)).toEqual([]);
    expect(filesWith('warehouse-fire')).toEqual([]);
    const images = readdirSync(join(site.dist, 'og'), { recursive: true }) as string[];
    expect(images.filter((f) => f.includes('warehouse'))).toEqual([]);
  });

  it('schedules an embargoed story: it appears nowhere until the embargo ends', () => {
    expect(entry('ninjs/budget.json')).toMatchObject({ status: 'scheduled', message: 'embargoed until 2024-03-08T10:00:00+05:00' });
    expect(filesWith(EMBARGOED_HEADLINE)).toEqual([]);
  });

  it('publishes an ANPA writethru in place of the story it rewrites', () => {
    expect(entry('anpa/timetable.tst')).toMatchObject({ status: 'superseded', message: expect.stringContaining('anpa/timetable-wt.tst') });
    const url = pathOf('anpa/timetable-wt.tst');
    expect(elements(page(url), 'h1').map(textOf)).toEqual([ANPA_LEAD]);
    expect(filesWith('ending a month of delays').some((f) => f === `${url.slice(1)}index.html`)).toBe(true);
    expect(filesWith(ANPA_V1_ONLY)).toEqual([]);
  });

  it('lists the items of a feed file each with its own status and line', () => {
    const feed = entry('ninjs/feed.json');
    expect(feed.status).toBe('published');
    expect(feed.items).toHaveLength(2);
    expect(feed.items![0]).toMatchObject({
      status: 'published',
      headline: 'Fish market opens earlier in summer',
      url: expect.stringMatching(/fish-market-opens-earlier-in-summer\/$/),
    });
    expect(feed.items![1]).toMatchObject({ status: 'rejected', message: expect.stringMatching(/body/) });
    expect(feed.items![1]!.line).toBeGreaterThan(feed.items![0]!.line);
    expect(site.output).toMatch(/ninjs\/feed\.json:\d+: .*body/);
  });

  it('reads NewsML-G2: a correction in place of its first version, a newsMessage item by item, a kill', () => {
    expect(entry('newsml/port-1.xml')).toMatchObject({ status: 'superseded' });
    const url = pathOf('newsml/port-2.xml');
    expect(url).toMatch(/\/business\/2024\/03\/05\/port-opens-second-container-terminal\/$/);
    expect(filesWith('with 14 berths').some((f) => f === `${url.slice(1)}index.html`)).toBe(true);
    expect(filesWith('with 12 berths')).toEqual([]);
    expect(site.read(`${url.slice(1)}index.html`)).toContain('class="correction"');
    const message = entry('newsml/message.xml');
    expect(message.items?.map((i) => [i.status, i.headline])).toEqual([
      ['published', 'Rail freight line to reopen in May'],
      ['withdrawn', 'Sugar mill cuts shift'],
    ]);
    // Sections from the subject codes: medtop:15000000 is sport.
    expect(new URL(message.items![0]!.url!).pathname).toMatch(/^\/sports\/2024\/03\/05\/rail-freight-line-to-reopen-in-may\/$/);
    expect(entry('newsml/mill-kill.xml')).toMatchObject({ status: 'withdrawn' });
    expect(filesWith('Sugar mill')).toEqual([]);
  });

  it('rejects files of no known format, saying what was found', () => {
    expect(entry('other/feed.xml')).toMatchObject({ status: 'rejected', line: 1, message: expect.stringContaining('<rss>') });
    expect(entry('other/numbers.json')).toMatchObject({ status: 'rejected' });
    expect(entry('other/numbers.json').message).toMatch(/ninjs/i);
  });

  it('counts every file once and every item by its status', () => {
    expect(site.report.files.map((f) => f.file).sort()).toEqual(Object.keys(files).sort());
    expect(site.report.counts).toEqual({ total: 16, items: 18, published: 6, scheduled: 1, superseded: 4, withdrawn: 4, duplicate: 0, rejected: 3 });
    for (const f of ['text/ferry-updated.txt', 'ninjs/toll-2.json', 'anpa/timetable-wt.tst'])
      expect(existsSync(join(site.dist, pathOf(f).slice(1), 'index.html'))).toBe(true);
  });
});
