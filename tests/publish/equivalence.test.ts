// Any sequence of publishes gives the folder a cold full build gives. A generated set of wire-text and
// ninjs stories (some with a picture) goes through random steps, with "now" moving on three hours a step
// (embargoes lift, the news sitemap's window moves). The steps are dealt in rounds, the first in a fixed
// order with each step published alone, the next shuffled, so that every kind of dependency a page has
// comes up in every round:
//  - add, edit, re-file as a new version, withdraw (kill), delete a version or a story;
//  - a picture added to, replaced in or dropped from a story by its new version;
//  - related headlines: a wire-text story naming others ("Also read: …", "Related: …"), among them
//    headlines not published yet; a named story published later, re-headlined by a new version, killed,
//    deleted;
//  - a story entering and leaving each window of a list (a story filed, removed or changed at its
//    edge): the site feed, a section's feed, the latest stories beside list fronts, the front page of a
//    section or an agency, an archive page deep in a list, the "More from" boxes of a section's oldest
//    (and, through all of these, the "More from" boxes of the neighbours);
//  - a day archive appearing and disappearing, an agency's first and last story, a section's first and
//    last story.
// Lists are made small (pageSize 3, feedItems 6, in a copy of the project's astro.config.mjs) so that a
// few dozen stories fill every window. Each step is published (naming the files it touched, or scanning
// the folder; sometimes two steps at once), and:
//  - no file is rewritten with the bytes it had (inode and mtime kept);
//  - changes.json lists exactly the files whose bytes changed and the files removed;
//  - every ten steps, and at the end, dist/ equals a cold full build at the same "now", byte for byte.
// What each publish exercised is read from the archive (before and after); the run logs how many
// publishes exercised each kind and fails when one never came up.
// The seed is printed; DATELINE_TEST_SEED runs another sequence, DATELINE_TEST_STEPS another length.
// DATELINE_TEST_EVERY_STEP=1 (the mutant runs of mutants.test.ts) compares with a full build after every
// publish (one that keeps its picture, social-image and search caches, which are keyed by content) and
// stops at the first difference.
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlite } from '../../integrations/dateline/archive/db.ts';
import { archivePageCount } from '../../integrations/dateline/site/pagination.ts';
import { buildSite, outputDir, projectRoot, publishSite } from '../helpers/build.ts';
import { json, v1 as ninjs } from '../formats/ninjs/fixtures.ts';
import { changesBetween, snapshot, treeDifferences } from './tree.ts';

/** What the theme shows: latest stories beside list fronts (src/layouts/ListPage.astro), "More from" (the article page). */
const LATEST_BESIDE_LISTS = 5;
const MORE_FROM_SECTION = 4;

const NAME = 'publish-equivalence';
const SEED = Number(process.env.DATELINE_TEST_SEED ?? 20261201);
const DEFAULT_STEPS = 40;
const STEPS = Number(process.env.DATELINE_TEST_STEPS ?? DEFAULT_STEPS);
const EVERY_STEP = process.env.DATELINE_TEST_EVERY_STEP === '1';
const START = Date.parse('2024-03-08T09:00:00+05:00');
const MINUTE = 60_000;
const HOUR = 3_600_000;
/** Small lists, so that a few dozen stories fill every window. */
const PAGE_SIZE = 3;
const FEED_ITEMS = 6;
/** What the copy of the project is made of (node_modules is linked). */
const PROJECT_PARTS = ['integrations', 'src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** mulberry32: a small seeded generator, so a failing sequence can be run again. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    shuffle: <T>(list: readonly T[]): T[] => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}

const SECTIONS = ['World', 'Pakistan', 'Business'];
/** Sections only the `section` step files in: their first story adds them to the navigation, their last takes them out. */
const RARE_SECTIONS = ['Sports', 'Markets'];
const BYLINES = ['AFP', 'Reuters', 'APP', 'Our Staff Reporter'];
/** Agencies only the `agency` step files from. */
const RARE_AGENCIES = ['PPI', 'Bloomberg', 'Xinhua'];
const AGENCY_NAMES: Record<string, string> = Object.fromEntries([...BYLINES, ...RARE_AGENCIES].map((a) => [a.toLowerCase(), a]));
const PLACES = ['Karachi', 'Lahore', 'Quetta', 'Multan', 'Peshawar', 'Sukkur'];
const THINGS = ['port fees', 'cotton prices', 'rail freight', 'water rates', 'bus fares', 'wheat stocks', 'power tariffs', 'school fees'];
const VERBS = ['rise', 'fall', 'hold steady', 'are reviewed', 'draw protest', 'are frozen'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Karachi is UTC+5 all year. */
const LOCAL = 5 * HOUR;

/** `DD Mon, YYYY hh:mmam` in Karachi time (UTC+5), as the wire text prints it. */
function wireTime(t: number): string {
  const d = new Date(t + LOCAL);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]}, ${d.getUTCFullYear()} ${String(h12).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}${h < 12 ? 'am' : 'pm'}`;
}

/** `yyyy/mm/dd` of an instant in Karachi, as the archive keys days. */
const dayKey = (t: number) => new Date(t + LOCAL).toISOString().slice(0, 10).replaceAll('-', '/');
/** Midnight in Karachi of a day key. */
const dayStart = (key: string) => Date.parse(`${key.replaceAll('/', '-')}T00:00:00+05:00`);

interface TextStory {
  kind: 'text';
  section: string;
  headline: string;
  byline: string;
  published: number;
  /** Related-headline lines of its body (`Also read: …`). */
  related: string[];
  /** Files of its versions: the first, then re-filings with a later `Updated` stamp. */
  files: string[];
}
interface NinjsStory {
  kind: 'ninjs';
  uri: string;
  section: string;
  headline: string;
  published: number;
  embargoed?: number;
  version: number;
  files: string[];
  /** Its picture (a file of PICTURES), when it has one. */
  picture?: string;
}
type Story = TextStory | NinjsStory;

/**
 * Pictures the stories carry, two of each: large enough for a photo card, too small for one, a PNG, a
 * wide one. A picture is shared by the stories that carry it (one set of files): the picture steps
 * prefer pictures no other story carries, so that its files come and go.
 */
const PICTURES: Record<string, { width: number; height: number; colour: string }> = {
  'pictures/harbour.jpg': { width: 1280, height: 720, colour: '#3a6ea5' },
  'pictures/small.jpg': { width: 800, height: 520, colour: '#a53a3a' },
  'pictures/field.png': { width: 1300, height: 700, colour: '#3aa55b' },
  'pictures/wide.jpg': { width: 1600, height: 800, colour: '#a59a3a' },
  'pictures/quay.jpg': { width: 1280, height: 720, colour: '#5a3aa5' },
  'pictures/stall.jpg': { width: 800, height: 520, colour: '#a53a8f' },
  'pictures/crop.png': { width: 1300, height: 700, colour: '#3aa5a0' },
  'pictures/plain.jpg': { width: 1600, height: 800, colour: '#6a6a6a' },
};

const MEDIA_TOPIC: Record<string, string> = { World: '11000000', Pakistan: '11000000', Business: '04000000' };

/** A published article as the archive holds it. */
interface Shown {
  id: string;
  path: string;
  section: string;
  day: string;
  timestamp: number;
  key: string;
  file: string;
  record: string;
  agencies: string[];
  photos: string[];
}

/** The site after a publish: its articles newest first, its lists, who names which headline. */
class SiteState {
  readonly all: Shown[];
  readonly byId: Map<string, Shown>;
  readonly sections = new Map<string, Shown[]>();
  readonly agencies = new Map<string, Shown[]>();
  readonly days = new Map<string, Shown[]>();
  /** Headline key → ids of the articles whose related headlines name it. */
  readonly mentions: Map<string, Set<string>>;

  static read(archive: string): SiteState {
    const { DatabaseSync } = loadSqlite();
    const db = new DatabaseSync(archive, { readOnly: true });
    try {
      const agencies = new Map<string, string[]>();
      for (const r of db.prepare('SELECT agency, id FROM article_agencies').all() as { agency: string; id: string }[])
        agencies.set(r.id, [...(agencies.get(r.id) ?? []), r.agency]);
      const rows = db
        .prepare('SELECT id, path, section, day, timestamp, headline_key AS key, record FROM articles ORDER BY timestamp DESC, path')
        .all() as Omit<Shown, 'file' | 'agencies' | 'photos'>[];
      const mentions = new Map<string, Set<string>>();
      for (const r of db.prepare('SELECT headline_key AS key, id FROM mentions').all() as { key: string; id: string }[])
        mentions.set(r.key, new Set([...(mentions.get(r.key) ?? []), r.id]));
      return new SiteState(
        rows.map((r) => {
          const record = JSON.parse(r.record) as { file: string; photos?: { key: string }[] };
          return { ...r, file: record.file, agencies: agencies.get(r.id) ?? [], photos: (record.photos ?? []).map((p) => p.key) };
        }),
        mentions,
      );
    } finally {
      db.close();
    }
  }

  /** The site without some of its articles (those the steps of a publish not made yet took off). */
  keep(which: (a: Shown) => boolean): SiteState {
    const all = this.all.filter(which);
    const ids = new Set(all.map((a) => a.id));
    return new SiteState(all, new Map([...this.mentions].map(([key, by]) => [key, new Set([...by].filter((id) => ids.has(id)))])));
  }

  constructor(all: Shown[], mentions: Map<string, Set<string>>) {
    this.all = all;
    this.mentions = mentions;
    this.byId = new Map(this.all.map((a) => [a.id, a]));
    const add = (lists: Map<string, Shown[]>, key: string, a: Shown) => lists.set(key, [...(lists.get(key) ?? []), a]);
    for (const a of this.all) {
      add(this.sections, a.section, a);
      add(this.days, a.day, a);
      for (const agency of a.agencies) add(this.agencies, agency, a);
    }
  }

  /** Whether another article's related headlines name this headline key. */
  named(key: string, self: string): boolean {
    return [...(this.mentions.get(key) ?? [])].some((id) => id !== self);
  }

  /** The stories an article's "More from" box shows (site/library.ts more()). */
  moreFrom(a: Shown): string[] {
    const list = this.sections.get(a.section)!;
    const at = list.indexOf(a);
    const older = list.slice(at + 1, at + 2 + MORE_FROM_SECTION);
    const window = older.length > MORE_FROM_SECTION ? older : list.slice(-(MORE_FROM_SECTION + 1));
    return window
      .filter((x) => x.id !== a.id)
      .slice(0, MORE_FROM_SECTION)
      .map((x) => x.id);
  }
}

/** The front page of a list of n stories holds its newest n − K·P (site/pagination.ts). */
const frontSize = (n: number) => n - archivePageCount(n, PAGE_SIZE) * PAGE_SIZE;

/** Archive pages of a list (1 = the oldest), as ids. */
function archivePages(list: Shown[]): string[][] {
  const n = list.length;
  return Array.from({ length: archivePageCount(n, PAGE_SIZE) }, (_, k) => list.slice(n - (k + 1) * PAGE_SIZE, n - k * PAGE_SIZE).map((a) => a.id));
}

/** Every kind of dependency a publish can exercise; each must come up in a run of the default length. */
const KINDS = [
  'related: a named story published',
  'related: a named story re-headlined',
  'related: a named story killed',
  'related: a named story deleted',
  'window: site feed',
  'window: section feed',
  'window: latest beside list fronts',
  'window: list front page',
  'window: archive page',
  'window: "More from" box',
  'list: a story changed in place',
  'day archive appears',
  'day archive disappears',
  'agency: first story',
  'agency: last story gone',
  'section: first story',
  'section: last story gone',
  'picture added',
  'picture replaced',
  'picture dropped',
] as const;
type Kind = (typeof KINDS)[number];

/**
 * The kinds a publish exercised, from the archive before and after it. A window counts when a story
 * published on both sides enters or leaves it (pushed out or pulled in by the change).
 */
function exercised(before: SiteState, after: SiteState, killed: (file: string) => boolean): Set<Kind> {
  const kinds = new Set<Kind>();
  const stays = new Set(before.all.filter((a) => after.byId.has(a.id)).map((a) => a.id));
  const moved = (w0: string[], w1: string[]) => {
    const s0 = new Set(w0);
    const s1 = new Set(w1);
    return [...w0.filter((id) => !s1.has(id)), ...w1.filter((id) => !s0.has(id))].some((id) => stays.has(id));
  };
  const ids = (list: Shown[] | undefined) => (list ?? []).map((a) => a.id);
  const keysOf = (m: Map<string, Shown[]>, n: Map<string, Shown[]>) => new Set([...m.keys(), ...n.keys()]);
  if (moved(ids(before.all.slice(0, FEED_ITEMS)), ids(after.all.slice(0, FEED_ITEMS)))) kinds.add('window: site feed');
  if (moved(ids(before.all.slice(0, LATEST_BESIDE_LISTS)), ids(after.all.slice(0, LATEST_BESIDE_LISTS)))) kinds.add('window: latest beside list fronts');
  for (const s of keysOf(before.sections, after.sections)) {
    if (moved(ids(before.sections.get(s)?.slice(0, FEED_ITEMS)), ids(after.sections.get(s)?.slice(0, FEED_ITEMS)))) kinds.add('window: section feed');
  }
  for (const [lists0, lists1, first, last] of [
    [before.sections, after.sections, 'section: first story', 'section: last story gone'],
    [before.agencies, after.agencies, 'agency: first story', 'agency: last story gone'],
    [before.days, after.days, 'day archive appears', 'day archive disappears'],
  ] as const) {
    for (const key of keysOf(lists0, lists1)) {
      const l0 = lists0.get(key) ?? [];
      const l1 = lists1.get(key) ?? [];
      if (!l0.length && l1.length) kinds.add(first);
      if (l0.length && !l1.length) kinds.add(last);
      if (moved(ids(l0.slice(0, frontSize(l0.length))), ids(l1.slice(0, frontSize(l1.length))))) kinds.add('window: list front page');
      const p0 = archivePages(l0);
      const p1 = archivePages(l1);
      for (let k = 0; k < Math.max(p0.length, p1.length); k++) if (moved(p0[k] ?? [], p1[k] ?? [])) kinds.add('window: archive page');
      // changed in place: same place, same length, new record
      if (l0.length === l1.length) l1.forEach((a, i) => l0[i]?.id === a.id && l0[i]!.record !== a.record && kinds.add('list: a story changed in place'));
    }
  }
  for (const id of stays) {
    const a0 = before.byId.get(id)!;
    const a1 = after.byId.get(id)!;
    if (a0.record === a1.record && !isDeepStrictEqual(before.moreFrom(a0), after.moreFrom(a1))) kinds.add('window: "More from" box');
    const [p0, p1] = [a0.photos.join(), a1.photos.join()];
    if (!p0 && p1) kinds.add('picture added');
    if (p0 && p1 && p0 !== p1) kinds.add('picture replaced');
    if (p0 && !p1) kinds.add('picture dropped');
    if (a0.key !== a1.key && (before.named(a0.key, id) || after.named(a1.key, id))) kinds.add('related: a named story re-headlined');
  }
  for (const a of after.all) if (!before.byId.has(a.id) && after.named(a.key, a.id)) kinds.add('related: a named story published');
  for (const a of before.all) {
    if (after.byId.has(a.id) || !before.named(a.key, a.id)) continue;
    kinds.add(killed(a.file) ? 'related: a named story killed' : 'related: a named story deleted');
  }
  return kinds;
}

describe('publishing step by step', () => {
  const rnd = random(SEED);
  const dir = outputDir(NAME);
  const project = join(dir, 'project');
  const content = join(dir, 'content');
  const dist = join(dir, 'dist');
  const stories: Story[] = [];
  /** The story of every file ever written (deleted ones too). */
  const storyOf = new Map<string, Story>();
  /** Headlines named by a published story's related lines and not published yet. */
  const awaited: string[] = [];
  let counter = 0;
  let now = START;
  /** The site as the last publish left it, and as the steps since see it. */
  let site: SiteState;
  let view: SiteState;
  const env = () => ({
    DATELINE_NOW: new Date(now).toISOString(),
    DATELINE_SEARCH_SHARD_SIZE: '12',
    DATELINE_SITEMAP_LIMIT: '25',
    // compiled themes of the copy kept apart from the project's (other keys, other runs)
    DATELINE_RENDERER_DIR: join(dir, 'renderer'),
  });
  const log: string[] = [];
  /** How many times each step (and each of its variants) was dealt. */
  const dealt = new Map<string, number>();
  const tally = new Map<Kind, number>(KINDS.map((k) => [k, 0]));

  const paragraphs = (place: string, thing: string) => [
    `${place.toUpperCase()}: Officials said ${thing} would be reviewed, in ${rnd.pick(['a short', 'a long', 'an early', 'a late'])} meeting number ${rnd.int(1000)}.`,
    `Traders in ${rnd.pick(PLACES)} said the ${rnd.pick(THINGS)} mattered more this ${rnd.pick(['week', 'month', 'season'])}.`,
  ];
  const newHeadline = (n: number) => {
    const thing = rnd.pick(THINGS);
    return `${thing[0]!.toUpperCase()}${thing.slice(1)} ${rnd.pick(VERBS)} in ${rnd.pick(PLACES)} (${n})`;
  };
  /** Mostly recent; some weeks or months old (filed late), back to December. */
  const someTime = () => now - (rnd.next() < 0.7 ? rnd.int(72) * HOUR : rnd.int(100 * 24) * HOUR) - rnd.int(60) * MINUTE;

  /** The body: its paragraphs, with the related lines after the first. */
  const textBody = (s: TextStory, body: string[]) => [body[0]!, ...s.related, ...body.slice(1)];
  const textFile = (s: TextStory, body: string[], updated?: number) =>
    [
      ' date 2024-03-08',
      s.section,
      '',
      s.headline,
      '',
      `${s.byline} Published ${wireTime(s.published)}${updated ? `  Updated ${wireTime(updated)}` : ''}`,
      '',
      ...textBody(s, body).flatMap((p) => [p, '']),
    ].join('\n');

  const ninjsFile = (s: NinjsStory, body: string[], extra: Record<string, unknown> = {}) =>
    json(
      ninjs({
        uri: s.uri,
        version: String(s.version),
        headline: s.headline,
        firstcreated: new Date(s.published).toISOString(),
        versioncreated: new Date(s.published + (s.version - 1) * HOUR).toISOString(),
        byline: `By ${rnd.pick(['Amina Clarke', 'Bilal Shah', 'Sara Khan'])}`,
        located: rnd.pick(PLACES),
        subject: [{ code: MEDIA_TOPIC[s.section], scheme: 'http://cv.iptc.org/newscodes/mediatopic/' }],
        body_html: body.map((p) => `<p>${p}</p>`).join(''),
        ...(s.embargoed ? { embargoed: new Date(s.embargoed).toISOString() } : {}),
        ...(s.picture ? { associations: { featureimage: pictureAssociation(s) } } : {}),
        ...extra,
      }),
    );

  const pictureAssociation = (s: NinjsStory) => {
    const p = PICTURES[s.picture!]!;
    return {
      type: 'picture',
      uri: `${s.uri}:picture:${s.picture}`,
      description_text: `A picture for ${s.headline}.`,
      byline: 'Staff Photographer',
      renditions: {
        baseImage: { href: `../${s.picture}`, width: p.width, height: p.height, mimetype: s.picture!.endsWith('.png') ? 'image/png' : 'image/jpeg' },
      },
    };
  };

  const write = (file: string, text: string, story: Story) => {
    mkdirSync(join(content, file, '..'), { recursive: true });
    writeFileSync(join(content, file), text);
    storyOf.set(file, story);
  };
  const ninjsName = (s: NinjsStory, suffix = '') => `ninjs/story-${s.uri.split(':').at(-1)}-v${s.version}${suffix}.json`;
  /** Whether a ninjs story's newest version is a kill. */
  const isKilled = (s: Story | undefined) =>
    s?.kind === 'ninjs' && s.files.length > 0 && s.files.reduce((a, b) => (versionOf(b) > versionOf(a) ? b : a)).endsWith('-kill.json');
  const versionOf = (file: string) => Number(/-v(\d+)/.exec(file)?.[1] ?? 0);

  /** A new wire-text story; `at` its publication time, `section`/`byline`/`related` when given. */
  function addText(options: { at?: number; section?: string; byline?: string; related?: string[]; headline?: string } = {}): string[] {
    const n = ++counter;
    const s: TextStory = {
      kind: 'text',
      section: options.section ?? rnd.pick(SECTIONS),
      headline: options.headline ?? newHeadline(n),
      byline: options.byline ?? rnd.pick(BYLINES),
      // whole minutes: the wire text's times have no seconds
      published: Math.floor((options.at ?? someTime()) / MINUTE) * MINUTE,
      related: options.related ?? [],
      files: [`text/story-${n}.txt`],
    };
    stories.push(s);
    write(s.files[0]!, textFile(s, paragraphs(rnd.pick(PLACES), rnd.pick(THINGS))), s);
    return s.files;
  }

  /** A new ninjs story (some embargoed until a little after now, some with a picture). */
  function addNinjs(options: { headline?: string; at?: number } = {}): string[] {
    const n = ++counter;
    // (not the first stories': their embargoes would lift in the first steps, changing the top of every list)
    const embargoed = options.headline === undefined && dealing && rnd.next() < 0.15 ? now + (2 + rnd.int(20)) * HOUR : undefined;
    const picture = rnd.next() < 0.4 ? freePicture() : undefined;
    const s: NinjsStory = {
      kind: 'ninjs',
      uri: `urn:test:dateline:${n}`,
      section: rnd.pick(SECTIONS),
      headline: options.headline ?? newHeadline(n),
      published: options.at ?? someTime(),
      ...(embargoed ? { embargoed } : {}),
      version: 1,
      files: [],
      ...(picture ? { picture } : {}),
    };
    s.files.push(ninjsName(s));
    stories.push(s);
    write(s.files[0]!, ninjsFile(s, paragraphs(rnd.pick(PLACES), rnd.pick(THINGS))), s);
    return s.files;
  }

  /** A new story filed at a time before now (or, for some ninjs, embargoed until a little after it). */
  const addStory = () => (rnd.next() < 0.6 ? addText() : addNinjs());

  /** A picture carried by the fewest stories (none, mostly), other than `not`. */
  const freePicture = (not?: string) => {
    const uses = (p: string) => stories.filter((s) => s.kind === 'ninjs' && s.files.length && s.picture === p).length;
    const candidates = Object.keys(PICTURES).filter((p) => p !== not);
    const least = Math.min(...candidates.map(uses));
    return rnd.pick(candidates.filter((p) => uses(p) === least));
  };
  /** Of these stories, those whose picture no other story carries (all of them when none is alone). */
  const alone = (list: NinjsStory[]) => {
    const only = list.filter((s) => stories.filter((x) => x.kind === 'ninjs' && x.files.length && x.picture === s.picture).length === 1);
    return only.length ? only : list;
  };

  /** The text of a file changed in place. */
  function editFile(file: string): string[] {
    const s = storyOf.get(file)!;
    const body = paragraphs(rnd.pick(PLACES), rnd.pick(THINGS));
    if (s.kind === 'text') {
      const text = readFileSync(join(content, file), 'utf8');
      const head = text.split('\n\n').slice(0, 3).join('\n\n');
      write(file, `${head}\n\n${textBody(s, body).join('\n\n')}\n`, s);
    } else {
      const item = JSON.parse(readFileSync(join(content, file), 'utf8'));
      write(file, json({ ...item, body_html: body.map((p) => `<p>${p}</p>`).join('') }), s);
    }
    return [file];
  }

  /** A new version of a ninjs story: a new headline, a picture change, or a kill. */
  function newVersion(s: NinjsStory, change: { headline?: string; kill?: boolean } = {}): string[] {
    s.version++;
    if (change.kill) {
      const file = ninjsName(s, '-kill');
      s.files.push(file);
      write(
        file,
        json({
          uri: s.uri,
          type: 'text',
          version: String(s.version),
          pubstatus: 'canceled',
          versioncreated: new Date(now - HOUR).toISOString(),
          headline: `KILL: ${s.headline}`,
        }),
        s,
      );
      return [file];
    }
    if (change.headline) s.headline = change.headline;
    const file = ninjsName(s);
    s.files.push(file);
    write(file, ninjsFile(s, paragraphs(rnd.pick(PLACES), rnd.pick(THINGS))), s);
    return [file];
  }

  /** A story taken off the site: all its files deleted, or (ninjs, sometimes) killed. */
  function removeStory(s: Story): string[] {
    if (s.kind === 'ninjs' && rnd.next() < 0.5) return newVersion(s, { kill: true });
    const files = s.files.splice(0);
    for (const file of files) rmSync(join(content, file));
    return files;
  }

  /** A recent wire-text story naming a story of the site (mostly ninjs, which can be re-headlined and killed) and a headline not published yet. */
  function mention(): string[] {
    const live = stories.filter((s) => s.files.length && !isKilled(s) && !(s.kind === 'ninjs' && s.embargoed && s.embargoed > now));
    const ninjsLive = live.filter((s) => s.kind === 'ninjs');
    const target = ninjsLive.length && rnd.next() < 0.7 ? rnd.pick(ninjsLive) : rnd.pick(live);
    const future = newHeadline(++counter).replace(/ \((\d+)\)$/, ', ministry says ($1)');
    awaited.push(future);
    return addText({ at: now - rnd.int(6 * 60) * MINUTE, related: [...(target ? [`Also read: ${target.headline}`] : []), `Related: ${future}`] });
  }

  /** The story shown by an article of the site. */
  const storyAt = (a: Shown) => storyOf.get(a.file)!;

  /** A variant of a step: the one dealt least so far among those possible now (ties: the first listed). */
  function variant<T extends string>(step: string, options: Partial<Record<T, (() => string[]) | undefined | false>>): [T, () => string[]] | undefined {
    const possible = (Object.entries(options) as [T, (() => string[]) | undefined | false][]).filter((e): e is [T, () => string[]] => !!e[1]);
    if (!possible.length) return undefined;
    const count = (name: string) => dealt.get(`${step} ${name}`) ?? 0;
    const least = Math.min(...possible.map(([name]) => count(name)));
    const [name, run] = possible.find(([n]) => count(n) === least)!;
    dealt.set(`${step} ${name}`, count(name) + 1);
    return [name, run];
  }

  /** A time strictly between two articles' (whole minutes), if there is one. */
  const between = (newer: Shown | undefined, older: Shown | undefined): number | undefined => {
    const hi = newer ? newer.timestamp - MINUTE : now - MINUTE;
    const lo = older ? older.timestamp + MINUTE : hi - 48 * HOUR;
    if (hi < lo) return undefined;
    return Math.floor((lo + rnd.int(Math.floor((hi - lo) / MINUTE) + 1) * MINUTE) / MINUTE) * MINUTE;
  };

  /**
   * The edge of a window of a list: a story filed just inside it (the last one is pushed out), the last
   * story in it taken off (the next one comes in), or that story changed in place (a ninjs story
   * re-headlined by a new version, a wire-text file edited).
   */
  function edge(list: Shown[], fileAt: number, last: Shown | undefined, fileInto: { section?: string; byline?: string }) {
    const time = fileAt <= list.length ? between(list[fileAt - 1], list[fileAt]) : undefined;
    const story = last && storyAt(last);
    return {
      filed: time !== undefined && (() => addText({ ...fileInto, at: time })),
      'taken off': story && (() => removeStory(story)),
      changed: story && (() => (story.kind === 'ninjs' ? newVersion(story, { headline: newHeadline(++counter) }) : editFile(last.file))),
    };
  }

  const listName = (map: Map<string, Shown[]>, min: number) => {
    const keys = [...map.keys()].filter((k) => map.get(k)!.length >= min);
    return keys.length ? rnd.pick(keys) : undefined;
  };
  const sectionName = (slug: string) => [...SECTIONS, ...RARE_SECTIONS, 'Politics'].find((s) => s.toLowerCase() === slug) ?? rnd.pick(SECTIONS);

  const steps: Record<string, () => [string, string[]]> = {
    add: () => ['', addStory()],
    /** The text of a file changed in place. */
    edit: () => {
      const s = rnd.pick(stories.filter((x) => x.files.length));
      return s ? ['', editFile(rnd.pick(s.files))] : ['(nothing to edit: add)', addStory()];
    },
    /** A new version in a file of its own: the later `Updated` stamp, or ninjs version + 1 (maybe a new headline). */
    refile: () => {
      const s = rnd.pick(stories.filter((x) => x.files.length));
      if (!s) return ['(nothing to re-file: add)', addStory()];
      const body = paragraphs(rnd.pick(PLACES), rnd.pick(THINGS));
      if (s.kind === 'text') {
        const file = `text/story-${++counter}-update.txt`;
        s.files.push(file);
        write(file, textFile(s, body, Math.min(now, s.published + (s.files.length - 1) * HOUR)), s);
        return ['', [file]];
      }
      s.version++;
      if (rnd.next() < 0.5) s.headline = `${s.headline.replace(/ \(\d+\)$/, '')}, officials say (${counter})`;
      const file = ninjsName(s);
      s.files.push(file);
      write(file, ninjsFile(s, body, rnd.next() < 0.3 ? { correction: 'An earlier version gave the wrong figure.' } : {}), s);
      return ['', [file]];
    },
    /** A new version of a ninjs story that adds a picture, replaces it with another, or drops it. */
    picture: () => {
      const shown = view.all.map(storyAt).filter((x): x is NinjsStory => x.kind === 'ninjs');
      const withPicture = shown.filter((s) => s.picture);
      const without = shown.filter((s) => !s.picture);
      const chosen = variant('picture', {
        replaced:
          withPicture.length > 0 &&
          (() => {
            const s = rnd.pick(alone(withPicture));
            s.picture = freePicture(s.picture);
            return newVersion(s);
          }),
        dropped:
          withPicture.length > 0 &&
          (() => {
            const s = rnd.pick(alone(withPicture));
            delete s.picture;
            return newVersion(s);
          }),
        added:
          without.length > 0 &&
          (() => {
            const s = rnd.pick(without);
            s.picture = freePicture();
            return newVersion(s);
          }),
      });
      return chosen ? [chosen[0], chosen[1]()] : ['(no ninjs story: add)', addStory()];
    },
    /** A kill of a ninjs story: every output drops it. */
    withdraw: () => {
      const s = rnd.pick(stories.filter((x): x is NinjsStory => x.kind === 'ninjs' && x.files.length > 0));
      return s ? ['', newVersion(s, { kill: true })] : ['(no ninjs story: add)', addStory()];
    },
    /** A file deleted: a version (the one before comes back), a kill (the story returns) or a whole story. */
    delete: () => {
      const s = rnd.pick(stories.filter((x) => x.files.length));
      if (!s) return ['(nothing to delete: add)', addStory()];
      const file = s.files.splice(rnd.int(s.files.length), 1)[0]!;
      rmSync(join(content, file));
      return ['', [file]];
    },
    /** A wire-text story naming a story of the site and a headline not published yet. */
    mention: () => ['', mention()],
    /** A story other stories name: published (later than they were), re-headlined, killed or deleted. */
    named: () => {
      const named = view.all.filter((a) => view.named(a.key, a.id));
      const namedNinjs = named.filter((a) => storyAt(a).kind === 'ninjs');
      const unnamedNinjs = view.all.filter((a) => storyAt(a).kind === 'ninjs' && !view.named(a.key, a.id));
      const chosen = variant('named', {
        published:
          awaited.length > 0 &&
          (() => {
            const headline = awaited.splice(rnd.int(awaited.length), 1)[0]!;
            return rnd.next() < 0.7 ? addNinjs({ headline }) : addText({ headline });
          }),
        're-headlined':
          (namedNinjs.length > 0 || (awaited.length > 0 && unnamedNinjs.length > 0)) &&
          (() => {
            // to a headline a story names, or away from one
            if (awaited.length && unnamedNinjs.length && (rnd.next() < 0.5 || !namedNinjs.length))
              return newVersion(storyAt(rnd.pick(unnamedNinjs)) as NinjsStory, { headline: awaited.shift()! });
            return newVersion(storyAt(rnd.pick(namedNinjs)) as NinjsStory, { headline: newHeadline(++counter) });
          }),
        killed: namedNinjs.length > 0 && (() => newVersion(storyAt(rnd.pick(namedNinjs)) as NinjsStory, { kill: true })),
        deleted:
          named.length > 0 &&
          (() => {
            const s = storyAt(rnd.pick(named));
            const files = s.files.splice(0);
            for (const file of files) rmSync(join(content, file));
            return files;
          }),
      });
      return chosen ? [chosen[0], chosen[1]()] : ['(nothing named: mention)', steps.mention!()[1]];
    },
    /** A story filed, taken off or changed at the edge of a window of a list. */
    edge: () => {
      const section = listName(view.sections, 2);
      const agency = listName(view.agencies, 2);
      const sectionList = section ? view.sections.get(section)! : [];
      const agencyList = agency ? view.agencies.get(agency)! : [];
      const intoSection = { section: section ? sectionName(section) : undefined };
      const sectionFront = frontSize(sectionList.length);
      const agencyFront = frontSize(agencyList.length);
      const deep = sectionFront + rnd.int(Math.max(1, sectionList.length - sectionFront));
      const windows: Record<string, ReturnType<typeof edge>> = {
        'site feed': edge(view.all, FEED_ITEMS - 1, view.all[FEED_ITEMS - 1], {}),
        'latest beside list fronts': edge(view.all, LATEST_BESIDE_LISTS - 1, view.all[LATEST_BESIDE_LISTS - 1], {}),
        'section feed': edge(sectionList, FEED_ITEMS - 1, sectionList[FEED_ITEMS - 1], intoSection),
        'section front page': edge(sectionList, sectionFront - 1, sectionList[sectionFront - 1], intoSection),
        'agency front page': edge(agencyList, agencyFront - 1, agencyList[agencyFront - 1], { byline: agency ? AGENCY_NAMES[agency] : undefined }),
        'archive page': sectionList.length > sectionFront ? edge(sectionList, deep, sectionList[deep], intoSection) : edge([], 1, undefined, {}),
        "the section's oldest": edge(sectionList, sectionList.length, sectionList.at(-1), intoSection),
      };
      // the window dealt least so far, and at it the action dealt least so far there (filed first)
      const possible = (options: ReturnType<typeof edge>) => Object.values(options).some((run) => run);
      let action = '';
      const chosen = variant(
        'edge',
        Object.fromEntries(
          Object.entries(windows).map(([name, options]) => [
            name,
            possible(options) &&
              (() => {
                const [what, run] = variant(`edge ${name}`, options)!;
                action = what;
                return run();
              }),
          ]),
        ),
      );
      if (!chosen) return ['(no list: add)', addStory()];
      const files = chosen[1]();
      return [`${chosen[0]}: ${action}`, files];
    },
    /** A day archive appears (a story on a day without any), or goes (its only story taken off). */
    day: () => {
      const keys = [...view.days.keys()].sort();
      const empty: string[] = [];
      if (keys.length)
        for (let t = dayStart(keys[0]!) + 24 * HOUR; dayKey(t) < keys.at(-1)!; t += 24 * HOUR) if (!view.days.has(dayKey(t))) empty.push(dayKey(t));
      const lone = keys.filter((k) => view.days.get(k)!.length === 1);
      const chosen = variant('day', {
        appears: empty.length > 0 && (() => addText({ at: dayStart(rnd.pick(empty)) + (8 + rnd.int(12)) * HOUR + rnd.int(60) * MINUTE })),
        disappears: lone.length > 0 && (() => removeStory(storyAt(view.days.get(rnd.pick(lone))![0]!))),
      });
      return chosen ? [chosen[0], chosen[1]()] : ['(no day: add)', addStory()];
    },
    /** An agency's first story (from one that has none), or its last taken off. */
    agency: () => {
      const absent = RARE_AGENCIES.filter((a) => !view.agencies.has(a.toLowerCase()));
      const lone = [...view.agencies.entries()].filter(([, list]) => list.length === 1);
      const chosen = variant('agency', {
        first: absent.length > 0 && (() => addText({ byline: rnd.pick(absent) })),
        last: lone.length > 0 && (() => removeStory(storyAt(rnd.pick(lone)[1][0]!))),
      });
      return chosen ? [chosen[0], chosen[1]()] : ['(no agency: add)', addStory()];
    },
    /** A section's first story (it joins the navigation), or its last taken off. */
    section: () => {
      const absent = RARE_SECTIONS.filter((s) => !view.sections.has(s.toLowerCase()));
      const lone = [...view.sections.entries()].filter(([, list]) => list.length === 1);
      const chosen = variant('section', {
        first: absent.length > 0 && (() => addText({ section: rnd.pick(absent) })),
        last: lone.length > 0 && (() => removeStory(storyAt(rnd.pick(lone)[1][0]!))),
      });
      return chosen ? [chosen[0], chosen[1]()] : ['(no section: add)', addStory()];
    },
  };
  /**
   * The first round, in this order and each step published alone: every kind of dependency comes up
   * within it, the edges of every window early (a mutant run stops at the first difference, so this is
   * where it is caught).
   */
  const FIRST = [
    'edge',
    'named',
    'picture',
    'edge',
    'section',
    'day',
    'edge',
    'agency',
    'edge',
    'picture',
    'named',
    'edge',
    'day',
    'edge',
    'section',
    'agency',
    'named',
    'picture',
    'named',
    'add',
    'mention',
    'edit',
    'refile',
    'withdraw',
    'delete',
    'add',
  ];
  /** The rounds after it, each shuffled. */
  const DECK = [
    'add',
    'add',
    'edit',
    'refile',
    'picture',
    'picture',
    'withdraw',
    'delete',
    'mention',
    'named',
    'named',
    'edge',
    'edge',
    'edge',
    'edge',
    'edge',
    'day',
    'agency',
    'section',
  ];
  let deck: string[] = [...FIRST].reverse();
  /** Whether the steps have started (the first stories are not embargoed). */
  let dealing = false;

  function takeChanges() {
    const taken = join(dir, 'changes.taken.json');
    renameSync(join(dir, 'changes.json'), taken);
    const changes = JSON.parse(readFileSync(taken, 'utf8')) as { written: string[]; removed: string[] };
    rmSync(taken);
    return changes;
  }

  const readSite = () => SiteState.read(join(dir, 'cache', 'dateline', 'archive.db'));

  beforeAll(async () => {
    console.log(`publish equivalence: seed ${SEED} (DATELINE_TEST_SEED), project ${projectRoot}${EVERY_STEP ? ', compared after every step' : ''}`);
    // A copy of the project with small lists.
    rmSync(project, { recursive: true, force: true });
    for (const part of PROJECT_PARTS) cpSync(join(projectRoot, part), join(project, part), { recursive: true });
    symlinkSync(join(projectRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
    const config = readFileSync(join(project, 'astro.config.mjs'), 'utf8');
    expect(config.split('dateline({').length, 'astro.config.mjs calls dateline({ … }) once').toBe(2);
    writeFileSync(join(project, 'astro.config.mjs'), config.replace('dateline({', `dateline({ pageSize: ${PAGE_SIZE}, feedItems: ${FEED_ITEMS},`));

    rmSync(content, { recursive: true, force: true });
    for (const [file, p] of Object.entries(PICTURES)) {
      mkdirSync(join(content, 'pictures'), { recursive: true });
      const image = sharp({
        create: { width: p.width, height: p.height, channels: 3, background: p.colour, noise: { type: 'gaussian', mean: 128, sigma: 30 } },
      });
      await (file.endsWith('.png') ? image.png() : image.jpeg()).toFile(join(content, file));
    }
    for (let i = 0; i < 60; i++) addStory();
    for (let i = 0; i < 3; i++) mention();
    const first = buildSite(NAME, { contentDir: content, env: env(), project });
    expect(first.report.counts.published).toBeGreaterThan(50);
    // the small lists took effect
    expect(first.read('rss.xml').split('<item>').length - 1, 'feedItems').toBe(FEED_ITEMS);
    site = readSite();
    const [biggest] = [...site.sections.values()].sort((a, b) => b.length - a.length);
    expect(first.exists(`${biggest![0]!.section}/page/${archivePageCount(biggest!.length, PAGE_SIZE)}/index.html`), 'pageSize').toBe(true);
    takeChanges();
  }, 300_000);

  it(`${STEPS} random steps, each published, end as a cold build at the same "now" does`, () => {
    let step = 0;
    let checkAt = 10;
    dealing = true;
    while (step < STEPS) {
      // one step, or (after the first round, whose steps are each published alone) two before one publish
      const batch = rnd.next() < 0.2 && step >= FIRST.length && step < STEPS - 1 ? 2 : 1;
      const touched: string[] = [];
      for (let k = 0; k < batch; k++, step++) {
        if (!deck.length) deck = rnd.shuffle(DECK);
        const op = deck.pop()!;
        dealt.set(op, (dealt.get(op) ?? 0) + 1);
        view = site.keep((a) => {
          const s = storyOf.get(a.file);
          return !!s && s.files.includes(a.file) && !isKilled(s);
        });
        const [what, files] = steps[op]!();
        touched.push(...files);
        log.push(`step ${step + 1}: ${op}${what ? ` (${what})` : ''} ${files.join(', ')}`);
      }
      now += batch * 3 * HOUR;
      const named = rnd.next() < 0.5;
      const before = snapshot(dist);
      const run = publishSite(NAME, { args: named ? [...new Set(touched)] : [], env: env(), project });
      expect(run.status, `${log.join('\n')}\n${run.output}`).toBe(0);
      const after = snapshot(dist);
      const changed = changesBetween(before, after);
      const listed = takeChanges();
      const context = `seed ${SEED}, after:\n${log.slice(-3).join('\n')}`;
      expect(changed.touched, `rewritten with the same bytes; ${context}`).toEqual([]);
      expect(listed.written, `changes.json written; ${context}`).toEqual(changed.written);
      expect(listed.removed, `changes.json removed; ${context}`).toEqual(changed.removed);
      const previous = site;
      site = readSite();
      const kinds = exercised(previous, site, (file) => isKilled(storyOf.get(file)));
      for (const kind of kinds) tally.set(kind, tally.get(kind)! + 1);
      log.push(`  exercised: ${[...kinds].join('; ') || 'nothing listed'}`);
      if (EVERY_STEP || step >= checkAt || step >= STEPS) {
        checkAt += 10;
        const cold = join(outputDir(`${NAME}-cold`), 'cache', 'dateline');
        // After every step: a full build from an empty archive into an empty folder, with its pictures,
        // social images and search shards (kept by their sources' digests) from the last one.
        if (EVERY_STEP) for (const suffix of ['', '-wal', '-shm']) rmSync(join(cold, `archive.db${suffix}`), { force: true });
        const full = buildSite(`${NAME}-cold`, { contentDir: content, env: env(), project, keepCache: EVERY_STEP });
        const differences = treeDifferences(dist, full.dist);
        const reportSame = isDeepStrictEqual(run.site.report, full.report);
        if (differences.length || !reportSame) {
          console.log(
            `publish equivalence: differs from a full build after step ${step} (${differences.length} file(s)${reportSame ? '' : ', report'}): ${differences
              .slice(0, 5)
              .map((d) => d.split('\n')[0])
              .join('; ')}`,
          );
        }
        expect(differences, `seed ${SEED}, steps:\n${log.join('\n')}`).toEqual([]);
        expect(run.site.report).toEqual(full.report);
        // every wire file once, in file order (UTF-8 bytes, as the archive sorts them), in both
        const files = full.report.files.map((f) => f.file);
        expect(files).toEqual([...new Set(files)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
        expect(files.length).toBe(full.report.counts.total);
      }
    }
    console.log(log.join('\n'));
    console.log(
      `publish equivalence: publishes that exercised each kind of dependency (${STEPS} steps):\n${[...tally].map(([kind, n]) => `  ${String(n).padStart(3)}  ${kind}`).join('\n')}`,
    );
    if (STEPS >= DEFAULT_STEPS)
      expect(
        [...tally].filter(([, n]) => n === 0).map(([kind]) => kind),
        'kinds no publish exercised',
      ).toEqual([]);
  }, 900_000);
});
