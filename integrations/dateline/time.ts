// Dates and zones in one place. Wire times are stored as ISO 8601 instants with the publisher's offset
// (`2023-08-07T21:26:00+05:00`); readers are always shown the publisher's local time, whatever the
// build machine's TZ.
import { DateTime, Info, type Zone } from 'luxon';

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

// The fast path. A luxon conversion to an IANA zone asks Intl for the offset (formatToParts) on every
// new instant: 3 s of CPU in a 10,000-story build, where every instant is new. Offsets change a few
// times a year, so they are asked once per UTC day (at its first and last millisecond; a day whose two
// differ is asked per instant), and the local fields come from Date's UTC getters shifted by the offset.
// The words (month names, am/pm) are luxon's own, read once. Outside years 1000–9999, or for an offset
// of a fraction of a minute (local mean time before about 1900), the luxon path below is used.
const DAY_MS = 86_400_000;
const zones = new Map<string, { zone: Zone; days: Map<number, number> } | null>();

/** The local fields of an instant in a zone, or undefined where the fast path does not apply. */
export interface ZonedFields {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC. */
  offset: number;
  /** A fixed zone (`UTC`, `UTC+5`): luxon writes its zero offset as `Z`. */
  fixed: boolean;
  /** An instant with the same offset and zone name: the UTC day's start when the offset held all day, else the instant itself (0 for a fixed zone). */
  sameAs: number;
}

export function zonedFields(ms: number, timeZone: string): ZonedFields | undefined {
  let known = zones.get(timeZone);
  if (known === undefined) {
    const zone = Info.normalizeZone(timeZone);
    known = zone.isValid ? { zone, days: new Map() } : null;
    zones.set(timeZone, known);
  }
  if (!known || !Number.isFinite(ms)) return undefined;
  const { zone, days } = known;
  let offset: number;
  let sameAs: number;
  if (zone.isUniversal) {
    offset = zone.offset(ms);
    sameAs = 0;
  } else {
    const day = Math.floor(ms / DAY_MS);
    let daily = days.get(day);
    if (daily === undefined) {
      const first = zone.offset(day * DAY_MS);
      daily = first === zone.offset(day * DAY_MS + DAY_MS - 1) ? first : Number.NaN;
      if (days.size >= MEMO_LIMIT) days.clear();
      days.set(day, daily);
    }
    const steady = !Number.isNaN(daily);
    offset = steady ? daily : zone.offset(ms);
    sameAs = steady ? day * DAY_MS : ms;
  }
  if (!Number.isInteger(offset)) return undefined;
  const local = new Date(ms + offset * 60_000);
  const year = local.getUTCFullYear();
  if (year < 1000 || year > 9999) return undefined;
  return {
    year,
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
    offset,
    fixed: zone.isUniversal,
    sameAs,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** luxon's words for British English (`Sept`, `pm`) and for RFC 2822 (`Sep`, `Mon`), read from luxon once. */
let words: { long: string[]; short: string[]; rfcMonths: string[]; rfcDays: string[]; am: string; pm: string } | undefined;
export function dateWords(): NonNullable<typeof words> {
  if (words) return words;
  const at = (month: number, hour = 12) => DateTime.fromObject({ year: 2001, month, day: 15, hour }, { zone: 'UTC', locale: 'en-GB' });
  const months = Array.from({ length: 12 }, (_, i) => at(i + 1));
  words = {
    long: months.map((d) => d.toFormat('LLLL')),
    short: months.map((d) => d.toFormat('LLL')),
    rfcMonths: months.map((d) => d.toRFC2822()!.split(' ')[2]!),
    // 2001-01-01 was a Monday; getUTCDay() counts from Sunday
    rfcDays: Array.from({ length: 7 }, (_, i) =>
      DateTime.fromMillis(Date.UTC(2000, 11, 31 + i), { zone: 'UTC' })
        .toRFC2822()!
        .slice(0, 3),
    ),
    am: at(1, 9).toFormat('a').toLowerCase(),
    pm: at(1, 21).toFormat('a').toLowerCase(),
  };
  return words;
}

/** `6:05 pm` */
export function clockTime(f: ZonedFields): string {
  const w = dateWords();
  return `${f.hour % 12 === 0 ? 12 : f.hour % 12}:${pad(f.minute)} ${f.hour < 12 ? w.am : w.pm}`;
}

/** `+05:00` (`Z` for a fixed zone at zero, as luxon writes it) or, `compact`, `+0500`. */
function offsetText(f: ZonedFields, compact: boolean): string {
  if (!compact && f.fixed && f.offset === 0) return 'Z';
  const abs = Math.abs(f.offset);
  return `${f.offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${compact ? '' : ':'}${pad(abs % 60)}`;
}

/**
 * The instant of an ISO 8601 date and time with its offset (what the archive stores), else NaN: the
 * luxon path then reads it (a date alone, or no offset, is local time to luxon and not to Date.parse).
 */
const STORED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const instantOf = (iso: string): number => (STORED_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN);

/** zonedFields of a stored ISO instant (undefined for anything else: the caller takes luxon's path). */
export const zonedFieldsOf = (iso: string, timeZone: string): ZonedFields | undefined => zonedFields(instantOf(iso), timeZone);

/** The instant in the zone, in British English: one luxon conversion per (instant, zone) for all formats. */
const inZone = memo((iso: string, timeZone: string): DateTime => DateTime.fromISO(iso, { setZone: true }).setZone(timeZone).setLocale('en-GB'));

/** The zone's name at that instant (`GMT+5`, `Pakistan Standard Time`), as luxon gives it. */
function zoneName(dt: DateTime, style: 'short' | 'long'): string {
  return (style === 'short' ? dt.offsetNameShort : dt.offsetNameLong) ?? dt.toFormat('ZZ');
}

/**
 * The zone's name for a fast-path instant. luxon builds a new Intl.DateTimeFormat for every name (a
 * tenth of a 10,000-story build's CPU), and a name changes only with the offset or with history (Karachi
 * was `GMT+05:00` in 1970, Casablanca `WEST` in 2019), so it is read once per zone, style and UTC day of
 * one offset (at the day's start), and per instant on a day the offset changes.
 */
const fastZoneNames = new Map<string, string>();
function zoneNameAt(f: ZonedFields, timeZone: string, style: 'short' | 'long'): string {
  const key = `${timeZone}|${style}|${f.sameAs}`;
  let name = fastZoneNames.get(key);
  if (name === undefined) {
    name = zoneName(DateTime.fromMillis(f.sameAs).setZone(timeZone).setLocale('en-GB'), style);
    if (fastZoneNames.size >= MEMO_LIMIT) fastZoneNames.clear();
    fastZoneNames.set(key, name);
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
const isoInZone = memo((ms: string, timeZone: string): string => {
  const f = zonedFields(Number(ms), timeZone);
  if (f) {
    const fraction = f.millisecond ? `.${pad(f.millisecond, 3)}` : '';
    return `${f.year}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${fraction}${offsetText(f, false)}`;
  }
  return DateTime.fromMillis(Number(ms)).setZone(timeZone).toISO({ suppressMilliseconds: true }) ?? '';
});

/**
 * Local calendar date parts of an instant, for URLs and date archives. Every story needs them on every
 * build (its URL), so they come from one Intl formatter per zone rather than a luxon conversion each.
 */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
export const localDateParts = memo((iso: string, timeZone: string): { yyyy: string; mm: string; dd: string } => {
  const f = zonedFieldsOf(iso, timeZone);
  if (f) return { yyyy: String(f.year), mm: pad(f.month), dd: pad(f.day) };
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
  const f = zonedFieldsOf(iso, timeZone);
  if (f) return `${f.day} ${dateWords().long[f.month - 1]} ${f.year}, ${clockTime(f)} ${zoneNameAt(f, timeZone, 'short')}`;
  const dt = inZone(iso, timeZone);
  return `${dt.toFormat('d LLLL yyyy, h:mm')} ${dt.toFormat('a').toLowerCase()} ${zoneName(dt, 'short')}`;
});

/** Reader-facing local date: `7 August 2023`. */
export const formatLocalDate = memo((iso: string, timeZone: string): string => {
  const f = zonedFieldsOf(iso, timeZone);
  return f ? `${f.day} ${dateWords().long[f.month - 1]} ${f.year}` : inZone(iso, timeZone).toFormat('d LLLL yyyy');
});

/** Long zone name for a `title` attribute: `Pakistan Standard Time`. */
export const zoneLongName = memo((iso: string, timeZone: string): string => {
  const f = zonedFieldsOf(iso, timeZone);
  return f ? zoneNameAt(f, timeZone, 'long') : zoneName(inZone(iso, timeZone), 'long');
});

/** RFC 822 date for RSS `pubDate`, with the publisher's offset. */
export const toRfc822 = memo((iso: string, timeZone: string): string => {
  const f = zonedFieldsOf(iso, timeZone);
  if (!f) return inZone(iso, timeZone).toRFC2822() ?? '';
  const w = dateWords();
  const weekday = new Date(Date.UTC(f.year, f.month - 1, f.day)).getUTCDay();
  return `${w.rfcDays[weekday]}, ${pad(f.day)} ${w.rfcMonths[f.month - 1]} ${f.year} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)} ${offsetText(f, true)}`;
});

/** The build's "now": `DATELINE_NOW` (ISO 8601) when set, so tests are deterministic, else the clock. */
export function buildNow(env: NodeJS.ProcessEnv = process.env): Date {
  const fixed = env.DATELINE_NOW;
  if (!fixed) return new Date();
  const dt = DateTime.fromISO(fixed, { setZone: true });
  if (!dt.isValid) throw new Error(`DATELINE_NOW="${fixed}" is not an ISO 8601 instant (e.g. 2023-08-08T12:00:00+05:00)`);
  return dt.toJSDate();
}
