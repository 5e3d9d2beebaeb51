// Compact times for story lists. The article page keeps the full local time with its zone
// (`26 November 2026, 6:05 pm GMT+5`); a list of 25 stories printing that 25 times is a clock, not news.
//
// A list time never depends on the clock. Pages are redrawn only when what they read changes (a story
// comes, changes or goes), so a "today" taken from the build's "now" would go stale the next morning on a
// page nobody redrew. The reference day is the page's own newest story instead, which the page read:
//
// - `day` (the front page): the time (`6:05 pm`) for a story of the reference story's local day, the
//   date (`25 Nov`; `7 Aug 2023` in another year) for an older one. The page names its reference once,
//   in full ("Updated 26 November 2026, 6:05 pm GMT+5"), so a bare time always has its day on the page.
// - `date` (section, agency and day lists, the side columns, "More from"): the short date and time
//   (`25 Nov, 6:05 pm`; `7 Aug 2023, 9:26 pm` in another year than the reference's), complete on its own.
//
// Each `<time>` keeps the instant in `datetime` and the full local time with its zone in `title`.
// Times and days are the site's time zone's, whatever the build machine's TZ.
import { DateTime } from 'luxon';
import { clockTime, dateWords, zonedFieldsOf } from '@dateline/time.ts';

export type ListTimeStyle = 'day' | 'date';

const cache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

function local(iso: string, timeZone: string): DateTime {
  return DateTime.fromISO(iso, { setZone: true }).setZone(timeZone).setLocale('en-GB');
}

/** `6:05 pm` */
function clock(dt: DateTime): string {
  return `${dt.toFormat('h:mm')} ${dt.toFormat('a').toLowerCase()}`;
}

/**
 * The compact list time of `iso`, against `reference` (the page's newest story's time), in `timeZone`.
 * `day`: `6:05 pm` on the reference's local day, else `25 Nov` (`7 Aug 2023` in another year).
 * `date`: `25 Nov, 6:05 pm` (`7 Aug 2023, 9:26 pm` in another year than the reference's).
 */
export function listTime(iso: string, reference: string, timeZone: string, style: ListTimeStyle): string {
  const key = `${iso}|${reference}|${timeZone}|${style}`;
  let text = cache.get(key);
  if (text !== undefined) return text;
  const f = zonedFieldsOf(iso, timeZone);
  const r = zonedFieldsOf(reference, timeZone);
  if (f && r) {
    // the fast path of ../../integrations/dateline/time.ts (luxon's words, no Intl call per instant)
    const month = dateWords().short[f.month - 1];
    const date = f.year === r.year ? `${f.day} ${month}` : `${f.day} ${month} ${f.year}`;
    const sameDay = f.year === r.year && f.month === r.month && f.day === r.day;
    text = style === 'day' ? (sameDay ? clockTime(f) : date) : `${date}, ${clockTime(f)}`;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, text);
    return text;
  }
  const dt = local(iso, timeZone);
  const ref = local(reference, timeZone);
  const sameYear = dt.year === ref.year;
  const date = dt.toFormat(sameYear ? 'd LLL' : 'd LLL yyyy');
  if (style === 'day') text = dt.hasSame(ref, 'day') ? clock(dt) : date;
  else text = `${date}, ${clock(dt)}`;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, text);
  return text;
}
