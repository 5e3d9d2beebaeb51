// Field mapping: generations, identity and versions, status, corrections, embargo, times, headline,
// body, dateline, byline, subjects.
import { describe, expect, it } from 'vitest';
import { json, linkedOnly, PARAGRAPHS, STORY_URI, v1, v1Second, v2, v3 } from './fixtures.ts';
import { only, parse, paragraphs, rejected } from './helpers.ts';

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('generations', () => {
  it('the same story in ninjs 1, 2 and 3 reads the same', () => {
    const read = [v1(), v2(), v3()].map((o) => only(parse(o)));
    for (const item of read) {
      expect(item.identity).toEqual({ key: `id:${STORY_URI}`, version: 1 });
      expect(item.status).toBe('usable');
      expect(item.headline).toBe('Harbour ferry back in service after repairs');
      expect(item.published).toBe('2024-03-05T11:10:00+05:00');
      expect(item.dateline).toBe('Port Seaton');
      expect(item.language).toBe('en');
      expect(item.subjects).toEqual([{ code: 'medtop:04000000', name: 'economy, business and finance' }]);
      expect(paragraphs(item)).toEqual(PARAGRAPHS);
      expect(item.byline).toEqual([{ name: 'Amina Clarke', kind: 'person' }]);
    }
    expect(read[0]!.bylineText).toBe('By Amina Clarke');
  });

  it('ninjs 3 spelling wins in a ninjs 3 item that carries both; ninjs 1 spelling in a declared ninjs 1 item', () => {
    const both = { versioncreated: '2024-03-05T06:00:00Z', versionCreated: '2024-03-05T07:00:00Z', firstcreated: undefined, firstCreated: undefined };
    expect(only(parse(v3(both))).published).toBe('2024-03-05T12:00:00+05:00');
    // Undeclared, a camelCase field marks the item as ninjs 3.
    expect(only(parse(v1(both))).published).toBe('2024-03-05T12:00:00+05:00');
    expect(only(parse(v1({ ...both, $standard: { name: 'ninjs', version: '1.6' } }))).published).toBe('2024-03-05T11:00:00+05:00');
  });

  it('a ninjs 2 item with a ninjs 1 headline and body is read leniently', () => {
    const item = only(parse(v2({ headlines: undefined, headline: 'Ferry headline in the old field', bodies: undefined, body_text: 'One.\n\nTwo.' })));
    expect(item.headline).toBe('Ferry headline in the old field');
    expect(paragraphs(item)).toEqual(['One.', 'Two.']);
  });
});

describe('identity and versions', () => {
  it('two versions of one story share the key; the later one is version 2 and modified', () => {
    const first = only(parse(v1()));
    const second = only(parse(v1Second()));
    expect(first.identity).toEqual({ key: `id:${STORY_URI}`, version: 1 });
    expect(second.identity).toEqual({ key: `id:${STORY_URI}`, version: 2 });
    expect(second.published).toBe(first.published);
    expect(first.modified).toBeUndefined();
    expect(second.modified).toBe('2024-03-05T14:45:00+05:00');
    expect(paragraphs(second)).toHaveLength(4);
  });

  it('version as a number, as "3", and AP\'s 0', () => {
    expect(only(parse(v1({ version: 3 }))).identity.version).toBe(3);
    expect(only(parse(v1({ version: ' 3 ' }))).identity.version).toBe(3);
    expect(only(parse(v1({ version: 0 }))).identity.version).toBe(0);
    expect(only(parse(v1({ version: undefined }))).identity).toEqual({ key: `id:${STORY_URI}` });
  });

  it.each([
    ['"2a"', '2a'],
    ['2.5', 2.5],
    ['-1', -1],
  ])('version %s is left unset with a warning', (_shown, version) => {
    const text = json(v1({ version }));
    const item = only(parse(text));
    expect(item.identity.version).toBeUndefined();
    expect(item.warnings).toEqual([{ line: lineOf(text, '"version"'), message: expect.stringMatching(/^version .* is not a whole number/) }]);
  });

  it('a huge number as version (1e999 reads as Infinity) is left unset', () => {
    const text = json(v1()).replace('"version": "1"', '"version": 1e999');
    const item = only(parse(text));
    expect(item.identity.version).toBeUndefined();
    expect(item.warnings[0]!.message).toMatch(/^version Infinity is not a whole number/);
  });

  it('guid when there is no uri (superdesk), then altids.itemid, in both altids forms', () => {
    expect(only(parse(v1({ uri: undefined, guid: 'tag:example,2024:ferry' }))).identity.key).toBe('id:tag:example,2024:ferry');
    expect(only(parse(v1({ uri: undefined, altids: { itemid: 'abc123' } }))).identity.key).toBe('id:abc123');
    expect(only(parse(v2({ uri: undefined, altids: [{ role: 'itemid', value: 'xyz9' }] }))).identity.key).toBe('id:xyz9');
    expect(only(parse(v3({ uri: undefined, altIds: [{ role: 'itemId', value: 'xyz9' }] }))).identity.key).toBe('id:xyz9');
  });

  it('no identifier at all: a key from the first-created time and headline, with a warning', () => {
    const item = only(parse(v1({ uri: undefined })));
    expect(item.identity.key).toBe('ninjs:2024-03-05T11:10:00+05:00:Harbour ferry back in service after repairs');
    expect(item.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^no identifier \("uri", "guid" or "altids\.itemid"\)/)]);
  });

  it('AP Media API uris lose their per-request query token and per-version etag', () => {
    const body = { body_html: '<p>Text.</p>', renditions: undefined };
    const a = only(parse(linkedOnly({ ...body, uri: 'https://api.example.com/media/v/content/abc123?qt=Q1&et=0a1aza0c0' })));
    const b = only(parse(linkedOnly({ ...body, version: 1, uri: 'https://api.example.com/media/v/content/abc123?qt=Q2&et=1b2bzb1c1' })));
    expect(a.identity).toEqual({ key: 'id:https://api.example.com/media/v/content/abc123', version: 0 });
    expect(b.identity).toEqual({ key: 'id:https://api.example.com/media/v/content/abc123', version: 1 });
    // Other uris keep their query.
    expect(only(parse(v1({ uri: 'https://example.com/story?id=7&et=1' }))).identity.key).toBe('id:https://example.com/story?id=7&et=1');
  });
});

describe('kills and withdrawals', () => {
  it.each([
    ['canceled', 'canceled'],
    ['withheld', 'withheld'],
    ['cancelled', 'canceled'],
    ['killed', 'canceled'],
    ['stat:canceled', 'canceled'],
  ])('pubstatus %s', (pubstatus, status) => {
    expect(only(parse(v1({ pubstatus }))).status).toBe(status);
  });

  it('ninjs 3 pubStatus canceled', () => {
    expect(only(parse(v3({ pubStatus: 'canceled' }))).status).toBe('canceled');
  });

  it('a kill needs no body and no headline', () => {
    const item = only(parse(v1({ pubstatus: 'canceled', headline: undefined, body_html: undefined })));
    expect(item.status).toBe('canceled');
    expect(item.headline).toBe('');
    expect(item.body).toEqual([]);
    expect(item.identity.key).toBe(`id:${STORY_URI}`);
  });

  it('a kill without any time takes the file time, with a warning; without a file time it is rejected', () => {
    const kill = v1({ pubstatus: 'canceled', firstcreated: undefined, versioncreated: undefined });
    const fileTime = Date.UTC(2024, 2, 6, 8, 0, 0);
    const item = only(parse(kill, { fileTime }));
    expect(item.published).toBe('2024-03-06T13:00:00+05:00');
    expect(item.warnings[0]!.message).toMatch(/the file's own time is used for this kill or withdrawal/);
    expect(rejected(parse(kill)).message).toMatch(/^no time: expected "firstcreated" or "versioncreated"/);
  });

  it('an unknown status rejects the item rather than publish it', () => {
    const text = json(v1({ pubstatus: 'deleted' }));
    expect(rejected(parse(text))).toEqual({
      line: lineOf(text, '"pubstatus"'),
      message: 'unknown publication status "deleted": expected "usable", "withheld" or "canceled" (the item is not published on a guess)',
    });
  });
});

describe('corrections', () => {
  it('a CORRECTED- headline mark is a correction and is taken off the headline', () => {
    const item = only(parse(v1({ headline: 'CORRECTED-Harbour ferry back in service' })));
    expect(item.correction).toEqual({});
    expect(item.headline).toBe('Harbour ferry back in service');
  });

  it.each(['CORRECTION: Harbour ferry back', 'CORRECTED: Harbour ferry back', 'CORRECTION - Harbour ferry back', 'CORRECTS - Harbour ferry back'])(
    '%s',
    (headline) => {
      const item = only(parse(v2({ headlines: [{ role: 'main', value: headline }] })));
      expect(item.correction).toEqual({});
      expect(item.headline).toBe('Harbour ferry back');
    },
  );

  it('lower-case "Corrected" and the word in running text are not marks', () => {
    expect(only(parse(v1({ headline: 'Corrected timetable for the ferry' }))).correction).toBeUndefined();
    expect(only(parse(v1({ headline: 'Ferry timetable CORRECTED after complaints' }))).correction).toBeUndefined();
  });

  it('a correction member with a public note, a string note, or true', () => {
    expect(only(parse(v3({ correction: { note: 'An earlier version gave the wrong departure time.' } }))).correction).toEqual({
      note: 'An earlier version gave the wrong departure time.',
    });
    expect(only(parse(v1({ correction: 'The ferry left at 6.04, not 6.40.' }))).correction).toEqual({ note: 'The ferry left at 6.04, not 6.40.' });
    expect(only(parse(v1({ correction: true }))).correction).toEqual({});
    expect(only(parse(v1({ correction: false }))).correction).toBeUndefined();
  });

  it('a correction signal (string or object) and AP editorialtypes', () => {
    expect(only(parse(v1({ signals: ['correction'] }))).correction).toEqual({});
    expect(only(parse(v1({ signal: [{ code: 'sig:correction', name: 'Correction' }] }))).correction).toEqual({});
    expect(only(parse(v1({ editorialtypes: ['Correction'] }))).correction).toEqual({});
    expect(only(parse(v1({ signals: ['update'] }))).correction).toBeUndefined();
  });

  it('an ednote saying "corrects" is not read (and never shown)', () => {
    const result = parse(v1({ ednote: 'CORRECTS departure time; not for publication', edNote: 'Desk only' }));
    expect(only(result).correction).toBeUndefined();
    expect(JSON.stringify(result)).not.toMatch(/not for publication|Desk only/);
  });
});

describe('embargo', () => {
  it('embargoed (ninjs 1/2) and embargoedUntil (ninjs 3) as times', () => {
    expect(only(parse(v1({ embargoed: '2024-03-06T00:00:00+01:00' }))).embargoedUntil).toBe('2024-03-06T04:00:00+05:00');
    expect(only(parse(v3({ embargoedUntil: '2024-03-06T00:00:00Z' }))).embargoedUntil).toBe('2024-03-06T05:00:00+05:00');
    expect(only(parse(v1())).embargoedUntil).toBeUndefined();
  });

  it('embargoed true without a time is refused; false, null and "" mean none', () => {
    const text = json(v1({ embargoed: true }));
    expect(rejected(parse(text))).toEqual({
      line: lineOf(text, '"embargoed"'),
      message: expect.stringMatching(/^the item is marked embargoed but gives no time/),
    });
    for (const embargoed of [false, null, '']) expect(only(parse(v1({ embargoed }))).embargoedUntil).toBeUndefined();
  });

  it('an unreadable embargo time rejects the item', () => {
    expect(rejected(parse(v1({ embargoed: 'next Tuesday' }))).message).toMatch(/^"embargoed" is not a readable time/);
  });

  it('AP pubstatus "embargoed" holds the item back by its embargoed time; without one it cannot be released', () => {
    const held = only(parse(v1({ pubstatus: 'embargoed', embargoed: '2024-03-06T00:00:00Z' })));
    expect(held.status).toBe('usable');
    expect(held.embargoedUntil).toBe('2024-03-06T05:00:00+05:00');
    expect(rejected(parse(v1({ pubstatus: 'embargoed' }))).message).toMatch(/"embargoed" but the item gives no "embargoed" time/);
  });
});

describe('times', () => {
  it('zone-less times are in the configured zone', () => {
    const item = only(parse(v1({ firstcreated: '2024-07-05T06:10:00', versioncreated: '2024-07-05T08:00:00' }), { timeZone: 'Europe/London' }));
    expect(item.published).toBe('2024-07-05T06:10:00+01:00');
    expect(item.modified).toBe('2024-07-05T08:00:00+01:00');
  });

  it('colon-less offsets and the compact form', () => {
    expect(only(parse(v1({ firstcreated: '2024-03-05T06:10:00+0100' }))).published).toBe('2024-03-05T10:10:00+05:00');
    expect(only(parse(v1({ firstcreated: '20240305T061000Z' }))).published).toBe('2024-03-05T11:10:00+05:00');
    expect(only(parse(v1({ firstcreated: '2024-03-05T06:10:00.123Z' }))).published).toBe('2024-03-05T11:10:00+05:00');
  });

  it('published is versioncreated when there is no firstcreated; modified only when later', () => {
    const item = only(parse(v1({ firstcreated: undefined, versioncreated: '2024-03-05T09:00:00Z' })));
    expect(item.published).toBe('2024-03-05T14:00:00+05:00');
    expect(item.modified).toBeUndefined();
    expect(only(parse(v1({ versioncreated: '2024-03-05T05:00:00Z' }))).modified).toBeUndefined();
  });

  it('a date without a time of day is read as midnight, with a warning', () => {
    const item = only(parse(v1({ firstcreated: '2024-03-05', versioncreated: undefined })));
    expect(item.published).toBe('2024-03-05T00:00:00+05:00');
    expect(item.warnings[0]!.message).toMatch(/has a date but no time of day/);
  });

  it('an unreadable or missing time rejects the item, naming the field and its line', () => {
    const text = json(v1({ firstcreated: '05/03/2024 06:10' }));
    expect(rejected(parse(text))).toEqual({
      line: lineOf(text, '"firstcreated"'),
      message: expect.stringMatching(/^"firstcreated" is not a readable time \(not an ISO 8601 time: "05\/03\/2024 06:10"\)/),
    });
    expect(rejected(parse(v1({ versioncreated: '2024-02-30T10:00:00Z' }))).message).toMatch(/^"versioncreated" is not a readable time \(not a real time/);
    expect(rejected(parse(v3({ firstCreated: 1709619000 }))).message).toBe(
      '"firstCreated" must be an ISO 8601 time such as "2019-05-10T16:02:28+02:00", found the number 1709619000',
    );
    expect(rejected(parse(v1({ firstcreated: undefined, versioncreated: undefined }))).message).toMatch(/^no time/);
  });
});

describe('headline', () => {
  it('headlines[] role main among others; a sub role is the subheadline', () => {
    const item = only(
      parse(
        v2({
          headlines: [
            { role: 'short', value: 'Ferry back' },
            { role: 'main', value: 'Harbour ferry back in service after repairs' },
            { role: 'sub', value: 'Landing stage mended in a week' },
          ],
        }),
      ),
    );
    expect(item.headline).toBe('Harbour ferry back in service after repairs');
    expect(item.subheadline).toBe('Landing stage mended in a week');
  });

  it('the first headline without a role when none is main', () => {
    expect(only(parse(v2({ headlines: [{ value: 'Plain headline' }, { role: 'seo', value: 'SEO headline' }] }))).headline).toBe('Plain headline');
  });

  it('title only when no headline is given, with a warning', () => {
    const item = only(parse(v2({ headlines: undefined, title: 'Ferry title' })));
    expect(item.headline).toBe('Ferry title');
    expect(item.warnings[0]!.message).toMatch(/"title" \(metadata\) is used as the headline/);
  });

  it('no headline, or only invisible characters: rejected', () => {
    expect(rejected(parse(v1({ headline: undefined }))).message).toBe('no headline: expected "headline" (ninjs 1) or "headlines" with a value (ninjs 2 and 3)');
    expect(rejected(parse(v1({ headline: '\u200b\u200e ' }))).message).toMatch(/^expected a headline, found only invisible characters/);
  });

  it('entities in a headline are read; markup is dropped', () => {
    expect(only(parse(v1({ headline: 'Ferry &amp; bus <b>strike</b> ends' }))).headline).toBe('Ferry & bus strike ends');
  });
});

describe('body', () => {
  it('plain text splits on blank lines, or on line breaks when there is no blank line', () => {
    expect(paragraphs(only(parse(v1({ body_html: undefined, body_text: 'One.\r\n\r\n  Two.\n \nThree.' }))))).toEqual(['One.', 'Two.', 'Three.']);
    expect(paragraphs(only(parse(v2({ bodies: [{ contenttype: 'text/plain', value: 'One.\nTwo.\nThree.' }] }))))).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('html wins over plain text, wherever it is in bodies[]', () => {
    const item = only(
      parse(
        v2({
          bodies: [
            { role: 'text', contenttype: 'text/plain', value: 'Plain.' },
            { role: 'xhtml', contenttype: 'application/xhtml+xml', value: '<p>Marked up.</p>' },
          ],
        }),
      ),
    );
    expect(paragraphs(item)).toEqual(['Marked up.']);
  });

  it('bodies without a content type: by role, else by whether the value looks like markup', () => {
    expect(paragraphs(only(parse(v2({ bodies: [{ value: '<p>A.</p><p>B.</p>' }] }))))).toEqual(['A.', 'B.']);
    expect(paragraphs(only(parse(v2({ bodies: [{ value: 'A.\n\nB.' }] }))))).toEqual(['A.', 'B.']);
    expect(paragraphs(only(parse(v2({ bodies: [{ role: 'html5', value: 'A & B' }] }))))).toEqual(['A & B']);
  });

  it('an html body without paragraphs gives way to the plain one, with a warning', () => {
    const text = json(
      v2({
        bodies: [
          { contenttype: 'text/html', value: '<script>x()</script>' },
          { contenttype: 'text/plain', value: 'Plain text.' },
        ],
      }),
    );
    const item = only(parse(text));
    expect(paragraphs(item)).toEqual(['Plain text.']);
    expect(item.warnings).toEqual([{ line: lineOf(text, '"value": "Plain text."'), message: 'body read from bodies[1]: bodies[0] has no paragraph of text' }]);
  });

  it('an embedded NITF body: body.content read, the head not', () => {
    const nitf =
      '<?xml version="1.0" encoding="ISO-8859-1"?><nitf><head><title>Not body</title></head><body><body.head><hedline><hl1>Ferry</hl1></hedline></body.head>' +
      '<body.content><p>Café owners on the quay welcomed the boats.</p><hl2>Timetable</hl2><bq><p>We missed it.</p><credit>A passenger</credit></bq></body.content></body></nitf>';
    const item = only(parse(v3({ bodies: [{ role: 'nitf', contentType: 'text/vnd.IPTC.NITF', value: nitf }] })));
    expect(item.body).toEqual([
      { kind: 'paragraph', text: 'Café owners on the quay welcomed the boats.', line: expect.any(Number) },
      { kind: 'subhead', text: 'Timetable', line: expect.any(Number) },
      { kind: 'quote', text: 'We missed it.', cite: 'A passenger', line: expect.any(Number) },
    ]);
  });

  it('a malformed NITF body falls back to the plain text', () => {
    const item = only(
      parse(
        v3({
          bodies: [
            { contentType: 'text/vnd.IPTC.NITF', value: '<nitf><body.content><p>open' },
            { contentType: 'text/plain', value: 'Fallback.' },
          ],
        }),
      ),
    );
    expect(paragraphs(item)).toEqual(['Fallback.']);
    expect(item.warnings[0]!.message).toMatch(/^body read from bodies\[1\]: bodies\[0\] its NITF is not readable/);
  });

  it('a leading heading or paragraph that repeats the headline is not kept', () => {
    const item = only(parse(v1({ body_html: '<h1>Harbour ferry back in service after repairs</h1><p>Text.</p><h2>More</h2><p>Again.</p>' })));
    expect(item.body.map((b) => b.kind)).toEqual(['paragraph', 'subhead', 'paragraph']);
  });

  it('descriptions are never the body', () => {
    const error = rejected(parse(v2({ bodies: undefined, descriptions: [{ role: 'summary', value: 'A summary of the ferry story.' }] })));
    expect(error.message).toMatch(/only a description, which is a summary, not the story/);
    const item = only(parse(v1({ description_text: 'Summary text only.' })));
    expect(JSON.stringify(item)).not.toContain('Summary text only');
  });

  it('every block carries the line of the body field', () => {
    const text = json(v1());
    const item = only(parse(text));
    expect(new Set(item.body.map((b) => b.line))).toEqual(new Set([lineOf(text, '"body_html"')]));
  });
});

describe('dateline', () => {
  it.each([
    ['ATLANTA (AP) — The ferry resumed.', 'ATLANTA (AP) —', 'ATLANTA'],
    ['PORT SEATON, Scotland (Reuters) - The ferry resumed.', 'PORT SEATON, Scotland (Reuters) -', 'PORT SEATON, Scotland'],
    ['Berlin (dpa) - Die Fähre fährt wieder.', 'Berlin (dpa) -', 'Berlin'],
    ['BEIJING, Jan. 5 (Xinhua) -- The ferry resumed.', 'BEIJING, Jan. 5 (Xinhua) --', 'BEIJING'],
  ])('%s', (first, printed, place) => {
    const item = only(parse(v1({ located: undefined, body_html: `<p>${first}</p><p>Second.</p>` })));
    expect(item.datelineText).toBe(printed);
    expect(item.dateline).toBe(place);
    expect(paragraphs(item)[0]).toBe(first.slice(printed.length).trim());
  });

  it('located wins as the place; a paragraph that was only the dateline goes', () => {
    const item = only(parse(v1({ body_html: '<p>PORT SEATON (AP) —</p><p>The ferry resumed.</p>' })));
    expect(item.dateline).toBe('Port Seaton');
    expect(item.datelineText).toBe('PORT SEATON (AP) —');
    expect(paragraphs(item)).toEqual(['The ferry resumed.']);
  });

  it('no agency in brackets, no dateline', () => {
    const item = only(parse(v1({ located: undefined, body_html: '<p>Referee Zwayer: the ferry resumed.</p>' })));
    expect(item.dateline).toBeUndefined();
    expect(item.datelineText).toBeUndefined();
  });
});

describe('byline', () => {
  it("a trailing agency after a comma or slash is its own part; the item's own copyright holder is an agency", () => {
    expect(only(parse(v2({ by: 'Von Amina Clarke, dpa' }))).byline).toEqual([
      { name: 'Amina Clarke', kind: 'person' },
      { name: 'dpa', kind: 'agency' },
    ]);
    expect(only(parse(v2({ by: 'Amina Clarke/NTB', copyrightholder: 'NTB' }))).byline).toEqual([
      { name: 'Amina Clarke', kind: 'person' },
      { name: 'NTB', kind: 'agency' },
    ]);
    expect(only(parse(v2({ by: 'NTB', copyrightholder: 'NTB' }))).byline).toEqual([{ name: 'NTB', kind: 'agency' }]);
    expect(only(parse(v2({ by: 'Amina Clarke, Harbour University' }))).byline).toEqual([{ name: 'Amina Clarke, Harbour University', kind: 'person' }]);
  });

  it('AP bylines[].by, then superdesk authors (editors left out) when there is no byline', () => {
    expect(only(parse(v1({ byline: undefined, bylines: [{ by: 'By AMINA CLARKE', title: 'Writer' }] }))).bylineText).toBe('By AMINA CLARKE');
    const item = only(
      parse(
        v1({
          byline: undefined,
          authors: [
            { name: 'Desk Editor', role: 'editor' },
            { name: 'Amina Clarke', role: 'writer' },
            { name: 'Reuters', role: 'writer' },
          ],
        }),
      ),
    );
    expect(item.bylineText).toBe('Amina Clarke | Reuters');
    expect(item.byline).toEqual([
      { name: 'Amina Clarke', kind: 'person' },
      { name: 'Reuters', kind: 'agency' },
    ]);
  });

  it('no byline: empty', () => {
    const item = only(parse(v1({ byline: undefined })));
    expect(item.bylineText).toBe('');
    expect(item.byline).toEqual([]);
  });
});

describe('subjects', () => {
  it('IPTC schemes and uris are qualified; bare eight-digit codes by their range', () => {
    const item = only(
      parse(
        v1({
          subject: [
            { code: '15000000', scheme: 'http://cv.iptc.org/newscodes/subjectcode/', name: 'sport' },
            { code: '20000349', name: 'economic policy' },
            { code: '04000000', name: 'economy' },
            { code: 'medtop:01000000', name: 'already qualified' },
            { name: 'Name only' },
          ],
          genre: [
            { code: 'Analysis', scheme: 'http://cv.iptc.org/newscodes/genre/', name: 'Analysis' },
            { code: 'Feature', name: 'Feature' },
          ],
          service: [{ code: 'f', name: 'Finance' }],
        }),
      ),
    );
    expect(item.subjects).toEqual([
      { code: 'subj:15000000', name: 'sport' },
      { code: 'medtop:20000349', name: 'economic policy' },
      { code: 'subj:04000000', name: 'economy' },
      { code: 'medtop:01000000', name: 'already qualified' },
      { name: 'Name only' },
      { code: 'genre:Analysis', name: 'Analysis' },
      { code: 'Feature', name: 'Feature' },
      { code: 'anpa:f', name: 'Finance' },
    ]);
  });

  it('ninjs 2/3 uri, literal and provider uris; AP category codes are ANPA categories', () => {
    const item = only(
      parse(
        v3({
          subjects: [
            { uri: 'http://cv.iptc.org/newscodes/subjectcode/04000000', name: 'economy' },
            { literal: '13010000', name: 'technology' },
            { uri: 'http://example.com/topics/ferries', name: 'Ferries' },
            { code: 's', name: 's', rels: ['category'] },
            { code: '94aaa8f8', name: 'Ships', scheme: 'http://cv.ap.org/id/' },
          ],
          genres: [{ uri: 'http://cv.iptc.org/newscodes/genre/Actuality' }, { literal: 'NEWS', name: 'News' }],
        }),
      ),
    );
    expect(item.subjects).toEqual([
      { code: 'subj:04000000', name: 'economy' },
      { code: 'subj:13010000', name: 'technology' },
      { code: 'http://example.com/topics/ferries', name: 'Ferries' },
      { code: 'anpa:s', name: 's' },
      { code: '94aaa8f8', name: 'Ships' },
      { code: 'genre:Actuality' },
      { code: 'NEWS', name: 'News' },
    ]);
  });

  it('places, people and organisations are not subjects', () => {
    expect(
      only(parse(v2({ subjects: undefined, places: [{ name: 'Port Seaton' }], people: [{ name: 'A. Clarke' }], organisations: [{ name: 'Ferry Co' }] })))
        .subjects,
    ).toEqual([]);
  });
});

describe('language', () => {
  it('a BCP 47 tag is kept; anything else is dropped with a warning', () => {
    expect(only(parse(v1({ language: 'nb-NO' }))).language).toBe('nb-NO');
    expect(only(parse(v1({ language: 'en_GB' }))).language).toBe('en-GB');
    const item = only(parse(v1({ language: 'English (UK)' })));
    expect(item.language).toBeUndefined();
    expect(item.warnings[0]!.message).toMatch(/is not a BCP 47 tag/);
  });
});
