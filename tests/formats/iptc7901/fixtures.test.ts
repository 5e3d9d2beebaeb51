// IPTC 7901 on messages written for these tests: versions, corrections, kills, advisories, several
// messages in a file, raw Latin-1 and UTF-8, trailers without a year, missing ETX or trailer, control
// garbage, markup, and malformed files with the line of the problem.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { looksLikeIptc7901, parseIptc7901 } from '../../../integrations/dateline/formats/iptc7901/index.ts';
import { looksLikeAnpa1312 } from '../../../integrations/dateline/formats/anpa1312/index.ts';
import type { FileParse, WireItem } from '../../../integrations/dateline/formats/item.ts';
import { ETX, anpa, iptc, latin1, utf8 } from '../teletype/fixtures.ts';

const options = { timeZone: 'Asia/Karachi', fileTime: Date.parse('2024-06-01T00:00:00+00:00') };

function parse(text: string | Uint8Array, opts: Parameters<typeof parseIptc7901>[1] = options): FileParse {
  return parseIptc7901(typeof text === 'string' ? utf8(text) : text, opts);
}

function only(result: FileParse): WireItem {
  expect(result.errors).toEqual([]);
  expect(result.items).toHaveLength(1);
  const first = result.items[0]!;
  if (!first.ok) throw new Error(JSON.stringify(first.errors));
  return first.item;
}

describe('IPTC 7901 story', () => {
  it('reads header, keyword, headline, dateline, body and trailer', () => {
    const result = parse(iptc());
    const item = only(result);
    expect(item).toMatchObject({
      format: 'iptc7901',
      line: 1,
      identity: { key: 'slug:dpa:Portmere-transport/strike:2024-03-12', version: 0 },
      status: 'usable',
      published: '2024-03-12T20:30:00+05:00',
      headline: 'Harbour ferry strike ends after overnight talks',
      headlineLine: 4,
      bylineText: '',
      byline: [],
      dateline: 'Portmere',
      datelineText: 'Portmere (dpa) -',
      subjects: [{ code: 'iptc7901:i' }],
      quotes: [],
    });
    expect(item.body).toEqual([
      {
        kind: 'paragraph',
        text: 'Ferry crews in the harbour town of Portmere returned to work on Tuesday after union and operator agreed on new shift rules.',
        line: 6,
      },
      { kind: 'paragraph', text: 'The two-day stoppage had left island commuters waiting for hours at the quay.', line: 10 },
    ]);
    expect(item.correction).toBeUndefined();
    expect(result.warnings).toEqual([]);
    expect(result.items[0]!.warnings).toEqual([]);
  });

  it('never publishes the notebook, the not-for-publication part or the sign-off', () => {
    const item = only(
      parse(
        iptc({
          notebook: ['## Note to editors', '- adds quote from the mayor', '', '* * * *', 'The following information is not for publication', 'Tel: +49 30 000'],
        }),
      ),
    );
    const text = JSON.stringify(item);
    for (const word of ['Notebook', 'editors', 'mayor', 'publication', 'Tel', 'xy zq']) expect(text).not.toContain(word);
    expect(item.body).toHaveLength(2);
  });

  it('reads the byline under the headline', () => {
    const item = only(parse(iptc({ byline: 'By Mia Klein, dpa' })));
    expect(item.headline).toBe('Harbour ferry strike ends after overnight talks');
    expect(item.bylineText).toBe('By Mia Klein, dpa');
    expect(item.byline).toEqual([
      { name: 'Mia Klein', kind: 'person' },
      { name: 'dpa', kind: 'agency' },
    ]);
  });

  it('reads LF-only files with the same lines', () => {
    const crlf = only(parse(iptc()));
    const lf = only(parse(iptc({ eol: '\n' })));
    expect(lf).toEqual(crlf);
  });

  it('turns AP-style typography of partner copy into dashes and curly quotes', () => {
    const item = only(parse(iptc({ body: ["Portmere (dpa) - The crews were tired _ but ``happy,'' a skipper said."] })));
    expect(item.body[0]).toMatchObject({ text: 'The crews were tired — but “happy,” a skipper said.' });
  });
});

describe('IPTC 7901 versions, corrections and kills', () => {
  it('groups a story and its leads under one key, versioned by the lead number', () => {
    const v0 = only(parse(iptc()));
    const v1 = only(parse(iptc({ marks: ['1ST LEAD'], trailer: '121630 GMT Mar 24' })));
    const v2 = only(parse(iptc({ marks: ['REFILE', '2ND LEAD'], trailer: '121730 GMT Mar 24' })));
    expect([v0, v1, v2].map((i) => i.identity)).toEqual([
      { key: 'slug:dpa:Portmere-transport/strike:2024-03-12', version: 0 },
      { key: 'slug:dpa:Portmere-transport/strike:2024-03-12', version: 1 },
      { key: 'slug:dpa:Portmere-transport/strike:2024-03-12', version: 2 },
    ]);
    expect(v2.headline).toBe('Harbour ferry strike ends after overnight talks');
    expect(v2.published).toBe('2024-03-12T22:30:00+05:00');
  });

  it('marks a correction, with the note that says what was corrected', () => {
    const item = only(parse(iptc({ marks: ['CORRECTION'], notebook: ['## Note to editors', '- corrects name of the ferry operator'] })));
    expect(item.correction).toEqual({ note: 'Corrects name of the ferry operator' });
    expect(item.status).toBe('usable');
  });

  it('a kill is canceled, keyed to the story it kills, and needs no body', () => {
    const item = only(parse(iptc({ marks: ['KILL'], body: [], signOff: null })));
    expect(item.status).toBe('canceled');
    expect(item.identity).toEqual({ key: 'slug:dpa:Portmere-transport/strike:2024-03-12' });
    expect(item.body).toEqual([]);
  });

  it('an advisory is not a story', () => {
    const result = parse(iptc({ marks: ['ADVISORY'], headline: 'Coverage plans for the harbour strike' }));
    expect(result.items).toEqual([]);
    expect(result.errors).toEqual([{ line: 5, message: expect.stringMatching(/^not a story: an advisory to editors/) }]);
  });

  it('a copyright line test is not a story', () => {
    const result = parse(iptc({ keyword: 'Impressum', headline: 'Impressum', body: ['ryryryry copyright by dpa ryryryry'] }));
    expect(result.items).toEqual([]);
    expect(result.errors[0]!.message).toMatch(/^not a story: the sender's imprint or line test/);
  });
});

describe('IPTC 7901 files, bytes and times', () => {
  it('reads every message of a file as an item with its own line', () => {
    const first = iptc();
    const second = iptc({
      header: 'eca102 4 i 80 ccccb   dpa 043',
      keyword: 'Portmere-weather',
      headline: 'Storm warning for the coast',
      body: ['Portmere (dpa) - Forecasters warned of gales.'],
    });
    const result = parse(`${first}\r\n${second}`);
    expect(result.errors).toEqual([]);
    expect(result.items.map((i) => i.ok && [i.item.line, i.item.identity.key, i.item.headline])).toEqual([
      [1, 'slug:dpa:Portmere-transport/strike:2024-03-12', 'Harbour ferry strike ends after overnight talks'],
      [first.split('\r\n').length + 1, 'slug:dpa:Portmere-weather:2024-03-12', 'Storm warning for the coast'],
    ]);
  });

  it('one bad message is rejected on its own; the others go on', () => {
    const bad = iptc({ header: 'not a header' });
    const result = parse(iptc() + bad);
    expect(result.errors).toEqual([]);
    expect(result.items[0]!.ok).toBe(true);
    const second = result.items[1]!;
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.errors[0]!.message).toMatch(/^expected the IPTC 7901 header line after SOH/);
  });

  it('reads raw Latin-1 and UTF-8 alike', () => {
    const story = iptc({ keyword: 'Zürich-transport', body: ['Zürich (dpa) - Crews in Zürich went back to the Seeufer piers.'] });
    const fromLatin1 = parse(latin1(story));
    const fromUtf8 = parse(utf8(story));
    expect(only(fromLatin1)).toEqual(only(fromUtf8));
    expect(only(fromUtf8).dateline).toBe('Zürich');
    expect(only(fromUtf8).body[0]).toMatchObject({ text: 'Crews in Zürich went back to the Seeufer piers.' });
    expect(fromLatin1.warnings).toEqual([{ line: 3, message: expect.stringMatching(/read as Windows-1252/) }]);
    expect(fromUtf8.warnings).toEqual([]);
  });

  it('places a year-less trailer by the file time: January in a February file, December in a January one', () => {
    const jan = only(parse(iptc({ trailer: '281405 GMT Jan' }), { timeZone: 'UTC', fileTime: Date.parse('2024-02-03T10:00:00+00:00') }));
    expect(jan.published).toBe('2024-01-28T14:05:00+00:00');
    const dec = only(parse(iptc({ trailer: '311800 GMT Dez' }), { timeZone: 'UTC', fileTime: Date.parse('2024-01-02T10:00:00+00:00') }));
    expect(dec.published).toBe('2023-12-31T18:00:00+00:00');
  });

  it('a year-less trailer without a file time is rejected at the trailer line', () => {
    const text = iptc({ trailer: '281405 GMT Jan' });
    const result = parse(text, { timeZone: 'UTC' });
    const line = text.split('\r\n').findIndex((l) => l.startsWith(ETX)) + 1;
    expect(result.errors).toEqual([{ line, message: expect.stringMatching(/no year and no file time/) }]);
  });

  it('a 2-digit year without a file time is read 1970–2069, with a warning', () => {
    const result = parse(iptc(), { timeZone: 'UTC' });
    expect(only(result).published).toBe('2024-03-12T15:30:00+00:00');
    expect(result.items[0]!.warnings[0]!.message).toMatch(/2-digit year 24 read as 2024/);
  });

  it('a zone-less trailer is in the configured zone', () => {
    expect(only(parse(iptc({ trailer: '121530 Mar 24' }), { timeZone: 'Europe/Berlin', fileTime: options.fileTime })).published).toBe(
      '2024-03-12T15:30:00+01:00',
    );
  });

  it('a trailer without ETX is still read, with a warning', () => {
    const result = parse(iptc({ etx: false }));
    expect(only(result).published).toBe('2024-03-12T20:30:00+05:00');
    expect(result.items[0]!.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^no ETX \(0x03\) before the trailer/)]);
  });

  it('a message without ETX and trailer is rejected, naming the trailer', () => {
    const text = iptc({ trailer: null, etx: false });
    const result = parse(text);
    expect(result.items).toEqual([]);
    expect(result.errors[0]!.message).toMatch(/^expected ETX \(0x03\) and the trailer/);
    expect(result.errors[0]!.line).toBeGreaterThan(5);
  });

  it('an unreadable trailer is rejected at its line', () => {
    const text = iptc({ trailer: 'sometime Tuesday' });
    const result = parse(text);
    const line = text.split('\r\n').findIndex((l) => l.startsWith(ETX)) + 1;
    expect(result.errors).toEqual([
      { line, message: 'expected the trailer (day, time, month and year after ETX, e.g. "131137 GMT Nov 13"), found "sometime Tuesday"' },
    ]);
  });
});

describe('IPTC 7901 hostile and malformed input', () => {
  it('control garbage never reaches output and the story still reads', () => {
    const text = iptc({ headline: 'Harbour\u0007 ferry\u0000 strike\u0085 ends\u001b', body: ['Portmere (dpa) - Crews\u0011 returned\u007f to\u0010 work.'] });
    const item = only(parse(text));
    expect(item.headline).toBe('Harbour ferry strike ends');
    expect(item.body[0]).toMatchObject({ text: 'Crews returned to work.' });
    expect(JSON.stringify(item)).not.toMatch(/\\u00[01]|\\u007f|\u0085/);
  });

  it('markup in the headline and body is removed, the words around it kept', () => {
    const item = only(
      parse(
        iptc({
          headline: 'Ferry <script>alert(1)</script>strike ends',
          body: [
            'Portmere (dpa) - Crews <img src=x onerror="alert(2)">cheered <a href="javascript:alert(3)">at the quay</a>.',
            '<style>p{color:red}</style>Commuters were relieved.',
          ],
        }),
      ),
    );
    expect(item.headline).toBe('Ferry strike ends');
    expect(item.body.map((b) => b.kind === 'paragraph' && b.text)).toEqual(['Crews cheered at the quay.', 'Commuters were relieved.']);
    expect(JSON.stringify(item)).not.toMatch(/script|onerror|javascript|style|alert/);
  });

  it('rejects a file without SOH at line 1', () => {
    expect(parse('Harbour ferry strike ends\r\nPortmere - Crews returned.\r\n').errors).toEqual([
      { line: 1, message: expect.stringMatching(/^not IPTC 7901: expected a message starting with SOH/) },
    ]);
    expect(parse('').errors[0]).toMatchObject({ line: 1, message: expect.stringMatching(/found no text$/) });
  });

  it('rejects a message without STX at its last line', () => {
    const text = iptc().replace('\u0002', '');
    const result = parse(text);
    expect(result.errors).toEqual([{ line: text.split('\r\n').length, message: 'expected STX (0x02) before the headline, found none in the message' }]);
  });

  it('warns when the headline does not end with "="', () => {
    const text = iptc().replace(' =', '');
    const result = parse(text);
    expect(only(result).headline).toBe('Harbour ferry strike ends after overnight talks');
    expect(result.items[0]!.warnings).toEqual([{ line: 4, message: expect.stringMatching(/does not end with "="/) }]);
  });

  it('rejects a story with no text after the headline', () => {
    const result = parse(iptc({ body: [], signOff: null }));
    expect(result.errors[0]!.message).toMatch(/^expected at least one paragraph of story text/);
  });

  it('rejects a file of more than 1,000 messages', () => {
    const result = parse(iptc().repeat(1001));
    expect(result.items).toEqual([]);
    expect(result.errors[0]!.message).toBe('more than 1000 messages in one file: split the file');
  });

  it('rejects an unknown time zone', () => {
    expect(parse(iptc(), { timeZone: 'Mars/Olympus' }).errors[0]!.message).toMatch(/^unknown time zone/);
  });
});

describe('recognising IPTC 7901', () => {
  const content = fileURLToPath(new URL('../../../content/', import.meta.url));
  it('is true for 7901 messages and false for wire text and ANPA', () => {
    expect(looksLikeIptc7901(utf8(iptc()))).toBe(true);
    expect(looksLikeIptc7901(latin1(iptc({ keyword: 'Zürich' })))).toBe(true);
    expect(looksLikeIptc7901(utf8(anpa()))).toBe(false);
    expect(looksLikeAnpa1312(utf8(iptc()))).toBe(false);
    for (const f of readdirSync(content).filter((f) => f.endsWith('.txt'))) {
      const bytes = new Uint8Array(readFileSync(content + f));
      expect(looksLikeIptc7901(bytes), f).toBe(false);
      expect(looksLikeAnpa1312(bytes), f).toBe(false);
    }
    expect(looksLikeIptc7901(new Uint8Array())).toBe(false);
  });
});
