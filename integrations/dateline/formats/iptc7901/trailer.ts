// The IPTC 7901 trailer after ETX: day, hour and minute, a zone (dpa: `GMT`), the month and a 2-digit
// year: `131137 GMT Nov 13` is 13 November 2013, 11:37 GMT (the German services write `Okt`, `Dez`).
// dpa's partner copy leaves the zone out (`211259 Nov 18`): read in the configured zone, as every
// zone-less wire time. A trailer without a year is placed by the file time (../shared/teletype).
import { monthFromName, zoneFromName, type TrailerDate } from '../shared/teletype.ts';

export const TRAILER_FORM = 'day, time, month and year after ETX, e.g. "131137 GMT Nov 13"';

const TRAILER = /^(\d{2})(\d{2})(\d{2})\s*(?:([A-Za-z]{1,5})\s+)?(\p{L}{3,9})\.?(?:\s+(\d{4}|\d{2}))?$/u;

export function parseTrailer(text: string): TrailerDate | undefined {
  const m = TRAILER.exec(text.trim());
  if (!m) return undefined;
  const [, dd, hh, mm, zoneName, monthName, year] = m;
  const month = monthFromName(monthName!);
  if (month === undefined) return undefined;
  let zone: string | undefined;
  if (zoneName !== undefined) {
    zone = zoneFromName(zoneName);
    if (zone === undefined) return undefined;
  }
  const date: TrailerDate = { day: Number(dd), hour: Number(hh), minute: Number(mm), month };
  if (zone) date.zone = zone;
  if (year !== undefined) date.year = { digits: year.length, value: Number(year) };
  return date;
}
