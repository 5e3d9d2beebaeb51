// Every NewsML-G2 sample in $DATELINE_TEST_DATA/wire-samples/newsml-g2/ (read in place, never copied), one test
// each, with the expected values read from the sample by hand. The samples are the agencies' text:
// only short expected values (a headline, the first words of a paragraph) appear here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileParse, WireItem } from '../../../integrations/dateline/formats/item.ts';
import { looksLikeNewsmlG2, parseNewsmlG2 } from '../../../integrations/dateline/formats/newsml-g2/index.ts';
import { readNitfBody, readNitfStoryHead } from '../../../integrations/dateline/formats/nitf/index.ts';
import { parseXml, descendants } from '../../../integrations/dateline/formats/shared/xml.ts';
import { chooseRendition } from '../../../integrations/dateline/formats/picture.ts';
import { wireSamplesDir } from '../../helpers/test-data.ts';
import { checkParse, firstParagraph, lineOf, onlyItem } from '../xml/helpers.ts';

const dir = join(wireSamplesDir, 'newsml-g2');
const bytesOf = (file: string) => readFileSync(join(dir, file));
const textOf = (file: string) => bytesOf(file).toString('utf8');
const opts = { timeZone: 'Asia/Karachi' };

function parsed(file: string, options = opts): { result: FileParse; items: WireItem[] } {
  const bytes = bytesOf(file);
  const result = parseNewsmlG2(bytes, options);
  return { result, items: checkParse(result, bytes) };
}
const single = (file: string, options = opts) => onlyItem(parseNewsmlG2(bytesOf(file), options), bytesOf(file));
/** Everything the parse produced, diagnostics included, as one text (for "appears nowhere" checks). */
const everything = (r: FileParse) => JSON.stringify(r);
const paragraphs = (item: WireItem) => item.body.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);

describe('NewsML-G2 samples', () => {
  it('covers every sample in the folder, each recognised as NewsML-G2', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .sort();
    expect(files).toHaveLength(19);
    for (const f of files) expect(looksLikeNewsmlG2(bytesOf(f)), f).toBe(true);
  });

  it('ansa-text.xml: colon-less offset, subheadline, inlineData with <p> markup', () => {
    const a = single('ansa-text.xml');
    expect(a.identity).toEqual({ key: 'id:tag:ansa.it,2017-10-11:40e5fb1034e7e2b21942ea09718fc85a', version: 1 });
    expect(a.published).toBe('2017-10-11T14:41:00+05:00');
    expect(a.modified).toBeUndefined();
    expect(a.headline).toBe('Catalan independence declaration unacceptable - Alfano');
    expect(a.subheadline).toBe('Foreign minister expresses faith in Spanish government');
    expect(a.dateline).toBe('Rome');
    expect(a.datelineText).toBe('(ANSA) - Rome, October 11 -');
    expect(firstParagraph(a)).toMatch(/^Italian Foreign Minister Angelino Alfano has said/);
    expect(paragraphs(a)).toHaveLength(4);
    expect(a.bylineText).toBe('');
    expect(a.language).toBe('it');
    expect(a.subjects[0]).toEqual({ name: 'ALR' });
  });

  it('ap-earnings.xml: a newsMessage of three items, NITF bodies, edNotes never shown', () => {
    const { result, items } = parsed('ap-earnings.xml');
    expect(result.errors).toEqual([]);
    expect(items).toHaveLength(3);
    const [a, b, c] = items as [WireItem, WireItem, WireItem];
    expect(a.identity).toEqual({ key: 'id:tag:ap.org,2011:5e565888b587889c5c8bd62b6164118c-text', version: 2 });
    expect(a.headline).toBe('Nutrisystem beats 4Q earnings and revenue expectations');
    expect(a.published).toBe('2018-02-27T02:20:36+05:00');
    expect(a.modified).toBeUndefined();
    expect(a.dateline).toBe('FORT WASHINGTON, Pa.');
    expect(a.datelineText).toBe('FORT WASHINGTON, Pa. (AP) _');
    expect(firstParagraph(a)).toBe('Nutrisystem Inc. (NTRI) on Monday reported fourth-quarter net income of $10.9 million.');
    expect(a.subjects).toContainEqual({ code: 'apcategorycode:f', name: 'f' });
    expect(a.subjects).toContainEqual({ code: 'apsubject:c8e409f8858510048872ff2260dd383e', name: 'Business' });
    expect(a.line).toBe(lineOf(textOf('ap-earnings.xml'), '<newsItem'));
    expect(b.headline).toMatch(/^DiamondRock Hospitality posts 4Q FFO/);
    expect(b.dateline).toBe('BETHESDA, Md.');
    expect(c.identity).toEqual({ key: 'id:tag:ap.org,2011:4db5f9c37aac8924db872ba5a7e287e6-text', version: 1 });
    expect(c.headline).toBe('Scripps Networks tops 4Q profit and revenue expectations');
    expect(c.dateline).toBe('KNOXVILLE, Tenn.');
    expect(new Set(items.map((i) => i.identity.key)).size).toBe(3);
    expect(everything(result)).not.toContain('Adds full-year results');
  });

  it('dpa-dw-eil.xml: one paragraph, byline from the credit line, nothing of the notepad', () => {
    const { result, items } = parsed('dpa-dw-eil.xml');
    const a = items[0]!;
    expect(a.identity).toEqual({ key: 'id:urn:newsml:dpa.com:20090101:240925-930-242744', version: 1 });
    expect(a.published).toBe('2024-09-25T13:37:24+05:00');
    expect(a.headline).toBe('Grünen-Spitze tritt nach Wahlniederlagen ab');
    expect(a.byline).toEqual([{ name: 'dpa', kind: 'agency' }]);
    expect(a.dateline).toBe('Berlin');
    expect(a.datelineText).toBe('Berlin (dpa) -');
    expect(paragraphs(a)).toHaveLength(1);
    expect(firstParagraph(a)).toMatch(/^Die Grünen-Spitze zieht nach den Misserfolgen/);
    expect(a.subjects).toContainEqual({ code: 'dpacat:pl', name: 'pl' });
    expect(a.subjects).toContainEqual({ code: 'medtop:20000651', name: 'Partei' });
    expect(everything(result)).not.toMatch(/Notizblock|yydd|kunigkeit|Eilmeldung/);
  });

  it('dpa-dw-embargoed.xml: the embargo, the main headline over the kicker, the header copy dropped', () => {
    const { result, items } = parsed('dpa-dw-embargoed.xml');
    const a = items[0]!;
    expect(a.embargoedUntil).toBe('2025-01-23T23:00:00+05:00');
    expect(a.published).toBe('2025-01-23T18:10:47+05:00');
    expect(a.headline).toBe('Steinmeier: Russland zerstört kulturelles Erbe der Ukraine');
    expect(a.headlineLine).toBe(lineOf(textOf('dpa-dw-embargoed.xml'), '<headline rank="1">'));
    expect(a.subheadline).toBeUndefined();
    expect(a.datelineText).toBe('Berlin (dpa) -');
    expect(paragraphs(a)[0]).toMatch(/^Eine Ausstellung in Berlin zeigt/);
    expect(paragraphs(a)[1]).toMatch(/^Bundespräsident Frank-Walter Steinmeier hat vor der Zerstörung/);
    expect(a.body.find((b) => b.kind === 'subhead')).toMatchObject({ text: 'Gemälde aus Odessa mit Werken aus Berliner Sammlungen im Dialog' });
    expect(everything(result)).not.toMatch(/Sperrfrist|Szameitat|Newsdesk|sza yybb|Notizblock/);
  });

  it('dpa-dw-with_dateline.xml: the `by` byline with its agency, subheads', () => {
    const a = single('dpa-dw-with_dateline.xml');
    expect(a.identity).toEqual({ key: 'id:urn:newsml:dpa.com:20090101:250128-930-357319', version: 2 });
    expect(a.published).toBe('2025-01-28T13:18:34+05:00');
    expect(a.headline).toBe('DeepSeek-Schock aus China: Zeichen für KI-Zeitenwende?');
    expect(a.bylineText).toBe('Von Andrej Sokolow, dpa');
    expect(a.byline).toEqual([
      { name: 'Andrej Sokolow', kind: 'person' },
      { name: 'dpa', kind: 'agency' },
    ]);
    expect(a.dateline).toBe('New York');
    expect(paragraphs(a)[1]).toMatch(/^Ein Chatbot aus China schockt die Wall Street/);
    expect(a.body.filter((b) => b.kind === 'subhead').map((b) => (b as { text: string }).text)).toContain('Kalte Füße an der Wall Street');
  });

  it('dpa.xml: the nonpublic edNote (and every other note) appears nowhere', () => {
    const { result, items } = parsed('dpa.xml');
    const a = items[0]!;
    expect(a.identity).toEqual({ key: 'id:urn:newsml:dpa.com:20090101:221011-930-4303', version: 1 });
    expect(a.published).toBe('2022-10-11T14:14:42+05:00');
    expect(a.headline).toBe('Eintracht in London: Hintereggers Tränen und Attacke auf Reporter');
    expect(a.bylineText).toBe('dpa');
    expect(a.dateline).toBe('London');
    expect(a.datelineText).toBe('London (dpa) -');
    expect(firstParagraph(a)).toMatch(/^2019 gab es bittere Tränen in der Kurve/);
    expect(paragraphs(a)).toHaveLength(3);
    expect(a.language).toBe('de');
    expect(a.subjects).toContainEqual({ code: 'medtop:20001065', name: 'Fußball' });
    expect(a.subjects).toContainEqual({ code: 'subj:15054000', name: 'Fußball' });
    for (const note of [
      'Patrick Reichardt',
      'reichardt.patrick@dpa.com',
      'Sandra Degenhardt',
      '030285232232',
      'sport@dpa.com',
      'nicht zur Veröffentlichung',
      'Notizblock',
      'pre yyhe',
      'Foto Archiv',
      'Bildangebot',
    ]) {
      expect(everything(result)).not.toContain(note);
    }
  });

  it('iptc-LISTING_1_News_Item.xml: a usable item whose inlineXML is empty is rejected', () => {
    const { result } = parsed('iptc-LISTING_1_News_Item.xml');
    expect(result.errors).toEqual([
      { line: lineOf(textOf('iptc-LISTING_1_News_Item.xml'), '<inlineXML'), message: 'no story text: the inlineXML has no paragraph' },
    ]);
    expect(everything(result)).not.toContain('STRICTLY EMBARGOED');
  });

  it('iptc-LISTING_24_News_Message_Package.xml: the package is skipped, its placeholder items rejected', () => {
    const { result } = parsed('iptc-LISTING_24_News_Message_Package.xml');
    const text = textOf('iptc-LISTING_24_News_Message_Package.xml');
    expect(result.items).toEqual([]);
    expect(result.warnings).toContainEqual({ line: lineOf(text, '<packageItem>'), message: expect.stringMatching(/packageItem skipped/) });
    expect(result.errors.filter((e) => /no time/.test(e.message)).map((e) => e.line)).toEqual([
      lineOf(text, 'guid="N1"'),
      lineOf(text, 'guid="N2"'),
      lineOf(text, 'guid="N3"'),
      lineOf(text, 'guid="N4"'),
    ]);
  });

  it('iptc-LISTING_25_NITF_in_inlineXML.xml: a bare contentSet is rejected; its NITF reads with the NITF reader', () => {
    const bytes = bytesOf('iptc-LISTING_25_NITF_in_inlineXML.xml');
    const { result } = parsed('iptc-LISTING_25_NITF_in_inlineXML.xml');
    expect(result.errors).toEqual([{ line: 1, message: expect.stringMatching(/^a fragment of a NewsML-G2 item \(the root is <contentSet>\)/) }]);
    const xml = parseXml(bytes);
    if (!xml.ok) throw new Error('not XML');
    const nitf = descendants(xml.root, 'nitf')[0]!;
    const head = readNitfStoryHead(nitf);
    expect(head.headline?.text).toBe('Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.');
    expect(head.byline).toBeUndefined();
    const blocks = readNitfBody(nitf, { lastLine: xml.lines });
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({
      kind: 'paragraph',
      text: expect.stringMatching(/^\(Sports Network\) - With the Philadelphia Phillies picking up momentum/),
    });
    expect(JSON.stringify(blocks)).not.toContain('A pair of teams');
  });

  it('iptc-LISTING_28_Located_Subject_Dateline.xml: a bare contentMeta is rejected', () => {
    expect(parsed('iptc-LISTING_28_Located_Subject_Dateline.xml').result.errors[0]!.message).toMatch(
      /^a fragment of a NewsML-G2 item \(the root is <contentMeta>\)/,
    );
  });

  it('iptc-LISTING_29_Hop_History.xml: metadata only, rejected (no headline, no text)', () => {
    const { result } = parsed('iptc-LISTING_29_Hop_History.xml');
    expect(result.errors.map((e) => e.message)).toEqual([
      'no headline: expected contentMeta/headline (or a headline in the inline NITF)',
      'no story text: expected contentSet/inlineXML or inlineData with the story text',
    ]);
  });

  it('iptc-LISTING_2_Text_Document.xml: NITF in inlineXML, byline from NITF without its byttl', () => {
    const a = single('iptc-LISTING_2_Text_Document.xml');
    expect(a.identity).toEqual({ key: 'id:urn:newsml:acmenews.com:20161121:US-FINANCE-FED', version: 11 });
    expect(a.headline).toBe('Fed to halt QE to avert "bubble"');
    expect(a.published).toBe('2018-11-22T02:25:32+05:00');
    expect(a.bylineText).toBe('By Meredith Jameson');
    expect(a.dateline).toBe('New York, NY');
    expect(a.language).toBe('en-US');
    expect(a.subjects.map((s) => s.code)).toEqual(['medtop:04000000', 'medtop:20000350', 'medtop:20000379']);
    expect(firstParagraph(a)).toMatch(/^\(New York, NY - October 21\) Et, sent luptat/);
    expect(paragraphs(a)).toHaveLength(2);
  });

  it('iptc-LISTING_6_Simple_Package.xml: a packageItem is rejected', () => {
    expect(parsed('iptc-LISTING_6_Simple_Package.xml').result.errors[0]!.message).toMatch(/packageItem .* nothing to publish/);
  });

  it('reuters-L1N14N0FF: the correction and the later kill are one story, versions ordered', () => {
    const corrected = single('reuters-L1N14N0FF-v978556838-corrected.xml');
    const killed = single('reuters-L1N14N0FF-v1542761538-canceled.xml');
    expect(corrected.identity).toEqual({ key: 'id:tag:reuters.com,0000:newsml_L1N14N0FF', version: 978556838 });
    expect(killed.identity.key).toBe(corrected.identity.key);
    expect(killed.identity.version!).toBeGreaterThan(corrected.identity.version!);
    expect(Date.parse(killed.published)).toBeGreaterThan(Date.parse(corrected.published));

    expect(corrected.status).toBe('usable');
    expect(corrected.correction).toEqual({
      note: 'In Jan. 3 story, corrects last paragraph to reflect that figure on Exxon Mobil terminal refers to capacity, not barrels per day',
    });
    expect(corrected.headline).toBe('S. Illinois battles flooding as Mississippi River builds downstream');
    expect(corrected.published).toBe('2016-01-04T20:43:34+05:00');
    expect(corrected.bylineText).toBe('Reuters');
    expect(corrected.datelineText).toBe('Jan 3 (Reuters) -');
    expect(corrected.dateline).toBeUndefined();
    expect(firstParagraph(corrected)).toMatch(/^Residents of flooded areas in far southern Illinois/);
    expect(paragraphs(corrected).at(-1)).toMatch(/\(Reporting by David Bailey in Minneapolis, .*Editing by Dan Grebler\)$/);
    expect(corrected.subjects).toContainEqual({ name: 'Business' });
    expect(corrected.subjects).toContainEqual({ code: 'N2:US' });
    expect(corrected.subjects).toContainEqual({ code: 'subj:04000000' });
    expect(corrected.subjects).toContainEqual({ code: 'svc:RTR_TNS' });

    expect(killed.status).toBe('canceled');
    expect(killed.body).toEqual([]);
    expect(killed.correction).toBeUndefined();
    expect(killed.published).toBe('2016-01-04T21:34:45+05:00');
  });

  it('reuters-MTZXEE13ZXCZES-2.xml: UPDATE mark off the headline, a time stamp in <dateline>, text straight in <body>', () => {
    const a = single('reuters-MTZXEE13ZXCZES-2.xml');
    expect(a.identity).toEqual({ key: 'id:tag:reuters.com,2018:newsml_MTZXEE13ZXCZES', version: 2 });
    expect(a.headline).toBe('Primeira Liga Results');
    expect(a.published).toBe('2018-01-04T01:13:08+05:00');
    expect(a.dateline).toBeUndefined();
    expect(a.datelineText).toBe('Jan 3 (OPTA) -');
    expect(firstParagraph(a)).toMatch(/^Results and fixtures for the Primeira Liga on Wednesday Desportivo Aves \(0\) 1 Moreirense \(2\) 2 Marítimo/);
    expect(a.subjects).toContainEqual({ code: 'N2:SOCC', name: 'Soccer' });
  });

  it('reuters-sni-text.xml: a body holding only "By Toby Davis" is rejected; the edNote is not shown', () => {
    const { result } = parsed('reuters-sni-text.xml');
    expect(result.errors).toEqual([
      { line: lineOf(textOf('reuters-sni-text.xml'), '<inlineXML'), message: 'no story text: the body holds only the byline "By Toby Davis"' },
    ]);
    expect(everything(result)).not.toContain('Editorial Note');
  });

  it('scoop-businessdesk-nonconformant.xml: read leniently (capitalised header, zone-less times, headline from NITF)', () => {
    const { result, items } = parsed('scoop-businessdesk-nonconformant.xml');
    const text = textOf('scoop-businessdesk-nonconformant.xml');
    const a = items[0]!;
    expect(a.identity).toEqual({ key: 'id:BD-20160112123540', version: 3 });
    expect(a.published).toBe('2016-01-12T12:35:40+05:00');
    expect(result.items[0]!.warnings).toContainEqual({
      line: lineOf(text, '<versionCreated>'),
      message: 'itemMeta/versionCreated has no UTC offset: read in Asia/Karachi',
    });
    expect(result.warnings).toContainEqual({ line: lineOf(text, '<packageItem>'), message: expect.stringMatching(/packageItem skipped/) });
    expect(a.headline).toBe('Dick Smith receivers install Don Grover as acting CEO as Abboud quits; retailer put up for sale');
    expect(a.bylineText).toBe('By Jonathan Underhill');
    expect(a.datelineText).toBe('Jan. 12 (BusinessDesk) -');
    expect(a.embargoedUntil).toBeUndefined();
    expect(firstParagraph(a)).toMatch(/^The receivers of Dick Smith Holdings have appointed retailing veteran Don Grover/);
    // BusinessDesk is a New Zealand wire: in its own zone the zone-less time is 12:35 NZDT.
    expect(single('scoop-businessdesk-nonconformant.xml', { timeZone: 'Pacific/Auckland' }).published).toBe('2016-01-12T12:35:40+13:00');
  });

  it('stt-newsml.xml: versionCreated before firstCreated, double-escaped references, private edNote hidden', () => {
    const { result, items } = parsed('stt-newsml.xml');
    const a = items[0]!;
    expect(a.identity).toEqual({ key: 'id:urn:newsml:stt.fi:20171219:101801633', version: 4 });
    expect(a.published).toBe('2017-12-19T13:33:04+05:00');
    expect(a.modified).toBeUndefined();
    expect(result.items[0]!.warnings.map((w) => w.message)).toContain('itemMeta/versionCreated is earlier than firstCreated: no modified time');
    expect(a.headline).toBe('Parliament passed the Alcohol Act and the government gained confidence*** TRANSLATED ***');
    expect(a.dateline).toBe('Helsinki');
    expect(a.language).toBe('fi-FI');
    expect(a.subjects).toContainEqual({ code: 'sttdepartment:9', name: 'Politics' });
    expect(firstParagraph(a)).toBe('*** DISCLAIMER: THIS IS AN AUTOMATED TRANSLATION FROM FINNISH ***');
    expect(paragraphs(a).join(' ')).toContain("until 4 o'clock");
    expect(everything(result)).not.toMatch(/&#39;|&quot;|complemented throughout/);
  });
});

// The pictures the samples carry, with the values read from each file by hand.
describe('NewsML-G2 samples: pictures', () => {
  it("ansa-text.xml: the text item's own image remoteContent is its lead picture; its tag: href names no location", () => {
    const { result, items } = parsed('ansa-text.xml');
    const text = textOf('ansa-text.xml');
    const [a] = items;
    // remoteContent contenttype="image/jpeg" rendition="rnd:highRes" href="tag:ansa.it,2017-10-11:200400bfd17a98e68ea9597546e5ec93.jpg"
    expect(a!.pictures).toEqual([
      {
        line: lineOf(text, '<remoteContent'),
        role: 'lead',
        id: 'tag:ansa.it,2017-10-11:200400bfd17a98e68ea9597546e5ec93.jpg',
        renditions: [],
        status: 'usable',
      },
    ]);
    expect(chooseRendition(a!.pictures![0]!)).toBeUndefined();
    expect(result.items[0]!.warnings).toContainEqual({
      line: lineOf(text, '<remoteContent'),
      message: expect.stringMatching(
        /^remoteContent not read as a picture rendition: "tag:ansa\.it,2017-10-11:200400bfd17a98e68ea9597546e5ec93\.jpg", which names the picture \(a tag: identifier\)/,
      ),
    });
    // No picture block: NewsML-G2 does not place pictures in the text.
    expect(a!.body.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('iptc-LISTING_24_News_Message_Package.xml: the package groups placeholder items without an itemClass: no pictures, nothing attached', () => {
    const { result } = parsed('iptc-LISTING_24_News_Message_Package.xml');
    expect(result.items).toEqual([]);
    expect(result.errors.filter((e) => /no time/.test(e.message))).toHaveLength(4);
  });

  it('iptc-LISTING_6_Simple_Package.xml: a package file (its picture is only an itemRef) is still rejected', () => {
    expect(parsed('iptc-LISTING_6_Simple_Package.xml').result.errors[0]!.message).toMatch(/packageItem .* nothing to publish/);
  });

  it('the other samples carry no picture', () => {
    const withPicture = ['ansa-text.xml'];
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.xml') && !withPicture.includes(f))) {
      for (const i of parseNewsmlG2(bytesOf(f), opts).items) if (i.ok) expect(i.item.pictures, f).toBeUndefined();
    }
  });
});
