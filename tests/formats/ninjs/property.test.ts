// Property tests (fast-check): parseNinjs never throws and always returns a well-formed result, with a
// fixed seed so failures reproduce. PARSER_FC_RUNS raises the number of cases when hunting.
//
// For every input: either file errors and no items, or items; every diagnostic (file and item errors and
// warnings) has an integer line in 1..lineCount; every item line, headline line and block line too; a
// parsed item has an ISO `published` with offset, and a usable one a headline and a paragraph; no
// output string carries a C0/C1 control, CR/LF/tab, a BOM, U+FFFD, a soft hyphen or a lone surrogate;
// no "internal parser error".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileParse, FormatOptions } from '../../../integrations/dateline/formats/item.ts';
import { parseNinjs } from '../../../integrations/dateline/formats/ninjs/index.ts';
import { decodeBytes, lineCount } from '../../../integrations/dateline/formats/shared/decode.ts';
import { lineEdit, mutatedText } from '../../helpers/line-mutator.ts';
import { checkPictures } from '../xml/helpers.ts';
import { json, linkedOnly, picture, v1, v1Second, v2, v3 } from './fixtures.ts';
import { withPictures } from './picture-fixtures.ts';

const RUNS = Number(process.env.PARSER_FC_RUNS ?? 2_000);
const SEED = process.env.PARSER_FC_SEED ? Number(process.env.PARSER_FC_SEED) : 20_240_305;
const opts = { numRuns: RUNS, seed: SEED };

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z)$/;
const BAD_OUTPUT = /[\u0000-\u001F\u007F-\u009F\uFFFD\uFEFF\u00AD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

const encoder = new TextEncoder();

function check(input: string | Uint8Array, options: FormatOptions = { timeZone: 'Asia/Karachi' }): FileParse {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const result = parseNinjs(bytes, options); // must not throw
  const lines = lineCount(decodeBytes(bytes).text);
  const inFile = (line: number, what: string) => {
    if (!Number.isInteger(line) || line < 1 || line > lines) throw new Error(`${what} line ${line} outside 1..${lines}`);
  };
  const diagnostics = [...result.errors, ...result.warnings];
  for (const parsed of result.items) diagnostics.push(...(parsed.ok ? [] : parsed.errors), ...parsed.warnings);
  for (const d of diagnostics) {
    inFile(d.line, `diagnostic "${d.message}"`);
    if (typeof d.message !== 'string' || d.message === '') throw new Error('empty message');
    if (d.message.startsWith('internal parser error')) throw new Error(d.message);
  }
  if (result.errors.length > 0 && result.items.length > 0) throw new Error('file errors and items at once');
  if (result.errors.length === 0 && result.items.length === 0) throw new Error('neither items nor errors');
  for (const parsed of result.items) {
    inFile(parsed.ok ? parsed.item.line : parsed.line, 'item');
    if (!parsed.ok) {
      if (parsed.errors.length === 0) throw new Error('item rejected without an error');
      continue;
    }
    const item = parsed.item;
    inFile(item.headlineLine, 'headline');
    for (const b of item.body) inFile(b.line, `block ${b.kind}`);
    if (!ISO.test(item.published)) throw new Error(`bad published ${item.published}`);
    for (const t of [item.modified, item.embargoedUntil]) if (t !== undefined && !ISO.test(t)) throw new Error(`bad time ${t}`);
    if (item.status === 'usable') {
      if (item.headline === '') throw new Error('usable item without a headline');
      if (!item.body.some((b) => b.kind === 'paragraph')) throw new Error('usable item without a paragraph');
    }
    if (!item.identity.key) throw new Error('empty identity key');
    for (const s of strings(item)) if (BAD_OUTPUT.test(s)) throw new Error(`bad character in output ${JSON.stringify(s)}`);
    checkPictures(item, lines);
  }
  return result;
}

const char = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCharCode(c));
// Characters and tokens that matter here: controls, escapes, surrogates, JSON punctuation, ninjs keys,
// markup and times.
const nasty = fc.oneof(
  char(0x00, 0x1f),
  char(0x7f, 0x9f),
  char(0xd800, 0xdfff),
  fc.constantFrom('\\u0000', '\\ud800', '\\udc00', '\\u001b', '\\"', '\\\\', '\\n', '\ufeff', '\ufffd', '\u00ad', '\u202e'),
  fc.constantFrom('{', '}', '[', ']', ',', ':', '"', 'null', 'true', '1e999', '-0', '0.5', '"2a"'),
  fc.constantFrom(
    '"uri": "urn:x", ',
    '"headline": ',
    '"headlines": [{"value": "H"}]',
    '"bodies": [',
    '"body_html": "<p>x</p>"',
    '"pubstatus": "canceled"',
    '"type": "picture"',
    '"__proto__": {}',
    '"versioncreated": "2024-03-05T06:10:00"',
    '"embargoed": true',
    '"items": [',
    '"data": {"item": ',
    '<script>alert(1)</script>',
    '<p onerror=x>',
    '<a href=\\"javascript:x\\">',
    '<div><div><div>',
    '&amp;',
    '&#xD800;',
    'CORRECTED-',
    '2024-02-30T10:00:00Z',
    '20240305T061000+0100',
    '$schema',
    'json-schema.org',
  ),
  fc.string({ maxLength: 6 }),
);
const nastyText = fc.array(nasty, { maxLength: 60 }).map((parts) => parts.join(''));

const seeds = [
  json(v1()),
  json(v2()),
  json(v3()),
  JSON.stringify(v1Second()),
  json([v1(), picture(), v2({ uri: 'urn:b' })]),
  json({ data: { items: [{ meta: {}, item: linkedOnly() }, { item: v1({ uri: 'urn:c' }) }] } }),
  json({ item: [v3({ pubStatus: 'canceled', headlines: [] })] }),
  json(withPictures(1)),
  json(withPictures(2)),
  json(withPictures(3)),
];

const mutatedSeed = mutatedText(seeds, lineEdit({ insert: nastyText, edit: fc.array(nasty, { maxLength: 4 }).map((p) => p.join('')) }), {
  maxEdits: 6,
  truncate: true,
});

// ninjs-shaped objects built from parts, valid and not: every field may be missing, of the wrong
// kind, or hostile.
const time = fc.oneof(
  fc.constantFrom(
    '2024-03-05T06:10:00Z',
    '2024-03-05T06:10:00',
    '2024-03-05T06:10:00+0100',
    '20240305T061000Z',
    '2024-03-05',
    '2024-02-30T10:00:00Z',
    'soon',
    '',
  ),
  fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constant(1709619000),
  fc.constant(true),
  fc.constant(null),
);
const text = fc.oneof(fc.string({ maxLength: 40 }), nastyText, fc.constantFrom('Ferry back', 'CORRECTED-Ferry back', '', '\u200b'));
const html = fc
  .array(
    fc.oneof(
      text,
      fc.constantFrom(
        '<p>',
        '</p>',
        '<h1>',
        '</h1>',
        '<script>',
        '</script>',
        '<style>',
        '<blockquote>',
        '<ul><li>',
        '<img onerror="x">',
        '<a href="javascript:x">',
        '<br>',
        '<table><tr><td>',
      ),
    ),
    { maxLength: 20 },
  )
  .map((p) => p.join(''));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const size = fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.constantFrom('172', '1e3', ' 9 ', '', 1e300, 0.5, Number.MAX_SAFE_INTEGER), text);
const rendition = fc.record(
  {
    name: maybe(fc.oneof(fc.constantFrom('baseImage', 'thumbnail', 'WatermarkPreview', 'wm'), text)),
    title: maybe(fc.oneof(fc.constantFrom('Preview with watermark', 'Hires'), text)),
    href: maybe(
      fc.oneof(
        fc.constantFrom(
          'https://example.com/a.jpg',
          'a_WatermarkPreview.jpg',
          'data:image/png;base64,AAAA',
          'javascript:alert(1)',
          'tag:x.com,2024:y',
          '//cdn.example.com/x.jpg',
          '',
          ' a  b.jpg ',
        ),
        text,
        fc.integer(),
      ),
    ),
    width: maybe(size),
    height: maybe(size),
    contenttype: maybe(fc.constantFrom('image/jpeg', 'video/mp4', 'text/xml', '')),
    mimetype: maybe(fc.constantFrom('image/png', 'application/pdf')),
    sizeinbytes: maybe(size),
    priced: maybe(fc.oneof(fc.boolean(), text)),
    poi: maybe(fc.oneof(fc.record({ x: size, y: size }), text, fc.constant(null))),
  },
  { requiredKeys: [] },
);
const association = fc.record(
  {
    type: maybe(fc.constantFrom('picture', 'image', 'graphic', 'video', 'text', '')),
    name: maybe(fc.oneof(fc.constantFrom('featureimage', 'a001', 'main', 'mainpic'), text)),
    uri: maybe(text),
    by: maybe(text),
    headline: maybe(text),
    description_text: maybe(html),
    descriptions: maybe(
      fc.array(fc.record({ role: maybe(fc.constantFrom('caption', 'alt', 'text', '')), value: maybe(fc.oneof(text, html)) }), { maxLength: 3 }),
    ),
    pubstatus: maybe(fc.oneof(fc.constantFrom('usable', 'canceled', 'withheld', 'embargoed'), text)),
    pubStatus: maybe(fc.constantFrom('canceled', 'bogus')),
    embargoed: maybe(time),
    embargoedUntil: maybe(time),
    copyrightnotice: maybe(text),
    usageTerms: maybe(text),
    renditions: maybe(
      fc.oneof(
        fc.array(rendition, { maxLength: 4 }),
        fc.dictionary(fc.constantFrom('baseImage', 'thumb', '__proto__', 'viewImage'), rendition, { maxKeys: 3 }),
        text,
      ),
    ),
  },
  { requiredKeys: [] },
);
const ninjsObject = fc.record(
  {
    uri: maybe(fc.oneof(text, fc.constant('https://api.example.com/media/v/content/a?qt=1&et=2'), fc.integer())),
    guid: maybe(text),
    type: maybe(fc.constantFrom('text', 'picture', 'composite', 'video', 'story', 'advisory', 'event')),
    version: maybe(fc.oneof(fc.constantFrom('1', '2a', '', ' 3 '), fc.integer(), fc.double())),
    firstcreated: maybe(time),
    versioncreated: maybe(time),
    versionCreated: maybe(time),
    embargoed: maybe(time),
    pubstatus: maybe(fc.oneof(fc.constantFrom('usable', 'canceled', 'withheld', 'embargoed', 'deleted', 'stat:canceled'), text)),
    headline: maybe(text),
    headlines: maybe(fc.array(fc.record({ role: maybe(fc.constantFrom('main', 'sub', 'seo', '')), value: maybe(text) }), { maxLength: 3 })),
    byline: maybe(text),
    located: maybe(text),
    language: maybe(fc.oneof(fc.constantFrom('en', 'nb-NO', 'en_GB', 'English'), text)),
    body_html: maybe(html),
    body_text: maybe(text),
    bodies: maybe(
      fc.array(
        fc.record({
          contenttype: maybe(fc.constantFrom('text/html', 'text/plain', 'text/vnd.IPTC.NITF', 'application/xml')),
          role: maybe(fc.constantFrom('html', 'text', 'nitf')),
          value: maybe(fc.oneof(html, text)),
        }),
        { maxLength: 3 },
      ),
    ),
    subject: maybe(
      fc.array(
        fc.record({
          code: maybe(fc.oneof(fc.constantFrom('04000000', '20000349', 's', 'medtop:1'), text)),
          name: maybe(text),
          scheme: maybe(fc.constantFrom('http://cv.iptc.org/newscodes/mediatopic/', 'http://cv.ap.org/id/')),
        }),
        { maxLength: 3 },
      ),
    ),
    signals: maybe(fc.array(fc.oneof(fc.constantFrom('newscontent', 'correction'), text), { maxLength: 2 })),
    correction: maybe(fc.oneof(fc.boolean(), text, fc.record({ note: maybe(text) }))),
    provider: maybe(fc.constantFrom('AP', 'dpa')),
    renditions: maybe(fc.constant({ nitf: { href: 'https://example.com/x' } })),
    associations: maybe(
      fc.oneof(fc.array(association, { maxLength: 3 }), fc.dictionary(fc.constantFrom('featuremedia', 'mainpic', 'logo', 'x'), association, { maxKeys: 3 })),
    ),
  },
  { requiredKeys: [] },
);
const shaped = fc.tuple(fc.array(ninjsObject, { minLength: 1, maxLength: 4 }), fc.constantFrom('single', 'array', 'items', 'ap')).map(([items, shape]) => {
  const clean = items.map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
  if (shape === 'single') return json(clean[0]);
  if (shape === 'array') return json(clean);
  if (shape === 'items') return json({ items: clean });
  return json({ data: { items: clean.map((item) => ({ meta: {}, item })) } });
});

describe('parseNinjs never throws and returns well-formed results', () => {
  it('random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void check(s)),
      opts,
    );
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (b) => void check(b)),
      opts,
    );
  });

  it('random JSON values', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (s) => void check(s)),
      opts,
    );
  });

  it('valid files with lines dropped, duplicated, swapped, edited, truncated', () => {
    fc.assert(
      fc.property(mutatedSeed, (s) => void check(s)),
      opts,
    );
  });

  it('random bytes inside a valid file (UTF-8 and Windows-1252 mixtures)', () => {
    const base = encoder.encode(seeds[1]!);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 12 }), fc.nat(), (noise, at) => {
        const i = at % base.length;
        check(Uint8Array.from([...base.slice(0, i), ...noise, ...base.slice(i)]));
      }),
      opts,
    );
  });

  it('ninjs-shaped objects with missing, mistyped and hostile fields, in every wrapper', () => {
    let parsed = 0;
    let killed = 0;
    fc.assert(
      fc.property(shaped, (s) => {
        for (const i of check(s).items) {
          if (i.ok) parsed++;
          if (i.ok && i.item.status !== 'usable') killed++;
        }
      }),
      opts,
    );
    // The generator reaches the parsed path, kills included, not only rejections.
    expect(parsed).toBeGreaterThan(RUNS / 20);
    expect(killed).toBeGreaterThan(0);
  });

  it('mutated files in other time zones, with and without a file time', () => {
    const zone = fc.constantFrom('Asia/Karachi', 'UTC', 'Europe/London', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Kathmandu', 'Not/AZone', '');
    const fileTime = fc.option(fc.integer({ min: 0, max: 4_102_444_800_000 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.oneof(mutatedSeed, shaped),
        zone,
        fileTime,
        (s, timeZone, ft) => void check(s, ft === undefined ? { timeZone } : { timeZone, fileTime: ft }),
      ),
      opts,
    );
  });
});
