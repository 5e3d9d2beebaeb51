// The real ninjs samples in $DATELINE_TEST_DATA/wire-samples/ninjs/ (read in place, never copied): one test each,
// with the values read from the sample by hand. The schemas must not pass for items.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileParse } from '../../../integrations/dateline/formats/item.ts';
import { looksLikeNinjs, parseNinjs } from '../../../integrations/dateline/formats/ninjs/index.ts';
import { wireSamplesDir } from '../../helpers/test-data.ts';
import { chooseRendition, pictureAlt } from '../../../integrations/dateline/formats/picture.ts';
import { only, paragraphs, rejected } from './helpers.ts';

const bytesOf = (file: string) => readFileSync(join(wireSamplesDir, 'ninjs', file));
const sample = (file: string, timeZone = 'Asia/Karachi'): FileParse => parseNinjs(bytesOf(file), { timeZone });

describe('ninjs 1.x', () => {
  it('v1/iptc-ninjsExSimpleText1.json: body_xhtml preferred to body_text, AP dateline taken off', () => {
    const item = only(sample('v1/iptc-ninjsExSimpleText1.json'));
    expect(item.identity).toEqual({ key: 'id:http://ninjs.example.com/newsitems/20130709simp123' });
    expect(item.status).toBe('usable');
    expect(item.headline).toBe('Captain of wrecked cruise ship on trial in Italy');
    expect(item.headlineLine).toBe(6);
    expect(item.published).toBe('2013-07-09T15:37:00+05:00');
    expect(item.modified).toBeUndefined();
    expect(item.bylineText).toBe("Paulo Santalucia and Frances d'Emilio");
    expect(item.datelineText).toBe('GROSSETO, Italy (AP) --');
    expect(item.dateline).toBe('GROSSETO, Italy');
    expect(item.body).toHaveLength(4); // the four <p> of body_xhtml, not body_text's one paragraph
    expect(paragraphs(item)[0]).toMatch(/^The trial of the captain of the shipwrecked Costa Concordia/);
    expect(item.body[0]!.line).toBe(8);
    expect(item.correction).toBeUndefined();
    expect(item.embargoedUntil).toBeUndefined();
  });

  it('v1/iptc-ninjsExComplex1.json: a composite with its own text is a story; located is the dateline', () => {
    const item = only(sample('v1/iptc-ninjsExComplex1.json'));
    expect(item.identity.key).toBe('id:http://ninjs.example.com/newsitems/20130709cplx123');
    expect(item.headline).toBe('Captain of wrecked cruise ship on trial in Italy');
    expect(item.published).toBe('2013-07-09T15:37:00+05:00');
    expect(item.language).toBe('en');
    expect(item.dateline).toBe('Grossetto, Italy');
    expect(item.datelineText).toBe('GROSSETO, Italy (AP) --');
    expect(paragraphs(item)[0]).toMatch(/^The trial of the captain/);
    // The associated picture is not an item, and its caption is not part of the story.
    expect(JSON.stringify(item.body)).not.toContain('cruise ship lies on its side');
    expect(item.subjects).toEqual([]);
  });

  it('v1/businesswire-20130731006140.json: composite with body_xhtml; duplicate keys in renditions do no harm', () => {
    const item = only(sample('v1/businesswire-20130731006140.json'));
    expect(item.identity).toEqual({ key: 'id:http://www.businesswire.com/news/home/20130731006140/en', version: 1 });
    expect(item.headline).toBe('Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In');
    expect(item.published).toBe('2013-07-31T20:32:00+05:00');
    expect(item.bylineText).toBe('');
    expect(item.byline).toEqual([]);
    expect(paragraphs(item)).toHaveLength(1);
    expect(paragraphs(item)[0]).toMatch(/^With more Applebee’s® Lunch Combos than ever – enough to try a new/);
    expect(item.subjects[0]).toEqual({ name: 'Other Consumer' });
    expect(item.subjects.map((s) => s.name)).toContain('Food/Beverage');
    expect(item.subjects).toHaveLength(10);
  });
});

describe('ninjs 2.x', () => {
  it('v2/dpa_text.json: headlines[] main, bodies[] text/html, byline with its agency', () => {
    const item = only(sample('v2/dpa_text.json'));
    expect(item.identity).toEqual({ key: 'id:urn:newsml:dpa.com:20090101:190510-99-167362', version: 2 });
    expect(item.status).toBe('usable');
    expect(item.headline).toBe('Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?');
    expect(item.published).toBe('2019-05-10T19:02:28+05:00');
    expect(item.language).toBe('de');
    expect(item.bylineText).toBe('Von Christian Hollmann, dpa');
    expect(item.byline).toEqual([
      { name: 'Christian Hollmann', kind: 'person' },
      { name: 'dpa', kind: 'agency' },
    ]);
    expect(paragraphs(item)).toHaveLength(9);
    expect(paragraphs(item)[0]).toMatch(/^Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren»/);
    // `BEHAUPTUNG:` opens a later paragraph: not a dateline.
    expect(item.dateline).toBeUndefined();
    expect(paragraphs(item)[2]).toMatch(/^BEHAUPTUNG: /);
  });

  it('v2/iptc-ninjsExSimpleText_2.json: the text/html body wins over text/plain', () => {
    const item = only(sample('v2/iptc-ninjsExSimpleText_2.json'));
    expect(item.identity.key).toBe('id:http://ninjs.example.com/newsitems/20130709simp123');
    expect(item.headline).toBe('Captain of wrecked cruise ship on trial in Italy');
    expect(item.headlineLine).toBe(9);
    expect(item.published).toBe('2013-07-09T15:37:00+05:00');
    expect(item.bylineText).toBe("Paulo Santalucia and Frances d'Emilio");
    expect(paragraphs(item)).toHaveLength(4);
    expect(item.datelineText).toBe('GROSSETO, Italy (AP) --');
    expect(paragraphs(item)[3]).toMatch(/^Pepe said some 1,000 witnesses/);
    expect(item.body[0]!.line).toBe(21);
  });

  it('v2/ntb_text.json: only a description, no body: rejected (a summary is not the story)', () => {
    const result = sample('v2/ntb_text.json');
    const error = rejected(result);
    expect(error.line).toBe(15);
    expect(error.message).toMatch(/^no body: .*only a description, which is a summary, not the story/);
    // The edNote never reaches a message or a field.
    expect(JSON.stringify(result)).not.toContain('Noe utvidet');
  });

  it('v2/tt_text_image_2.json: TT html5 body without its repeated h1 and its vignette line; subjects and genre', () => {
    const item = only(sample('v2/tt_text_image_2.json', 'Europe/Stockholm'));
    expect(item.identity).toEqual({ key: 'id:http://tt.se/media/text/210526-militarovning-a0f2d045', version: 1 });
    expect(item.headline).toBe('Militärövning i jätteformat hålls 2023');
    expect(item.published).toBe('2021-05-26T13:40:18+02:00');
    expect(item.language).toBe('sv');
    expect(item.subjects).toEqual([
      { code: 'subj:16000000', name: 'Krig, konflikter och oroligheter' },
      { code: 'INR', name: 'Inrikes' },
    ]);
    expect(item.body[0]).toMatchObject({ kind: 'paragraph' });
    expect(paragraphs(item)[0]).toMatch(/^Pandemin satte stopp för den stora internationella militärövningen Aurora 2020/);
    // The figure closing the html5 body repeats the picture's caption: it is the picture (see below), not text.
    expect(item.body.map((b) => b.kind)).toEqual(['paragraph', 'quote', 'paragraph', 'quote']);
    expect(item.body[1]).toMatchObject({ kind: 'quote', text: expect.stringMatching(/^Aurora 2023 kommer att genomföras/) });
    expect(JSON.stringify(item.body)).not.toMatch(/FörsvarTT|Försvar TT/);
    expect(item.bylineText).toBe('');
  });
});

describe('ninjs 3.x', () => {
  it('v3/dpa_text.json: camelCase fields (versionCreated, pubStatus, contentType)', () => {
    const item = only(sample('v3/dpa_text.json'));
    expect(item.identity).toEqual({ key: 'id:urn:newsml:dpa.com:20090101:190510-99-167362', version: 2 });
    expect(item.status).toBe('usable');
    expect(item.headline).toBe('Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?');
    expect(item.published).toBe('2019-05-10T19:02:28+05:00');
    expect(item.byline.map((p) => p.kind)).toEqual(['person', 'agency']);
    expect(paragraphs(item)).toHaveLength(9);
    expect(paragraphs(item)[0]).toMatch(/^Für Lucien Favre/);
  });

  it('v3/iptc-ninjsExSimpleText_3.json: contentType text/html preferred', () => {
    const item = only(sample('v3/iptc-ninjsExSimpleText_3.json'));
    expect(item.identity.key).toBe('id:http://ninjs.example.com/newsitems/20130709simp123');
    expect(item.headline).toBe('Captain of wrecked cruise ship on trial in Italy');
    expect(item.published).toBe('2013-07-09T15:37:00+05:00');
    expect(paragraphs(item)).toHaveLength(4);
    expect(paragraphs(item)[0]).toMatch(/^The trial of the captain/);
  });

  it('v3/addb-ninjs-nitf.json: the embedded NITF body (with its lead) wins over text/plain; media topics and genre from uris', () => {
    const item = only(sample('v3/addb-ninjs-nitf.json'));
    expect(item.identity).toEqual({
      key: 'id:https://antidopingdatabase.com/news/anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever',
      version: 2,
    });
    expect(item.headline).toBe("Anti-doping measures at the 'Tour Down Under' will be the toughest ever");
    expect(item.published).toBe('2023-10-08T05:34:03+05:00');
    expect(item.dateline).toBe('Oslo, Norway');
    expect(item.bylineText).toBe('Trond Husø, The Anti-Doping Database');
    expect(item.subjects).toEqual([
      { code: 'medtop:15000000', name: 'Sport' },
      { code: 'medtop:20001105', name: 'drug abuse in sport' },
      { code: 'medtop:20000892', name: 'Cycling' },
      { code: 'genre:Actuality' },
    ]);
    expect(paragraphs(item)[0]).toMatch(/^The Australian Sports Anti-Doping Authority \(ASADA\) today announced/);
    expect(paragraphs(item)[1]).toMatch(/^The initiatives are being implemented/);
    expect(paragraphs(item).at(-1)).toMatch(/^Email: /);
    // Lines are the file's (the body value), not the embedded document's.
    expect(new Set(item.body.map((b) => b.line))).toEqual(new Set([56]));
  });
});

describe('superdesk, BBC and AP Media API', () => {
  it('superdesk/ninjs1.json: guid identity, superdesk subject/genre/service codes, ednote never read', () => {
    const result = sample('superdesk/ninjs1.json');
    const item = only(result);
    expect(item.identity).toEqual({ key: 'id:urn:newsml:localhost:2017-08-24T14:37:19.783611:c044162e-7f40-4d04-b700-49b6a66e652c', version: 2 });
    expect(item.headline).toBe('headline');
    expect(item.published).toBe('2017-08-24T09:37:19+05:00');
    expect(item.modified).toBe('2017-08-24T09:38:34+05:00');
    expect(item.bylineText).toBe('Peter and Jane');
    expect(item.dateline).toBe('Milton Keynes');
    expect(item.language).toBe('fr');
    expect(item.subjects).toEqual([
      { code: 'subj:01000000', name: 'arts, culture and entertainment' },
      { code: 'Article', name: 'Article (news)' },
      { code: 'anpa:m', name: 'Advisory' },
    ]);
    expect(item.body).toEqual([{ kind: 'paragraph', text: 'The story so far.', line: 6 }]);
    expect(JSON.stringify(result)).not.toContain('ed note');
    expect(JSON.stringify(result)).not.toContain('abstract');
  });

  it('superdesk/ninjs_embargoed.json: embargoed time, version 11, minified on one line', () => {
    const item = only(sample('superdesk/ninjs_embargoed.json'));
    expect(item.identity).toEqual({ key: 'id:fd8e441b-a698-4411-9246-7d5de21cced9', version: 11 });
    expect(item.status).toBe('usable');
    expect(item.embargoedUntil).toBe('2022-06-29T07:30:00+05:00');
    expect(item.published).toBe('2022-06-21T04:20:35+05:00');
    expect(item.modified).toBe('2022-06-27T04:54:25+05:00');
    expect(item.headline).toBe('Trouble is brewing for the future of beer');
    expect(item.headlineLine).toBe(1);
    expect(item.bylineText).toBe('Aaron J. Staples, Michigan State University');
    expect(item.subjects).toEqual([
      { code: 'subj:06011000', name: 'global warming' },
      { code: 'subj:04001000', name: 'agriculture' },
      { code: 'Feature', name: 'Feature' },
      { code: 'anpa:environment', name: 'Environment' },
    ]);
    expect(paragraphs(item)[0]).toMatch(/^What does torched earth taste like\? According to New Belgium/);
    expect(item.body.every((b) => b.line === 1)).toBe(true);
  });

  it('superdesk/bbc-ninjs-text-test.json: BBC feed envelope, zone-less times in the configured zone', () => {
    const item = only(sample('superdesk/bbc-ninjs-text-test.json', 'Europe/London'));
    expect(item.line).toBe(1);
    expect(item.identity).toEqual({ key: 'id:https://www.example.com//12345' });
    expect(item.headline).toBe('advisory');
    expect(item.headlineLine).toBe(22);
    expect(item.published).toBe('2018-05-28T16:40:08+01:00');
    expect(item.modified).toBeUndefined();
    expect(item.bylineText).toBe('John Doe');
    expect(item.subjects).toEqual([{ code: 'category:planning-permission', name: 'Planning Permission' }]);
    expect(item.body).toEqual([{ kind: 'paragraph', text: 'body', line: 24 }]);
  });

  it('superdesk/bbc-ninjs-comp-test.json: body_html that is plain text; its picture association is a picture, not text', () => {
    const item = only(sample('superdesk/bbc-ninjs-comp-test.json', 'Europe/London'));
    expect(item.identity.key).toBe('id:https://example.com/56789');
    expect(item.headline).toBe('abcdef');
    expect(item.published).toBe('2018-05-30T15:14:24+01:00');
    expect(item.bylineText).toBe('Jane Doe');
    expect(item.subjects.map((s) => s.code)).toEqual(['category:cynllunio', 'category:cead-dealbhaidh', 'category:leisure', 'location:risca']);
    expect(paragraphs(item)).toEqual(['abcd']);
  });

  it('superdesk/ap_media_text_item.json: AP Media API item whose body is only linked: rejected, saying so', () => {
    const error = rejected(sample('superdesk/ap_media_text_item.json'));
    expect(error.line).toBe(330);
    expect(error.message).toMatch(/only links its body \(renditions\.nitf\.href/);
  });

  it('superdesk/ap_media_text_feed.json: AP Media API feed, its one item rejected the same way', () => {
    const error = rejected(sample('superdesk/ap_media_text_feed.json'));
    expect(error.line).toBe(49);
    expect(error.message).toMatch(/renditions\.nitf\.href/);
  });
});

describe('the ninjs JSON Schemas are not items', () => {
  it.each(['schema/ninjs-schema_1.6.json', 'schema/ninjs-schema_2.2.json', 'schema/ninjs-schema_3.1.json'])('%s', (file) => {
    expect(looksLikeNinjs(bytesOf(file))).toBe(false);
    const error = rejected(sample(file));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/^a JSON Schema \("IPTC ninjs - News in JSON - version \d\.\d(?:\.\d)?"\), not a news item/);
  });

  it('every sample item file is recognised as ninjs', () => {
    for (const file of [
      'v1/iptc-ninjsExSimpleText1.json',
      'v1/iptc-ninjsExComplex1.json',
      'v1/businesswire-20130731006140.json',
      'v2/dpa_text.json',
      'v2/iptc-ninjsExSimpleText_2.json',
      'v2/ntb_text.json',
      'v2/tt_text_image_2.json',
      'v3/dpa_text.json',
      'v3/iptc-ninjsExSimpleText_3.json',
      'v3/addb-ninjs-nitf.json',
      'superdesk/ninjs1.json',
      'superdesk/ninjs_embargoed.json',
      'superdesk/bbc-ninjs-text-test.json',
      'superdesk/bbc-ninjs-comp-test.json',
      'superdesk/ap_media_text_item.json',
      'superdesk/ap_media_text_feed.json',
    ]) {
      expect(looksLikeNinjs(bytesOf(file)), file).toBe(true);
    }
  });
});

// The pictures the samples carry, with the values read from each file by hand.
describe('ninjs samples: pictures', () => {
  it('v2/tt_text_image_2.json: one picture association (a001), the lead; the WatermarkPreview is never chosen', () => {
    const item = only(sample('v2/tt_text_image_2.json', 'Europe/Stockholm'));
    expect(item.pictures).toHaveLength(1);
    const p = item.pictures![0]!;
    expect(p).toMatchObject({
      line: 60,
      role: 'lead',
      id: 'http://tt.se/media/image/sdlk2sirkPaauM',
      creator: 'Karl Melander/TT',
      caption: 'En stor internationell försvarsövning planeras 2023 med fokus på södra Sverige och Gotland. Arkivbild från militärövningen Aurora 17.',
      status: 'usable',
    });
    expect(p.headline).toBeUndefined();
    expect(p.copyright).toBeUndefined();
    expect(p.renditions.map((r) => [r.name, r.title, r.width, r.height, r.sizeBytes])).toEqual([
      ['r00', 'Hires', 4724, 3149, 10326191],
      ['r01', 'Preview', 1024, 683, 398957],
      ['r02', 'Preview', 1024, 683, 398957],
      ['r03', 'Thumbnail', 256, 171, 32491],
    ]);
    expect(chooseRendition(p)).toEqual({
      name: 'r00',
      title: 'Hires',
      href: 'https://beta.tt.se/media/text/210526-militarovning-a0f2d045/a001_NormalHires.jpg',
      mimeType: 'image/jpeg',
      width: 4724,
      height: 3149,
      sizeBytes: 10326191,
    });
    // Without the Hires, the clean Preview wins over its watermarked twin of the same size.
    const noHires = { ...p, renditions: p.renditions.slice(1) };
    expect(chooseRendition(noHires)?.href).toBe('https://beta.tt.se/media/text/210526-militarovning-a0f2d045/a001_NormalPreview.jpg');
    const watermarked = { ...p, renditions: [p.renditions[2]!] };
    expect(watermarked.renditions[0]!.href).toMatch(/a001_WatermarkPreview\.jpg$/);
    expect(chooseRendition(watermarked)).toBeUndefined();
    expect(pictureAlt(p)).toBe('En stor internationell försvarsövning planeras 2023 med fokus på södra Sverige och Gotland.');
  });

  it('v1/iptc-ninjsExComplex1.json: `mainpic` (ninjs 1 keyed associations and renditions) is the lead', () => {
    const item = only(sample('v1/iptc-ninjsExComplex1.json'));
    expect(item.pictures).toHaveLength(1);
    const p = item.pictures![0]!;
    expect(p).toMatchObject({
      line: 39,
      role: 'lead',
      id: 'http://ninjs.example.com/newsitems/20130709simpPh123',
      headline: 'Costa Concordia cruise ship',
      creator: 'Paulo Santalucia',
      status: 'usable',
      caption: expect.stringMatching(
        /^The Costa Concordia cruise ship lies on its side in the waters of the Tuscan island of Giglio, Italy, Monday, July 8, 2013\. The luxury/,
      ),
    });
    expect(p.caption).toMatch(/listing vessel early\.$/);
    expect(p.renditions.map((r) => r.name)).toEqual(['main', 'small']);
    expect(chooseRendition(p)).toEqual({
      name: 'main',
      title: 'Mid Resolution',
      href: 'http://hosted.ap.org/photos/2/2643c588-dc8d-4923-bebd-e3b904edbb3a-big.jpg',
      mimeType: 'image/jpg',
      width: 429,
      height: 281,
    });
    // The headline is the alt text when the wire gives none.
    expect(pictureAlt(p)).toBe('Costa Concordia cruise ship');
  });

  it('superdesk/ninjs_embargoed.json: featuremedia with licence, copyright and a poi in pixels of its original', () => {
    const item = only(sample('superdesk/ninjs_embargoed.json'));
    expect(item.pictures).toHaveLength(1);
    const p = item.pictures![0]!;
    expect(p).toEqual({
      line: 1,
      role: 'lead',
      id: 'ae041266-2700-4c52-94fe-a46ebca0d3a9',
      headline: 'Ekegs in Manchester',
      caption: 'There’s nothing quite like a cold beer to finish a long workweek. Unless, of course, that beer reminds you of the threats of climate change',
      creator: 'Photograph by Pea, available at https://bit.ly/3Najj58',
      copyright: 'CC-BY 4.0',
      usageTerms: 'Indefinite Usage',
      status: 'usable',
      // {"x": 729, "y": 864} of 1920×1440
      poi: { x: 0.3797, y: 0.6 },
      renditions: [
        {
          name: 'original',
          href: 'https://superdesk-tga.s3.amazonaws.com/sd-tga/20220621170640/9eba8c38a3a82d35c2271e7b570fa7432342f0d7e59dfacc5fde588209e7649b.jpg',
          width: 1920,
          height: 1440,
          mimeType: 'image/jpeg',
        },
        {
          name: 'FIXME',
          href: 'https://superdesk-tga.s3.amazonaws.com/sd-tga/20220621170640/72c745f8-513c-4969-ab18-11aee5b53af6.jpg',
          width: 800,
          height: 600,
          mimeType: 'image/jpeg',
        },
      ],
    });
    expect(chooseRendition(p)?.name).toBe('original');
    // The story's embargo is the story's; the picture has none of its own.
    expect(p.embargoedUntil).toBeUndefined();
    expect(item.embargoedUntil).toBe('2022-06-29T07:30:00+05:00');
  });

  it('superdesk/bbc-ninjs-comp-test.json: the `featureimage` association, sizes given as strings', () => {
    const item = only(sample('superdesk/bbc-ninjs-comp-test.json', 'Europe/London'));
    expect(item.pictures).toEqual([
      {
        line: 50,
        role: 'lead',
        headline: 'logo-footer.png',
        caption: 'abc',
        status: 'usable',
        renditions: [{ name: 'original', href: 'https://www.superdesk.org/public/img/logo-footer.png', mimeType: 'image/png', width: 172, height: 57 }],
      },
    ]);
  });

  it('v1/businesswire-20130731006140.json: the logo graphic is a picture, the video association is not', () => {
    const item = only(sample('v1/businesswire-20130731006140.json'));
    expect(item.pictures).toHaveLength(1);
    const p = item.pictures![0]!;
    expect(p).toMatchObject({ line: 25, role: 'lead', id: 'http://mms.businesswire.com/media/newsItemId/en/372964/3/AB_LOGO_viewimage.jpg', status: 'usable' });
    expect(p.renditions.map((r) => r.name)).toEqual(['thumbnail', 'viewimage', 'lowres']);
    expect(chooseRendition(p)).toEqual({
      name: 'lowres',
      href: 'http://mms.businesswire.com/media/newsItemId/en/372964/4/AB_LOGO_webready.jpg',
      mimeType: 'image/jpeg',
      width: 216,
      height: 141,
      sizeBytes: 17930,
    });
  });

  it('samples without picture associations have no pictures', () => {
    for (const f of [
      'v1/iptc-ninjsExSimpleText1.json',
      'v2/dpa_text.json',
      'v3/dpa_text.json',
      'v3/addb-ninjs-nitf.json',
      'superdesk/bbc-ninjs-text-test.json',
      'superdesk/ninjs1.json',
    ]) {
      expect(only(sample(f)).pictures, f).toBeUndefined();
    }
  });
});
