// Encodings of XML wire files, for each XML format: the bytes decide together with the declaration
// (shared/decode.ts). Declared Latin-1 sending UTF-8 (AFP), declared UTF-8 sending Latin-1, Latin-1 with no
// declaration, real Latin-1, UTF-16 with a byte-order mark, a UTF-8 byte-order mark.
import { describe, expect, it } from 'vitest';
import { encodeCp1252 } from '../text/helpers.ts';
import { checkParse, enc, firstParagraph, latin1, onlyItem, utf16 } from './helpers.ts';
import { XML_FORMATS } from './wraps.ts';

const opts = { timeZone: 'Asia/Karachi' };
const HEADLINE = 'Café owners in Zürich raise prices';
const PARAGRAPH = 'The naïve façade of the “old” café — closed since 1998 — reopens for €5 a cup.';
const declare = (doc: string, declaration: string) => doc.replace(/^<\?xml[^>]*\?>/, declaration);

describe.each(XML_FORMATS)('$name encodings', ({ parse, looksLike, wrap }) => {
  const doc = (declaration: string, headline = HEADLINE, paragraph = PARAGRAPH) => declare(wrap({ headline, paragraph }), declaration);
  const read = (bytes: Uint8Array) => {
    const r = parse(bytes, opts);
    return { r, a: onlyItem(r, bytes) };
  };

  it('declared ISO-8859-1, bytes UTF-8: read as UTF-8 with a warning', () => {
    const { r, a } = read(enc(doc('<?xml version="1.0" encoding="ISO-8859-1"?>')));
    expect(a.headline).toBe(HEADLINE);
    expect(firstParagraph(a)).toBe(PARAGRAPH);
    expect(JSON.stringify(a)).not.toMatch(/Ã|â€/);
    expect(r.warnings).toContainEqual({ line: 1, message: 'encoding: declared ISO-8859-1 but the bytes are UTF-8; read as UTF-8' });
  });

  it('declared UTF-8, bytes Windows-1252: read as Windows-1252 with a warning', () => {
    const { r, a } = read(encodeCp1252(doc('<?xml version="1.0" encoding="UTF-8"?>')));
    expect(a.headline).toBe(HEADLINE);
    expect(firstParagraph(a)).toBe(PARAGRAPH);
    expect(r.warnings).toContainEqual({ line: 1, message: 'encoding: declared UTF-8 but the bytes are not UTF-8; read as Windows-1252 (Latin-1)' });
  });

  it('no declaration, bytes Latin-1: read as Latin-1 with a warning', () => {
    const text = doc('').replace(/^\n/, '');
    const { r, a } = read(latin1(text.replace(/[“”]/g, '"').replace(/[—€]/g, '-')));
    expect(a.headline).toBe(HEADLINE);
    expect(firstParagraph(a)).toBe('The naïve façade of the "old" café - closed since 1998 - reopens for -5 a cup.');
    expect(r.warnings).toContainEqual({ line: 1, message: 'encoding: no encoding declared but the bytes are not UTF-8; read as Windows-1252 (Latin-1)' });
  });

  it('declared ISO-8859-1 with Latin-1 bytes: read without a warning, Windows-1252 quotes included', () => {
    const { r, a } = read(encodeCp1252(doc('<?xml version="1.0" encoding="ISO-8859-1"?>')));
    expect(firstParagraph(a)).toBe(PARAGRAPH);
    expect(r.warnings.filter((w) => /encoding/.test(w.message))).toEqual([]);
  });

  it.each(['le', 'be'] as const)('UTF-16 %s with a byte-order mark', (endian) => {
    const urdu = 'کراچی میں بارش';
    const bytes = utf16(doc('<?xml version="1.0" encoding="UTF-16"?>', `${HEADLINE} — ${urdu}`), endian);
    const { r, a } = read(bytes);
    expect(a.headline).toBe(`${HEADLINE} — ${urdu}`);
    expect(firstParagraph(a)).toBe(PARAGRAPH);
    expect(r.warnings).toEqual([]);
    expect(looksLike(bytes)).toBe(true);
    checkParse(r, bytes);
  });

  it('a UTF-8 byte-order mark', () => {
    const bytes = enc(`\uFEFF${doc('<?xml version="1.0" encoding="UTF-8"?>')}`);
    const { a } = read(bytes);
    expect(looksLike(bytes)).toBe(true);
    expect(a.headline).toBe(HEADLINE);
    expect(JSON.stringify(a)).not.toContain('\uFEFF');
  });
});
