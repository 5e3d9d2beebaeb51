// The agency's urgency read from the real samples in $DATELINE_TEST_DATA/wire-samples (read in place):
// each file's urgency as its agency wrote it (the values read by hand), none where it gives none.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseWireFile } from '../../integrations/dateline/formats/index.ts';
import { wireSamplesDir } from '../helpers/test-data.ts';

/** The urgency of each usable item of a sample, in order. */
function urgencies(file: string): (number | undefined)[] {
  const parse = parseWireFile(file.split('/').at(-1)!, readFileSync(join(wireSamplesDir, file)), {
    timeZone: 'Europe/Berlin',
    fileTime: Date.parse('2024-01-01T00:00:00Z'),
  });
  return parse.items.flatMap((p) => (p.ok && p.item.status === 'usable' ? [p.item.urgency] : []));
}

describe('ninjs `urgency`', () => {
  test.each([
    ['ninjs/v2/dpa_text.json', 4],
    ['ninjs/v2/tt_text_image_2.json', 3],
    ['ninjs/v3/dpa_text.json', 4],
    ['ninjs/v3/addb-ninjs-nitf.json', 4],
    ['ninjs/superdesk/ninjs1.json', 3],
    ['ninjs/v1/iptc-ninjsExSimpleText1.json', undefined],
    ['ninjs/v3/iptc-ninjsExSimpleText_3.json', undefined],
  ])('%s: %s', (file, urgency) => {
    expect(urgencies(file)).toEqual([urgency]);
  });

  test("a picture's urgency is not its story's (ninjs_embargoed.json: the picture says 3, the story nothing)", () => {
    expect(urgencies('ninjs/superdesk/ninjs_embargoed.json')).toEqual([undefined]);
  });
});

describe('NITF `urgency ed-urg`', () => {
  test.each([
    ['nitf/aap.xml', 5],
    ['nitf/efe_nitf.xml', 5],
    ['nitf/nitf-ntb.xml', 5],
    ['nitf/pa1.xml', 4],
    ['nitf/pa2.xml', 3],
    ['nitf/ap-nitf.xml', undefined],
  ])('%s: %s', (file, urgency) => {
    expect(urgencies(file)).toEqual([urgency]);
  });
});

describe('NewsML-G2 `contentMeta/urgency`', () => {
  test.each([
    ['newsml-g2/ansa-text.xml', [5]],
    ['newsml-g2/ap-earnings.xml', [4, 4, 4]],
    ['newsml-g2/dpa-dw-eil.xml', [2]],
    ['newsml-g2/dpa-dw-embargoed.xml', [4]],
    ['newsml-g2/dpa-dw-with_dateline.xml', [3]],
    ['newsml-g2/dpa.xml', [4]],
    ['newsml-g2/reuters-MTZXEE13ZXCZES-2.xml', [4]],
    ['newsml-g2/stt-newsml.xml', [3]],
    ['newsml-g2/reuters-L1N14N0FF-v978556838-corrected.xml', [3]], // ns0:urgency, a prefixed namespace
    ['newsml-g2/iptc-LISTING_2_Text_Document.xml', [undefined]],
  ])('%s: %s', (file, expected) => {
    expect(urgencies(file)).toEqual(expected);
  });
});

describe('NewsML 1.2 `NewsManagement/Urgency`', () => {
  test('newsml-1.2/afp.xml: 4', () => {
    expect(urgencies('newsml-1.2/afp.xml')).toEqual([4]);
  });
});

describe('teletype priorities', () => {
  test.each([
    ['iptc7901-anpa/anpa1312/anpa-1.tst', 1], // f: flash
    ['iptc7901-anpa/anpa1312/ap_anpa-1.tst', 4], // r: routine
    ['iptc7901-anpa/anpa1312/ap_anpa-5.tst', 2], // b: bulletin (an AP news alert)
    ['iptc7901-anpa/iptc7901/IPTC7901.txt', 4],
    ['iptc7901-anpa/iptc7901/IPTC7901_odd_charset.txt', 3],
    ['iptc7901-anpa/iptc7901/dpa_four_line.txt', 3],
    ['iptc7901-anpa/iptc7901/dpa_two_by_line.txt', 4],
  ])('%s: %s', (file, urgency) => {
    expect(urgencies(file)).toEqual([urgency]);
  });
});
