// Content for the end-to-end sites: the demo wire files, the reference article (read from
// seedArticlePath) and generated stories so one section has more than a page of them.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { outputDir, repoRoot, seedArticlePath } from '../helpers/build.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A wire file in the wire-text format (README "The wire text"). `day` is in November 2026. */
export function wireFile(opts: { section: string; headline: string; byline: string; day: number; hour: number; minute?: number; body: string[] }): string {
  const h12 = opts.hour % 12 === 0 ? 12 : opts.hour % 12;
  const ampm = opts.hour < 12 ? 'am' : 'pm';
  const minute = String(opts.minute ?? 15).padStart(2, '0');
  const published = `${String(opts.day).padStart(2, '0')} ${MONTHS[10]}, 2026 ${String(h12).padStart(2, '0')}:${minute}${ampm}`;
  return ` date 2026-11-26\n${opts.section}\n\n${opts.headline}\n\n${opts.byline} Published ${published}\n\n${opts.body.join('\n\n')}\n`;
}

const PLACES = ['Quetta', 'Multan', 'Peshawar', 'Sukkur', 'Gilgit', 'Hyderabad', 'Sialkot', 'Bahawalpur'];

/**
 * Generated World stories with the demo's: enough for the front page of World, of AFP and of 25
 * November to be followed by an archive page (list pages hold 20 to 39 stories before one is split off).
 */
export const EXTRA_WORLD = 45;

/** `count` World stories from AFP, one every half hour going back from 25 Nov 2026, 11:45pm. */
export function extraWorldStories(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const place = PLACES[i % PLACES.length]!;
    const day = 25 - Math.floor(i / 40);
    const slot = i % 40;
    files[`generated/world-${String(i + 1).padStart(2, '0')}.txt`] = wireFile({
      section: 'World',
      headline: `Generated world story ${i + 1} from ${place}`,
      byline: 'AFP',
      day,
      hour: 23 - Math.floor(slot / 2),
      minute: slot % 2 ? 15 : 45,
      body: [
        `${place.toUpperCase()}: Officials in ${place} said on Tuesday that the ${i + 1}th round of talks would resume next week.`,
        'The talks were described as constructive by both delegations, who met for six hours.',
      ],
    });
  }
  return files;
}

/** The demo content/ folder (agency items and their pictures included) with the reference article from the shared docs. */
export function demoFiles(): Record<string, string | Uint8Array> {
  const dir = join(repoRoot, 'content');
  const files: Record<string, string | Uint8Array> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const name = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    files[name] = readFileSync(join(dir, name));
  }
  files['world-china-russia-call.txt'] = readFileSync(seedArticlePath, 'utf8');
  return files;
}

export const SEED = {
  headline: 'China, Russia foreign ministers hail cooperation in call',
  path: 'world/2023/08/07/china-russia-foreign-ministers-hail-cooperation-in-call/',
  bodyWord: 'multipolarisation',
};

/** DATELINE_NOW for the e2e builds: after every demo and generated story. */
export const E2E_NOW = '2026-11-27T12:00:00+05:00';

/** A Business story ending in a "Read more" list of two headlines: one the site has, one it does not. */
export const RELATED_STORY = {
  file: 'generated/business-related.txt',
  path: 'business/2026/11/26/rupee-steadies-against-dollar/',
  known: { headline: 'Gold edges lower as dollar firms', path: 'markets/2026/11/26/gold-edges-lower-as-dollar-firms/' },
  unknown: 'Oil prices climb on supply worries',
  text: wireFile({
    section: 'Business',
    headline: 'Rupee steadies against dollar',
    byline: 'Recorder Report',
    day: 26,
    hour: 9,
    body: [
      'KARACHI: The rupee held steady against the dollar in the inter-bank market on Thursday, dealers said.',
      'Dealers expect the currency to stay in a narrow range until the end of the month.',
      'Read more',
      'Gold edges lower as dollar firms',
      'Oil prices climb on supply worries',
    ],
  }),
};

/**
 * A build name of this test run: several people (or a full `npm test` next to a single file) may run
 * the same e2e file at once in one working tree, and two builds into one folder break each other.
 */
export const runName = (name: string) => `${name}-${process.pid}`;

/** Removes a run's build folder (the corpus site is over 100 MB). */
export function removeRun(name: string): void {
  rmSync(outputDir(name), { recursive: true, force: true });
}
