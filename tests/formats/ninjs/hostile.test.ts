// Hostile and damaged input: prototype keys, huge numbers, deep nesting, scripts and handlers in
// bodies and headlines, control characters and lone surrogates, encodings.
import { describe, expect, it } from 'vitest';
import { parseNinjs } from '../../../integrations/dateline/formats/ninjs/index.ts';
import { encodeCp1252 } from '../text/helpers.ts';
import { json, v1, v2, v3 } from './fixtures.ts';
import { only, parse, paragraphs, rejected, utf8 } from './helpers.ts';

const BAD_OUTPUT = /[\u0000-\u001F\u007F-\u009F\uFFFD\uFEFF\u00AD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

describe('prototype keys', () => {
  it('__proto__ and constructor keys are plain field names: nothing is polluted, the item reads', () => {
    const text = `{
  "__proto__": { "polluted": "yes", "headline": "From the prototype" },
  "constructor": { "prototype": { "polluted": "yes" } },
  "uri": "urn:example:proto",
  "versioncreated": "2024-03-05T06:10:00Z",
  "headline": "Ferry back",
  "body_html": "<p>Text.</p>",
  "subject": [{ "__proto__": { "code": "evil" }, "code": "04000000", "name": "economy" }],
  "associations": { "__proto__": { "type": "picture" } }
}`;
    const item = only(parse(text));
    expect(item.headline).toBe('Ferry back');
    expect(item.subjects).toEqual([{ code: 'subj:04000000', name: 'economy' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('headline');
  });

  it('an item whose only headline is under __proto__ has none', () => {
    expect(
      rejected(parse('{"uri": "urn:x", "versioncreated": "2024-03-05T06:10:00Z", "__proto__": {"headline": "Hidden"}, "body_text": "Text."}')).message,
    ).toMatch(/^no headline/);
  });
});

describe('numbers and nesting', () => {
  it('huge numbers in any field do no harm', () => {
    const text = json(v1({ urgency: 1, priority: 2, charcount: 3 }))
      .replace('"urgency": 1', '"urgency": 1e999')
      .replace('"priority": 2', '"priority": -1e999')
      .replace('"charcount": 3', '"charcount": 123456789012345678901234567890');
    expect(only(parse(text)).headline).toBe('Harbour ferry back in service after repairs');
  });

  it('JSON nested 100,000 deep in an unread field is read without exhausting the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const text = json(v1({ extra: 'DEEP' })).replace('"DEEP"', deep);
    expect(only(parse(text)).headline).toBe('Harbour ferry back in service after repairs');
  });

  it('deep nesting as the whole file is "not ninjs", not a crash', () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    expect(rejected(parse(deep)).message).toMatch(/^not ninjs/);
  });

  it('body markup nested thousands of levels deep rejects the item (the rest of a feed goes on)', () => {
    const deepBody = v1({ uri: 'urn:example:deep', body_html: `${'<div>'.repeat(20_000)}x${'</div>'.repeat(20_000)}` });
    const result = parse([deepBody, v1()]);
    expect(result.items.map((i) => i.ok)).toEqual([false, true]);
    const first = result.items[0]!;
    if (first.ok) throw new Error('expected a rejection');
    expect(first.errors[0]!.message).toMatch(/nested too deeply to read/);
  });
});

describe('scripts, styles, handlers and links', () => {
  it('are gone from body_html, with the text around them intact', () => {
    const body =
      '<p>The ferry <script>alert("x")</script>resumed <b onclick="steal()">on Tuesday</b>.</p>' +
      '<style>p { display: none }</style>' +
      '<p>See <a href="javascript:alert(1)">the timetable</a> and <img src="x" onerror="alert(2)">the map.</p>' +
      '<iframe src="https://evil.example/"></iframe><p onmouseover="x()">Last <noscript>hidden</noscript>paragraph.</p>';
    const item = only(parse(v1({ body_html: body })));
    expect(paragraphs(item)).toEqual(['The ferry resumed on Tuesday.', 'See the timetable and the map.', 'Last paragraph.']);
    const all = JSON.stringify(item);
    for (const bad of ['alert', 'script', 'display', 'javascript', 'onerror', 'onclick', 'steal', 'iframe', 'evil', 'hidden']) expect(all).not.toContain(bad);
  });

  it('are gone from headlines, bylines, places and notes', () => {
    const item = only(
      parse(
        v3({
          headlines: [{ role: 'main', value: 'Ferry <script>alert(1)</script>back <img src=x onerror="alert(2)">in service' }],
          by: 'Amina <style>b{}</style>Clarke',
          located: 'Port <a href="javascript:void(0)">Seaton</a>',
          correction: { note: 'Time <script>x()</script>corrected.' },
        }),
      ),
    );
    expect(item.headline).toBe('Ferry back in service');
    expect(item.bylineText).toBe('Amina Clarke');
    expect(item.dateline).toBe('Port Seaton');
    expect(item.correction).toEqual({ note: 'Time corrected.' });
    expect(JSON.stringify(item)).not.toMatch(/alert|script|javascript|onerror|style/);
  });

  it('a data-line attribute in a body cannot move a block outside the file', () => {
    const item = only(parse(v1({ body_html: '<p data-line="99999">One.</p><p data-line="-3">Two.</p>' })));
    const line = item.body[0]!.line;
    expect(item.body.every((b) => b.line === line)).toBe(true);
    expect(line).toBeLessThan(30);
  });

  it('escaped markup stays text (it is not turned into tags)', () => {
    expect(paragraphs(only(parse(v1({ body_html: '<p>Use &lt;b&gt; for bold</p>' }))))).toEqual(['Use <b> for bold']);
  });
});

describe('control characters and lone surrogates', () => {
  it('are removed from every output string', () => {
    const nasty = 'Ferry\u0000 back\u0007 in\u001b service\u0085\u009f\ufeff\ufffd\u00ad \ud800\ud83d\ude00\udc00';
    const result = parse(
      v2({
        headlines: [{ role: 'main', value: nasty }],
        by: `Amina\u0001 Clarke\udc00`,
        located: 'Port\u0002 Seaton',
        bodies: [
          { contenttype: 'text/html', value: `<p>Body: ${nasty}</p>` },
          { contenttype: 'text/plain', value: nasty },
        ],
        subjects: [{ literal: '04000000\u0000', name: 'econ\u0003omy' }],
        language: 'en\u0000',
      }),
    );
    const item = only(result);
    for (const s of strings(result)) expect(s, JSON.stringify(s)).not.toMatch(BAD_OUTPUT);
    expect(item.headline).toBe('Ferry back in service 😀');
    expect(item.bylineText).toBe('Amina Clarke');
    expect(item.dateline).toBe('Port Seaton');
    expect(paragraphs(item)).toEqual(['Body: Ferry back in service 😀']);
    expect(item.subjects).toEqual([{ code: 'subj:04000000', name: 'economy' }]);
    expect(item.language).toBe('en');
  });

  it('raw control bytes inside a JSON string are a JSON error with their line', () => {
    const text = '{\n  "uri": "urn:x",\n  "headline": "Ferry\u0007 back"\n}';
    expect(rejected(parse(text))).toMatchObject({ line: 3, message: expect.stringMatching(/^not valid JSON/) });
  });
});

describe('encodings', () => {
  it('raw Windows-1252 (Latin-1) bytes are read as such, with a warning', () => {
    const bytes = encodeCp1252(json(v1({ headline: 'Café terrace reopens – “at last”' })));
    const result = parseNinjs(bytes, { timeZone: 'UTC' });
    expect(only(result).headline).toBe('Café terrace reopens – “at last”');
    expect(result.warnings).toEqual([
      { line: 1, message: 'encoding: JSON should be UTF-8; no encoding declared but the bytes are not UTF-8; read as Windows-1252 (Latin-1)' },
    ]);
  });

  it('UTF-8 with a byte-order mark, and UTF-16 with one', () => {
    const text = json(v1({ headline: 'Fähre fährt wieder' }));
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(only(parseNinjs(bom, { timeZone: 'UTC' })).headline).toBe('Fähre fährt wieder');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const result = parseNinjs(utf16, { timeZone: 'UTC' });
    expect(only(result).headline).toBe('Fähre fährt wieder');
    expect(result.warnings).toEqual([]);
  });

  it('an embedded NITF body that declares Latin-1 is read from the JSON string as it is (no double decoding)', () => {
    const nitf = '<?xml version="1.0" encoding="ISO-8859-1"?><nitf><body><body.content><p>Fähre, café, “quotes”.</p></body.content></body></nitf>';
    const item = only(parse(v3({ bodies: [{ contentType: 'text/vnd.IPTC.NITF', value: nitf }] })));
    expect(paragraphs(item)).toEqual(['Fähre, café, “quotes”.']);
    expect(item.warnings).toEqual([]);
  });

  it('UTF-8 text that a sender double-encoded stays as sent (the bytes are valid UTF-8)', () => {
    const item = only(parse(v1({ headline: 'CafÃ© terrace' })));
    expect(item.headline).toBe('CafÃ© terrace');
  });
});

describe('notes not for publication', () => {
  it('ednote, edNote, usageterms and copyright notices never reach an output field', () => {
    const result = parse(
      v1({
        ednote: 'Editors: hold for the lawyers',
        edNote: 'Desk: second note',
        usageterms: 'Not for resale',
        copyrightnotice: 'Copyright notice text',
        description_text: 'Summary for the desk',
      }),
    );
    const all = JSON.stringify(result);
    for (const note of ['lawyers', 'second note', 'resale', 'Copyright notice', 'Summary for the desk']) expect(all).not.toContain(note);
    expect(only(result).headline).toBe('Harbour ferry back in service after repairs');
  });
});
