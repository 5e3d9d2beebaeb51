// Property tests (fast-check): parseWire never throws and always returns a well-formed result.
// Total: 16,400 generated cases per run (8 properties × 2,000 cases, plus 400 very-long-line cases),
// with a fixed seed so failures reproduce. Set PARSER_FC_RUNS to run more (e.g. 20000) when hunting.
//
// For every input: either ok with an article (non-empty headline, ISO `published` with offset, at least
// one paragraph) or errors; every diagnostic (errors and warnings) has an integer line in 1..max(1, lines);
// no output string carries U+FFFD, CR, a BOM, a soft hyphen or a C0/C1 control; no "internal parser error".

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLines, decodeWireBytes, parseWire, type ParseResult } from '../../../integrations/dateline/formats/text/index.ts';
import { lineEdit, mutatedText } from '../../helpers/line-mutator.ts';
import { readSeed } from './helpers.ts';

const RUNS = Number(process.env.PARSER_FC_RUNS ?? 2_000);
const SEED = process.env.PARSER_FC_SEED ? Number(process.env.PARSER_FC_SEED) : 20_230_807;
const seed = readSeed();
const seedLines = seed.split('\n');

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;
const BAD_OUTPUT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFD\uFEFF\u00AD\r\n\t]/;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

function check(input: string | Uint8Array, options = {}): ParseResult {
  const result = parseWire(input, options); // must not throw
  const text = typeof input === 'string' ? input : decodeWireBytes(input).text;
  const lines = Math.max(1, countLines(text));
  const diagnostics = [...(result.ok ? [] : result.errors), ...result.warnings];
  for (const d of diagnostics) {
    if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines) throw new Error(`line ${d.line} outside 1..${lines}: ${d.message}`);
    if (d.message.startsWith('internal parser error')) throw new Error(d.message);
    if (typeof d.message !== 'string' || d.message === '') throw new Error('empty message');
  }
  if (result.ok) {
    const a = result.article;
    if (a.headline === '') throw new Error('empty headline');
    if (!ISO.test(a.published)) throw new Error(`bad published ${a.published}`);
    if (a.modified !== undefined && !ISO.test(a.modified)) throw new Error(`bad modified ${a.modified}`);
    if (!a.body.some((b) => b.kind === 'paragraph')) throw new Error('no paragraph');
    for (const s of strings(a)) if (BAD_OUTPUT.test(s)) throw new Error(`bad character in output ${JSON.stringify(s)}`);
  } else if (result.errors.length === 0) {
    throw new Error('rejected without an error');
  }
  return result;
}

const char = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));
// Characters that matter to this format: RTL scripts, bidi controls, C0/C1 controls and NUL, line breaks,
// lone surrogates, and the format's own tokens.
const nasty = fc.oneof(
  char(0x0590, 0x05ff), // Hebrew
  char(0x0600, 0x06ff), // Arabic / Urdu
  fc.constantFrom('\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c'),
  char(0x00, 0x1f),
  char(0x7f, 0x9f),
  fc.constantFrom('\0', '\n', '\r', '\r\n', '\t', ' ', '\u00a0', '\u00ad', '\ufeff', '\ufffd', '\u2028', '\u2029'),
  char(0xd800, 0xdfff), // lone surrogates
  fc.constantFrom(
    ' date 2023-08-07 ',
    'Published ',
    ' Published 07 Aug, 2023 09:26pm',
    'Updated ',
    'AFP | Reuters ',
    '▲ ',
    '▼ -0.11 (-0.26%)',
    'Decreased By',
    'Increased By',
    'BAFL 41.78 ',
    '6,643',
    'BEIJING: ',
    'ISLAMABAD, Jan 1 (APP):',
    '(AJK)',
    '[',
    ']',
    ':',
    '|',
    '— Reuters/File',
    'Published in Dawn, January 1st, 2025',
    'Also read: ',
    'Brecorder',
    'PRINT EDITION ►',
    '12:00am',
    '31 Feb, 2023',
  ),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const nastyText = fc.array(nasty, { maxLength: 200 }).map((parts) => parts.join(''));

// The reference article with its lines dropped, duplicated, swapped, edited or cut short.
const mutatedSeed = mutatedText([seed], lineEdit({ insert: nastyText, edit: fc.array(nasty, { maxLength: 5 }).map((p) => p.join('')) }), {
  maxEdits: 8,
  truncate: true,
});

describe('parseWire never throws and returns well-formed results', () => {
  const opts = { numRuns: RUNS, seed: SEED };

  it('random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (s) => void check(s)),
      opts,
    );
  });

  it('random Unicode (full code point range)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (s) => void check(s)),
      opts,
    );
  });

  it('RTL scripts, bidi controls, C0/C1 controls, NUL, lone surrogates and format tokens', () => {
    fc.assert(
      fc.property(nastyText, (s) => void check(s)),
      opts,
    );
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1_000 }), (b) => void check(b)),
      opts,
    );
  });

  it('random bytes around a valid article (UTF-8 and Windows-1252 mixtures)', () => {
    const base = new TextEncoder().encode(seed);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 20 }), fc.nat(), (noise, at) => {
        const i = at % base.length;
        check(Uint8Array.from([...base.slice(0, i), ...noise, ...base.slice(i)]));
      }),
      opts,
    );
  });

  it('the reference article with lines dropped, duplicated, swapped, edited, truncated', () => {
    fc.assert(
      fc.property(mutatedSeed, (s) => void check(s)),
      opts,
    );
  });

  it('the reference article mutated, with other time zones and line limits', () => {
    const zone = fc.constantFrom('Asia/Karachi', 'UTC', 'Europe/London', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Kathmandu', 'Not/AZone', '');
    fc.assert(
      fc.property(
        mutatedSeed,
        zone,
        fc.option(fc.integer({ min: -5, max: 400 }), { nil: undefined }),
        (s, timeZone, maxLineLength) => void check(s, maxLineLength === undefined ? { timeZone } : { timeZone, maxLineLength }),
      ),
      opts,
    );
  });

  it('the reference article with a single line mutated only lightly still parses', () => {
    // Appending text to the last paragraph never breaks the article.
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (extra) => {
        const r = check(seed.trimEnd() + extra.replace(/[\r\n\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ''));
        expect(r.ok).toBe(true);
      }),
      opts,
    );
  });

  it('very long lines (up to 150,000 characters) in every position', () => {
    const filler = fc.constantFrom(' ', 'A', ':', '1,', 'ISLAMABAD ', 'Published ', 'BAFL 41.78 ', '(', '— ', 'a b ', '\u00a0', 'ب');
    fc.assert(
      fc.property(filler, fc.integer({ min: 1_000, max: 150_000 }), fc.nat(), (unit, length, at) => {
        const lines = [...seedLines];
        const line = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
        lines.splice(at % (lines.length + 1), 0, line);
        const r = check(lines.join('\n'));
        if (length > 100_000) expect(r.ok).toBe(false);
      }),
      { numRuns: 400, seed: SEED },
    );
  });
});
