// NITF on fixtures written for these tests: mapping, versions, kills, embargoes, times, body elements,
// notes, hostile markup and malformed files.
import { describe, expect, it } from 'vitest';
import { looksLikeNitf, parseNitf } from '../../../integrations/dateline/formats/nitf/index.ts';
import { checkParse, enc, firstParagraph, lineOf, onlyItem, outputText } from '../xml/helpers.ts';
import { nitfDoc } from './fixtures.ts';

const opts = { timeZone: 'Asia/Karachi' };
const parse = (text: string, options = opts) => parseNitf(enc(text), options);
const item = (text: string, options = opts) => onlyItem(parse(text, options), enc(text));
const texts = (text: string) => item(text).body.map((b) => ('text' in b ? b.text : b.kind === 'list' ? b.items.join(' / ') : ''));

describe('NITF: a story', () => {
  it('maps identity, time, headline, byline, dateline, subjects and body', () => {
    const doc = nitfDoc();
    const a = item(doc);
    expect(a.format).toBe('nitf');
    expect(a.identity).toEqual({ key: 'id:EX.20240612.quetta-water' });
    expect(a.status).toBe('usable');
    expect(a.published).toBe('2024-06-12T11:15:00+05:00');
    expect(a.modified).toBeUndefined();
    expect(a.headline).toBe('Quetta opens water treatment plant');
    expect(a.headlineLine).toBe(lineOf(doc, '<hl1>'));
    expect(a.subheadline).toBe('First plant in the valley');
    expect(a.bylineText).toBe('By Nadia Baloch');
    expect(a.byline).toEqual([{ name: 'Nadia Baloch', kind: 'person' }]);
    expect(a.dateline).toBe('QUETTA');
    expect(a.datelineText).toBe('QUETTA (AP) —');
    expect(a.subjects).toEqual([{ code: 'tobject.type:News', name: 'News' }, { code: 'subj:06000000', name: 'Environment' }, { code: 'anpa:a' }]);
    expect(a.body).toEqual([
      {
        kind: 'paragraph',
        text: 'The provincial government opened a new water treatment plant on Wednesday, the first in the valley.',
        line: lineOf(doc, 'QUETTA (AP)'),
      },
      { kind: 'paragraph', text: 'Engineers said the plant would supply clean water to about 200,000 homes.', line: lineOf(doc, 'Engineers said') },
      { kind: 'subhead', text: 'Years of shortages', line: lineOf(doc, '<hl2>Years') },
      { kind: 'paragraph', text: 'Residents have relied on tankers for a decade.', line: lineOf(doc, 'Residents have') },
      { kind: 'paragraph', text: 'Additional reporting by the city desk.', line: lineOf(doc, '<tagline>') },
    ]);
    expect(outputText(parse(doc))).not.toMatch(/summary that is not body|photo to follow/);
  });

  it('versions: a doc-id that is the du-key plus a transmission number keys the story by its du-key', () => {
    const duKey = (v: number) => `        <du-key key="quetta-water-2024" version="${v}"/>\n`;
    const v3 = item(nitfDoc({ docId: 'quetta-water-2024_3', duKey: duKey(3) }));
    const v4 = item(nitfDoc({ docId: 'quetta-water-2024_4', duKey: duKey(4), issue: '20240612T091500Z' }));
    expect(v3.identity).toEqual({ key: 'id:quetta-water-2024', version: 3 });
    expect(v4.identity).toEqual({ key: 'id:quetta-water-2024', version: 4 });
    // A du-key that is not the doc-id's stem (PA's short keys) does not replace the doc-id.
    expect(item(nitfDoc({ docId: 'T2024061206151234X', duKey: '        <du-key key="1234X"/>\n' })).identity).toEqual({ key: 'id:T2024061206151234X' });
  });

  it('a document cancelling another (management-doc-idref) is a kill of that story', () => {
    const kill = nitfDoc({ status: 'canceled', docdata: '', docId: 'EX.20240612.quetta-water.kill', content: '', end: '', hedline: '' }).replace(
      '<docdata management-status="canceled">',
      '<docdata management-status="canceled" management-doc-idref="EX.20240612.quetta-water" management-idref-status="canceled">',
    );
    const a = item(kill);
    expect(a.identity.key).toBe('id:EX.20240612.quetta-water');
    expect(a.status).toBe('canceled');
    expect(a.body).toEqual([]);
    expect(a.headline).toBe('Quetta opens water treatment plant');
    expect(item(nitfDoc({ status: 'withheld' })).status).toBe('withheld');
  });

  it('embargo: date.release after the issue time; "embargoed" without it is held back', () => {
    expect(item(nitfDoc({ release: '20240613T040000Z' })).embargoedUntil).toBe('2024-06-13T09:00:00+05:00');
    expect(item(nitfDoc({ release: '20240612T061500Z' })).embargoedUntil).toBeUndefined();
    expect(item(nitfDoc({ status: 'embargoed', release: '20240613T040000Z' }))).toMatchObject({
      status: 'usable',
      embargoedUntil: '2024-06-13T09:00:00+05:00',
    });
    const held = parse(nitfDoc({ status: 'embargoed' }));
    expect(held.items[0]!.ok && held.items[0]!.item.status).toBe('withheld');
    expect(held.items[0]!.warnings[0]!.message).toMatch(/embargoed.*withheld/);
    const unknown = nitfDoc({ status: 'draft' });
    expect(parse(unknown).errors[0]).toEqual({
      line: lineOf(unknown, '<docdata'),
      message: 'docdata management-status: expected usable, embargoed, withheld or canceled, found "draft"',
    });
  });

  it('times: date.issue, else pubdata; zone-less with a warning; colon-less offsets; a bad one names the field', () => {
    const pub = nitfDoc({ issue: null, docdata: '' }).replace('  </head>', '    <pubdata date.publication="20240612T101500+0500"/>\n  </head>');
    expect(item(pub).published).toBe('2024-06-12T10:15:00+05:00');
    const zoneless = nitfDoc({ issue: '2024-06-12T09:00:00' });
    const r = parse(zoneless);
    expect(onlyItem(r, enc(zoneless)).published).toBe('2024-06-12T09:00:00+05:00');
    expect(r.items[0]!.warnings).toContainEqual({
      line: lineOf(zoneless, '<date.issue'),
      message: 'docdata/date.issue norm has no UTC offset: read in Asia/Karachi',
    });
    expect(item(nitfDoc({ issue: '20240612T061500-0400' })).published).toBe('2024-06-12T15:15:00+05:00');
    const bad = nitfDoc({ issue: 'June 12' });
    expect(parse(bad).errors[0]).toEqual({
      line: lineOf(bad, '<date.issue'),
      message: 'docdata/date.issue norm: expected an ISO 8601 time (2016-01-04T15:43:34Z), found "June 12"',
    });
    const none = nitfDoc({ issue: null, dateline: '' });
    expect(parse(none).errors[0]!.message).toBe('no time: expected docdata/date.issue norm="…" (or pubdata date.publication)');
  });

  it('without a doc-id the key is the source, the issue instant and the headline, whatever the zone', () => {
    const doc = nitfDoc({ docId: null });
    const key = 'nitf:Example News:2024-06-12T06:15:00.000Z:quetta opens water treatment plant';
    expect(item(doc).identity.key).toBe(key);
    expect(item(doc, { timeZone: 'Europe/Oslo' }).identity.key).toBe(key);
  });

  it('a CORRECTED- headline mark makes a correction; the mark is not part of the headline', () => {
    const a = item(nitfDoc({ hedline: '        <hl1>CORRECTED-Quetta opens water treatment plant</hl1>' }));
    expect(a.headline).toBe('Quetta opens water treatment plant');
    expect(a.correction).toEqual({});
  });
});

describe('NITF: body elements', () => {
  it('reads quotes, lists, pictures, tables and pre; drops notes and media data', () => {
    const content = `      <p>QUETTA (AP) — Opening paragraph.</p>
      <bq><p>Water is life.</p><credit>the chief minister</credit></bq>
      <ul><li>Two pumps</li><li>One reservoir</li></ul>
      <ol><li>First</li><li>Second</li></ol>
      <media media-type="image"><media-reference source="plant.jpg"/><media-object encoding="base64">QkFTRTY0REFUQQ==</media-object>
        <media-caption>The plant on opening day.</media-caption><media-producer>Photo: Example News</media-producer></media>
      <media media-type="image"><media-reference source="no-caption.jpg"/><media-producer>Nobody</media-producer></media>
      <note noteclass="editorsnote"><p>Desk: check the figures before use.</p></note>
      <table><tr><th>District</th><th>Homes</th></tr><tr><td>Quetta</td><td>200,000</td></tr></table>
      <block><hl1>Costs</hl1><p>The plant cost 4 billion rupees.</p></block>
      <pre>LINE-UP
First line
wraps here

Second paragraph of pre</pre>`;
    const doc = nitfDoc({ content, end: '' });
    const a = item(doc);
    expect(a.body).toEqual([
      { kind: 'paragraph', text: 'Opening paragraph.', line: lineOf(doc, 'Opening paragraph') },
      { kind: 'quote', text: 'Water is life.', cite: 'the chief minister', line: lineOf(doc, '<bq>') },
      { kind: 'list', ordered: false, items: ['Two pumps', 'One reservoir'], line: lineOf(doc, '<ul>') },
      { kind: 'list', ordered: true, items: ['First', 'Second'], line: lineOf(doc, '<ol>') },
      { kind: 'picture', picture: 0, line: lineOf(doc, '<media media-type') },
      { kind: 'picture', picture: 1, line: lineOf(doc, 'no-caption.jpg') },
      { kind: 'paragraph', text: 'District | Homes', line: lineOf(doc, '<table>') },
      { kind: 'paragraph', text: 'Quetta | 200,000', line: lineOf(doc, '<table>') },
      { kind: 'subhead', text: 'Costs', line: lineOf(doc, '<hl1>Costs') },
      { kind: 'paragraph', text: 'The plant cost 4 billion rupees.', line: lineOf(doc, 'The plant cost') },
      { kind: 'paragraph', text: 'LINE-UP First line wraps here', line: lineOf(doc, '<pre>') },
      { kind: 'paragraph', text: 'Second paragraph of pre', line: lineOf(doc, 'Second paragraph of pre') },
    ]);
    // A media with a reference is a picture (its base64 media-object never read); see pictures.test.ts.
    expect(a.pictures).toEqual([
      {
        line: lineOf(doc, '<media media-type'),
        role: 'inline',
        renditions: [{ href: 'plant.jpg' }],
        caption: 'The plant on opening day.',
        creditLine: 'Photo: Example News',
        status: 'usable',
      },
      { line: lineOf(doc, 'no-caption.jpg'), role: 'inline', renditions: [{ href: 'no-caption.jpg' }], creditLine: 'Nobody', status: 'usable' },
    ]);
    expect(outputText(parse(doc))).not.toMatch(/QkFTRTY0|BASE64|check the figures/);
  });

  it('drops script, style, handlers and javascript: links in body and headline; the text reads right', () => {
    const doc = nitfDoc({
      hedline: '        <hl1>Quetta <script>steal()</script>opens <a href="javascript:evil()" onmouseover="evil()">plant</a></hl1>',
      content:
        '      <p>QUETTA (AP) — Water <script>alert(document.cookie)</script>flows <style>* { display: none }</style>again <a href="javascript:evil()" onclick="evil()">today</a>.</p>',
    });
    const a = item(doc);
    expect(a.headline).toBe('Quetta opens plant');
    expect(firstParagraph(a)).toBe('Water flows again today.');
    expect(outputText(parse(doc))).not.toMatch(/steal|alert|cookie|display|evil|javascript/);
  });

  it("a byline paragraph wins over body.head; editors' initials are no byline; initials and end marks close nothing", () => {
    expect(item(nitfDoc({ content: '      <p>By Karim Shah</p><p>QUETTA (AP) — Text.</p>' })).bylineText).toBe('By Karim Shah');
    const initials = item(nitfDoc({ byline: '      <byline>ab/cd</byline>', content: '      <p>Text of the story.</p><p>xy/zw</p><p>ends</p>' }));
    expect(initials.bylineText).toBe('');
    expect(texts(nitfDoc({ byline: '      <byline>ab/cd</byline>', content: '      <p>Text of the story.</p><p>xy/zw</p>', end: '' }))).toEqual([
      'Text of the story.',
    ]);
    expect(texts(nitfDoc({ content: '      <p>Text of the story.</p><p>ends</p>', end: '' }))).toEqual(['Text of the story.']);
  });

  it('a subhead repeating the headline and embed codes sent as text are left out', () => {
    const content = `      <hl2>Quetta opens water treatment plant</hl2><p>Text of the story.</p>
      <hl2>Embed:</hl2><p>&lt;div class="widget"&gt;&lt;/div&gt;&lt;script src="https://example.com/w.js"&gt;&lt;/script&gt;</p>`;
    const r = parse(nitfDoc({ content, end: '' }));
    expect(r.items[0]!.ok && r.items[0]!.item.body).toEqual([{ kind: 'paragraph', text: 'Text of the story.', line: expect.any(Number) }]);
    expect(r.items[0]!.warnings.map((w) => w.message)).toEqual(['a paragraph of markup sent as text (an embed code) was left out']);
  });

  it('a usable story needs a headline and a paragraph', () => {
    const noText = nitfDoc({ content: '      <note><p>Only a note</p></note>', end: '' });
    expect(parse(noText).errors).toEqual([{ line: lineOf(noText, '<body.content>'), message: 'no story text: body.content has no paragraph' }]);
    const noHeadline = nitfDoc({ hedline: '', title: '' });
    expect(parse(noHeadline).errors[0]!.message).toBe('no headline: expected body.head/hedline/hl1 or head/title');
    expect(item(nitfDoc({ hedline: '' })).headline).toBe('Quetta opens water treatment plant');
  });
});

describe('NITF: files', () => {
  it('reads a DOCTYPE naming an external DTD (never loaded) and namespaced NITF', () => {
    const doctype = nitfDoc().replace('<nitf ', '<!DOCTYPE nitf SYSTEM "http://example.com/dtd/nitf-3-6.dtd">\n<nitf ');
    expect(item(doctype).headline).toBe('Quetta opens water treatment plant');
    const namespaced = nitfDoc()
      .replace('<nitf ', '<n:nitf xmlns:n="http://iptc.org/std/NITF/2006-10-18/" ')
      .replace('</nitf>', '</n:nitf>')
      .replace(/<(\/?)(head|body|title|docdata|hedline|hl1|p)>/g, '<$1n:$2>');
    expect(firstParagraph(item(namespaced))).toMatch(/^The provincial government/);
  });

  it('removes control characters with a warning, and rejects malformed files at the right line', () => {
    const ctrl = nitfDoc({ content: '      <p>Water\u0002 flows\u001b again.</p>' });
    const r = parse(ctrl);
    expect(firstParagraph(onlyItem(r, enc(ctrl)))).toBe('Water flows again.');
    expect(r.warnings[0]).toEqual({ line: lineOf(ctrl, 'Water'), message: expect.stringMatching(/control characters/) });
    const broken = nitfDoc({ content: '      <p>Water <b>flows</p>' });
    expect(parse(broken).errors).toEqual([{ line: lineOf(broken, 'Water <b>'), message: expect.stringMatching(/^not well-formed XML/) }]);
    expect(parse('<nitf><head>').errors[0]!.line).toBe(1);
    expect(parse('<article/>').errors[0]!.message).toBe('not NITF: the root element is <article>, expected <nitf>');
  });

  it('recognises NITF by content', () => {
    expect(looksLikeNitf(enc(nitfDoc()))).toBe(true);
    expect(looksLikeNitf(enc('<!DOCTYPE nitf SYSTEM "nitf.dtd">\n<nitf>'))).toBe(true);
    expect(looksLikeNitf(enc('<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">'))).toBe(false);
    expect(looksLikeNitf(enc('nitf'))).toBe(false);
  });

  it('every diagnostic line is inside the file', () => {
    for (const doc of [nitfDoc(), nitfDoc({ issue: 'x' }), nitfDoc({ status: 'x' }), '<nitf>\n\n']) checkParse(parse(doc), enc(doc));
  });
});
