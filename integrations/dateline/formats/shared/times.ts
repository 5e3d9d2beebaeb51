// Times as agency formats write them, read with luxon into the form every item keeps: an ISO 8601
// instant with the configured zone's offset and no fraction (`2016-01-04T20:43:34+05:00`).
//
// Accepted: extended ISO (`2016-01-04T15:43:34.000Z`, `2019-05-10T16:02:28+02:00`), offsets without a
// colon (`+0100`, ANSA) or with hours only (`+01`), basic ISO (`20130709T103700Z`, `20210526T134018+0200`),
// a space for the `T` (`2016-01-12 12:35:40`, BusinessDesk), and dates alone (`2019-07-03`). A time
// without an offset is local to the configured zone (NewsML-G2 and ninjs leave the zone to the
// receiver when they give none).
import { DateTime } from 'luxon';

export type TimeParse = { ok: true; iso: string; ms: number; hasTime: boolean } | { ok: false; reason: string };

const FORM = /^(\d{4})-?(\d\d)-?(\d\d)(?:[T ](\d\d):?(\d\d)(?::?(\d\d)(?:[.,]\d+)?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/i;

/** The instant in the zone, as Dateline stores instants. Always a numeric offset: luxon writes the zone
 * `UTC` as `Z`, which is `+00:00` here like every other zone at offset zero (`Europe/London` in winter). */
export function isoInZone(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toISO({ suppressMilliseconds: true, includeOffset: true })!.replace(/Z$/, '+00:00');
}

export function parseIsoTime(value: string | undefined | null, timeZone: string): TimeParse {
  const text = (value ?? '').trim();
  if (text === '') return { ok: false, reason: 'empty' };
  const m = FORM.exec(text);
  if (!m) return { ok: false, reason: `not an ISO 8601 time: ${JSON.stringify(text.slice(0, 40))}` };
  const [, y, mo, d, h, mi, s, zone] = m;
  const hasTime = h !== undefined;
  const offset = zone === undefined ? undefined : zone.toUpperCase() === 'Z' ? 'UTC' : `UTC${zone.slice(0, 3)}:${zone.slice(3).replace(':', '') || '00'}`;
  const dt = DateTime.fromObject(
    { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0) },
    { zone: offset ?? timeZone },
  );
  if (!dt.isValid) return { ok: false, reason: `not a real time: ${JSON.stringify(text.slice(0, 40))} (${dt.invalidExplanation ?? dt.invalidReason})` };
  const ms = dt.toMillis();
  return { ok: true, iso: isoInZone(ms, timeZone), ms, hasTime };
}
