// Wire time stamps. The wire prints local time of the publisher with no zone (B5): the zone is a setting
// (default Asia/Karachi) and every instant is computed in it with luxon, never in the machine's zone.

import { DateTime } from 'luxon';
import { ENGLISH_MONTHS, monthIn } from '../shared/months.ts';

export const PUBLISHED_FORM = 'Published DD Mon, YYYY hh:mm(am|pm)';
export const DEFAULT_TIME_ZONE = 'Asia/Karachi';

export function monthNumber(name: string): number | undefined {
  return monthIn(ENGLISH_MONTHS, name);
}

/** `hasTime` is false for a date without a time of day (then the instant is that day's midnight). */
export type Stamp = { ok: true; iso: string; hasTime: boolean } | { ok: false; reason: 'relative' | 'invalid' | 'unrecognised'; detail: string };

const TIME = String.raw`(\d{1,2}):(\d{2})\s?([AaPp])\.?\s?[Mm]\.?`;
// `07 Aug, 2023 09:26pm` (the wire form, B4)
const DAY_MONTH = new RegExp(String.raw`^(\d{1,2})\s([A-Za-z]{3,9}\.?),?\s(\d{4})(?:,?\s${TIME})?$`);
// `January 29, 2025` (2025 article page and Dawn web pages, B2) with an optional time
const MONTH_DAY = new RegExp(String.raw`^([A-Za-z]{3,9}\.?)\s(\d{1,2}),?\s(\d{4})(?:,?\s(?:at\s)?${TIME})?$`);
// `2024-01-13-03-40` (machine stamp inside a listing, B3) and ISO-like `2024-01-13 03:40`
const MACHINE = /^(\d{4})-(\d{2})-(\d{2})(?:[-T ](\d{2})[-:](\d{2}))?$/;
const RELATIVE = /\bago\b|^(?:just now|yesterday|today)\b/i;

/** Checked once per zone name: every parse asks, and a luxon conversion per file showed in profiles. */
const zoneValidity = new Map<string, boolean>();
export function isValidZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    try {
      valid = DateTime.fromObject({ year: 2000, month: 1, day: 1 }, { zone }).isValid;
    } catch {
      valid = false;
    }
    zoneValidity.set(zone, valid);
  }
  return valid;
}

function hour24(hour: number, meridiem: string): number | undefined {
  if (hour < 1 || hour > 12) return undefined;
  // 12:05am is five past midnight, 12:00pm is noon (B4).
  const pm = meridiem.toLowerCase() === 'p';
  return (hour % 12) + (pm ? 12 : 0);
}

function build(
  year: number,
  month: number | undefined,
  day: number,
  hour: number | undefined,
  minute: number,
  zone: string,
  hasTime: boolean,
  detail: string,
): Stamp {
  if (month === undefined) return { ok: false, reason: 'invalid', detail: `unknown month in ${detail}` };
  if (hour === undefined || minute > 59) return { ok: false, reason: 'invalid', detail: `no such time of day in ${detail}` };
  const dt = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  if (!dt.isValid) return { ok: false, reason: 'invalid', detail: `no such date in ${detail}` };
  return { ok: true, iso: dt.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"), hasTime };
}

/** Parse the text after `Published`/`Updated` into an ISO instant (with offset, no milliseconds) in `zone`. */
export function parseStamp(text: string, zone: string): Stamp {
  const t = text.trim();
  const detail = JSON.stringify(t.length > 60 ? `${t.slice(0, 59)}…` : t);
  if (t.length > 80) return { ok: false, reason: 'unrecognised', detail };
  if (RELATIVE.test(t)) return { ok: false, reason: 'relative', detail };
  let m = DAY_MONTH.exec(t);
  if (m) {
    const [, day, mon, year, h, min, mer] = m;
    if (h === undefined) return build(Number(year), monthNumber(mon!), Number(day), 0, 0, zone, false, detail);
    return build(Number(year), monthNumber(mon!), Number(day), hour24(Number(h), mer!), Number(min), zone, true, detail);
  }
  m = MONTH_DAY.exec(t);
  if (m) {
    const [, mon, day, year, h, min, mer] = m;
    if (h === undefined) return build(Number(year), monthNumber(mon!), Number(day), 0, 0, zone, false, detail);
    return build(Number(year), monthNumber(mon!), Number(day), hour24(Number(h), mer!), Number(min), zone, true, detail);
  }
  m = MACHINE.exec(t);
  if (m) {
    const [, year, month, day, h, min] = m;
    const hour = h === undefined ? 0 : Number(h);
    return build(
      Number(year),
      Number(month) >= 1 && Number(month) <= 12 ? Number(month) : undefined,
      Number(day),
      hour <= 23 ? hour : undefined,
      min === undefined ? 0 : Number(min),
      zone,
      h !== undefined,
      detail,
    );
  }
  return { ok: false, reason: 'unrecognised', detail };
}

/** Validate a `YYYY-MM-DD` capture date. */
export function isRealDay(ymd: string): boolean {
  return DateTime.fromISO(ymd, { zone: 'UTC' }).isValid;
}
