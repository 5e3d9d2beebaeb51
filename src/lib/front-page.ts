// The front page's choices (src/pages/index.astro), as pure functions of the stories it read.
// a relative path (not the @dateline/ alias) so the unit tests load it without Astro's resolver
import { listPhoto } from '../../integrations/dateline/pictures/record.ts';
import type { Article } from './articles.ts';

/** The lead is chosen among this many newest stories. */
export const LEAD_POOL = 3;
/**
 * Urgency at which a story counts as urgent (IPTC's scale, 1 most urgent … 9): 1 flash, 2 bulletin,
 * 3 urgent. Agencies send 4 or 5 for their routine copy (AP and dpa 4, others 5), and the wire text sends
 * none: all of these, and anything less urgent, count alike as routine, so no agency's routine copy
 * outranks another's or the wire text.
 */
export const ROUTINE_URGENCY = 4;

/**
 * The lead story, among the first LEAD_POOL of `newest` (newest first): the most urgent by the agency's
 * urgency (NewsML-G2 and ninjs `urgency`, NITF `urgency ed-urg`, NewsML 1.2 `Urgency`, ANPA 1312 and
 * IPTC 7901 priority; formats/urgency.ts), where urgent means 1–3 and anything else is routine; among
 * equally urgent ones, one with a photo; then the newest. A flash from an hour ago leads over a routine
 * story from a minute ago; an older flash, past the pool, does not hold the front page.
 */
export function chooseLead(newest: Article[]): Article | undefined {
  const pool = newest.slice(0, LEAD_POOL);
  let best: Article | undefined;
  for (const story of pool) {
    if (!best || rank(story) < rank(best)) best = story;
  }
  return best;
}

/** Lower leads: urgency first, then a photo (a tie keeps the earlier in the pool, the newer). */
function rank(story: Article): number {
  return Math.min(story.urgency ?? ROUTINE_URGENCY, ROUTINE_URGENCY) * 2 + (listPhoto(story.photos) ? 0 : 1);
}

/**
 * Each story once: the stories of `candidates` (a section's newest, newest first) not already on the
 * page, at most `count`.
 */
export function notShown(candidates: Article[], shown: ReadonlySet<string>, count: number): Article[] {
  return candidates.filter((a) => !shown.has(a.id)).slice(0, count);
}

/** Fewest and most stories in the "Latest" column. */
export const LATEST_MIN = 2;
export const LATEST_MAX = 10;

/**
 * How many of `candidates` (the next newest stories) the "Latest" column holds: the number whose height
 * comes closest to that of the lead and the secondary stories beside it on a desktop screen (rather
 * shorter than taller), so the two columns end together; each column spreads its stories over what
 * remains (global.css `.front-top`).
 * Heights are estimated in pixels at a 1280 px window from what the stories show: a photo, and how many
 * lines the headline and summary take at the theme's sizes (measured: tests/theme/front-page.test.ts).
 */
export function latestCount(lead: Article, secondary: Article[], candidates: Article[], sideBySide = true): number {
  const below = sideBySide ? Math.max(...secondary.map(secondaryHeight)) : secondary.reduce((h, a, i) => h + stackedHeight(a) + (i ? LIST_PADDING * 2 : 0), 0);
  const left = leadHeight(lead) + (secondary.length ? SECONDARY_RULE + below : 0);
  let best = Math.min(LATEST_MIN, candidates.length);
  let bestDiff = Infinity;
  let height = LATEST_TITLE;
  for (let k = 1; k <= Math.min(LATEST_MAX, candidates.length); k++) {
    height += latestHeight(candidates[k - 1]!) - (k === 1 ? LIST_PADDING : 0);
    // A latest column taller than the stories beside it costs three times more than a shorter one: the
    // shorter column spreads what is left, the latest over many spaces between its stories, the top
    // stories over one (between the lead and the secondary ones), and narrower windows than 1280 px
    // make the latest column taller still.
    const diff = height > left ? (height - left) * 3 : left - height;
    if (k >= LATEST_MIN && diff < bestDiff) {
      best = k;
      bestDiff = diff;
    }
  }
  return best;
}

// Estimated heights in CSS pixels at a 1280 px window (global.css): the lead's column is 773 px wide,
// a secondary story's 374 px, a latest story's 363 px. A character is about half the font size wide.
const LEAD_WIDTH = 773;
const SECONDARY_WIDTH = 374;
const LATEST_WIDTH = 363;
const SECONDARY_RULE = 41;
const LATEST_TITLE = 42;
const LIST_PADDING = 14;
const lines = (text: string, charWidth: number, width: number) => Math.max(1, Math.ceil((Array.from(text).length * charWidth) / width));
const pictured = (a: Article, width: number) => (listPhoto(a.photos) ? Math.round((width * 2) / 3) + 10 : 0);

function leadHeight(a: Article): number {
  return pictured(a, LEAD_WIDTH) + 26 + lines(a.headline, 19, LEAD_WIDTH) * 48 + 8 + (a.summary ? lines(a.summary, 8.4, LEAD_WIDTH) * 28 + 6 : 0) + 20;
}

function secondaryHeight(a: Article): number {
  return (
    pictured(a, SECONDARY_WIDTH) +
    26 +
    lines(a.headline, 10.5, SECONDARY_WIDTH) * 26.4 +
    6 +
    (a.summary ? lines(a.summary, 7.4, SECONDARY_WIDTH) * 24.8 + 6 : 0) +
    20
  );
}

/** A secondary story under the other: its text beside a 12rem photo (128 px high). */
function stackedHeight(a: Article): number {
  const width = LEAD_WIDTH - 208;
  const text = 26 + lines(a.headline, 10.5, width) * 26.4 + 6 + (a.summary ? lines(a.summary, 7.4, width) * 24.8 + 6 : 0) + 20;
  return Math.max(text, listPhoto(a.photos) ? 128 : 0);
}

function latestHeight(a: Article): number {
  return 80 + lines(a.headline, 8.6, LATEST_WIDTH) * 21;
}
