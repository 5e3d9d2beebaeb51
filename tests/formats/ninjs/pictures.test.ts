// ninjs pictures on fixtures written for these tests: associations in the three generations, lead
// choice, status and embargo of a picture, watermarked and priced renditions, points of interest, and
// hostile values.
import { describe, expect, it } from 'vitest';
import { chooseRendition, pictureAlt } from '../../../integrations/dateline/formats/picture.ts';
import { checkPictures } from '../xml/helpers.ts';
import { v2 } from './fixtures.ts';
import { only, parse } from './helpers.ts';
import { PHOTO, v1Pictures, v2Pictures, v3Pictures } from './picture-fixtures.ts';

const lineOf = (text: string, marker: string) => text.slice(0, text.indexOf(marker)).split('\n').length;
const textOf = (value: unknown) => JSON.stringify(value, null, 2);

describe('ninjs pictures: the three generations', () => {
  it('1.x: keyed associations; `featureimage` leads though listed second; video left out', () => {
    const doc = v1Pictures();
    const item = only(parse(doc));
    const [lead, second, ...rest] = item.pictures!;
    expect(rest).toEqual([]);
    expect(lead).toEqual({
      line: lineOf(textOf(doc), '"featureimage"'),
      role: 'lead',
      id: PHOTO.uri,
      headline: PHOTO.headline,
      caption: PHOTO.caption,
      creator: PHOTO.by,
      copyright: PHOTO.copyright,
      usageTerms: PHOTO.usage,
      status: 'usable',
      renditions: [
        { name: 'thumbnail', href: PHOTO.thumb, mimeType: 'image/jpeg', width: 300, height: 200, sizeBytes: 21000 },
        { name: 'baseImage', href: PHOTO.base, mimeType: 'image/jpeg', width: 3000, height: 2000, sizeBytes: 2400000 },
      ],
    });
    expect(chooseRendition(lead!)?.href).toBe(PHOTO.base);
    expect(second).toMatchObject({
      role: 'inline',
      id: 'urn:example:dateline:ferry-photo-2',
      caption: 'Passengers queue for the first crossing.',
      renditions: [{ href: PHOTO.second, name: 'viewImage' }],
    });
    // ninjs bodies do not place pictures: no picture block, the body is as before.
    expect(item.body.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('2.x: listed associations, descriptions by role, a killed picture and an embargoed graphic', () => {
    const item = only(parse(v2Pictures()));
    const [lead, killed, embargoed] = item.pictures!;
    expect(lead).toMatchObject({
      role: 'lead',
      id: PHOTO.uri,
      headline: PHOTO.headline,
      caption: PHOTO.caption,
      alt: PHOTO.alt,
      creator: PHOTO.by,
      copyright: PHOTO.copyright,
      usageTerms: PHOTO.usage,
      status: 'usable',
    });
    expect(pictureAlt(lead!)).toBe(PHOTO.alt);
    expect(chooseRendition(lead!)).toEqual({ name: 'baseImage', href: PHOTO.base, mimeType: 'image/jpeg', width: 3000, height: 2000, sizeBytes: 2400000 });
    expect(killed).toMatchObject({ role: 'inline', status: 'canceled' });
    expect(embargoed).toMatchObject({ role: 'inline', status: 'usable', embargoedUntil: '2024-03-06T12:00:00+05:00' });
    expect(item.status).toBe('usable');
  });

  it('3.x: camelCase fields, lead by name, poi in pixels as fractions, embargoedUntil in the zone', () => {
    const item = only(parse(v3Pictures()));
    expect(item.pictures).toHaveLength(2);
    const lead = item.pictures![0]!;
    expect(lead).toMatchObject({
      role: 'lead',
      id: PHOTO.uri,
      headline: PHOTO.headline,
      caption: PHOTO.caption,
      creator: PHOTO.by,
      copyright: PHOTO.copyright,
      usageTerms: PHOTO.usage,
      status: 'usable',
      embargoedUntil: '2024-03-05T17:00:00+05:00',
      poi: { x: 0.25, y: 0.75 },
    });
    expect(lead.renditions).toEqual([{ name: 'baseImage', href: PHOTO.base, mimeType: 'image/jpeg', width: 3000, height: 2000, sizeBytes: 2400000 }]);
    expect(item.pictures![1]).toMatchObject({ role: 'inline', renditions: [{ href: PHOTO.second }] });
  });

  it('without a feature/main/lead name the first picture leads; an item with no picture has no `pictures`', () => {
    const item = only(
      parse(
        v2({
          associations: [
            { name: 'x1', type: 'image', renditions: [{ name: 'a', href: 'a.jpg' }] },
            { name: 'x2', type: 'picture', renditions: [{ name: 'b', href: 'b.jpg' }] },
          ],
        }),
      ),
    );
    expect(item.pictures!.map((p) => [p.role, p.renditions[0]!.href])).toEqual([
      ['lead', 'a.jpg'],
      ['inline', 'b.jpg'],
    ]);
    expect(only(parse(v2())).pictures).toBeUndefined();
    expect(only(parse(v2({ associations: [{ name: 'v', type: 'video', renditions: [{ name: 'a', href: 'a.mp4' }] }] }))).pictures).toBeUndefined();
  });

  it('an association without a type is a picture when its renditions are images', () => {
    const item = only(
      parse(
        v2({
          associations: [
            { name: 'n', renditions: [{ name: 'r', href: 'n.jpg', contenttype: 'image/jpeg' }] },
            { name: 'd', renditions: [{ name: 'r', href: 'd.pdf', contenttype: 'application/pdf' }] },
          ],
        }),
      ),
    );
    expect(item.pictures!.map((p) => p.renditions[0]?.href)).toEqual(['n.jpg']);
  });
});

describe('ninjs pictures: renditions', () => {
  it('a watermarked-only picture is kept, and chooseRendition gives nothing', () => {
    const item = only(
      parse(
        v2({
          associations: [
            {
              name: 'a001',
              type: 'picture',
              renditions: [
                {
                  name: 'r01',
                  title: 'Preview',
                  href: 'https://images.example.com/a001_WatermarkPreview.jpg',
                  contenttype: 'image/jpeg',
                  width: 1024,
                  height: 683,
                },
                { name: 'wm', href: 'https://images.example.com/a001.jpg', contenttype: 'image/jpeg', width: 4000, height: 3000 },
                {
                  name: 'r03',
                  title: 'Preview with watermark',
                  href: 'https://images.example.com/a001-p.jpg',
                  contenttype: 'image/jpeg',
                  width: 800,
                  height: 600,
                },
              ],
            },
          ],
        }),
      ),
    );
    expect(item.pictures![0]!.renditions).toHaveLength(3);
    expect(chooseRendition(item.pictures![0]!)).toBeUndefined();
  });

  it('a priced rendition (AP `priced: true`) is chosen only when priced renditions are allowed', () => {
    const item = only(
      parse(
        v2({
          associations: [
            {
              name: 'main',
              type: 'picture',
              renditions: [
                { name: 'main', href: 'https://images.example.com/full.jpg', contenttype: 'image/jpeg', width: 5000, height: 3000, priced: true },
                { name: 'preview', href: 'https://images.example.com/preview.jpg', contenttype: 'image/jpeg', width: 1024, height: 614, priced: false },
              ],
            },
          ],
        }),
      ),
    );
    const picture = item.pictures![0]!;
    expect(picture.renditions.map((r) => r.priced)).toEqual([true, undefined]);
    expect(chooseRendition(picture)?.href).toBe('https://images.example.com/preview.jpg');
    expect(chooseRendition(picture, { allowPriced: true })?.href).toBe('https://images.example.com/full.jpg');
  });

  it('sizes as strings are read; unreadable sizes, non-image types and hrefs that are no location are not', () => {
    const doc = v2({
      associations: [
        {
          name: 'main',
          type: 'picture',
          renditions: [
            { name: 'a', href: 'https://images.example.com/a.jpg', width: '172', height: '57', sizeinbytes: -3 },
            { name: 'b', href: 'https://images.example.com/b.jpg', width: 1e300, height: 2.5 },
            { name: 'c', href: 'data:image/png;base64,QUJD' },
            { name: 'd', href: 'javascript:alert(1)' },
            { name: 'e', href: 'tag:example.com,2024:photo-1' },
            { name: 'f', href: '//cdn.example.com/f.jpg' },
            { name: 'g', href: 'https://images.example.com/g.mp4', contenttype: 'video/mp4' },
            { name: 'h' },
          ],
        },
      ],
    });
    const parsed = parse(doc);
    const item = only(parsed);
    expect(item.pictures![0]!.renditions).toEqual([
      { name: 'a', href: 'https://images.example.com/a.jpg', width: 172, height: 57 },
      { name: 'b', href: 'https://images.example.com/b.jpg' },
      { name: 'f', href: 'https://cdn.example.com/f.jpg' },
    ]);
    const messages = item.warnings.map((w) => w.message).join('\n');
    expect(messages).toMatch(/rendition "c" not read: inline data/);
    expect(messages).toMatch(/rendition "d" not read: a script URL/);
    expect(messages).toMatch(/rendition "e" not read: .*tag: identifier/);
    expect(messages).toMatch(/rendition "h" not read: it has no "href"/);
    expect(item.warnings.find((w) => /"c" not read/.test(w.message))!.line).toBe(lineOf(textOf(doc), 'data:image'));
  });

  it('a point of interest given as fractions stays; one outside its rendition is dropped with a warning', () => {
    const poi = (value: unknown) =>
      only(
        parse(
          v3Pictures({ associations: [{ name: 'main', type: 'picture', renditions: [{ name: 'r', href: 'r.jpg', width: 100, height: 50, poi: value }] }] }),
        ),
      );
    expect(poi({ x: 0.5, y: 0.2 }).pictures![0]!.poi).toEqual({ x: 0.5, y: 0.2 });
    expect(poi({ x: 50, y: 25 }).pictures![0]!.poi).toEqual({ x: 0.5, y: 0.5 });
    const outside = poi({ x: 500, y: 25 });
    expect(outside.pictures![0]!.poi).toBeUndefined();
    expect(outside.warnings.map((w) => w.message)).toContain('a picture\'s point of interest ("poi") is not x and y inside its rendition: ignored');
  });
});

describe('ninjs pictures: status, embargo and hostile values', () => {
  it('a status or embargo that cannot be honoured holds the picture back, not the story', () => {
    const item = only(
      parse(
        v2({
          associations: [
            { name: 'a', type: 'picture', pubstatus: 'deleted-maybe', renditions: [{ name: 'r', href: 'a.jpg' }] },
            { name: 'b', type: 'picture', embargoed: true, renditions: [{ name: 'r', href: 'b.jpg' }] },
            { name: 'c', type: 'picture', embargoed: 'next week', renditions: [{ name: 'r', href: 'c.jpg' }] },
            { name: 'd', type: 'picture', pubstatus: 'embargoed', renditions: [{ name: 'r', href: 'd.jpg' }] },
            { name: 'e', type: 'picture', pubStatus: 'withheld', renditions: [{ name: 'r', href: 'e.jpg' }] },
          ],
        }),
      ),
    );
    expect(item.status).toBe('usable');
    expect(item.pictures!.map((p) => p.status)).toEqual(['withheld', 'withheld', 'withheld', 'withheld', 'withheld']);
    expect(item.warnings.filter((w) => /^picture held back/.test(w.message))).toHaveLength(4);
  });

  it('markup and scripts in captions, credits and headlines come out as plain text', () => {
    const item = only(
      parse(
        v2({
          associations: [
            {
              name: 'main',
              type: 'picture',
              headlines: [{ value: '<b>Ferry</b> <script>alert(1)</script>at dawn' }],
              by: 'Jon <img src=x onerror=alert(1)>Reyes',
              descriptions: [{ role: 'caption', value: '<p onclick="x()">The <a href="javascript:y()">ferry</a> &amp; its crew.</p><style>p{}</style>' }],
              copyrightnotice: '\u0000© 2024\u202e Example\ud800 News',
              renditions: [{ name: '<i>r</i>', title: '<script>t</script>Hires', href: ' https://images.example.com/a.jpg\n' }],
            },
          ],
        }),
      ),
    );
    const p = item.pictures![0]!;
    expect(p.headline).toBe('Ferry at dawn');
    expect(p.creator).toBe('Jon Reyes');
    expect(p.caption).toBe('The ferry & its crew.');
    expect(p.copyright).not.toMatch(/[\u0000\ud800]/);
    expect(p.renditions[0]).toEqual({ name: 'r', title: 'Hires', href: 'https://images.example.com/a.jpg' });
    expect(JSON.stringify(item.pictures)).not.toMatch(/script|onerror|onclick|javascript|<|style/);
  });

  it('a standalone picture item is still skipped with a warning', () => {
    const result = parse([
      v2(),
      { uri: 'urn:p', type: 'picture', versioncreated: '2024-03-05T06:00:00Z', headline: 'A photo', renditions: { main: { href: 'p.jpg' } } },
    ]);
    expect(result.items).toHaveLength(1);
    expect(result.warnings.map((w) => w.message)).toContain('a picture (type "picture") carries no story text: skipped');
  });

  it('at most 100 pictures are read, with a warning; every picture keeps the contract', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ name: `p${i}`, type: 'picture', renditions: [{ name: 'r', href: `p${i}.jpg` }] }));
    const text = textOf(v2({ associations: many }));
    const item = only(parse(text));
    expect(item.pictures).toHaveLength(100);
    expect(item.warnings.map((w) => w.message)).toContain('120 picture associations: only the first 100 are read');
    checkPictures(item, text.split('\n').length);
  });
});
