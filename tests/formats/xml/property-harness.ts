// Property tests shared by the XML formats (fast-check, fixed seed): random bytes and text, and valid
// documents with lines dropped, duplicated, swapped, edited or cut, with XML's own tokens among the
// edits. For every input the parser must not throw and must keep the contract (helpers.ts
// `checkParse`): diagnostics inside the file, clean output strings, no internal errors.
// PARSER_FC_RUNS raises the number of runs (default 400 per property); PARSER_FC_SEED changes the seed.
import fc from 'fast-check';
import { it } from 'vitest';
import type { FileParse, FormatOptions } from '../../../integrations/dateline/formats/item.ts';
import { lineEdit, mutatedText } from '../../helpers/line-mutator.ts';
import { checkParse, enc } from './helpers.ts';

const RUNS = Number(process.env.PARSER_FC_RUNS ?? 400);
const SEED = process.env.PARSER_FC_SEED ? Number(process.env.PARSER_FC_SEED) : 20_240_601;

const char = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));
const nasty = fc.oneof(
  char(0x00, 0x1f),
  char(0x7f, 0x9f),
  char(0x0600, 0x06ff),
  char(0xd800, 0xdfff),
  fc.constantFrom('\u200f', '\u202e', '\ufeff', '\ufffd', '\u00ad', '\u2028', '\r', '\r\n', '\n', '\t', '\u00a0'),
  fc.constantFrom(
    '<',
    '>',
    '&',
    '&amp;',
    '&nbsp;',
    '&#0;',
    '&#xD800;',
    '&#x1F600;',
    '&amp;#39;',
    ']]>',
    '<![CDATA[',
    '-->',
    '<!--',
    '<?pi x?>',
    '<!DOCTYPE x [<!ENTITY e "ee">]>',
    '<!ENTITY',
    '&e;',
    '"',
    "'",
    '=',
    '/>',
    '</p>',
    '<p>',
    '<script>alert(1)</script>',
    '<a href="javascript:x()" onclick="y()">',
    '<headline>',
    '</headline>',
    '<hl1>',
    '</body.content>',
    '<HeadLine>',
    '<pubStatus qcode="stat:canceled"/>',
    '<signal qcode="edStat:C"/>',
    '<embargoed>2024-01-01T00:00:00Z</embargoed>',
    'stat:withheld',
    'management-status="canceled"',
    'Status FormalName="Embargoed"',
    '20240101T000000',
    '2024-13-45T25:61:00Z',
    '+0100',
    'By Someone',
    'KARACHI (AP) — ',
    '(Corrects x)',
    'hh/ph',
    'ends',
    '<note>',
    '<edNote>secret</edNote>',
  ),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const nastyText = fc.array(nasty, { maxLength: 40 }).map((p) => p.join(''));

// An edit may also cut up to 12 characters after it, breaking a tag or an entity in two.
const edit = lineEdit({ insert: nastyText, edit: fc.array(nasty, { maxLength: 4 }).map((p) => p.join('')), editCut: 12 });
const mutated = (seeds: string[]) => mutatedText(seeds, edit, { maxEdits: 6, truncate: true });

export function xmlProperties(parse: (bytes: Uint8Array, options: FormatOptions) => FileParse, looksLike: (bytes: Uint8Array) => boolean, seeds: string[]) {
  const opts = { numRuns: RUNS, seed: SEED };
  const check = (bytes: Uint8Array, options: FormatOptions = { timeZone: 'Asia/Karachi' }) => {
    looksLike(bytes);
    checkParse(parse(bytes, options), bytes);
  };

  it('the seed documents parse', () => {
    for (const s of seeds) {
      const r = parse(enc(s), { timeZone: 'Asia/Karachi' });
      checkParse(r, enc(s));
      if (r.errors.length) throw new Error(`seed rejected: ${JSON.stringify(r.errors)}`);
    }
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 800 }), (b) => void check(b)),
      opts,
    );
  });

  it('random text, full Unicode range', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => void check(enc(s))),
      opts,
    );
  });

  it('valid documents with lines dropped, duplicated, swapped, edited, truncated', () => {
    fc.assert(
      fc.property(mutated(seeds), (s) => void check(enc(s))),
      opts,
    );
  });

  it('valid documents mutated, read in other zones', () => {
    const zone = fc.constantFrom('UTC', 'Europe/Oslo', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Kathmandu', 'Not/AZone', '');
    fc.assert(
      fc.property(mutated(seeds), zone, (s, timeZone) => void check(enc(s), { timeZone })),
      opts,
    );
  });

  it('random bytes inside a valid document (UTF-8, Latin-1 and UTF-16 fragments)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 24 }), fc.nat(), (which, noise, at) => {
        const base = enc(seeds[which % seeds.length]!);
        const i = at % base.length;
        check(Uint8Array.from([...base.slice(0, i), ...noise, ...base.slice(i)]));
      }),
      opts,
    );
  });
}
