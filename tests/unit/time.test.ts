// integrations/dateline/time.ts: instants are stored with the publisher's offset, and readers always see
// the publisher's local time (date parts for URLs, the shown date and time with the zone's name, RSS
// dates), whatever the zone of the machine that builds; summer time moves the offset and the name.
import fc from 'fast-check';
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
