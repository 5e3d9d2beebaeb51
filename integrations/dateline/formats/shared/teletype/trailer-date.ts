// Trailer dates. A teletype message ends with the time it was sent, and the year is short or missing:
// IPTC 7901 writes `DDHHMM MON YY` (dpa: `131137 GMT Nov 13` is 13 November 2013, 11:37 GMT), ANPA
// writes `MM-DD-YY HHMM` (AP: `AP-WF-02-20-16 0337GMT`), and some feeds drop the year. The century or
// year comes from the file's own "now" (`options.fileTime`): a message was sent before its file was
// written, so the full year is the latest one that does not put the message after the file time.
import { DateTime } from 'luxon';
import { isoInZone } from '../times.ts';
import { ENGLISH_MONTHS, GERMAN_MONTHS, monthIn } from '../months.ts';

export interface TrailerDate {
  year?: { digits: number; value: number };
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** `UTC`, a fixed offset (`UTC+1`), or undefined: the sender gave no zone. */
  zone?: string;
}

export type PlacedDate = { ok: true; iso: string; ms: number; year: number; warning?: string } | { ok: false; reason: string };

// A file time a little before the trailer (clocks that disagree, a trailer in local time read as GMT)
// should not push the message back a year or a century: up to two days of slack.
const SLACK_MS = 2 * 24 * 3600 * 1000;

// Month names as English and German services write them (dpa sends `Okt`, `Dez`, `Mär`/`Mrz`).
const MONTHS = { ...ENGLISH_MONTHS, ...GERMAN_MONTHS };

export function monthFromName(name: string): number | undefined {
  return monthIn(MONTHS, name);
}

// Zone abbreviations teletype trailers use. Summer time names give their own offset.
const ZONES: Record<string, string> = {
  GMT: 'UTC',
  UTC: 'UTC',
  UT: 'UTC',
  Z: 'UTC',
  WET: 'UTC',
  MEZ: 'UTC+1',
  CET: 'UTC+1',
  MESZ: 'UTC+2',
  CEST: 'UTC+2',
  EST: 'UTC-5',
  EDT: 'UTC-4',
  CST: 'UTC-6',
  CDT: 'UTC-5',
  MST: 'UTC-7',
  MDT: 'UTC-6',
  PST: 'UTC-8',
  PDT: 'UTC-7',
};

export function zoneFromName(name: string): string | undefined {
  return ZONES[name.toUpperCase()];
}

function instant(d: TrailerDate, year: number, timeZone: string): DateTime {
  return DateTime.fromObject({ year, month: d.month, day: d.day, hour: d.hour, minute: d.minute }, { zone: d.zone ?? timeZone });
}

/**
 * Places a trailer date in time. A 2-digit year takes the century that puts the message latest but not
 * after the file time (without one: 1970–2069, the POSIX `%y` rule, with a warning). A missing year is
 * the latest year not after the file time (29 February: the latest leap year); without a file time it
 * cannot be placed.
 */
export function placeTrailerDate(d: TrailerDate, timeZone: string, fileTime: number | undefined): PlacedDate {
  const limit = fileTime === undefined || !Number.isFinite(fileTime) ? undefined : fileTime + SLACK_MS;
  const candidates: number[] = [];
  let warning: string | undefined;
  if (d.year && d.year.digits === 4) candidates.push(d.year.value);
  else if (d.year) {
    if (limit === undefined) {
      const year = d.year.value < 70 ? 2000 + d.year.value : 1900 + d.year.value;
      candidates.push(year);
      warning = `2-digit year ${String(d.year.value).padStart(2, '0')} read as ${year} (no file time was given to place it)`;
    } else {
      const top = DateTime.fromMillis(limit, { zone: 'UTC' }).year + 1;
      for (let c = top - (top % 100) + d.year.value; c >= top - 300; c -= 100) if (c <= top) candidates.push(c);
    }
  } else {
    if (limit === undefined) return { ok: false, reason: 'the trailer date has no year and no file time was given to place it' };
    const top = DateTime.fromMillis(limit, { zone: 'UTC' }).year + 1;
    for (let y = top; y >= top - 8; y--) candidates.push(y);
  }
  let invalid: string | undefined;
  for (const year of candidates) {
    const dt = instant(d, year, timeZone);
    if (!dt.isValid) {
      invalid ??= dt.invalidExplanation ?? dt.invalidReason ?? 'invalid';
      continue;
    }
    const ms = dt.toMillis();
    if (limit !== undefined && ms > limit && candidates.length > 1) continue;
    return warning ? { ok: true, iso: isoInZone(ms, timeZone), ms, year, warning } : { ok: true, iso: isoInZone(ms, timeZone), ms, year };
  }
  const when = `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')} ${String(d.hour).padStart(2, '0')}:${String(d.minute).padStart(2, '0')}`;
  if (invalid) return { ok: false, reason: `the trailer date ${when} is not a real time (${invalid})` };
  return { ok: false, reason: `the trailer date ${when} cannot be placed before the file time` };
}
