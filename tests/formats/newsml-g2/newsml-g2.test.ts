// NewsML-G2 on fixtures written for these tests: mapping, versions, corrections, kills, embargoes, times,
// notes not for publication, hostile markup, malformed files and multi-item messages.
import { describe, expect, it } from 'vitest';
import { looksLikeNewsmlG2, parseNewsmlG2 } from '../../../integrations/dateline/formats/newsml-g2/index.ts';
import { checkParse, enc, firstParagraph, lineOf, onlyItem, outputText } from '../xml/helpers.ts';
import { g2Doc, g2Item, g2Message, xhtml } from './fixtures.ts';

const opts = { timeZone: 'Asia/Karachi' };
const parse = (text: string, options = opts) => parseNewsmlG2(enc(text), options);
const item = (text: string, options = opts) => onlyItem(parse(text, options), enc(text));

describe('NewsML-G2: a news item', () => {
  it('maps identity, times, headline, byline, dateline, subjects and body', () => {
    const a = item(g2Doc());
    expect(a.format).toBe('newsml-g2');
    expect(a.identity).toEqual({ key: 'id:urn:newsml:example.com:20240301:port-terminal', version: 1 });
    expect(a.status).toBe('usable');
    expect(a.published).toBe('2024-03-01T14:00:00+05:00');
    expect(a.modified).toBe('2024-03-01T14:30:00+05:00');
    expect(a.headline).toBe('Port opens second container terminal');
    expect(a.headlineLine).toBe(lineOf(g2Doc(), '<headline>'));
    expect(a.bylineText).toBe('Reuters');
    expect(a.byline).toEqual([{ name: 'Reuters', kind: 'agency' }]);
    expect(a.dateline).toBe('KARACHI');
    expect(a.datelineText).toBe('KARACHI (Reuters) -');
    expect(a.language).toBe('en');
    expect(a.subjects).toEqual([
      { code: 'svc:world', name: 'World service' },
      { code: 'medtop:04000000', name: 'economy, business and finance' },
    ]);
    expect(firstParagraph(a)).toBe('The port authority opened a second container terminal on Tuesday, doubling the number of ships it can unload at once.');
    expect(a.body).toHaveLength(3);
    expect(a.body[0]!.line).toBe(lineOf(g2Doc(), 'KARACHI (Reuters)'));
    expect(a.quotes).toEqual([]);
    expect(a.correction).toBeUndefined();
    expect(a.embargoedUntil).toBeUndefined();
  });

  it('two versions of one story share the key and are ordered by version', () => {
    const v1 = item(g2Doc({ version: '1', versionCreated: '2024-03-01T09:00:00Z' }));
    const v2 = item(g2Doc({ version: '2', versionCreated: '2024-03-01T11:15:00Z', paragraphs: ['KARACHI (Reuters) - Updated text of the story.'] }));
    expect(v2.identity.key).toBe(v1.identity.key);
    expect(v1.identity.version).toBeLessThan(v2.identity.version!);
    expect(v1.published).toBe(v2.published);
    expect(v1.modified).toBeUndefined();
    expect(v2.modified).toBe('2024-03-01T16:15:00+05:00');
  });

  it('a correction (edStat:C) takes its public note out of the body', () => {
    const a = item(
      g2Doc({
        signals: ['edStat:C'],
        headlines: ['<headline>CORRECTED-Port opens second container terminal</headline>'],
        paragraphs: ['(Corrects number of berths in second paragraph)', ...g2DocParagraphs()],
      }),
    );
    expect(a.correction).toEqual({ note: 'Corrects number of berths in second paragraph' });
    expect(a.headline).toBe('Port opens second container terminal');
    expect(firstParagraph(a)).toMatch(/^The port authority opened/);
    expect(outputText(parse(g2Doc({ signals: ['sig:correction'] })))).not.toContain('Corrects');
    expect(item(g2Doc({ signals: ['sig:correction'] })).correction).toEqual({});
    expect(item(g2Doc({ headlines: ['<headline>CORRECTED-Port opens</headline>'] })).correction).toEqual({});
    expect(item(g2Doc({ headlines: ['<headline>UPDATE 2-Port opens</headline>'] })).correction).toBeUndefined();
  });

  it('a kill (stat:canceled) needs neither body nor headline', () => {
    const a = item(g2Doc({ pubStatus: 'stat:canceled', headlines: [], contentSet: '' }));
    expect(a.status).toBe('canceled');
    expect(a.headline).toBe('');
    expect(a.body).toEqual([]);
    expect(item(g2Doc({ pubStatus: 'stat:withheld', contentSet: '' })).status).toBe('withheld');
  });

  it("Reuters' edStat:D with a usable pubStatus is read as a kill, with a warning", () => {
    const r = parse(g2Doc({ signals: ['edStat:D'] }));
    const a = onlyItem(r, enc(g2Doc({ signals: ['edStat:D'] })));
    expect(a.status).toBe('canceled');
    expect(a.correction).toBeUndefined();
    expect(r.items[0]!.warnings.map((w) => w.message).join()).toMatch(/edStat:D/);
  });

  it('an unknown pubStatus rejects the item, naming the element', () => {
    const text = g2Doc({ pubStatus: 'stat:draft' });
    const r = parse(text);
    expect(r.items).toEqual([]);
    expect(r.errors).toEqual([{ line: lineOf(text, '<pubStatus'), message: expect.stringMatching(/pubStatus: expected stat:usable.*found "stat:draft"/) }]);
  });

  it('reads the embargo; an unreadable one rejects the item', () => {
    expect(item(g2Doc({ embargoed: '2024-03-02T06:00:00Z' })).embargoedUntil).toBe('2024-03-02T11:00:00+05:00');
    expect(item(g2Doc({ embargoed: '' })).embargoedUntil).toBeUndefined();
    const text = g2Doc({ embargoed: 'tomorrow noon' });
    const r = parse(text);
    expect(r.errors[0]).toEqual({
      line: lineOf(text, '<embargoed>'),
      message: expect.stringMatching(/itemMeta\/embargoed: expected an ISO 8601 time.*"tomorrow noon".*not published/),
    });
  });

  it('reads zone-less (in the configured zone, with a warning), colon-less and compact times', () => {
    const zoneless = g2Doc({ firstCreated: '2024-03-01 09:00:00', versionCreated: '2024-03-01 09:30:00' });
    const r = parse(zoneless);
    const a = onlyItem(r, enc(zoneless));
    expect(a.published).toBe('2024-03-01T09:00:00+05:00');
    expect(r.items[0]!.warnings).toContainEqual({
      line: lineOf(zoneless, '<firstCreated>'),
      message: 'itemMeta/firstCreated has no UTC offset: read in Asia/Karachi',
    });
    expect(item(g2Doc({ firstCreated: '2024-03-01T10:41:00+0100' })).published).toBe('2024-03-01T14:41:00+05:00');
    expect(item(g2Doc({ firstCreated: '20240301T090000Z' })).published).toBe('2024-03-01T14:00:00+05:00');
    expect(item(g2Doc({}), { timeZone: 'America/New_York' }).published).toBe('2024-03-01T04:00:00-05:00');
  });

  it('a missing or unreadable time is an item error naming the field and its line', () => {
    const bad = g2Doc({ firstCreated: '1st of March' });
    expect(parse(bad).errors[0]).toEqual({
      line: lineOf(bad, '<firstCreated>'),
      message: 'itemMeta/firstCreated: expected an ISO 8601 time (2016-01-04T15:43:34Z), found "1st of March"',
    });
    const none = g2Doc({ firstCreated: null, versionCreated: null });
    expect(parse(none).errors[0]!.message).toBe('no time: expected itemMeta/versionCreated (and firstCreated)');
    expect(item(g2Doc({ firstCreated: null })).published).toBe('2024-03-01T14:30:00+05:00');
  });

  it('never shows an edNote', () => {
    const text = g2Doc({ edNotes: ['NOT FOR PUBLICATION: call the night desk on 555 0100', 'Eds: moves with photos'] });
    const r = parse(text);
    checkParse(r, enc(text));
    expect(outputText(r)).not.toMatch(/night desk|555|Eds:|moves with photos/);
  });

  it('drops script, style, handlers and javascript: links, and the text around them reads right', () => {
    const text = g2Doc({
      headlines: ['<headline>Port <script>alert("h")</script>opens <span onclick="steal()">terminal</span></headline>'],
      by: 'By Sana <script>alert("b")</script>Mirza',
      dateline: 'KARACHI<style>p{}</style> (Reuters)',
      paragraphs: [
        'Rates <script>document.cookie</script>rose <a href="javascript:evil()" onclick="evil()">today</a>.<style>p { color: red }</style>',
        '<img src="x" onerror="evil()"/>The harbour <iframe src="http://evil.example/">framed</iframe>stayed calm.',
      ],
    });
    const a = item(text);
    expect(a.headline).toBe('Port opens terminal');
    expect(a.bylineText).toBe('By Sana Mirza');
    expect(a.dateline).toBe('KARACHI');
    expect(a.body.map((b) => ('text' in b ? b.text : ''))).toEqual(['Rates rose today.', 'The harbour stayed calm.']);
    expect(outputText(parse(text))).not.toMatch(/alert|cookie|evil|color|script|onclick|javascript/i);
  });

  it('removes control characters, with a warning at their line', () => {
    const text = g2Doc({ headlines: ['<headline>Port\u0007 opens\u0001 terminal</headline>'] });
    const r = parse(text);
    expect(onlyItem(r, enc(text)).headline).toBe('Port opens terminal');
    expect(r.warnings).toContainEqual({ line: lineOf(text, '<headline>'), message: expect.stringMatching(/2 control characters .* removed/) });
    const c1 = item(g2Doc({ paragraphs: ['KARACHI (Reuters) - Text\u0085 with\u009c C1 controls\u00ad.'] }));
    expect(firstParagraph(c1)).toBe('Text with C1 controls.');
  });

  it('a malformed file is rejected at the line of the problem', () => {
    const text = g2Doc().replace('<language tag="en"/>', '<language tag="en">');
    const r = parse(text);
    expect(r.items).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(/^not well-formed XML: unexpected close tag/);
    expect(r.errors[0]!.line).toBe(lineOf(text, '</contentMeta>'));
    expect(parse('').errors[0]).toEqual({ line: 1, message: expect.stringMatching(/XML/) });
    expect(parse('just some text\n').errors[0]!.line).toBe(1);
  });

  it('rejects an unknown time zone', () => {
    expect(parse(g2Doc(), { timeZone: 'Mars/Olympus' }).errors[0]!.message).toMatch(/unknown time zone "Mars\/Olympus"/);
  });
});

describe('NewsML-G2: headline, byline, dateline and body sources', () => {
  it('picks the main headline by role and rank, and the subheadline by role', () => {
    const a = item(
      g2Doc({
        headlines: [
          '<headline rank="3">Kicker</headline>',
          '<headline role="hld:subHeadline">Ships will wait half as long</headline>',
          '<headline rank="1">Port opens second container terminal</headline>',
        ],
      }),
    );
    expect(a.headline).toBe('Port opens second container terminal');
    expect(a.subheadline).toBe('Ships will wait half as long');
  });

  it('takes the byline from `by`, splitting agencies off; staff logins and desk codes are no byline', () => {
    const by = item(g2Doc({ by: 'Von Anna Beispiel, dpa' }));
    expect(by.bylineText).toBe('Von Anna Beispiel, dpa');
    expect(by.byline).toEqual([
      { name: 'Anna Beispiel', kind: 'person' },
      { name: 'dpa', kind: 'agency' },
    ]);
    const logins = item(g2Doc({ creators: ['<creator><name>beispiel.anna</name></creator>', '<creator literal="KHX"/>'], creditline: 'dpa' }));
    expect(logins.bylineText).toBe('dpa');
    const none = item(g2Doc({ creators: ['<creator><name>beispiel.anna</name></creator>'] }));
    expect(none.bylineText).toBe('');
    expect(none.byline).toEqual([]);
  });

  it('a byline paragraph opening the body becomes the byline', () => {
    const a = item(g2Doc({ paragraphs: ['By Sana Mirza', ...DEFAULT_BODY] }));
    expect(a.bylineText).toBe('By Sana Mirza | Reuters');
    expect(a.byline).toEqual([
      { name: 'Sana Mirza', kind: 'person' },
      { name: 'Reuters', kind: 'agency' },
    ]);
    expect(firstParagraph(a)).toMatch(/^The port authority/);
    const only = parse(g2Doc({ paragraphs: ['By Sana Mirza'] }));
    expect(only.errors[0]!.message).toBe('no story text: the body holds only the byline "By Sana Mirza"');
  });

  it('reads the dateline field; a time stamp there is no place', () => {
    const a = item(g2Doc({ dateline: 'LAHORE, Tuesday (Reuters)', paragraphs: ['LAHORE (Reuters) - Text of the story.'] }));
    expect(a.dateline).toBe('LAHORE');
    expect(a.datelineText).toBe('LAHORE (Reuters) -');
    expect(firstParagraph(a)).toBe('Text of the story.');
    const stamp = item(g2Doc({ dateline: '2024-03-01 09:00:00 GMT+00:00', located: '', paragraphs: ['Text of the story.'] }));
    expect(stamp.dateline).toBeUndefined();
    expect(stamp.datelineText).toBeUndefined();
  });

  it("reads dpa's XHTML: the metadata copy in <header> is dropped, span.dateline is the dateline", () => {
    const contentSet = `    <inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
      <header><ul class="slugline"><li>Hafen</li></ul><h1>Port opens second container terminal</h1><p class="byline">Von Anna Beispiel</p></header>
      <section class="main"><p><span class="dateline">Hamburg <span class="credit">(dpa)</span> - </span>Der Hafen hat ein zweites Terminal eröffnet.</p>
      <h2>Kürzere Wartezeiten</h2><p>Schiffe warten nur noch halb so lange.</p></section></body></html></inlineXML>`;
    const a = item(g2Doc({ contentSet, located: '', language: 'de' }));
    expect(a.datelineText).toBe('Hamburg (dpa) -');
    expect(a.body).toEqual([
      { kind: 'paragraph', text: 'Der Hafen hat ein zweites Terminal eröffnet.', line: expect.any(Number) },
      { kind: 'subhead', text: 'Kürzere Wartezeiten', line: expect.any(Number) },
      { kind: 'paragraph', text: 'Schiffe warten nur noch halb so lange.', line: expect.any(Number) },
    ]);
    expect(outputText(parse(g2Doc({ contentSet })))).not.toMatch(/Hafen\b(?! hat)|slugline|Von Anna/);
  });

  it('reads NITF inside inlineXML, falling back on its headline and byline', () => {
    const contentSet = `    <inlineXML contenttype="application/nitf+xml">
      <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body>
        <body.head><hedline><hl1>Rain ends a long dry spell</hl1><hl2>Farmers welcome the downpour</hl2></hedline>
          <byline>By <person>Omar Farooq</person>, <byttl>Staff Writer</byttl></byline></body.head>
        <body.content><p>MULTAN (AP) — Heavy rain fell across the district on Sunday.</p><note><p>Editors: not for use</p></note>
          <bq><p>It came just in time.</p><credit>a farmer</credit></bq></body.content>
      </body></nitf>
    </inlineXML>`;
    const a = item(g2Doc({ headlines: [], creators: [], located: '', contentSet }));
    expect(a.headline).toBe('Rain ends a long dry spell');
    expect(a.subheadline).toBe('Farmers welcome the downpour');
    expect(a.bylineText).toBe('By Omar Farooq');
    expect(a.dateline).toBe('MULTAN');
    expect(a.datelineText).toBe('MULTAN (AP) —');
    expect(a.body).toEqual([
      { kind: 'paragraph', text: 'Heavy rain fell across the district on Sunday.', line: expect.any(Number) },
      { kind: 'quote', text: 'It came just in time.', cite: 'a farmer', line: expect.any(Number) },
    ]);
    expect(outputText(parse(g2Doc({ contentSet })))).not.toContain('not for use');
  });

  it('reads inlineData: paragraphs at blank and indented lines; <p> markup in it is read as HTML', () => {
    const plain = g2Doc({
      contentSet:
        '    <inlineData contenttype="text/plain">ISLAMABAD (APP) - First paragraph\nwraps here.\n   Second paragraph starts indented.\n\nThird after a blank line &lt;b&gt;stays text&lt;/b&gt;.</inlineData>',
    });
    expect(item(plain).body.map((b) => ('text' in b ? b.text : ''))).toEqual([
      'First paragraph wraps here.',
      'Second paragraph starts indented.',
      'Third after a blank line <b>stays text</b>.',
    ]);
    const html = g2Doc({
      contentSet:
        '    <inlineData contenttype="text/plain"><![CDATA[<p>\n   (APP) - Lahore, March 1 - Text one.\n   Text <script>x()</script>two.\n</p>]]></inlineData>',
    });
    const a = item(html);
    expect(a.datelineText).toBe('(APP) - Lahore, March 1 -');
    expect(a.body.map((b) => ('text' in b ? b.text : ''))).toEqual(['Text one.', 'Text two.']);
  });

  it('rejects a usable item whose text is remote or missing, saying so', () => {
    const remote = g2Doc({ contentSet: '    <remoteContent contenttype="application/xhtml+xml" href="https://example.com/story.html"/>' });
    expect(parse(remote).errors[0]).toEqual({
      line: lineOf(remote, '<remoteContent'),
      message: expect.stringMatching(/not inline \(contentSet\/remoteContent\)/),
    });
    const empty = g2Doc({ contentSet: xhtml([]) });
    expect(parse(empty).errors[0]!.message).toBe('no story text: the inlineXML has no paragraph');
    const headless = g2Doc({ headlines: [] });
    expect(parse(headless).errors[0]!.message).toMatch(/^no headline/);
  });

  it('undoes double escaping and drops embed codes sent as text', () => {
    const a = item(
      g2Doc({
        paragraphs: [
          'KARACHI (Reuters) - The minister said it&amp;#39;s &amp;quot;a good day&amp;quot;.',
          'Embed:',
          '&lt;div class="widget"&gt;&lt;/div&gt;&lt;script src="https://example.com/w.js"&gt;&lt;/script&gt;',
          'Last paragraph.',
        ].map((p, i) => (i === 1 ? `</p><h2>${p}</h2><p>` : p)),
      }),
    );
    expect(firstParagraph(a)).toBe('The minister said it\'s "a good day".');
    expect(a.body.map((b) => ('text' in b ? b.text : ''))).toEqual(['The minister said it\'s "a good day".', 'Last paragraph.']);
  });

  it('ignores a non-numeric version, with a warning', () => {
    const r = parse(g2Doc({ version: 'draft' }));
    expect(onlyItem(r, enc(g2Doc({ version: 'draft' }))).identity).toEqual({ key: 'id:urn:newsml:example.com:20240301:port-terminal' });
    expect(r.items[0]!.warnings[0]!.message).toMatch(/version "draft" is not a whole number/);
  });
});

describe('NewsML-G2: messages, packages, fragments', () => {
  it('reads every item of a newsMessage; a broken item is rejected alone, at its line', () => {
    const items = [g2Item({ guid: 'urn:a' }), g2Item({ guid: null }), g2Item({ guid: 'urn:c', headlines: ['<headline>Third story</headline>'] })];
    const text = g2Message(items);
    const r = parse(text);
    checkParse(r, enc(text));
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => i.ok)).toEqual([true, false, true]);
    const broken = r.items[1]!;
    expect(broken.ok ? 0 : broken.line).toBe(lineOf(text, '<newsItem', text.indexOf('</newsItem>')));
    expect(broken.ok ? [] : broken.errors.map((e) => e.message)).toEqual(['newsItem has no guid attribute: the story cannot be identified']);
    expect(r.items[2]!.ok && r.items[2]!.item.headline).toBe('Third story');
  });

  it('a message whose items are all broken is a rejected file listing each', () => {
    const text = g2Message([g2Item({ guid: null }), g2Item({ headlines: [] })]);
    const r = parse(text);
    expect(r.items).toEqual([]);
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^item at line \d+: newsItem has no guid/),
      expect.stringMatching(/^item at line \d+: no headline/),
    ]);
  });

  it('skips packageItems with a warning; a package file is rejected', () => {
    const text = g2Message([g2Item()], '    <packageItem guid="urn:pkg"><groupSet/></packageItem>\n');
    const r = parse(text);
    expect(r.items).toHaveLength(1);
    expect(r.warnings).toEqual([{ line: lineOf(text, '<packageItem'), message: expect.stringMatching(/packageItem skipped/) }]);
    expect(parse('<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="p"/>').errors[0]!.message).toMatch(/packageItem .* nothing to publish/);
  });

  it('rejects fragments, other item kinds, empty messages and more than 1,000 items', () => {
    expect(parse('<contentMeta><headline>x</headline></contentMeta>').errors[0]!.message).toMatch(
      /^a fragment of a NewsML-G2 item \(the root is <contentMeta>\)/,
    );
    expect(parse('<planningItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>').errors[0]!.message).toMatch(/planningItem is not a news story/);
    expect(parse('<rss><channel/></rss>').errors[0]!.message).toBe('not NewsML-G2: the root element is <rss>, expected <newsItem> or <newsMessage>');
    expect(parse(g2Message([])).errors[0]!.message).toMatch(/carries no newsItem/);
    const many = g2Message(Array.from({ length: 1001 }, (_, i) => `<newsItem guid="g${i}"/>`));
    expect(parse(many).errors).toEqual([{ line: 2, message: 'the newsMessage carries 1001 newsItems, more than the 1000 a file may hold' }]);
  });

  it('recognises NewsML-G2 by content', () => {
    expect(looksLikeNewsmlG2(enc(g2Doc()))).toBe(true);
    expect(looksLikeNewsmlG2(enc(g2Message([g2Item()])))).toBe(true);
    expect(looksLikeNewsmlG2(enc('\uFEFF<?xml version="1.0"?>\n<!-- feed -->\n<ns0:newsMessage xmlns:ns0="http://iptc.org/std/nar/2006-10-01/">'))).toBe(true);
    expect(looksLikeNewsmlG2(enc('<contentSet xmlns="http://iptc.org/std/nar/2006-10-01/">'))).toBe(true);
    expect(looksLikeNewsmlG2(enc('<nitf><head/></nitf>'))).toBe(false);
    expect(looksLikeNewsmlG2(enc('<NewsML Version="1.2">'))).toBe(false);
    expect(looksLikeNewsmlG2(enc('date 2024-01-01\nHeadline'))).toBe(false);
    expect(looksLikeNewsmlG2(new Uint8Array())).toBe(false);
  });
});

const DEFAULT_BODY = g2DocParagraphs();
function g2DocParagraphs(): string[] {
  return [
    'KARACHI (Reuters) - The port authority opened a second container terminal on Tuesday, doubling the number of ships it can unload at once.',
    'Officials said the new berths would cut waiting times for freighters from four days to less than two.',
  ];
}
