// Edge cases of the wire format: the 12-hour clock, missing parts, bad dates, time zones, input hygiene.

import { describe, expect, it } from 'vitest';
import {
  countLines,
  decodeWireBytes,
  isAgency,
  knownAgencies,
  parseWire,
  type ParseResult,
  type WireArticle,
} from '../../../integrations/dateline/formats/text/index.ts';
import { wire } from './helpers.ts';

function ok(result: ParseResult): WireArticle {
  if (!result.ok) throw new Error(`parse failed: ${JSON.stringify(result.errors)}`);
  return result.article;
}
function errorOf(result: ParseResult) {
  if (result.ok) throw new Error('expected the file to be rejected');
  expect(result.errors).toHaveLength(1);
  return result.errors[0]!;
}
const published = (line: string, timeZone?: string) => ok(parseWire(wire({ published: line }), timeZone ? { timeZone } : {})).published;

describe('12-hour clock', () => {
  it('12:05am is five past midnight, 12:00pm is noon', () => {
    expect(published('AFP Published 07 Aug, 2023 12:05am')).toBe('2023-08-07T00:05:00+05:00');
    expect(published('AFP Published 07 Aug, 2023 12:00pm')).toBe('2023-08-07T12:00:00+05:00');
  });

  it.each([
    ['12:00am', '00:00'],
    ['12:59am', '00:59'],
    ['01:00am', '01:00'],
    ['11:59am', '11:59'],
    ['12:00pm', '12:00'],
    ['12:30pm', '12:30'],
    ['01:00pm', '13:00'],
    ['11:59pm', '23:59'],
    ['9:26pm', '21:26'],
    ['09:26 PM', '21:26'],
    ['09:26p.m.', '21:26'],
  ])('%s → %s', (clock, hhmm) => {
    expect(published(`Published 07 Aug, 2023 ${clock}`)).toBe(`2023-08-07T${hhmm}:00+05:00`);
  });
});

describe('missing and multiple parts', () => {
  it('missing section', () => {
    const a = ok(parseWire(' date 2025-01-02\n\nHeadline of the story\n\nAFP Published 01 Jan, 2025 10:15am\n\nText.\n'));
    expect(a.section).toBeUndefined();
    expect(a.headline).toBe('Headline of the story');
  });

  it('line 2 blank means no section: a third block before `Published` is an error', () => {
    const file = ' date 2025-01-02\n\nWorld\n\nHeadline of the story\n\nAFP Published 01 Jan, 2025 10:15am\n\nText.\n';
    expect(errorOf(parseWire(file))).toEqual({ line: 5, message: 'expected "Published DD Mon, YYYY hh:mm(am|pm)", found "Headline of the story"' });
  });

  it('story text starting with "Updated" stays story text', () => {
    const a = ok(parseWire(wire({ body: ['KARACHI: The plan.', 'Updated figures show a rise.', 'The end.'] })));
    expect(a.body.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  it('missing capture line: section and headline still found', () => {
    const a = ok(parseWire('World\n\nHeadline of the story\n\nAFP Published 01 Jan, 2025 10:15am\n\nText.\n'));
    expect(a.captureDate).toBeUndefined();
    expect(a.section).toBe('World');
    expect(a.headline).toBe('Headline of the story');
  });

  it('missing byline', () => {
    const a = ok(parseWire(wire({ published: 'Published 01 Jan, 2025 10:15am' })));
    expect(a.bylineText).toBe('');
    expect(a.byline).toEqual([]);
  });

  it('multi-agency byline `AFP | Reuters`', () => {
    const a = ok(parseWire(wire({ published: 'AFP | Reuters Published 01 Jan, 2025 10:15am' })));
    expect(a.bylineText).toBe('AFP | Reuters');
    expect(a.byline).toEqual([
      { name: 'AFP', kind: 'agency' },
      { name: 'Reuters', kind: 'agency' },
    ]);
  });

  it('agencies match case-insensitively on the whole part', () => {
    expect(knownAgencies).toEqual(
      expect.arrayContaining(['AFP', 'Reuters', 'AP', 'APP', 'PPI', 'Bloomberg', 'Xinhua', 'Anadolu', 'NNI', 'INP', 'IANS', 'PTI', 'Agencies']),
    );
    expect(isAgency('reuters')).toBe(true);
    expect(isAgency(' AFP ')).toBe(true);
    expect(isAgency('AFP Correspondent')).toBe(false);
    const a = ok(parseWire(wire({ published: 'xinhua | Anadolu Agency | Amir Wasim Published 01 Jan, 2025 10:15am' })));
    expect(a.byline.map((p) => p.kind)).toEqual(['agency', 'agency', 'person']);
  });

  it('empty file', () => {
    expect(errorOf(parseWire(''))).toEqual({ line: 1, message: 'expected a wire article, found an empty file' });
    expect(errorOf(parseWire(new Uint8Array()))).toMatchObject({ line: 1 });
    expect(errorOf(parseWire('\n\n   \n'))).toMatchObject({ line: 1 });
  });

  it('missing Published line: the error names the line and what was expected', () => {
    const file =
      ' date 2023-08-07\nWorld\n\nChina, Russia foreign ministers hail cooperation in call\n\nBEIJING: The foreign ministers of China and Russia hailed the practical cooperation between the two powers.\n';
    expect(errorOf(parseWire(file))).toEqual({
      line: 6,
      message: 'expected "Published DD Mon, YYYY hh:mm(am|pm)", found "BEIJING: The foreign ministers of China and Russia hailed t…"',
    });
  });

  it('missing Published line at the end of the file', () => {
    expect(errorOf(parseWire(' date 2023-08-07\nWorld\n\nHeadline only\n'))).toEqual({
      line: 4,
      message: 'expected "Published DD Mon, YYYY hh:mm(am|pm)", found end of file',
    });
  });

  it('Published line without a headline', () => {
    expect(errorOf(parseWire(' date 2023-08-07\n\nAFP Published 07 Aug, 2023 09:26pm\n\nText.\n'))).toMatchObject({
      line: 3,
      message: expect.stringMatching(/expected a headline/),
    });
  });

  it('no body paragraph', () => {
    expect(errorOf(parseWire(wire({ body: [] })))).toMatchObject({ line: 5, message: expect.stringMatching(/expected at least one body paragraph/) });
    expect(errorOf(parseWire(wire({ body: ['Published in Dawn, January 1st, 2025'] })))).toMatchObject({ line: 7 });
  });
});

describe('invalid dates', () => {
  it.each([
    ['AFP Published 31 Feb, 2023 09:26pm', /no such date/],
    ['AFP Published 07 Aug, 2023 13:00pm', /no such time of day/],
    ['AFP Published 07 Aug, 2023 00:30am', /no such time of day/],
    ['AFP Published 07 Aug, 2023 09:60pm', /no such time of day/],
    ['AFP Published 07 Abc, 2023 09:26pm', /unknown month/],
    ['AFP Published 07 Aug, 2023', /no time of day/],
    ['AFP Published yesterday at noon', /relative time/],
  ])('%s', (line, why) => {
    const error = errorOf(parseWire(wire({ published: line })));
    expect(error.line).toBe(5);
    expect(error.message).toMatch(why);
    if (!/relative/.test(error.message)) expect(error.message).toContain(`expected "Published DD Mon, YYYY hh:mm(am|pm)", found "${line}"`);
  });

  it('an invalid capture date is a warning, not an error', () => {
    const r = parseWire(wire({ capture: ' date 2023-02-31' }));
    expect(ok(r).captureDate).toBeUndefined();
    expect(r.warnings).toEqual([{ line: 1, message: 'capture date 2023-02-31 is not a real day; ignored' }]);
  });
});

describe('time zone option', () => {
  it('Europe/London: +01:00 in August (BST), +00:00 in January', () => {
    expect(published('AFP Published 07 Aug, 2023 09:26pm', 'Europe/London')).toBe('2023-08-07T21:26:00+01:00');
    expect(published('AFP Published 07 Jan, 2023 09:26pm', 'Europe/London')).toBe('2023-01-07T21:26:00+00:00');
  });

  it('other zones, and an unknown zone is an error', () => {
    expect(published('AFP Published 07 Aug, 2023 09:26pm', 'America/New_York')).toBe('2023-08-07T21:26:00-04:00');
    expect(published('AFP Published 07 Aug, 2023 09:26pm', 'Asia/Kolkata')).toBe('2023-08-07T21:26:00+05:30');
    expect(errorOf(parseWire(wire(), { timeZone: 'Mars/Olympus' }))).toEqual({
      line: 1,
      message: 'unknown time zone "Mars/Olympus" (expected an IANA zone such as Asia/Karachi)',
    });
  });

  it('Updated stamps use the same zone and form', () => {
    const a = ok(parseWire(wire({ published: 'AFP Published 07 Aug, 2023 09:26pm Updated 07 Aug, 2023 11:40pm' }), { timeZone: 'Europe/London' }));
    expect(a.modified).toBe('2023-08-07T23:40:00+01:00');
  });
});

describe('input hygiene', () => {
  it('binary content (NUL bytes) is rejected on the line where it starts', () => {
    const bytes = new TextEncoder().encode(wire());
    const withNul = new Uint8Array([...bytes.slice(0, 20), 0, 1, 2, 0, ...bytes.slice(20)]);
    const error = errorOf(parseWire(withNul));
    expect(error.message).toMatch(/^binary file/);
    expect(error.line).toBe(3);
    expect(errorOf(parseWire('PNG\0\0\0\u0001\u0002'))).toMatchObject({ line: 1, message: expect.stringMatching(/^binary file/) });
  });

  it('UTF-16 files are rejected with a clear reason', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...wire()].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(errorOf(parseWire(utf16))).toEqual({ line: 1, message: expect.stringMatching(/^UTF-16 text/) });
  });

  it('an Updated stamp without a time of day is ignored with a warning', () => {
    const r = parseWire(wire({ body: ['KARACHI: The plan.', 'Updated January 29, 2025', 'The end.'] }));
    expect(ok(r).modified).toBeUndefined();
    expect(r.warnings).toEqual([{ line: 9, message: '"Updated" date "January 29, 2025" has no time of day; ignored' }]);
  });

  it('a line over maxLineLength rejects the file, naming the line', () => {
    const long = wire({ body: [`KARACHI: ${'word '.repeat(30)}`, 'x'.repeat(200)] });
    expect(errorOf(parseWire(long, { maxLineLength: 180 }))).toEqual({ line: 9, message: 'line is 200 characters long, over the limit of 180' });
    expect(parseWire(wire({ body: [`KARACHI: ${'a'.repeat(100_001)}`] })).ok).toBe(false);
    expect(parseWire(wire({ body: [`KARACHI: ${'a'.repeat(99_000)}`] })).ok).toBe(true);
  });

  it('control characters other than tab and newline never reach the output', () => {
    const a = ok(
      parseWire(
        wire({
          headline: 'Head\u0007line\u001b with\tcontrols\u0085',
          body: ['KARACHI: Text\u0000 here? no NUL.'.replace('\u0000', ''), 'More\u000b text\u007f.'],
        }),
      ),
    );
    expect(a.headline).toBe('Headline with controls');
    expect(JSON.stringify(a)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('Windows-1252 bytes never produce U+FFFD; undefined bytes (0x81) are dropped', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode(wire({ headline: 'Caf' })).slice(0, 18), 0xe9, 0x81, 0x93, 0x94]);
    const decoded = decodeWireBytes(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).not.toMatch(/\uFFFD/);
    expect(decoded.text.endsWith('é\u0081“”')).toBe(true);
    const a = ok(
      parseWire(
        Uint8Array.from([...new TextEncoder().encode(wire({ headline: 'Caf\u00e9 owners protest' }).replace('é', '#'))].map((b) => (b === 0x23 ? 0xe9 : b))),
      ),
    );
    expect(a.headline).toBe('Café owners protest');
  });

  it('decodeWireBytes strips a BOM and normalises line endings', () => {
    expect(decodeWireBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x63]))).toEqual({ text: 'a\nb\nc', encoding: 'utf-8' });
  });

  it('countLines matches the line numbers diagnostics use', () => {
    expect(countLines('')).toBe(1);
    expect(countLines('a\n')).toBe(1);
    expect(countLines('a\r\nb\r\n')).toBe(2);
    expect(countLines('a\rb')).toBe(2);
  });
});
