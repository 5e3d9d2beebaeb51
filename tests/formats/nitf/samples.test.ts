// Every NITF sample in $DATELINE_TEST_DATA/wire-samples/nitf/ (read in place), one test each, expected values read
// from the samples by hand; only short values (headlines, first words) are quoted here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WireItem } from '../../../integrations/dateline/formats/item.ts';
import { looksLikeNitf, parseNitf } from '../../../integrations/dateline/formats/nitf/index.ts';
import { wireSamplesDir } from '../../helpers/test-data.ts';
import { chooseRendition, pictureAlt } from '../../../integrations/dateline/formats/picture.ts';
import { firstParagraph, lineOf, onlyItem } from '../xml/helpers.ts';

const dir = join(wireSamplesDir, 'nitf');
const bytesOf = (file: string) => readFileSync(join(dir, file));
const textOf = (file: string) => bytesOf(file).toString('latin1');
const opts = { timeZone: 'Asia/Karachi' };
const parsed = (file: string) => parseNitf(bytesOf(file), opts);
const single = (file: string) => onlyItem(parsed(file), bytesOf(file));
const paragraphs = (item: WireItem) => item.body.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);

describe('NITF samples', () => {
  it('covers every sample in the folder, each recognised as NITF', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .sort();
    expect(files).toEqual(['aap.xml', 'ap-nitf.xml', 'ap_media_text_nitf.xml', 'efe_nitf.xml', 'iptc-nitf-fishing.xml', 'nitf-ntb.xml', 'pa1.xml', 'pa2.xml']);
    for (const f of files) expect(looksLikeNitf(bytesOf(f)), f).toBe(true);
  });

  it('aap.xml: ANPA metadata in <meta>, IPTC subjects, a release time that is no embargo', () => {
    const a = single('aap.xml');
    expect(a.identity).toEqual({ key: 'id:AAP.115314987.5417374' });
    expect(a.published).toBe('2013-10-20T13:27:51+05:00');
    expect(a.embargoedUntil).toBeUndefined();
    expect(a.headline).toBe("The main stories on today's 1900 ABC TV news");
    expect(a.headlineLine).toBe(lineOf(textOf('aap.xml'), '<hl1>'));
    expect(a.bylineText).toBe('By John Doe');
    expect(a.dateline).toBe('Sydney');
    expect(a.subjects).toEqual([
      { code: 'tobject.type:News', name: 'News' },
      { code: 'tobject.property:Current', name: 'Current' },
      { code: 'subj:02003001', name: 'law enforcement' },
      { code: 'subj:02003002', name: 'investigation' },
      { code: 'anpa:a' },
    ]);
    expect(firstParagraph(a)).toBe("The main stories on ABC television's 1900 news:");
    expect(paragraphs(a)[1]).toMatch(/^1A\) More extreme weather forecast over the next few days the fire situation/);
  });

  it('ap-nitf.xml: no doc-id id-string, byline without byttl, printed dateline off the first paragraph', () => {
    const a = single('ap-nitf.xml');
    expect(a.identity).toEqual({ key: 'nitf:AP:2015-12-10T19:10:44.000Z:can trading pollution like stocks help fight climate change?' });
    expect(a.published).toBe('2015-12-11T00:10:44+05:00');
    expect(a.headline).toBe('Can trading pollution like stocks help fight climate change?');
    expect(a.subheadline).toBeUndefined();
    expect(a.bylineText).toBe('By BERNARD CONDON');
    expect(a.byline).toEqual([{ name: 'BERNARD CONDON', kind: 'person' }]);
    expect(a.dateline).toBe('NEW YORK');
    expect(a.datelineText).toBe('NEW YORK (AP) —');
    expect(firstParagraph(a)).toMatch(/^The gas produced by hog manure at farms across the U\.S\./);
    expect(a.body[0]!.line).toBe(25);
  });

  it('ap_media_text_nitf.xml: namespaced NITF, tables read row by row, the repeated headline dropped', () => {
    const a = single('ap_media_text_nitf.xml');
    expect(a.headline).toBe('BC-BBN--Top Ten');
    expect(a.published).toBe('2019-07-03T09:05:12+05:00');
    expect(a.body.some((b) => b.kind === 'subhead')).toBe(false);
    expect(paragraphs(a).slice(0, 4)).toEqual(["BASEBALL'S TOP TEN", 'By The Associated Press', 'NATIONAL LEAGUE', 'G | AB | R | H | Pct.']);
    expect(paragraphs(a)).toContain('McNeil NYM | 72 | 271 | 37 | 95 | .351');
  });

  it("efe_nitf.xml: EFE's dateline `.-`, its initials byline dropped, IPTC and EFE subject codes", () => {
    const a = single('efe_nitf.xml');
    expect(a.identity).toEqual({ key: 'id:22751909' });
    expect(a.published).toBe('2017-01-03T03:28:00+05:00');
    expect(a.headline).toBe('Honduran president announces Cabinet changes');
    expect(a.subheadline).toBe('HONDURAS GOVERNMENT');
    expect(a.bylineText).toBe('');
    expect(a.dateline).toBe('Tegucigalpa');
    expect(a.datelineText).toBe('Tegucigalpa, Jan 2 (EFE).-');
    expect(firstParagraph(a)).toBe('Test body.');
    expect(a.language).toBe('en-US');
    expect(a.subjects).toContainEqual({ code: 'subj:11006005', name: 'Executive (government)' });
    expect(a.subjects).toContainEqual({ code: 'efe:F01001000', name: 'GOVERNMENT' });
    expect(a.subjects).toContainEqual({ code: 'categoria:POL' });
    expect(JSON.stringify(a)).not.toContain('Test Abstract');
  });

  it('iptc-nitf-fishing.xml: DOCTYPE with an external DTD, a kill of the document it names, its note dropped', () => {
    const r = parsed('iptc-nitf-fishing.xml');
    const a = onlyItem(r, bytesOf('iptc-nitf-fishing.xml'));
    expect(a.status).toBe('canceled');
    expect(a.identity).toEqual({ key: 'id:iptc.321656141.a', version: 1 });
    expect(a.published).toBe('2002-02-26T00:30:00+05:00');
    expect(a.embargoedUntil).toBe('2002-02-26T19:30:00+05:00');
    expect(a.headline).toBe('Weather and Tide Updates for Norfolk');
    expect(a.subheadline).toBe('A sample, fictitious NITF article');
    expect(a.bylineText).toBe('By Alan Karben');
    expect(a.dateline).toBe('Newport News, VA');
    // The photo before the first paragraph is the lead picture (see the pictures tests), not a caption block.
    expect(a.body[0]).toMatchObject({ kind: 'paragraph', text: expect.stringMatching(/^The weather was superb today in Norfolk/) });
    expect(a.body.some((b) => b.kind === 'caption' || b.kind === 'picture')).toBe(false);
    expect(a.body.find((b) => b.kind === 'list')).toMatchObject({
      ordered: false,
      items: [expect.stringMatching(/^Deer Creek: This area/), expect.stringMatching(/^Fox Run:/), expect.stringMatching(/^Pheasant Hollow:/)],
    });
    expect(paragraphs(a).at(-1)).toBe('Stewart Klometers contributed to this article.');
    expect(JSON.stringify(r)).not.toMatch(/created completely from scratch|expanded format of this popular column/);
  });

  it('nitf-ntb.xml: declared ISO-8859-1 (ASCII with references), du-key as the story key, embed codes dropped', () => {
    const r = parsed('nitf-ntb.xml');
    const a = onlyItem(r, bytesOf('nitf-ntb.xml'));
    expect(r.warnings).toEqual([]);
    expect(a.identity).toEqual({ key: 'id:faktisk-d9cde75b-256e-4989-b6a3-b8ad27f43a5c', version: 48 });
    expect(a.published).toBe('2020-09-07T14:45:26+05:00');
    expect(r.items[0]!.warnings.map((w) => w.message)).toContain('docdata/date.issue norm has no UTC offset: read in Asia/Karachi');
    expect(a.headline).toBe('Faktisk.no: Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030');
    expect(a.bylineText).toBe('Geir Molnes / Faktisk.no');
    expect(a.byline.map((p) => p.name)).toEqual(['Geir Molnes', 'Faktisk.no']);
    expect(a.dateline).toBe('Oslo');
    expect(a.language).toBe('nb-NO');
    expect(firstParagraph(a)).toBe('Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030');
    expect(a.body[1]).toMatchObject({ kind: 'subhead', text: 'Påstand' });
    expect(a.body.find((b) => b.kind === 'list')).toMatchObject({ items: expect.arrayContaining(['Én global verdensregjering']) });
    expect(a.body.at(-1)).toEqual({ kind: 'picture', picture: 0, line: lineOf(textOf('nitf-ntb.xml'), '<media media-type') });
    const all = JSON.stringify(a);
    expect(all).not.toMatch(/faktisk-embed|<script|Embed \(/);
    expect(all).not.toContain('Ã');
    expect(r.items[0]!.warnings.filter((w) => /embed code/.test(w.message))).toHaveLength(3);
  });

  it('pa1.xml: subject reference numbers without names, inline persons and places kept as text, the end mark dropped', () => {
    const a = single('pa1.xml');
    expect(a.identity).toEqual({ key: 'id:af1f7ad5-5619-49de-84cc-2e608538c77fSSS-3-1' });
    expect(a.published).toBe('2015-10-14T08:30:01+05:00');
    expect(a.headline).toBe('PA SPORT TRIVIA (OCTOBER 14)');
    expect(a.subjects.map((s) => s.code)).toEqual(['subj:04011002', 'subj:10000000', 'subj:15000000', 'subj:15054000', 'category:SSS']);
    expect(firstParagraph(a)).toBe('ON THIS DAY IN SPORT');
    expect(paragraphs(a)[2]).toMatch(/^1996: Mark Bosnich, then of Aston Villa, was charged with misconduct by the Football Association/);
    expect(paragraphs(a).at(-1)).toMatch(/^Answers: 1\. Al-Saadi Gaddafi/);
  });

  it('pa2.xml: headline from head/title, the pre line-up as one paragraph', () => {
    const a = single('pa2.xml');
    expect(a.identity).toEqual({ key: 'id:T201510140143580001T' });
    expect(a.published).toBe('2015-10-14T06:43:58+05:00');
    expect(a.headline).toBe('1 SOCCER INT-Teams');
    expect(a.headlineLine).toBe(lineOf(textOf('pa2.xml'), '<title>'));
    expect(paragraphs(a)).toHaveLength(1);
    expect(firstParagraph(a)).toMatch(/^International Match Mexico v Panama Mexico: Talavera, M\. Herrera/);
    expect(a.subjects).toEqual([{ code: 'category:FSP' }]);
  });
});

// The pictures the samples carry, with the values read from each file by hand.
describe('NITF samples: pictures', () => {
  it('iptc-nitf-fishing.xml: the media before the first paragraph is the lead, with its reference, alt, caption and producer', () => {
    const a = single('iptc-nitf-fishing.xml');
    expect(a.pictures).toEqual([
      {
        line: 170,
        role: 'lead',
        renditions: [{ href: 'high-tide.jpg', mimeType: 'image/jpeg', width: 278, height: 185 }],
        caption: 'The tides, captured on film late yesterday.',
        alt: 'The tides are high.',
        creditLine: 'Karben',
        status: 'usable',
      },
    ]);
    expect(chooseRendition(a.pictures![0]!)?.href).toBe('high-tide.jpg');
    expect(pictureAlt(a.pictures![0]!)).toBe('The tides are high.');
    // The story is a kill; its picture carries no status of its own (the story's decides).
    expect(a.status).toBe('canceled');
  });

  it('nitf-ntb.xml: the media closing the body is an inline picture, its block at its place', () => {
    const a = single('nitf-ntb.xml');
    expect(a.pictures).toEqual([
      {
        line: 144,
        role: 'inline',
        renditions: [{ href: 'iJIJyyF0tiE', mimeType: 'image/jpeg' }],
        caption: 'Foto: NTB / Scanpix, montasje av Faktisk.no',
        status: 'usable',
      },
    ]);
    expect(chooseRendition(a.pictures![0]!)?.href).toBe('iJIJyyF0tiE');
    expect(a.body.filter((b) => b.kind === 'picture')).toEqual([{ kind: 'picture', picture: 0, line: 144 }]);
    // It follows the last paragraph the story keeps (the embed codes after it are gone).
    expect(a.body.at(-2)).toMatchObject({ kind: 'paragraph', text: expect.stringMatching(/^Les faktasjekken på/) });
  });

  it('the other samples have no media, so no pictures', () => {
    for (const f of ['aap.xml', 'ap-nitf.xml', 'ap_media_text_nitf.xml', 'efe_nitf.xml', 'pa1.xml', 'pa2.xml']) {
      const r = parsed(f);
      for (const i of r.items) if (i.ok) expect(i.item.pictures, f).toBeUndefined();
    }
  });
});
