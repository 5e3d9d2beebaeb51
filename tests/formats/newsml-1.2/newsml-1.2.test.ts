// NewsML 1.2 on fixtures written for these tests: identity and revisions, status and embargo, times,
// the text component in the NewsComponent tree, body forms, hostile markup, malformed files.
import { describe, expect, it } from 'vitest';
import { looksLikeNewsml12, parseNewsml12 } from '../../../integrations/dateline/formats/newsml-1.2/index.ts';
import { checkParse, enc, firstParagraph, lineOf, onlyItem, outputText } from '../xml/helpers.ts';
import { newsItem12, newsml12, newsml12Doc } from './fixtures.ts';

const opts = { timeZone: 'Asia/Karachi' };
const parse = (text: string, options = opts) => parseNewsml12(enc(text), options);
const item = (text: string, options = opts) => onlyItem(parse(text, options), enc(text));
const texts = (text: string) => item(text).body.map((b) => ('text' in b ? b.text : ''));

describe('NewsML 1.2: a news item', () => {
  it('maps identity, times, headline, byline, dateline, subjects and body', () => {
    const doc = newsml12Doc();
    const a = item(doc);
    expect(a.format).toBe('newsml-1.2');
    expect(a.identity).toEqual({ key: 'id:urn:newsml:example.com:20240404:TX-FLIGHTS-01', version: 1 });
    expect(a.status).toBe('usable');
    expect(a.published).toBe('2024-04-04T11:30:00+05:00');
    expect(a.modified).toBeUndefined();
    expect(a.headline).toBe('Airline adds Central Asian routes');
    expect(a.headlineLine).toBe(lineOf(doc, '<HeadLine>'));
    expect(a.bylineText).toBe('AFP');
    expect(a.byline).toEqual([{ name: 'AFP', kind: 'agency' }]);
    expect(a.dateline).toBe('ISLAMABAD');
    expect(a.datelineText).toBe('ISLAMABAD, April 4, 2024 (XNA) -');
    expect(a.language).toBe('en');
    expect(a.subjects).toEqual([
      { code: 'service:WORLD' },
      { code: 'subj:04000000' },
      { code: 'cat:ECO' },
      { code: 'subj:04015001' },
      { code: 'genre:business', name: 'business' },
    ]);
    expect(texts(doc)).toEqual([
      'The national carrier will start daily flights to three Central Asian capitals in May, its chief executive said on Thursday.',
      'Tickets go on sale next week.',
    ]);
    expect(a.line).toBe(lineOf(doc, '<NewsItem'));
  });

  it('revisions of a story share its key (the PublicIdentifier without the revision) and are ordered', () => {
    const r1 = item(newsml12Doc({ revision: '1' }));
    const r2 = item(newsml12Doc({ revision: '2', revisionCreated: '20240404T081500Z' }));
    expect(r2.identity.key).toBe(r1.identity.key);
    expect(r2.identity.version).toBe(2);
    expect(r2.modified).toBe('2024-04-04T13:15:00+05:00');
    const onlyPublic = item(
      newsml12Doc({ identifier: '<NewsIdentifier><PublicIdentifier>urn:newsml:example.com:20240404:TX-FLIGHTS-01:2</PublicIdentifier></NewsIdentifier>' }),
    );
    expect(onlyPublic.identity).toEqual({ key: r1.identity.key });
    const none = newsml12Doc({ identifier: '<NewsIdentifier/>' });
    expect(parse(none).errors[0]!.message).toMatch(/^no identity: expected Identification\/NewsIdentifier/);
  });

  it('status: kills and withdrawals need no text; an embargo comes from StatusWillChange', () => {
    const kill = item(newsml12Doc({ status: 'Canceled', dataContent: '', headline: '' }));
    expect(kill).toMatchObject({ status: 'canceled', headline: '', body: [] });
    expect(item(newsml12Doc({ status: 'Withheld' })).status).toBe('withheld');
    const change = '<StatusWillChange><FutureStatus FormalName="Usable"/><DateAndTime>20240405T000000Z</DateAndTime></StatusWillChange>\n';
    expect(item(newsml12Doc({ status: 'Embargoed', statusWillChange: change }))).toMatchObject({
      status: 'usable',
      embargoedUntil: '2024-04-05T05:00:00+05:00',
    });
    const held = parse(newsml12Doc({ status: 'Embargoed' }));
    expect(held.items[0]!.ok && held.items[0]!.item.status).toBe('withheld');
    expect(held.items[0]!.warnings[0]!.message).toMatch(/Embargoed.*withheld/);
    const odd = newsml12Doc({ status: 'Draft' });
    expect(parse(odd).errors).toEqual([
      { line: lineOf(odd, '<Status '), message: 'NewsManagement/Status: expected Usable, Canceled, Withheld or Embargoed, found "Draft"' },
    ]);
  });

  it('times: FirstCreated, else ThisRevisionCreated; zone-less with a warning; a bad one names its field', () => {
    expect(item(newsml12Doc({ firstCreated: null, revisionCreated: '20240404T070000+0000' })).published).toBe('2024-04-04T12:00:00+05:00');
    const zoneless = newsml12Doc({ firstCreated: '20240404T063000', revisionCreated: null });
    const r = parse(zoneless);
    expect(onlyItem(r, enc(zoneless)).published).toBe('2024-04-04T06:30:00+05:00');
    expect(r.items[0]!.warnings).toContainEqual({
      line: lineOf(zoneless, '<FirstCreated>'),
      message: 'NewsManagement/FirstCreated has no UTC offset: read in Asia/Karachi',
    });
    const bad = newsml12Doc({ firstCreated: 'Thursday' });
    expect(parse(bad).errors[0]).toEqual({
      line: lineOf(bad, '<FirstCreated>'),
      message: 'NewsManagement/FirstCreated: expected an ISO 8601 time (2016-01-04T15:43:34Z), found "Thursday"',
    });
    expect(parse(newsml12Doc({ firstCreated: null, revisionCreated: null })).errors[0]!.message).toBe(
      'no time: expected NewsManagement/FirstCreated (or ThisRevisionCreated)',
    );
  });

  it('finds the text component inside nested NewsComponents, with the NewsLines on the way', () => {
    const a = item(newsml12Doc({ nested: true }));
    expect(a.headline).toBe('Airline adds Central Asian routes');
    expect(firstParagraph(a)).toMatch(/^The national carrier/);
    expect(outputText(parse(newsml12Doc({ nested: true })))).not.toContain('not text');
  });

  it('reads XHTML, bare NITF paragraphs and plain text in DataContent', () => {
    expect(
      texts(newsml12Doc({ format: 'XHTML', dataContent: '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>One.</p><h2>Sub</h2><p>Two.</p></body></html>' })),
    ).toEqual(['One.', 'Sub', 'Two.']);
    expect(texts(newsml12Doc({ format: 'bcNITF2.5', dataContent: '<p>First.</p>\n<p>Second.</p>' }))).toEqual(['First.', 'Second.']);
    expect(texts(newsml12Doc({ format: 'Text', dataContent: 'Plain first paragraph\nstill first.\n\nPlain second.' }))).toEqual([
      'Plain first paragraph still first.',
      'Plain second.',
    ]);
  });

  it('uses ByLine (without ByLineTitle), and a printed dateline when the body has one', () => {
    const a = item(
      newsml12Doc({
        byline: '<ByLine>By Hina Qureshi<ByLineTitle>Aviation correspondent</ByLineTitle></ByLine>\n',
        dataContent: '<p>LAHORE, April 4 (AFP) - Text of the story.</p>',
      }),
    );
    expect(a.bylineText).toBe('By Hina Qureshi');
    expect(a.datelineText).toBe('LAHORE, April 4 (AFP) -');
    expect(firstParagraph(a)).toBe('Text of the story.');
    expect(a.dateline).toBe('LAHORE');
  });

  it('drops script, style, handlers and javascript: in headline and body; the text reads right', () => {
    const doc = newsml12Doc({
      headline: '<HeadLine>Airline <script>evil()</script>adds <span onclick="evil()">routes</span></HeadLine>',
      dataContent: '<p>Flights <script>steal(document.cookie)</script>start <a href="javascript:evil()">in May</a>.<style>p{}</style></p>',
    });
    const a = item(doc);
    expect(a.headline).toBe('Airline adds routes');
    expect(firstParagraph(a)).toBe('Flights start in May.');
    expect(outputText(parse(doc))).not.toMatch(/evil|steal|cookie|javascript|p\{\}/);
  });

  it('rejects Update items, missing text, and malformed files at the right line', () => {
    const update = newsml12Doc({ update: '<Update><InsertAfter DuidRef="p1"/></Update>\n' });
    expect(parse(update).errors).toEqual([
      { line: lineOf(update, '<Update>'), message: 'an Update (a change to parts of an earlier revision) is not read: send the whole NewsItem' },
    ]);
    const empty = newsml12Doc({ dataContent: '<nitf><body><body.content/></body></nitf>' });
    expect(parse(empty).errors[0]!.message).toBe('no story text: the text ContentItem has no paragraph');
    const broken = newsml12Doc().replace('<Status FormalName="Usable"/>', '<Status FormalName="Usable">');
    expect(parse(broken).errors).toEqual([{ line: lineOf(broken, '</NewsManagement>'), message: expect.stringMatching(/^not well-formed XML/) }]);
    expect(parse('<newsItem/>').errors[0]!.message).toBe('not NewsML 1.2: the root element is <newsItem>, expected <NewsML>');
    expect(parse(newsml12([])).errors[0]!.message).toBe('the NewsML document carries no NewsItem');
  });

  it('reads each NewsItem of a file; a broken one is rejected alone; more than 1,000 reject the file', () => {
    const text = newsml12([newsItem12(), newsItem12({ firstCreated: 'soon' })]);
    const r = parse(text);
    checkParse(r, enc(text));
    expect(r.items.map((i) => i.ok)).toEqual([true, false]);
    const many = newsml12(Array.from({ length: 1001 }, () => '<NewsItem/>'));
    expect(parse(many).errors[0]!.message).toBe('the NewsML document carries 1001 NewsItems, more than the 1000 a file may hold');
  });

  it('recognises NewsML 1.2 by content', () => {
    expect(looksLikeNewsml12(enc(newsml12Doc()))).toBe(true);
    expect(looksLikeNewsml12(enc('<?xml version="1.0" encoding="iso-8859-1"?>\n<!--AFP-->\n<NewsML>'))).toBe(true);
    expect(looksLikeNewsml12(enc('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">'))).toBe(false);
    expect(looksLikeNewsml12(enc('<nitf/>'))).toBe(false);
  });
});
