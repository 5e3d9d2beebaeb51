// Hostile XML against the shared reader (shared/xml.ts) and each XML format: entity bombs, external and
// parameter entities, 100,000-deep nesting, a 4 MB text node, undefined entities, truncated files. Each
// is refused (or read) with a clear message at the right line, quickly, and nothing of /etc/passwd can
// appear: no entity is ever expanded and no file is ever opened. Times and memory are measured by
// measure-hostile.ts (run with `node --expose-gc`).
import { describe, expect, it } from 'vitest';
import { MAX_XML_DEPTH, parseXml } from '../../../integrations/dateline/formats/shared/xml.ts';
import { checkParse, enc, firstParagraph } from './helpers.ts';
import { bytesOf, hostileCases, PASSWD_MARKERS } from './hostile.ts';
import { XML_FORMATS } from './wraps.ts';

const opts = { timeZone: 'Asia/Karachi' };
/**
 * Generous for a shared 2-core machine running tests in parallel: measured alone (measure-hostile.ts),
 * refusals take 1–25 ms and the 4 MB text node under a second.
 */
const REFUSAL_LIMIT_MS = 2_000;
const READ_LIMIT_MS = 15_000;

describe.each(XML_FORMATS)('$name on hostile XML', ({ parse, wrap }) => {
  it.each(hostileCases(wrap).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const bytes = bytesOf(c);
    const started = performance.now();
    const result = parse(bytes, opts);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(c.expect.rejected ? REFUSAL_LIMIT_MS : READ_LIMIT_MS);
    checkParse(result, bytes);
    if (c.expect.rejected) {
      expect(result.items).toEqual([]);
      expect(result.errors).toEqual([{ line: c.expect.line, message: expect.stringMatching(c.expect.message) }]);
    } else {
      expect(result.errors).toEqual([]);
      const item = result.items[0]!;
      expect(item.ok).toBe(true);
      if (item.ok) expect(firstParagraph(item.item).length).toBeGreaterThan(4_000_000);
    }
    const all = JSON.stringify(result);
    for (const marker of PASSWD_MARKERS) expect(all).not.toContain(marker);
    expect(all).not.toMatch(/lollol/);
  });
});

describe.each(XML_FORMATS)('$name reads long text in linear time', ({ parse, wrap }) => {
  it('8 times the text takes well under 25 times as long (quadratic work would take 64 times)', () => {
    const time = (words: number) => {
      const bytes = enc(wrap({ paragraph: 'word '.repeat(words) }));
      parse(bytes, opts);
      const started = performance.now();
      parse(bytes, opts);
      return performance.now() - started;
    };
    const small = time(100_000);
    const large = time(800_000);
    expect(large).toBeLessThan(25 * small + 250);
  });
});

describe('parseXml', () => {
  it(`accepts ${MAX_XML_DEPTH} levels of nesting and refuses one more`, () => {
    const nest = (n: number) => enc('<a>'.repeat(n) + '</a>'.repeat(n));
    expect(parseXml(nest(MAX_XML_DEPTH)).ok).toBe(true);
    const deeper = parseXml(nest(MAX_XML_DEPTH + 1));
    expect(deeper.ok ? '' : deeper.error.message).toBe(`elements nested deeper than ${MAX_XML_DEPTH} levels: refused`);
  });

  it('never expands an entity, declared or not, and never reads a file', () => {
    // Even past the DOCTYPE check (no declaration at all), an entity reference is only an error.
    const r = parseXml(enc('<a>\n&xxe;</a>'));
    expect(r.ok ? '' : r.error).toEqual({
      line: 2,
      message: 'not well-formed XML: undefined entity &xxe;: only the five XML entities and character references are read (no DTD is loaded)',
    });
    const five = parseXml(enc('<a>&amp;&lt;&gt;&quot;&apos;&#233;&#x41;</a>'));
    expect(five.ok && five.root.children).toEqual(['&<>"\'éA']);
  });

  it('reads a DOCTYPE with an internal subset that declares no entity, and ignores its defaults', () => {
    const r = parseXml(enc('<!DOCTYPE a [\n<!ATTLIST a evil CDATA "injected">\n]>\n<a>ok</a>'));
    expect(r.ok && r.root).toMatchObject({ name: 'a', attrs: {}, children: ['ok'], line: 4 });
  });

  it('gives element lines of the start tag, also for tags over several lines and CR line ends', () => {
    const r = parseXml(enc('<a\n  x="1">\r<b\r\n y="2">t</b>\n<c/></a>'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.root.line).toBe(1);
    expect(r.root.children.filter((c) => typeof c !== 'string').map((c) => (c as { line: number }).line)).toEqual([3, 5]);
    expect(r.lines).toBe(5);
  });

  it('removes characters XML forbids with a warning, instead of refusing the file', () => {
    const r = parseXml(enc('<a>\none\u0000two\u001b</a>'));
    expect(r.ok && r.root.children).toEqual(['\nonetwo']);
    expect(r.warnings).toEqual([{ line: 2, message: '2 control characters that XML does not allow (first U+0000) removed' }]);
  });

  it('answers empty input, text and a lone declaration with an error at line 1', () => {
    for (const input of ['', 'plain text', '<?xml version="1.0"?>', '\uFEFF']) {
      const r = parseXml(enc(input));
      expect(r.ok, input).toBe(false);
      if (!r.ok) expect(r.error.line).toBe(1);
    }
  });
});

describe.each(XML_FORMATS)('$name metadata fields', ({ parse, wrap }) => {
  it('never take text from script or style elements', () => {
    const text = wrap({ headline: 'Rates <style>h1{}</style>rise<script>alert(1)</script>', paragraph: 'Text.' });
    const r = parse(enc(text), opts);
    const items = checkParse(r, enc(text));
    expect(items[0]!.headline).toBe('Rates rise');
    expect(JSON.stringify(items)).not.toMatch(/alert|h1\{\}/);
  });
});
