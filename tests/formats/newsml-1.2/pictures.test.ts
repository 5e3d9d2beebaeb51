// NewsML 1.2 pictures on fixtures written for these tests: AFP-style photo components (Role Photo,
// with Caption and rendition components), other senders' layouts, and what is not a picture.
import { describe, expect, it } from 'vitest';
import { parseNewsml12 } from '../../../integrations/dateline/formats/newsml-1.2/index.ts';
import { chooseRendition } from '../../../integrations/dateline/formats/picture.ts';
import { enc, firstParagraph, lineOf, onlyItem } from '../xml/helpers.ts';
import { AFP_PHOTO, newsml12Doc } from './fixtures.ts';

const opts = { timeZone: 'Asia/Karachi' };
const parse = (text: string) => parseNewsml12(enc(text), opts);
const item = (text: string) => onlyItem(parse(text), enc(text));

const holderPhoto = (href: string, caption: string) => `<NewsComponent>
<NewsComponent><Role FormalName="Main"/><ContentItem Href="${href}"><MediaType FormalName="Photo"/></ContentItem></NewsComponent>
<NewsComponent><Role FormalName="Caption"/><ContentItem><MediaType FormalName="Text"/><DataContent><p>${caption}</p></DataContent></ContentItem></NewsComponent>
</NewsComponent>
`;

describe('NewsML 1.2 pictures', () => {
  it('an AFP photo component: renditions named by their components, caption, credit, creator, rights', () => {
    const doc = newsml12Doc({ photos: AFP_PHOTO });
    const a = item(doc);
    expect(a.pictures).toEqual([
      {
        line: lineOf(doc, '<NewsComponent Duid="photo-1">'),
        role: 'lead',
        status: 'usable',
        headline: 'Passengers board the first flight',
        caption: 'Passengers board the first flight to Almaty at Islamabad airport on Thursday.',
        creator: 'Amir Khan',
        creditLine: 'Example News/Amir Khan',
        copyright: '© 2024 Example News',
        usageTerms: 'Editorial use only; No archiving',
        renditions: [
          { name: 'HighDef', href: 'photo-1-hd.jpg', mimeType: 'image/jpeg', width: 3000, height: 2000, sizeBytes: 2400000 },
          { name: 'Thumbnail', href: 'photo-1-thumb.jpg', mimeType: 'image/jpeg', width: 150, height: 100, sizeBytes: 9000 },
          { name: 'Preview', href: 'photo-1_wm.jpg', mimeType: 'image/jpeg', width: 3000, height: 2000 },
        ],
      },
    ]);
    expect(chooseRendition(a.pictures![0]!)?.href).toBe('photo-1-hd.jpg');
  });

  it("the photo's caption, placed before the story, is never taken for the story text", () => {
    const a = item(newsml12Doc({ photos: AFP_PHOTO }));
    expect(a.headline).toBe('Airline adds Central Asian routes');
    expect(firstParagraph(a)).toMatch(/^The national carrier will start daily flights/);
    expect(JSON.stringify(a.body)).not.toContain('Passengers board');
    expect(a.body.some((b) => b.kind === 'picture')).toBe(false);
  });

  it('other layouts: a component of a Main photo and a Caption; several photos, the first the lead', () => {
    const doc = newsml12Doc({ photos: `${holderPhoto('https://images.example.com/a.jpg', 'First photo.')}${AFP_PHOTO}` });
    const a = item(doc);
    expect(a.pictures!.map((p) => [p.role, p.renditions[0]!.href, p.caption])).toEqual([
      ['lead', 'https://images.example.com/a.jpg', 'First photo.'],
      ['inline', 'photo-1-hd.jpg', 'Passengers board the first flight to Almaty at Islamabad airport on Thursday.'],
    ]);
    expect(a.pictures![0]!.renditions[0]!.name).toBe('Main');
  });

  it('a photo without an Href (inline data) is no picture; a watermarked-only photo is kept but has nothing to choose', () => {
    const inline =
      '<NewsComponent><Role FormalName="Photo"/><ContentItem><MediaType FormalName="Photo"/><DataContent>QkFTRTY0</DataContent></ContentItem></NewsComponent>\n';
    const doc = newsml12Doc({ photos: inline });
    const r = parse(doc);
    expect(onlyItem(r, enc(doc)).pictures).toBeUndefined();
    expect(r.items[0]!.warnings.map((w) => w.message)).toContain('a photo component without a photo ContentItem Href (inline data is not read): no picture');
    expect(JSON.stringify(r)).not.toContain('QkFTRTY0');

    const wm =
      '<NewsComponent><Role FormalName="Photo"/><NewsComponent><Role FormalName="Watermarked"/><ContentItem Href="p.jpg"><MediaType FormalName="Photo"/></ContentItem></NewsComponent></NewsComponent>\n';
    const p = item(newsml12Doc({ photos: wm })).pictures![0]!;
    expect(p.renditions).toEqual([{ name: 'Watermarked', href: 'p.jpg' }]);
    expect(chooseRendition(p)).toBeUndefined();
  });

  it('hrefs that are no location are refused; markup in the caption and headline is gone', () => {
    const photo = `<NewsComponent><Role FormalName="Photo"/>
<NewsLines><HeadLine>The <b>plane</b><script>x()</script></HeadLine></NewsLines>
<NewsComponent><Role FormalName="Caption"/><ContentItem><MediaType FormalName="Text"/><DataContent><p>On the <a href="javascript:y()" onclick="z()">runway</a>.<style>p{}</style></p></DataContent></ContentItem></NewsComponent>
<NewsComponent><Role FormalName="A"/><ContentItem Href="javascript:alert(1)"><MediaType FormalName="Photo"/></ContentItem></NewsComponent>
<NewsComponent><Role FormalName="B"/><ContentItem Href="ok.jpg"><MimeType FormalName="image/jpeg"/></ContentItem></NewsComponent>
</NewsComponent>
`;
    const doc = newsml12Doc({ photos: photo });
    const r = parse(doc);
    const p = onlyItem(r, enc(doc)).pictures![0]!;
    expect(p).toMatchObject({ headline: 'The plane', caption: 'On the runway.', renditions: [{ name: 'B', href: 'ok.jpg', mimeType: 'image/jpeg' }] });
    expect(r.items[0]!.warnings.map((w) => w.message)).toContain('photo ContentItem not read: a script URL "javascript:alert(1)"');
    expect(JSON.stringify(p)).not.toMatch(/script|javascript|onclick|style/);
  });

  it('an item without photo components has no pictures', () => {
    expect(item(newsml12Doc()).pictures).toBeUndefined();
  });
});
