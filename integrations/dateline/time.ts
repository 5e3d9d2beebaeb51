// Dates and zones in one place. Wire times are stored as ISO 8601 instants with the publisher's offset
// (`2023-08-07T21:26:00+05:00`); readers are always shown the publisher's local time, whatever the
// build machine's TZ.
import { DateTime } from 'luxon';

/**
 * Memoises a formatter per (instant, zone). The same few thousand instants are formatted again on
 * every list, feed and sitemap that shows them, and luxon's zone conversion (Intl formatToParts) was
 * 11% of a 2,000-article build's CPU profile.
 */
function memo<T>(format: (iso: string, timeZone: string) => T): (iso: string, timeZone: string) => T {
  const cache = new Map<string, T>();
  return (iso, timeZone) => {
    const key = `${iso}|${timeZone}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = format(iso, timeZone);
      // bounded, for a publisher that runs for weeks
      if (cache.size >= MEMO_LIMIT) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}

const MEMO_LIMIT = 200_000;

/** The instant in the zone, in British English: one luxon conversion per (instant, zone) for all formats. */
const inZone = memo((iso: string, timeZone: string): DateTime => DateTime.fromISO(iso, { setZone: true }).setZone(timeZone).setLocale('en-GB'));

/**
 * The zone's name at that instant (`GMT+5`, `Pakistan Standard Time`). luxon builds a new
 * Intl.DateTimeFormat for every name it formats (a tenth of a 10,000-article build's CPU); within a
 * zone the name only changes with the offset (standard or summer time), so it is cached per offset.
 */
const zoneNames = new Map<string, string>();
function zoneName(dt: DateTime, style: 'short' | 'long'): string {
  const key = `${dt.zoneName}|${dt.offset}|${style}`;
  let name = zoneNames.get(key);
  if (name === undefined) {
    name = (style === 'short' ? dt.offsetNameShort : dt.offsetNameLong) ?? dt.toFormat('ZZ');
    zoneNames.set(key, name);
  }
  return name;
}

/** Epoch milliseconds of an ISO instant. */
export function toMillis(iso: string): number {
  return Date.parse(iso);
}

/** ISO 8601 with offset and no milliseconds, in the given zone (every page prints several). */
export function toIsoInZone(date: Date | number, timeZone: string): string {
  const ms = typeof date === 'number' ? date : date.getTime();
  return isoInZone(String(ms), timeZone);
}
const isoInZone = memo((ms: string, timeZone: string): string => DateTime.fromMillis(Number(ms)).setZone(timeZone).toISO({ suppressMilliseconds: true }) ?? '');

/**
 * Local calendar date parts of an instant, for URLs and date archives. Every story needs them on every
 * build (its URL), so they come from one Intl formatter per zone rather than a luxon conversion each.
 */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
export const localDateParts = memo((iso: string, timeZone: string): { yyyy: string; mm: string; dd: string } => {
  let format = dateFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' });
    dateFormatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(Date.parse(iso)).map((p) => [p.type, p.value]));
  return { yyyy: parts.year!.padStart(4, '0'), mm: parts.month!, dd: parts.day! };
});

/** Reader-facing local time naming the zone: `7 August 2023, 9:26 pm GMT+5`. */
export const formatLocalDateTime = memo((iso: string, timeZone: string): string => {
  const dt = inZone(iso, timeZone);
  return `${dt.toFormat('d LLLL yyyy, h:mm')} ${dt.toFormat('a').toLowerCase()} ${zoneName(dt, 'short')}`;
});

/** Reader-facing local date: `7 August 2023`. */
export const formatLocalDate = memo((iso: string, timeZone: string): string => inZone(iso, timeZone).toFormat('d LLLL yyyy'));

/** Long zone name for a `title` attribute: `Pakistan Standard Time`. */
export const zoneLongName = memo((iso: string, timeZone: string): string => zoneName(inZone(iso, timeZone), 'long'));

/** RFC 822 date for RSS `pubDate`, with the publisher's offset. */
export const toRfc822 = memo((iso: string, timeZone: string): string => inZone(iso, timeZone).toRFC2822() ?? '');

/** The build's "now": `DATELINE_NOW` (ISO 8601) when set, so tests are deterministic, else the clock. */
export function buildNow(env: NodeJS.ProcessEnv = process.env): Date {
  const fixed = env.DATELINE_NOW;
  if (!fixed) return new Date();
  const dt = DateTime.fromISO(fixed, { setZone: true });
  if (!dt.isValid) throw new Error(`DATELINE_NOW="${fixed}" is not an ISO 8601 instant (e.g. 2023-08-08T12:00:00+05:00)`);
  return dt.toJSDate();
}
