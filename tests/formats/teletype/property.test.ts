// Property tests (fast-check) for both teletype parsers: random bytes, and messages of our fixtures
// with lines dropped, duplicated, swapped, cut, or sprinkled with control bytes and format tokens.
// For every input: no throw, no internal error; every diagnostic line within 1..lineCount; every
// output string free of control characters, U+FFFD and BOMs; a usable item has a headline, an ISO time
// with offset and a paragraph. Fixed seed; PARSER_FC_RUNS raises the count when hunting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnpa1312 } from '../../../integrations/dateline/formats/anpa1312/index.ts';
import { parseIptc7901 } from '../../../integrations/dateline/formats/iptc7901/index.ts';
import { decodeBytes, lineCount } from '../../../integrations/dateline/formats/shared/decode.ts';
import type { FileParse, FormatOptions } from '../../../integrations/dateline/formats/item.ts';
import { applyLineEdits, lineEdit } from '../../helpers/line-mutator.ts';
import { anpa, iptc, latin1, utf8 } from './fixtures.ts';

const RUNS = Number(process.env.PARSER_FC_RUNS ?? 400);
const SEED = process.env.PARSER_FC_SEED ? Number(process.env.PARSER_FC_SEED) : 19_791_312;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)$/;
const BAD_OUTPUT = /[\u0000-\u001f\u007f-\u009f\ufffd\ufeff\u00ad]/;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

function check(parse: (b: Uint8Array, o: FormatOptions) => FileParse, bytes: Uint8Array, options: FormatOptions): void {
  const result = parse(bytes, options);
  const lines = lineCount(decodeBytes(bytes).text);
  const diagnostics = [...result.errors, ...result.warnings, ...result.items.flatMap((i) => (i.ok ? i.warnings : [...i.errors, ...i.warnings]))];
  for (const d of diagnostics) {
    if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines) throw new Error(`line ${d.line} outside 1..${lines}: ${d.message}`);
    if (d.message === '' || d.message.startsWith('internal parser error')) throw new Error(d.message);
  }
  if (result.errors.length > 0 && result.items.length > 0) throw new Error('file errors with items');
  if (result.errors.length === 0 && !result.items.some((i) => i.ok)) throw new Error('no item and no error');
  for (const i of result.items) {
    if (!i.ok) {
      if (i.errors.length === 0) throw new Error('rejected item without an error');
      continue;
    }
    const item = i.item;
    if (!ISO.test(item.published)) throw new Error(`bad published ${item.published}`);
    if (item.status === 'usable') {
      if (item.headline === '') throw new Error('usable item without a headline');
      if (!item.body.some((b) => b.kind === 'paragraph')) throw new Error('usable item without a paragraph');
    }
    for (const s of strings(item)) if (BAD_OUTPUT.test(s)) throw new Error(`bad character in ${JSON.stringify(s)}`);
  }
}

const tokens = fc.constantFrom(
  '\u0001',
  '\u0002',
  '\u0003',
  '\u0004',
  '\u0016',
  '\u001f',
  '\u0011',
  '\u0012',
  '\u0013',
  '\u0014',
  '\u0008',
  '\u001e',
  '\u0010',
  '\u007f',
  '\u000c',
  '\u0000',
  '\u0007',
  '\u0085',
  '\ufeff',
  '\ufffd',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '^',
  '<',
  '=',
  ' _ ',
  '``',
  "''",
  '#',
  '* * * *',
  '___',
  'BC-US--Ferry-Strike, KILL',
  '1st Ld-Writethru',
  '2ND LEAD',
  'Eds: CORRECTS',
  '(AP) _ ',
  '(dpa) - ',
  'AP-WF-13-45-99 9999GMT',
  '999999 GMT Foo 99',
  '311800 GMT Dez',
  'AP-WF-02-29-23 2500GMT',
  '<script>x</script>',
  'By ',
  'Advisory',
  'ryryry',
  '\ud800',
  'ü',
  'é',
  'Zürich',
);
const noise = fc.array(fc.oneof(tokens, fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 12 }).map((p) => p.join(''));

// An edit may also cut the message off after a line, as a broken transmission does.
const edit = lineEdit({ insert: noise, edit: noise, cutLines: true });

const seeds = [
  iptc(),
  iptc({ marks: ['1ST LEAD'], byline: 'By Mia Klein, dpa', notebook: ['## Note to editors', '- corrects name'] }),
  iptc({ marks: ['KILL'], body: [] }),
  anpa(),
  anpa({ slug: 'BC-US--Ferry-Strike, 2nd Ld-Writethru,400', notes: ['Eds: CORRECTS name.'] }),
  anpa({ slug: 'BC-US--Ferry-Strike, KILL', headline: 'KILL', body: [] }),
  anpa({ tabular: true, extra: ['\u0008^\u001f\u001e W\u001e L', '\u0008Isle\u0010 Line\u001f\u001e 9\u001e _{'] }),
];
const optionsArb = fc
  .record({
    timeZone: fc.constantFrom('UTC', 'Asia/Karachi', 'America/New_York'),
    fileTime: fc.option(fc.integer({ min: 0, max: 4_102_444_800_000 }), { nil: undefined }),
    maxLineLength: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
  })
  .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as unknown as FormatOptions);

const parsers = [
  ['IPTC 7901', parseIptc7901],
  ['ANPA 1312', parseAnpa1312],
] as const;

describe.each(parsers)('%s properties', (_name, parse) => {
  it('random bytes never break the parser', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), optionsArb, (bytes, o) => check(parse, bytes, o)),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('random bytes after a message start never break the parser', () => {
    const start = fc.constantFrom('\u0016\u0016\u0001a1234\u001f-----\n', '\u0001eca101 4 i 120 ccccb dpa 042\r\n');
    fc.assert(
      fc.property(start, fc.uint8Array({ maxLength: 400 }), optionsArb, (s, tail, o) => check(parse, Uint8Array.from([...utf8(s), ...tail]), o)),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('mutated messages never break the parser and keep clean output', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(edit, { maxLength: 6 }), fc.boolean(), optionsArb, (seedText, edits, asLatin1, o) => {
        const text = applyLineEdits(seedText, edits);
        let bytes: Uint8Array;
        try {
          bytes = asLatin1 ? latin1(text) : utf8(text);
        } catch {
          bytes = utf8(text);
        }
        check(parse, bytes, o);
      }),
      { numRuns: RUNS * 2, seed: SEED },
    );
  });

  it('several mutated messages in one file never break the parser', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { maxLength: 3 })), { minLength: 2, maxLength: 5 }), optionsArb, (parts, o) => {
        check(parse, utf8(parts.map(([s, e]) => applyLineEdits(s, e)).join('\r\n')), o);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('never throws on what is not bytes', () => {
  it.each(parsers)('%s', (_name, parse) => {
    for (const bad of [undefined, null, 'text', 42, {}]) {
      const result = parse(bad as unknown as Uint8Array, { timeZone: 'UTC' });
      expect(result.items).toEqual([]);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]!.line).toBe(1);
    }
    expect(parse(utf8('x'), undefined as unknown as FormatOptions).errors[0]!.message).toMatch(/unknown time zone/);
  });
});
