// NITF pictures on fixtures written for these tests: `media` placed in the body, the lead, several
// references, media that stay captions, and hostile markup.
import { describe, expect, it } from 'vitest';
import { parseNitf } from '../../../integrations/dateline/formats/nitf/index.ts';
import { chooseRendition } from '../../../integrations/dateline/formats/picture.ts';
import { blocksFromHtml } from '../../../integrations/dateline/formats/shared/html-body.ts';
import { enc, lineOf, onlyItem, outputText } from '../xml/helpers.ts';
import { nitfDoc } from './fixtures.ts';

const opts = { timeZone: 'Asia/Karachi' };
const parse = (text: string) => parseNitf(enc(text), opts);
const item = (text: string) => onlyItem(parse(text), enc(text));
const warningsOf = (text: string) => parse(text).items.flatMap((i) => i.warnings.map((w) => w.message));

const media = (source: string, caption: string, extra = '') =>
  `<media media-type="image"><media-reference source="${source}" mime-type="image/jpeg"${extra}/><media-caption>${caption}</media-caption></media>`;

describe('NITF pictures: placement', () => {
  it('each media stands where it is: a picture block between the right paragraphs, inside a block too', () => {
    const content = `      <p>QUETTA (AP) — First paragraph.</p>
      <p>Second paragraph.</p>
      ${media('plant.jpg', 'The plant on opening day.')}
      <p>Third paragraph.</p>
      <block><hl2>Costs</hl2>
      ${media('pumps.jpg', 'The new pumps.')}
      <p>Fourth paragraph.</p></block>`;
    const doc = nitfDoc({ content, end: '' });
    const a = item(doc);
    expect(a.body).toEqual([
      { kind: 'paragraph', text: 'First paragraph.', line: lineOf(doc, 'First paragraph') },
      { kind: 'paragraph', text: 'Second paragraph.', line: lineOf(doc, 'Second paragraph') },
      { kind: 'picture', picture: 0, line: lineOf(doc, 'plant.jpg') },
      { kind: 'paragraph', text: 'Third paragraph.', line: lineOf(doc, 'Third paragraph') },
      { kind: 'subhead', text: 'Costs', line: lineOf(doc, '<hl2>Costs') },
      { kind: 'picture', picture: 1, line: lineOf(doc, 'pumps.jpg') },
      { kind: 'paragraph', text: 'Fourth paragraph.', line: lineOf(doc, 'Fourth paragraph') },
    ]);
    expect(a.pictures!.map((p) => [p.role, p.renditions[0]!.href, p.caption])).toEqual([
      ['inline', 'plant.jpg', 'The plant on opening day.'],
      ['inline', 'pumps.jpg', 'The new pumps.'],
    ]);
  });

  it('a media before the first paragraph is the lead and leaves the body; later ones are renumbered', () => {
    const content = `      ${media('lead.jpg', 'The lead photo.')}
      <p>QUETTA (AP) — First paragraph.</p>
      ${media('second.jpg', 'A second photo.')}
      <p>Second paragraph.</p>`;
    const doc = nitfDoc({ content });
    const a = item(doc);
    expect(a.pictures!.map((p) => [p.role, p.renditions[0]!.href, p.line])).toEqual([
      ['lead', 'lead.jpg', lineOf(doc, 'lead.jpg')],
      ['inline', 'second.jpg', lineOf(doc, 'second.jpg')],
    ]);
    expect(a.body.map((b) => (b.kind === 'picture' ? `picture ${b.picture}` : b.kind))).toEqual(['paragraph', 'picture 1', 'paragraph', 'paragraph']);
    expect(a.dateline).toBe('QUETTA');
  });

  it('a media in body.head is the lead; a media before the first paragraph then stays inline, in place', () => {
    const doc = nitfDoc({
      bodyHeadExtra: `      ${media('head.jpg', 'The head photo.')}`,
      content: `      ${media('top.jpg', 'The top photo.')}\n      <p>QUETTA (AP) — Only paragraph.</p>`,
    });
    const a = item(doc);
    expect(a.pictures!.map((p) => [p.role, p.renditions[0]!.href])).toEqual([
      ['lead', 'head.jpg'],
      ['inline', 'top.jpg'],
    ]);
    expect(a.body[0]).toEqual({ kind: 'picture', picture: 1, line: lineOf(doc, 'top.jpg') });
  });

  it('a media inside a quote (NITF does not allow it) is an inline picture without a block; its index is no text', () => {
    const doc = nitfDoc({ content: `      <p>QUETTA (AP) — Text.</p><bq><p>Water is life.</p>${media('q.jpg', 'Quoted.')}</bq>` });
    const a = item(doc);
    expect(a.pictures).toHaveLength(1);
    expect(a.body.some((b) => b.kind === 'picture')).toBe(false);
    expect(a.body.find((b) => b.kind === 'quote')).toMatchObject({ text: 'Water is life.' });
  });

  it("a media inside an editors' note, in body.head or the body, is no picture", () => {
    const doc = nitfDoc({
      bodyHeadExtra: `      <note noteclass="editorsnote">${media('desk-head.jpg', 'For the desk.')}</note>`,
      content: `      <p>QUETTA (AP) — Text.</p><note>${media('desk-body.jpg', 'For the desk too.')}</note>`,
    });
    const a = item(doc);
    expect(a.pictures).toBeUndefined();
    expect(outputText(parse(doc))).not.toMatch(/desk-|For the desk/);
  });

  it('a kill keeps its pictures (the build drops them with the story)', () => {
    const a = item(nitfDoc({ status: 'canceled', content: media('k.jpg', 'Killed.') }));
    expect(a.status).toBe('canceled');
    expect(a.pictures).toMatchObject([{ role: 'lead', renditions: [{ href: 'k.jpg' }] }]);
  });
});

describe('NITF pictures: references', () => {
  it('several media-references are renditions; the largest clean one is chosen, never a watermarked one', () => {
    const doc = nitfDoc({
      content: `      <p>QUETTA (AP) — Text.</p>
      <media media-type="image">
        <media-reference name="thumb" source="https://images.example.com/t.jpg" mime-type="image/jpeg" width="200" height="150"/>
        <media-reference name="watermarked" source="https://images.example.com/w.jpg" mime-type="image/jpeg" width="4000" height="3000"/>
        <media-reference name="large" source="https://images.example.com/l.jpg" mime-type="image/jpeg" width="2000" height="1500" alternate-text="Pumps in a row." source-credit="Example News" copyright="© 2024 Example News"/>
        <media-reference name="script" source="https://images.example.com/s.js" mime-type="text/javascript"/>
        <media-reference name="inches" source="https://images.example.com/i.jpg" width="8" height="6" units="inches"/>
      </media>`,
    });
    const p = item(doc).pictures![0]!;
    expect(p.renditions.map((r) => r.name)).toEqual(['thumb', 'watermarked', 'large', 'inches']);
    expect(p.renditions[3]).toEqual({ name: 'inches', href: 'https://images.example.com/i.jpg' });
    expect(chooseRendition(p)?.href).toBe('https://images.example.com/l.jpg');
    expect(p).toMatchObject({ alt: 'Pumps in a row.', creditLine: 'Example News', copyright: '© 2024 Example News' });
  });

  it('a media without a readable reference stays a caption; refused hrefs are named in warnings', () => {
    const content = `      <p>QUETTA (AP) — Text.</p>
      <media media-type="image"><media-object encoding="base64">QkFTRTY0REFUQQ==</media-object><media-caption>Only data.</media-caption></media>
      <media media-type="image"><media-reference source="data:image/png;base64,QUJD"/><media-caption>A data URL.</media-caption></media>
      <media media-type="image"><media-reference source="javascript:alert(1)"/><media-caption>A script.</media-caption></media>
      <media media-type="video"><media-reference source="clip.mp4" mime-type="video/mp4"/><media-caption>A video.</media-caption></media>
      <media><media-reference source="nothing-said.jpg"/><media-caption>No type at all.</media-caption></media>`;
    const doc = nitfDoc({ content });
    const a = item(doc);
    expect(a.pictures).toBeUndefined();
    expect(a.body.filter((b) => b.kind === 'caption').map((b) => (b as { text: string }).text)).toEqual([
      'Only data.',
      'A data URL.',
      'A script.',
      'A video.',
      'No type at all.',
    ]);
    expect(warningsOf(doc)).toEqual(
      expect.arrayContaining([
        'media-reference not read: inline data (a data: URL), which is not read',
        'media-reference not read: a script URL "javascript:alert(1)"',
      ]),
    );
    expect(outputText(parse(doc))).not.toMatch(/QkFTRTY0|QUJD|javascript/);
  });
});

describe('NITF pictures: hostile markup', () => {
  it('markup in captions and credits comes out as plain text', () => {
    const doc = nitfDoc({
      content: `      <p>QUETTA (AP) — Text.</p>
      <media media-type="image"><media-reference source="a.jpg"/><media-caption>The <em>plant</em> <script>alert(1)</script>at <a href="javascript:x()" onclick="y()">dawn</a>.<script>evil()</script></media-caption><media-producer>Photo: <b>Example</b> News<style>x{}</style></media-producer></media>`,
    });
    const p = item(doc).pictures![0]!;
    expect(p.caption).toBe('The plant at dawn.');
    expect(p.creditLine).toBe('Photo: Example News');
    expect(JSON.stringify(p)).not.toMatch(/script|alert|evil|style|javascript|onclick/);
  });

  it('a picture slot the wire sends itself makes no picture, in NITF or in any HTML body', () => {
    const doc = nitfDoc({
      content: '      <p>QUETTA (AP) — Text.</p><dateline-picture>0</dateline-picture><p>More <dateline-picture>7</dateline-picture>text.</p>',
      end: '',
    });
    const a = item(doc);
    expect(a.pictures).toBeUndefined();
    expect(a.body.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    expect(outputText(parse(doc))).not.toMatch(/\b[07]\b/);
    expect(blocksFromHtml('<p>a</p><dateline-picture>0</dateline-picture><p>b</p>', { line: 1 })).toEqual([
      { kind: 'paragraph', text: 'a', line: 1 },
      { kind: 'paragraph', text: 'b', line: 1 },
    ]);
  });
});
