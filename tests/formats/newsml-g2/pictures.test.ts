// NewsML-G2 pictures on fixtures written for these tests: picture newsItems a package groups with a
// story (a killed one and an embargoed one among them), pictures beside a single story, pictures that
// belong to nothing, a text item's own image, and hostile values.
import { describe, expect, it } from 'vitest';
import { parseNewsmlG2 } from '../../../integrations/dateline/formats/newsml-g2/index.ts';
import { chooseRendition, pictureAlt } from '../../../integrations/dateline/formats/picture.ts';
import { checkParse, enc, lineOf, onlyItem } from '../xml/helpers.ts';
import { g2Item, g2Message, g2Package, g2Picture } from './fixtures.ts';

const opts = { timeZone: 'Asia/Karachi' };
const parse = (text: string) => parseNewsmlG2(enc(text), opts);
const STORY = 'urn:newsml:example.com:20240301:port-terminal';
const guid = (name: string) => `urn:newsml:example.com:20240301:${name}`;

describe('NewsML-G2 pictures: a package', () => {
  const lead = g2Picture('cranes', {
    headline: 'Cranes at the new terminal',
    caption: 'Cranes unload a freighter at the new container terminal on Tuesday.',
    descriptions: ['<description role="drol:alternativeText">Three blue cranes above a ship.</description>'],
    creditline: 'Example News/Jane Okafor',
    creators: [
      '<creator qcode="ex:staff1" role="crol:editor"><name>Desk Editor</name></creator>',
      '<creator role="crol:photographer"><name>Jane Okafor</name></creator>',
    ],
    copyrightNotice: '© 2024 Example News',
    usageTerms: 'Editorial use only. No sales.',
  });
  const killed = g2Picture('berth', { pubStatus: 'stat:canceled', caption: 'A berth.' });
  const embargoed = g2Picture('ships', { embargoed: '2024-03-02T06:00:00+01:00', caption: 'Ships waiting.' });
  // The pictures come before the story in the itemSet: the package's order decides.
  const text = g2Message([killed, embargoed, lead, g2Item()], g2Package([[STORY, guid('cranes'), guid('berth'), guid('ships')]]));

  it('the story gets its pictures in package order, the first the lead; they are no items of their own', () => {
    const r = parse(text);
    const [item] = checkParse(r, enc(text));
    expect(r.items).toHaveLength(1);
    expect(item!.identity.key).toBe(`id:${STORY}`);
    expect(item!.pictures!.map((p) => [p.role, p.id, p.status, p.embargoedUntil])).toEqual([
      ['lead', guid('cranes'), 'usable', undefined],
      ['inline', guid('berth'), 'canceled', undefined],
      ['inline', guid('ships'), 'usable', '2024-03-02T10:00:00+05:00'],
    ]);
    // the package did its work (it grouped the pictures with their story): nothing to warn about
    expect(r.warnings.map((w) => w.message)).toEqual([]);
    expect(item!.body.some((b) => b.kind === 'picture')).toBe(false);
  });

  it("reads the lead picture's words, rights and renditions", () => {
    const p = onlyItem(parse(text), enc(text)).pictures![0]!;
    expect(p).toMatchObject({
      line: lineOf(text, `guid="${guid('cranes')}"`),
      headline: 'Cranes at the new terminal',
      caption: 'Cranes unload a freighter at the new container terminal on Tuesday.',
      alt: 'Three blue cranes above a ship.',
      creator: 'Jane Okafor',
      creditLine: 'Example News/Jane Okafor',
      copyright: '© 2024 Example News',
      usageTerms: 'Editorial use only. No sales.',
    });
    expect(p.renditions).toEqual([
      { href: 'https://images.example.com/cranes-high.jpg', name: 'rnd:highRes', width: 4000, height: 2667, mimeType: 'image/jpeg', sizeBytes: 3100000 },
      { href: 'https://images.example.com/cranes-thumb.jpg', name: 'rnd:thumbnail', width: 150, height: 100, mimeType: 'image/jpeg', sizeBytes: 9000 },
      { href: 'https://images.example.com/cranes-preview.jpg', name: 'rnd:preview', width: 640, height: 427, mimeType: 'image/jpeg', sizeBytes: 80000 },
    ]);
    expect(chooseRendition(p)?.name).toBe('rnd:highRes');
    expect(pictureAlt(p)).toBe('Three blue cranes above a ship.');
  });

  it("two stories in one package: each group's pictures go to its own story", () => {
    const second = g2Item({ guid: guid('second-story'), headlines: ['<headline>Second story</headline>'] });
    const msg = g2Message(
      [g2Item(), second, g2Picture('a'), g2Picture('b')],
      g2Package([
        [STORY, guid('a')],
        [guid('second-story'), guid('b')],
      ]),
    );
    const items = checkParse(parse(msg), enc(msg));
    expect(items.map((i) => [i.identity.key, i.pictures?.map((p) => p.id)])).toEqual([
      [`id:${STORY}`, [guid('a')]],
      [`id:${guid('second-story')}`, [guid('b')]],
    ]);
  });
});

describe('NewsML-G2 pictures: without a package', () => {
  it("pictures beside the message's only story are its pictures, in message order", () => {
    const msg = g2Message([g2Picture('a'), g2Item(), g2Picture('b', { itemClass: 'ninat:graphic' })]);
    const item = onlyItem(parse(msg), enc(msg));
    expect(item.pictures!.map((p) => [p.role, p.id])).toEqual([
      ['lead', guid('a')],
      ['inline', guid('b')],
    ]);
  });

  it('with two stories and no package a picture belongs to neither: it stays an item of its own, rejected as before', () => {
    const msg = g2Message([g2Item(), g2Item({ guid: guid('other') }), g2Picture('a')]);
    const r = parse(msg);
    checkParse(r, enc(msg));
    expect(r.items.map((i) => i.ok)).toEqual([true, true, false]);
    const rejected = r.items[2]!;
    expect(!rejected.ok && rejected.errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/^no story text: the text is not inline/));
    expect(r.items.every((i) => !i.ok || i.item.pictures === undefined)).toBe(true);
  });

  it('a picture newsItem on its own is rejected as before', () => {
    const doc = `<?xml version="1.0" encoding="UTF-8"?>\n${g2Picture('alone', { headline: 'Alone' })}\n`;
    expect(parse(doc).errors[0]!.message).toMatch(/no story text: the text is not inline/);
  });

  it("a text item's own image remoteContent is its lead picture, before attached ones", () => {
    const own = '    <remoteContent contenttype="image/jpeg" rendition="rnd:highRes" href="photos/port.jpg" width="1600" height="1067"/>\n';
    const msg = g2Message([
      g2Item({ contentSet: `${own}    <inlineData contenttype="text/plain">KARACHI (Reuters) - The port opened.</inlineData>` }),
      g2Picture('a'),
    ]);
    const item = onlyItem(parse(msg), enc(msg));
    expect(item.pictures!.map((p) => [p.role, p.renditions[0]?.href])).toEqual([
      ['lead', 'photos/port.jpg'],
      ['inline', 'https://images.example.com/a-high.jpg'],
    ]);
    expect(item.pictures![0]!.line).toBe(lineOf(msg, '<remoteContent contenttype="image/jpeg"'));
  });
});

describe('NewsML-G2 pictures: status, renditions and hostile values', () => {
  it('edStat:D kills a picture; an unreadable embargo or status holds it back with a warning', () => {
    const msg = g2Message([
      g2Item(),
      g2Picture('d', { signals: ['edStat:D'] }),
      g2Picture('e', { embargoed: 'tomorrow' }),
      g2Picture('s', { pubStatus: 'stat:maybe' }),
      g2Picture('w', { pubStatus: 'stat:withheld' }),
    ]);
    const r = parse(msg);
    const item = onlyItem(r, enc(msg));
    expect(item.status).toBe('usable');
    expect(item.pictures!.map((p) => p.status)).toEqual(['canceled', 'withheld', 'withheld', 'withheld']);
    const held = r.items[0]!.warnings.filter((w) => /^picture held back/.test(w.message));
    expect(held.map((w) => w.line)).toEqual([lineOf(msg, '<embargoed>tomorrow'), lineOf(msg, 'stat:maybe')]);
  });

  it('a picture whose only renditions are watermarked is kept, and chooseRendition gives nothing', () => {
    const contentSet = `    <remoteContent href="https://images.example.com/p_watermark.jpg" rendition="rnd:preview" contenttype="image/jpeg" width="640" height="427"/>
    <remoteContent href="https://images.example.com/p.jpg" rendition="ex:watermarked" contenttype="image/jpeg" width="4000" height="2667"/>`;
    const msg = g2Message([g2Item(), g2Picture('p', { contentSet })]);
    const p = onlyItem(parse(msg), enc(msg)).pictures![0]!;
    expect(p.renditions).toHaveLength(2);
    expect(chooseRendition(p)).toBeUndefined();
  });

  it('renditions that are not images or not locations are left out, with warnings', () => {
    const contentSet = `    <remoteContent href="https://images.example.com/v.mp4" contenttype="video/mp4"/>
    <remoteContent href="data:image/jpeg;base64,QUJD" contenttype="image/jpeg"/>
    <remoteContent contenttype="image/jpeg" residref="urn:x"/>
    <remoteContent href="https://images.example.com/ok.jpg" width="-1" height="abc" size="1e9"/>`;
    const msg = g2Message([g2Item(), g2Picture('p', { contentSet })]);
    const r = parse(msg);
    const p = onlyItem(r, enc(msg)).pictures![0]!;
    expect(p.renditions).toEqual([{ href: 'https://images.example.com/ok.jpg' }]);
    expect(r.items[0]!.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        'remoteContent not read as a picture rendition: inline data (a data: URL), which is not read',
        'remoteContent not read as a picture rendition: it has no href',
      ]),
    );
  });

  it('markup in a caption, headline or credit comes out as plain text', () => {
    const msg = g2Message([
      g2Item(),
      g2Picture('p', {
        headline: 'The <b>port</b> at <script>steal()</script>night',
        caption: 'Cranes <a href="javascript:x()" onclick="y()">unload</a> a ship.<style>*{}</style>',
        creditline: 'Example <i>News</i>',
        creators: ['<creator role="crol:photographer"><name>Jane <script>z()</script>Okafor</name></creator>'],
      }),
    ]);
    const p = onlyItem(parse(msg), enc(msg)).pictures![0]!;
    expect([p.headline, p.caption, p.creditLine, p.creator]).toEqual(['The port at night', 'Cranes unload a ship.', 'Example News', 'Jane Okafor']);
    expect(JSON.stringify(p)).not.toMatch(/script|steal|javascript|onclick|style/);
  });
});
