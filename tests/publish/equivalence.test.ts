// Any sequence of publishes gives the folder a cold full build gives. A generated set of wire-text and
// ninjs stories (some with a picture) goes through 30 random steps (add, edit, re-file as a new version,
// a new version that adds, replaces or drops its picture, withdraw, delete),
// with "now" moving on three hours a step (embargoes lift, the news sitemap's window moves); each step is
// published (naming the files it touched, or scanning the folder; sometimes two steps at once), and:
//  - no file is rewritten with the bytes it had (inode and mtime kept);
//  - changes.json lists exactly the files whose bytes changed and the files removed;
//  - every ten steps, and at the end, dist/ equals a cold full build at the same "now", byte for byte.
// The seed is printed; DATELINE_TEST_SEED runs another sequence.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, outputDir, publishSite } from '../helpers/build.ts';
import { json, v1 as ninjs } from '../formats/ninjs/fixtures.ts';
import { changesBetween, snapshot, treeDifferences } from './tree.ts';

const NAME = 'publish-equivalence';
const SEED = Number(process.env.DATELINE_TEST_SEED ?? 20261201);
const STEPS = 30;
const START = Date.parse('2024-03-08T09:00:00+05:00');
const HOUR = 3_600_000;

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
    pick: <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

const SECTIONS = ['World', 'Pakistan', 'Business'];
const BYLINES = ['AFP', 'Reuters', 'APP', 'Our Staff Reporter'];
const PLACES = ['Karachi', 'Lahore', 'Quetta', 'Multan', 'Peshawar', 'Sukkur'];
const THINGS = ['port fees', 'cotton prices', 'rail freight', 'water rates', 'bus fares', 'wheat stocks', 'power tariffs', 'school fees'];
const VERBS = ['rise', 'fall', 'hold steady', 'are reviewed', 'draw protest', 'are frozen'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `DD Mon, YYYY hh:mmam` in Karachi time (UTC+5), as the wire text prints it. */
function wireTime(t: number): string {
  const d = new Date(t + 5 * HOUR);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]}, ${d.getUTCFullYear()} ${String(h12).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}${h < 12 ? 'am' : 'pm'}`;
}

interface TextStory {
  kind: 'text';
  section: string;
  headline: string;
  byline: string;
  published: number;
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

/** Pictures the stories carry: one large enough for a photo card, one too small for one, a PNG, a wide one. */
const PICTURES: Record<string, { width: number; height: number; colour: string }> = {
  'pictures/harbour.jpg': { width: 1600, height: 1000, colour: '#3a6ea5' },
  'pictures/small.jpg': { width: 900, height: 600, colour: '#a53a3a' },
  'pictures/field.png': { width: 1400, height: 800, colour: '#3aa55b' },
  'pictures/wide.jpg': { width: 2000, height: 1100, colour: '#a59a3a' },
};

const MEDIA_TOPIC: Record<string, string> = { World: '11000000', Pakistan: '11000000', Business: '04000000' };

describe('publishing step by step', () => {
  const rnd = random(SEED);
  const dir = outputDir(NAME);
  const content = join(dir, 'content');
  const dist = join(dir, 'dist');
  const stories: Story[] = [];
  let counter = 0;
  let now = START;
  const env = () => ({ DATELINE_NOW: new Date(now).toISOString(), DATELINE_SEARCH_SHARD_SIZE: '12', DATELINE_SITEMAP_LIMIT: '25' });
  const log: string[] = [];

  const paragraphs = (place: string, thing: string) => [
    `${place.toUpperCase()}: Officials said ${thing} would be reviewed, in ${rnd.pick(['a short', 'a long', 'an early', 'a late'])} meeting number ${rnd.int(1000)}.`,
    `Traders in ${rnd.pick(PLACES)} said the ${rnd.pick(THINGS)} mattered more this ${rnd.pick(['week', 'month', 'season'])}.`,
  ];

  const textFile = (s: TextStory, body: string[], updated?: number) =>
    [' date 2024-03-08', s.section, '', s.headline, '', `${s.byline} Published ${wireTime(s.published)}${updated ? `  Updated ${wireTime(updated)}` : ''}`, '', ...body.flatMap((p) => [p, ''])].join('\n');

  const ninjsFile = (s: NinjsStory, body: string[], extra: Record<string, unknown> = {}) =>
    json(ninjs({
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
    }));

  const pictureAssociation = (s: NinjsStory) => {
    const p = PICTURES[s.picture!]!;
    return {
      type: 'picture',
      uri: `${s.uri}:picture:${s.picture}`,
      description_text: `A picture for ${s.headline}.`,
      byline: 'Staff Photographer',
      renditions: { baseImage: { href: `../${s.picture}`, width: p.width, height: p.height, mimetype: s.picture!.endsWith('.png') ? 'image/png' : 'image/jpeg' } },
    };
  };

  const write = (file: string, text: string) => {
    mkdirSync(join(content, file, '..'), { recursive: true });
    writeFileSync(join(content, file), text);
  };

  /** A new story filed at a time before now (or, for some ninjs, embargoed until a little after it). */
  function addStory(): string[] {
    const n = ++counter;
    const section = rnd.pick(SECTIONS);
    const thing = rnd.pick(THINGS);
    const headline = `${thing[0]!.toUpperCase()}${thing.slice(1)} ${rnd.pick(VERBS)} in ${rnd.pick(PLACES)} (${n})`;
    // mostly recent; some weeks or months old (filed late), back to December
    const age = rnd.next() < 0.7 ? rnd.int(72) * HOUR : rnd.int(100 * 24) * HOUR;
    const published = now - age - rnd.int(60) * 60_000;
    if (rnd.next() < 0.6) {
      const s: TextStory = { kind: 'text', section, headline, byline: rnd.pick(BYLINES), published, files: [`text/story-${n}.txt`] };
      stories.push(s);
      write(s.files[0]!, textFile(s, paragraphs(rnd.pick(PLACES), thing)));
      return s.files;
    }
    const embargoed = rnd.next() < 0.15 ? now + (2 + rnd.int(20)) * HOUR : undefined;
    const picture = rnd.next() < 0.4 ? rnd.pick(Object.keys(PICTURES)) : undefined;
    const s: NinjsStory = { kind: 'ninjs', uri: `urn:test:dateline:${n}`, section, headline, published, ...(embargoed ? { embargoed } : {}), version: 1, files: [`ninjs/story-${n}-v1.json`], ...(picture ? { picture } : {}) };
    stories.push(s);
    write(s.files[0]!, ninjsFile(s, paragraphs(rnd.pick(PLACES), thing)));
    return s.files;
  }

  const steps: Record<string, () => string[]> = {
    add: addStory,
    /** The text of a file changed in place. */
    edit: () => {
      const s = rnd.pick(stories.filter((x) => x.files.length));
      if (!s) return addStory();
      const file = rnd.pick(s.files);
      const body = paragraphs(rnd.pick(PLACES), rnd.pick(THINGS));
      if (s.kind === 'text') {
        const text = readFileSync(join(content, file), 'utf8');
        const head = text.split('\n\n').slice(0, 3).join('\n\n');
        write(file, `${head}\n\n${body.join('\n\n')}\n`);
      } else {
        const item = JSON.parse(readFileSync(join(content, file), 'utf8'));
        write(file, json({ ...item, body_html: body.map((p) => `<p>${p}</p>`).join('') }));
      }
      return [file];
    },
    /** A new version in a file of its own: the later `Updated` stamp, or ninjs version + 1 (maybe a new headline). */
    refile: () => {
      const s = rnd.pick(stories.filter((x) => x.files.length));
      if (!s) return addStory();
      const body = paragraphs(rnd.pick(PLACES), rnd.pick(THINGS));
      if (s.kind === 'text') {
        const file = `text/story-${++counter}-update.txt`;
        s.files.push(file);
        write(file, textFile(s, body, Math.min(now, s.published + (s.files.length - 1) * HOUR)));
        return [file];
      }
      s.version++;
      if (rnd.next() < 0.5) s.headline = `${s.headline.replace(/ \(\d+\)$/, '')}, officials say (${counter})`;
      const file = `ninjs/story-${s.uri.split(':').at(-1)}-v${s.version}.json`;
      s.files.push(file);
      write(file, ninjsFile(s, body, rnd.next() < 0.3 ? { correction: 'An earlier version gave the wrong figure.' } : {}));
      return [file];
    },
    /** A new version of a ninjs story that adds a picture, replaces it with another, or drops it. */
    picture: () => {
      const s = rnd.pick(stories.filter((x): x is NinjsStory => x.kind === 'ninjs' && x.files.length > 0));
      if (!s) return addStory();
      const others = Object.keys(PICTURES).filter((p) => p !== s.picture);
      if (!s.picture || rnd.next() < 0.5) s.picture = rnd.pick(others);
      else delete s.picture;
      s.version++;
      const file = `ninjs/story-${s.uri.split(':').at(-1)}-v${s.version}.json`;
      s.files.push(file);
      write(file, ninjsFile(s, paragraphs(rnd.pick(PLACES), rnd.pick(THINGS))));
      return [file];
    },
    /** A kill of a ninjs story: every output drops it. */
    withdraw: () => {
      const s = rnd.pick(stories.filter((x): x is NinjsStory => x.kind === 'ninjs' && x.files.length > 0));
      if (!s) return addStory();
      s.version++;
      const file = `ninjs/story-${s.uri.split(':').at(-1)}-v${s.version}-kill.json`;
      s.files.push(file);
      write(file, json({ uri: s.uri, type: 'text', version: String(s.version), pubstatus: 'canceled', versioncreated: new Date(now - HOUR).toISOString(), headline: `KILL: ${s.headline}` }));
      return [file];
    },
    /** A file deleted: a version (the one before comes back), a kill (the story returns) or a whole story. */
    delete: () => {
      const s = rnd.pick(stories.filter((x) => x.files.length));
      if (!s) return addStory();
      const file = s.files.splice(rnd.int(s.files.length), 1)[0]!;
      rmSync(join(content, file));
      return [file];
    },
  };
  const OPS = ['add', 'add', 'add', 'edit', 'edit', 'refile', 'refile', 'picture', 'picture', 'withdraw', 'delete', 'delete'];

  function takeChanges() {
    const taken = join(dir, 'changes.taken.json');
    renameSync(join(dir, 'changes.json'), taken);
    const changes = JSON.parse(readFileSync(taken, 'utf8')) as { written: string[]; removed: string[] };
    rmSync(taken);
    return changes;
  }

  beforeAll(async () => {
    console.log(`publish equivalence: seed ${SEED} (DATELINE_TEST_SEED)`);
    rmSync(content, { recursive: true, force: true });
    for (const [file, p] of Object.entries(PICTURES)) {
      mkdirSync(join(content, 'pictures'), { recursive: true });
      const image = sharp({ create: { width: p.width, height: p.height, channels: 3, background: p.colour, noise: { type: 'gaussian', mean: 128, sigma: 30 } } });
      await (file.endsWith('.png') ? image.png() : image.jpeg()).toFile(join(content, file));
    }
    for (let i = 0; i < 60; i++) addStory();
    const first = buildSite(NAME, { contentDir: content, env: env() });
    expect(first.report.counts.published).toBeGreaterThan(50);
    takeChanges();
  }, 300_000);

  it(`${STEPS} random steps, each published, end as a cold build at the same "now" does`, () => {
    let step = 0;
    let checkAt = 10;
    while (step < STEPS) {
      // one step, or two before one publish
      const batch = rnd.next() < 0.2 && step < STEPS - 1 ? 2 : 1;
      const touched: string[] = [];
      for (let k = 0; k < batch; k++, step++) {
        const op = rnd.pick(OPS);
        const files = steps[op]!();
        touched.push(...files);
        log.push(`step ${step + 1}: ${op} ${files.join(', ')}`);
      }
      now += batch * 3 * HOUR;
      const named = rnd.next() < 0.5;
      const before = snapshot(dist);
      const run = publishSite(NAME, { args: named ? [...new Set(touched)] : [], env: env() });
      expect(run.status, `${log.join('\n')}\n${run.output}`).toBe(0);
      const after = snapshot(dist);
      const changed = changesBetween(before, after);
      const listed = takeChanges();
      const context = `seed ${SEED}, after:\n${log.slice(-3).join('\n')}`;
      expect(changed.touched, `rewritten with the same bytes; ${context}`).toEqual([]);
      expect(listed.written, `changes.json written; ${context}`).toEqual(changed.written);
      expect(listed.removed, `changes.json removed; ${context}`).toEqual(changed.removed);
      if (step >= checkAt || step >= STEPS) {
        checkAt += 10;
        const cold = buildSite(`${NAME}-cold`, { contentDir: content, env: env() });
        expect(treeDifferences(dist, cold.dist), `seed ${SEED}, steps:\n${log.join('\n')}`).toEqual([]);
        expect(run.site.report).toEqual(cold.report);
      }
    }
    console.log(log.join('\n'));
  }, 900_000);
});
