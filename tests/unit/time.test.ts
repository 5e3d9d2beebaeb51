// integrations/dateline/time.ts: instants are stored with the publisher's offset, and readers always see
// the publisher's local time (date parts for URLs, the shown date and time with the zone's name, RSS
// dates), whatever the zone of the machine that builds; summer time moves the offset and the name.
import fc from 'fast-check';
import { DateTime, Info } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  buildNow,
  formatLocalDate,
  formatLocalDateTime,
  localDateParts,
  toIsoInZone,
  toMillis,
  toRfc822,
  zoneLongName,
} from '../../integrations/dateline/time.ts';
import { listTime, type ListTimeStyle } from '../../src/lib/list-time.ts';

const REFERENCE = '2023-08-07T21:26:00+05:00'; // the reference article's time (Islamabad)
const WINTER = '2023-01-07T09:05:00Z';

describe('instants', () => {
  it('toMillis reads the offset', () => {
    expect(toMillis(REFERENCE)).toBe(Date.UTC(2023, 7, 7, 16, 26));
    expect(toMillis('2023-08-07T16:26:00Z')).toBe(toMillis(REFERENCE));
  });

  it('toIsoInZone writes the instant with the zone’s offset at that instant, without milliseconds', () => {
    const ms = Date.UTC(2023, 7, 7, 16, 26);
    expect(toIsoInZone(ms, 'Asia/Karachi')).toBe(REFERENCE);
    expect(toIsoInZone(new Date(ms), 'Asia/Karachi')).toBe(REFERENCE);
    expect(toIsoInZone(ms, 'UTC')).toBe('2023-08-07T16:26:00Z');
    expect(toIsoInZone(ms, 'Europe/London')).toBe('2023-08-07T17:26:00+01:00'); // summer time
    expect(toIsoInZone(Date.UTC(2023, 0, 7, 16, 26), 'Europe/London')).toBe('2023-01-07T16:26:00+00:00');
    expect(toIsoInZone(Date.UTC(2023, 0, 7, 16, 26), 'America/New_York')).toBe('2023-01-07T11:26:00-05:00');
  });

  // (from 1970: before standard time, zones had local mean time offsets in seconds, which ISO 8601 offsets cannot write)
  it('toIsoInZone and toMillis go round for any whole second since 1970 in any of the zones', () => {
    const zones = ['Asia/Karachi', 'Asia/Kolkata', 'Asia/Kathmandu', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000 }), fc.constantFrom(...zones), (seconds, zone) => {
        const iso = toIsoInZone(seconds * 1000, zone);
        expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)$/);
        expect(toMillis(iso)).toBe(seconds * 1000);
      }),
      { numRuns: 300 },
    );
  });
});

describe('localDateParts', () => {
  it('is the calendar date where the publisher is', () => {
    // 20:30 UTC is past midnight in Karachi and still the evening before in New York
    expect(localDateParts('2023-08-07T20:30:00Z', 'Asia/Karachi')).toEqual({ yyyy: '2023', mm: '08', dd: '08' });
    expect(localDateParts('2023-08-07T20:30:00Z', 'America/New_York')).toEqual({ yyyy: '2023', mm: '08', dd: '07' });
    expect(localDateParts(REFERENCE, 'Asia/Karachi')).toEqual({ yyyy: '2023', mm: '08', dd: '07' });
  });

  it('pads years and keeps Western digits and the Gregorian calendar', () => {
    expect(localDateParts('0999-03-01T12:00:00Z', 'UTC')).toEqual({ yyyy: '0999', mm: '03', dd: '01' });
    expect(localDateParts('2024-02-29T12:00:00Z', 'Asia/Karachi')).toEqual({ yyyy: '2024', mm: '02', dd: '29' });
  });

  it('agrees with the date of toIsoInZone for any instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000 }),
        fc.constantFrom('Asia/Karachi', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'),
        (seconds, zone) => {
          const iso = toIsoInZone(seconds * 1000, zone);
          const { yyyy, mm, dd } = localDateParts(new Date(seconds * 1000).toISOString(), zone);
          expect(`${yyyy}-${mm}-${dd}`).toBe(iso.slice(0, 10));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('what readers see', () => {
  it('the local date and time, naming the zone', () => {
    expect(formatLocalDateTime(REFERENCE, 'Asia/Karachi')).toBe('7 August 2023, 9:26 pm GMT+5');
    expect(formatLocalDateTime(WINTER, 'Asia/Karachi')).toBe('7 January 2023, 2:05 pm GMT+5');
    expect(formatLocalDateTime(REFERENCE, 'Asia/Kolkata')).toBe('7 August 2023, 9:56 pm GMT+5:30');
    expect(formatLocalDateTime(REFERENCE, 'UTC')).toBe('7 August 2023, 4:26 pm UTC');
  });

  it('summer time changes the offset and the name in the same zone', () => {
    expect(formatLocalDateTime(REFERENCE, 'Europe/London')).toBe('7 August 2023, 5:26 pm BST');
    expect(formatLocalDateTime(WINTER, 'Europe/London')).toBe('7 January 2023, 9:05 am GMT');
    expect(formatLocalDateTime(REFERENCE, 'America/New_York')).toBe('7 August 2023, 12:26 pm GMT-4');
    expect(formatLocalDateTime(WINTER, 'America/New_York')).toBe('7 January 2023, 4:05 am GMT-5');
    expect(zoneLongName(REFERENCE, 'Europe/London')).toBe('British Summer Time');
    expect(zoneLongName(WINTER, 'Europe/London')).toBe('Greenwich Mean Time');
    expect(zoneLongName(REFERENCE, 'America/New_York')).toBe('Eastern Daylight Time');
    expect(zoneLongName(WINTER, 'America/New_York')).toBe('Eastern Standard Time');
    expect(zoneLongName(REFERENCE, 'Asia/Karachi')).toBe('Pakistan Standard Time');
  });

  it('the local date', () => {
    expect(formatLocalDate(REFERENCE, 'Asia/Karachi')).toBe('7 August 2023');
    expect(formatLocalDate('2023-08-07T20:30:00Z', 'Asia/Karachi')).toBe('8 August 2023');
  });

  it('RSS dates (RFC 822) with the zone’s offset', () => {
    expect(toRfc822(REFERENCE, 'Asia/Karachi')).toBe('Mon, 07 Aug 2023 21:26:00 +0500');
    expect(toRfc822(REFERENCE, 'America/New_York')).toBe('Mon, 07 Aug 2023 12:26:00 -0400');
    expect(toRfc822(REFERENCE, 'UTC')).toBe('Mon, 07 Aug 2023 16:26:00 +0000');
  });

  it('does not depend on the zone of the machine (TZ)', () => {
    const saved = process.env.TZ;
    try {
      // a second of its own for each TZ, so that no answer comes from the memo of an earlier call
      ['America/New_York', 'Asia/Tokyo', 'UTC'].forEach((tz, i) => {
        process.env.TZ = tz;
        const iso = `2021-11-03T23:59:${10 + i}+05:00`;
        const utc = new Date(toMillis(iso)).toISOString();
        expect(new Date(2021, 10, 3).getTimezoneOffset()).toBe({ 'America/New_York': 240, 'Asia/Tokyo': -540, UTC: 0 }[tz]); // TZ took effect
        expect(localDateParts(utc, 'Asia/Karachi')).toEqual({ yyyy: '2021', mm: '11', dd: '03' });
        expect(formatLocalDateTime(utc, 'Asia/Karachi')).toBe('3 November 2021, 11:59 pm GMT+5');
        expect(toIsoInZone(toMillis(iso), 'Asia/Karachi')).toBe(iso);
        expect(toRfc822(utc, 'Asia/Karachi')).toBe(`Wed, 03 Nov 2021 23:59:${10 + i} +0500`);
      });
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('buildNow', () => {
  it('is DATELINE_NOW when set', () => {
    expect(buildNow({ DATELINE_NOW: '2023-08-08T12:00:00+05:00' }).toISOString()).toBe('2023-08-08T07:00:00.000Z');
  });

  it('refuses a DATELINE_NOW that is not an instant, saying what it wants', () => {
    expect(() => buildNow({ DATELINE_NOW: 'yesterday' })).toThrow('DATELINE_NOW="yesterday" is not an ISO 8601 instant (e.g. 2023-08-08T12:00:00+05:00)');
  });

  it('is the clock otherwise', () => {
    const before = Date.now();
    const now = buildNow({}).getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

// The fast path (zonedFields: an offset per UTC day, Date's UTC getters) against luxon, which every
// function used for each instant before: the same text, byte for byte, in zones with summer time,
// half- and three-quarter-hour offsets, negative summer time, a skipped day and fixed offsets, at
// random instants and at every change of offset (and a millisecond, a minute and an hour either side).
describe('the fast path says what luxon says', () => {
  const ZONES = [
    'Asia/Karachi',
    'America/New_York',
    'Europe/London',
    'Europe/Dublin',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'America/St_Johns',
    'Africa/Casablanca',
    'Pacific/Apia',
    'Asia/Tehran',
    'America/Sao_Paulo',
    'Antarctica/Troll',
    'UTC',
    'Etc/UTC',
    'UTC+5',
  ];
  const luxonIn = (iso: string, tz: string) => DateTime.fromISO(iso, { setZone: true }).setZone(tz).setLocale('en-GB');
  const reference = {
    iso: (ms: number, tz: string) => DateTime.fromMillis(ms).setZone(tz).toISO({ suppressMilliseconds: true }) ?? '',
    dateTime: (iso: string, tz: string) => {
      const dt = luxonIn(iso, tz);
      return `${dt.toFormat('d LLLL yyyy, h:mm')} ${dt.toFormat('a').toLowerCase()} ${dt.offsetNameShort ?? dt.toFormat('ZZ')}`;
    },
    date: (iso: string, tz: string) => luxonIn(iso, tz).toFormat('d LLLL yyyy'),
    longName: (iso: string, tz: string) => {
      const dt = luxonIn(iso, tz);
      return dt.offsetNameLong ?? dt.toFormat('ZZ');
    },
    rfc822: (iso: string, tz: string) => luxonIn(iso, tz).toRFC2822() ?? '',
    parts: (iso: string, tz: string) => {
      const dt = luxonIn(iso, tz);
      return { yyyy: dt.toFormat('yyyy'), mm: dt.toFormat('MM'), dd: dt.toFormat('dd') };
    },
  };
  /** Every instant at which the zone's offset changes between 1995 and 2030 (found 6 hours at a time, then to the millisecond). */
  function changes(tz: string): number[] {
    const zone = Info.normalizeZone(tz);
    const out: number[] = [];
    const STEP = 6 * 3_600_000;
    for (let t = Date.UTC(1995, 0, 1); t < Date.UTC(2030, 0, 1); t += STEP) {
      if (zone.offset(t) === zone.offset(t + STEP)) continue;
      let lo = t,
        hi = t + STEP;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (zone.offset(mid) === zone.offset(t)) lo = mid;
        else hi = mid;
      }
      out.push(hi);
    }
    return out;
  }
  function check(ms: number, tz: string, writtenIn: string): void {
    const iso = DateTime.fromMillis(ms).setZone(writtenIn).toISO() ?? '';
    const at = `${tz} at ${iso}`;
    expect(toIsoInZone(ms, tz), at).toBe(reference.iso(ms, tz));
    expect(formatLocalDateTime(iso, tz), at).toBe(reference.dateTime(iso, tz));
    expect(formatLocalDate(iso, tz), at).toBe(reference.date(iso, tz));
    expect(zoneLongName(iso, tz), at).toBe(reference.longName(iso, tz));
    expect(toRfc822(iso, tz), at).toBe(reference.rfc822(iso, tz));
    expect(localDateParts(iso, tz), at).toEqual(reference.parts(iso, tz));
  }

  it('at every change of offset, 1995–2030', () => {
    let checked = 0;
    for (const tz of ZONES) {
      for (const t of changes(tz)) {
        for (const d of [-3_600_000, -60_000, -1, 0, 1, 60_000, 3_600_000]) check(t + d, tz, d % 2 ? 'UTC' : 'Asia/Karachi');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500); // the zones with summer time changed offset twice a year
  });

  it('at random instants, 1900–2100, with and without milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...ZONES), fc.boolean(), (ms, tz, whole) =>
        check(whole ? ms - (ms % 1000) : ms, tz, 'America/New_York'),
      ),
      { numRuns: 3000 },
    );
  });
});

describe("lists' compact times (src/lib/list-time.ts) say what luxon says", () => {
  const reference = (iso: string, ref: string, tz: string, style: ListTimeStyle) => {
    const local = (s: string) => DateTime.fromISO(s, { setZone: true }).setZone(tz).setLocale('en-GB');
    const dt = local(iso);
    const r = local(ref);
    const clock = `${dt.toFormat('h:mm')} ${dt.toFormat('a').toLowerCase()}`;
    const date = dt.toFormat(dt.year === r.year ? 'd LLL' : 'd LLL yyyy');
    return style === 'day' ? (dt.hasSame(r, 'day') ? clock : date) : `${date}, ${clock}`;
  };
  it('at random instants and references, in zones with summer time and odd offsets', () => {
    const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: -3 * 86_400_000, max: 400 * 86_400_000 }),
        fc.constantFrom('Asia/Karachi', 'America/New_York', 'Europe/London', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'),
        fc.constantFrom<ListTimeStyle>('day', 'date'),
        (ms, later, tz, style) => {
          const iso = DateTime.fromMillis(ms).setZone('Asia/Karachi').toISO()!;
          const ref = DateTime.fromMillis(ms + later)
            .setZone('UTC')
            .toISO()!;
          expect(listTime(iso, ref, tz, style), `${iso} ${ref} ${tz} ${style}`).toBe(reference(iso, ref, tz, style));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
