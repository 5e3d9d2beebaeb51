// ANPA 1312 on messages written for these tests: a story with its 1st and 2nd Ld-Writethru, a
// correction, kills, an advisory, an editor-only message, an alert, tables and crossheads, two
// messages in a file, raw Latin-1 and UTF-8, century rollover, missing ETX or trailer, control
// garbage, markup, and malformed files with the line of the problem.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { looksLikeAnpa1312, parseAnpa1312 } from '../../../integrations/dateline/formats/anpa1312/index.ts';
import { looksLikeIptc7901 } from '../../../integrations/dateline/formats/iptc7901/index.ts';
import type { FileParse, WireItem } from '../../../integrations/dateline/formats/item.ts';
import { BS, DLE, RS, US, anpa, iptc, latin1, utf8 } from '../teletype/fixtures.ts';

const options = { timeZone: 'Asia/Karachi', fileTime: Date.parse('2024-06-01T00:00:00+00:00') };

function parse(text: string | Uint8Array, opts: Parameters<typeof parseAnpa1312>[1] = options): FileParse {
  return parseAnpa1312(typeof text === 'string' ? utf8(text) : text, opts);
}

function only(result: FileParse): WireItem {
  expect(result.errors).toEqual([]);
  expect(result.items).toHaveLength(1);
  const first = result.items[0]!;
  if (!first.ok) throw new Error(JSON.stringify(first.errors));
  return first.item;
}

const texts = (i: WireItem) => i.body.map((b) => (b.kind === 'list' ? b.items.join(' | ') : 'text' in b ? b.text : ''));

describe('ANPA 1312 story', () => {
  it('reads header, slug, headline, byline, dateline, body and trailer', () => {
    const result = parse(anpa());
    const item = only(result);
    expect(item).toMatchObject({
      format: 'anpa1312',
      line: 1,
      identity: { key: 'slug:AP:US--Ferry-Strike', version: 0 },
      status: 'usable',
      published: '2024-03-12T20:30:00+05:00',
      headline: 'Harbour ferry strike ends after overnight talks',
      headlineLine: 4,
      bylineText: 'By JANE ROE, Associated Press',
      byline: [
        { name: 'JANE ROE', kind: 'person' },
        { name: 'Associated Press', kind: 'agency' },
      ],
      dateline: 'PORTMERE, Maine',
      datelineText: 'PORTMERE, Maine (AP) —',
      subjects: [{ code: 'anpa:a', name: 'Domestic news' }],
      quotes: [],
    });
    expect(item.body).toEqual([
      { kind: 'paragraph', text: 'Ferry crews returned to work Tuesday after the union and the operator agreed on new shift rules.', line: 7 },
      { kind: 'paragraph', text: '“We got what we came for,” said a deckhand at the quay.', line: 8 },
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.items[0]!.warnings).toEqual([]);
  });

  it('never publishes editor lines, photo references or the abstract', () => {
    const item = only(
      parse(
        anpa({
          notes: [
            'AP Photo PMX101, PMX102',
            'Eds: With AP Photos. Moves on general news lines.',
            'A long abstract of the story that repeats the lede for web pages and is far too long to be a deck under the headline of this story.',
          ],
        }),
      ),
    );
    expect(JSON.stringify(item)).not.toMatch(/Eds|AP Photo|PMX|abstract|Moves/);
    expect(item.subheadline).toBeUndefined();
  });

  it('a short ended line under the headline is the subheadline', () => {
    const item = only(parse(anpa({ notes: ['Crews back on the boats'] })));
    expect(item.subheadline).toBe('Crews back on the boats');
  });

  it('reads crossheads, rules and agate tables', () => {
    const item = only(
      parse(
        anpa({
          tabular: true,
          extra: [
            '\t   ___',
            '\t   TIDE TABLES',
            `${BS}^${US}${RS} W${RS} L`,
            `${BS}Portmere${DLE} Ferries${US}${RS} 12${RS} 3{`,
            `${BS}Isle${DLE} Line${US}${RS} 9${RS} _`,
            "^Saturday's Sailings=",
            '\t   Portmere to Isle, 7:05 a.m.',
          ],
        }),
      ),
    );
    expect(item.body.slice(2)).toEqual([
      { kind: 'subhead', text: 'TIDE TABLES', line: 10 },
      { kind: 'list', ordered: false, items: ['W L', 'Portmere Ferries 12 3', 'Isle Line 9 —'], line: 11 },
      { kind: 'subhead', text: "Saturday's Sailings", line: 14 },
      { kind: 'paragraph', text: 'Portmere to Isle, 7:05 a.m.', line: 15 },
    ]);
  });

  it('an alert without a headline line takes its paragraph as the headline', () => {
    const item = only(
      parse(
        anpa({
          priority: 'b',
          headerKeyword: 'BC-US--APNewsAlert',
          slug: 'BC-US--APNewsAlert,15',
          headline: null,
          byline: [],
          body: ['PORTMERE, Maine (AP) _ The harbour ferry strike is over, the union says.'],
        }),
      ),
    );
    expect(item.headline).toBe('The harbour ferry strike is over, the union says.');
    expect(item.headlineLine).toBe(4);
    expect(item.identity).toEqual({ key: 'slug:AP:US--APNewsAlert', version: 0 });
    expect(item.dateline).toBe('PORTMERE, Maine');
  });

  it('LF-only files read the same', () => {
    expect(only(parse(anpa({ eol: '\n' })))).toEqual(only(parse(anpa())));
  });
});

describe('ANPA 1312 versions, corrections and kills', () => {
  it('groups a story and its 1st and 2nd Ld-Writethru under one key', () => {
    const v0 = only(parse(anpa()));
    const v1 = only(
      parse(
        anpa({ headerKeyword: 'BC-US--Ferry-Strike 1stLd-Writethru', slug: 'BC-US--Ferry-Strike, 1st Ld-Writethru,480', trailer: 'AP-WF-03-12-24 1630GMT' }),
      ),
    );
    const v2 = only(
      parse(
        anpa({ headerKeyword: 'BC-US--Ferry-Strike 2ndLd-Writethru', slug: 'BC-US--Ferry-Strike, 2nd Ld-Writethru,520', trailer: 'AP-WF-03-12-24 1730GMT' }),
      ),
    );
    expect([v0, v1, v2].map((i) => i.identity)).toEqual([
      { key: 'slug:AP:US--Ferry-Strike', version: 0 },
      { key: 'slug:AP:US--Ferry-Strike', version: 1 },
      { key: 'slug:AP:US--Ferry-Strike', version: 2 },
    ]);
    expect([v0, v1, v2].map((i) => i.published)).toEqual(['2024-03-12T20:30:00+05:00', '2024-03-12T21:30:00+05:00', '2024-03-12T22:30:00+05:00']);
  });

  it('the slug line and the header agree on the key, spaces or none', () => {
    const spaced = only(parse(anpa({ headerKeyword: 'BC-US--GiantLobsterDeath', slug: 'BC-US--Giant Lobster Death,120' })));
    const fromHeader = only(parse(anpa({ headerKeyword: 'BC-US--GiantLobsterDeath', slug: null })));
    expect(spaced.identity.key).toBe('slug:AP:US--GiantLobsterDeath');
    expect(fromHeader.identity.key).toBe('slug:AP:US--GiantLobsterDeath');
  });

  it('the header keyword alone gives the version when the slug line has none', () => {
    const item = only(parse(anpa({ headerKeyword: 'BC-US--Ferry-Strike 3rdLd-Writethru' })));
    expect(item.identity.version).toBe(3);
  });

  it('marks a correction, keyed to the story, with the Eds: clause as the note', () => {
    const item = only(parse(anpa({ slug: 'BC-US--Ferry-Strike-Correction, 1st Ld-Writethru,410', notes: ["Eds: CORRECTS spelling of union leader's name."] })));
    expect(item.identity).toEqual({ key: 'slug:AP:US--Ferry-Strike', version: 1 });
    expect(item.correction).toEqual({ note: "Corrects spelling of union leader's name." });
    expect(item.status).toBe('usable');
  });

  it('a KILL is canceled, keyed to the story it kills, with no body', () => {
    const item = only(
      parse(
        anpa({
          slug: 'BC-US--Ferry-Strike, KILL',
          headline: 'KILL',
          byline: [],
          body: [],
          notes: ['Eds: The story is withdrawn. It wrongly reported the end of the ferry strike. A substitute will move.'],
        }),
      ),
    );
    expect(item).toMatchObject({ status: 'canceled', identity: { key: 'slug:AP:US--Ferry-Strike' }, headline: '', body: [] });
    expect(item.identity.version).toBeUndefined();
  });

  it('an ELIMINATION and a -Kill slug are kills too', () => {
    expect(only(parse(anpa({ slug: 'BC-US--Ferry-Strike, ELIMINATION', body: [] }))).status).toBe('canceled');
    expect(only(parse(anpa({ slug: 'BC-US--Ferry-Strike-Kill,20' }))).identity.key).toBe('slug:AP:US--Ferry-Strike');
    expect(only(parse(anpa({ slug: 'BC-US--Ferry-Strike-Kill,20' }))).status).toBe('canceled');
  });

  it('a story about a kill is not a kill', () => {
    const item = only(parse(anpa({ slug: 'BC-US--Police-Kill-Suspect,300', headline: 'Police kill suspect after harbour chase' })));
    expect(item.status).toBe('usable');
    expect(item.identity.key).toBe('slug:AP:US--Police-Kill-Suspect');
  });

  it('an advisory is not a story', () => {
    const result = parse(anpa({ slug: 'BC-Advisory,120', headline: 'Advisory for editors', body: ['The strike story will be updated by 6 p.m.'] }));
    expect(result.items).toEqual([]);
    expect(result.errors).toEqual([{ line: 3, message: 'not a story: an advisory or budget for editors (slug "Advisory"); not for publication' }]);
  });

  it('a message with only editor lines is not a story', () => {
    const result = parse(anpa({ slug: 'BC-US--Ferry-Strike,20', headline: null, byline: [], body: [], notes: ['Eds: A writethru will move shortly.'] }));
    expect(result.errors).toEqual([{ line: 4, message: 'not a story: only notes to editors ("Eds: A writethru will move shortly."); not for publication' }]);
  });
});

describe('ANPA 1312 files, bytes and times', () => {
  it('reads every message of a file as an item with its own line', () => {
    const first = anpa();
    const second = anpa({
      number: 'a1235',
      headerKeyword: 'BC-US--Storm-Warning',
      slug: 'BC-US--Storm-Warning,120',
      headline: 'Storm warning for the coast',
      body: ['PORTMERE, Maine (AP) _ Forecasters warned of gales.'],
    });
    const result = parse(first + second);
    expect(result.items.map((i) => i.ok && [i.item.line, i.item.identity.key, i.item.headline])).toEqual([
      [1, 'slug:AP:US--Ferry-Strike', 'Harbour ferry strike ends after overnight talks'],
      [first.split('\r\n').length, 'slug:AP:US--Storm-Warning', 'Storm warning for the coast'],
    ]);
  });

  it('reads raw Latin-1 and UTF-8 alike', () => {
    const story = anpa({ body: ['ZÜRICH (AP) _ Crews in Zürich went back to the piers.'] });
    const a = parse(latin1(story));
    const b = parse(utf8(story));
    expect(only(a)).toEqual(only(b));
    expect(only(b)).toMatchObject({ dateline: 'ZÜRICH', body: [{ text: 'Crews in Zürich went back to the piers.' }] });
    expect(a.warnings).toEqual([{ line: 7, message: expect.stringMatching(/read as Windows-1252/) }]);
  });

  it('places the 2-digit year by the file time: December 2023 in a January 2024 file, a later date a century back', () => {
    expect(only(parse(anpa({ trailer: 'AP-WF-12-31-23 2300GMT' }), { timeZone: 'UTC', fileTime: Date.parse('2024-01-02T00:00:00+00:00') })).published).toBe(
      '2023-12-31T23:00:00+00:00',
    );
    expect(only(parse(anpa({ trailer: 'AP-WF-01-28-24 1405GMT' }), { timeZone: 'UTC', fileTime: Date.parse('2024-02-03T00:00:00+00:00') })).published).toBe(
      '2024-01-28T14:05:00+00:00',
    );
    expect(only(parse(anpa({ trailer: 'AP-WF-12-31-24 2300GMT' }), { timeZone: 'UTC', fileTime: Date.parse('2024-01-02T00:00:00+00:00') })).published).toBe(
      '1924-12-31T23:00:00+00:00',
    );
  });

  it('without a file time the year is read 1970–2069, with a warning at the trailer', () => {
    const result = parse(anpa(), { timeZone: 'UTC' });
    expect(only(result).published).toBe('2024-03-12T15:30:00+00:00');
    expect(result.items[0]!.warnings).toEqual([{ line: 9, message: '2-digit year 24 read as 2024 (no file time was given to place it)' }]);
  });

  it('a trailer without ETX is still read, with a warning', () => {
    const result = parse(anpa({ etx: false }));
    expect(only(result).published).toBe('2024-03-12T20:30:00+05:00');
    expect(result.items[0]!.warnings).toEqual([{ line: 9, message: 'no ETX (0x03) before the trailer; the trailer line was read as one' }]);
  });

  it('no ETX and no trailer: rejected', () => {
    const result = parse(anpa({ etx: false, trailer: null }));
    expect(result.errors).toEqual([{ line: 8, message: expect.stringMatching(/^expected ETX \(0x03\) and the trailer/) }]);
  });

  it('an unreadable trailer is rejected at the ETX line', () => {
    const result = parse(anpa({ trailer: 'AP-WF-sometime' }));
    expect(result.errors).toEqual([
      { line: 9, message: 'expected the trailer (sender, date and time after ETX, e.g. "AP-WF-02-20-16 0337GMT"), found "AP-WF-sometime<"' },
    ]);
  });
});

describe('ANPA 1312 hostile and malformed input', () => {
  it('control garbage never reaches output and the story still reads', () => {
    const item = only(
      parse(
        anpa({ headline: 'Harbour\u0007 ferry\u0000 strike\u0085 ends\u001b', body: ['PORTMERE, Maine (AP) _ Crews\u0011 returned\u007f to\u0012 work.'] }),
      ),
    );
    expect(item.headline).toBe('Harbour ferry strike ends');
    expect(texts(item)).toEqual(['Crews returned to work.']);
    expect(JSON.stringify(item)).not.toMatch(/\\u00[01]|\\u007f|\u0085/);
  });

  it('markup in the headline and body is removed, the words around it kept', () => {
    const item = only(
      parse(
        anpa({
          headline: 'Ferry <script>alert(1)</script>strike ends',
          body: [
            'PORTMERE, Maine (AP) _ Crews <img src=x onerror="alert(2)">cheered <a href="javascript:alert(3)">at the quay</a>.',
            '<style>p{color:red}</style>Commuters were relieved.',
          ],
        }),
      ),
    );
    expect(item.headline).toBe('Ferry strike ends');
    expect(texts(item)).toEqual(['Crews cheered at the quay.', 'Commuters were relieved.']);
    expect(JSON.stringify(item)).not.toMatch(/script|onerror|javascript|style|alert/);
  });

  it('rejects a file without SOH at line 1', () => {
    expect(parse('BC-US--Ferry-Strike\nFerry strike ends\n').errors).toEqual([
      { line: 1, message: expect.stringMatching(/^not ANPA 1312: expected messages starting with SYN SYN SOH/) },
    ]);
  });

  it('rejects a message without a header', () => {
    const result = parse('\u0016\u0016\u0001hello there\r\n\u0002^Ferry strike ends<\r\n\u0003AP-WF-03-12-24 1530GMT\r\n\u0004');
    expect(result.errors).toEqual([{ line: 1, message: expect.stringMatching(/^expected the ANPA header after SOH/) }]);
  });

  it('rejects a message without STX at its last line', () => {
    const text = anpa().replace('\u0002', '');
    expect(parse(text).errors).toEqual([{ line: text.split('\r\n').length, message: 'expected STX (0x02) before the story text, found none in the message' }]);
  });

  it('rejects a story without text', () => {
    expect(parse(anpa({ body: [], byline: [] })).errors[0]!.message).toBe('expected at least one paragraph of story text after the headline, found none');
  });
});

describe('recognising ANPA 1312', () => {
  it('is true for ANPA messages and false for wire text and IPTC 7901', () => {
    expect(looksLikeAnpa1312(utf8(anpa()))).toBe(true);
    expect(looksLikeAnpa1312(utf8(anpa().slice(2)))).toBe(true);
    expect(looksLikeIptc7901(utf8(anpa()))).toBe(false);
    expect(looksLikeAnpa1312(utf8(iptc()))).toBe(false);
    const content = fileURLToPath(new URL('../../../content/', import.meta.url));
    for (const f of readdirSync(content).filter((f) => f.endsWith('.txt'))) expect(looksLikeAnpa1312(new Uint8Array(readFileSync(content + f))), f).toBe(false);
  });
});
