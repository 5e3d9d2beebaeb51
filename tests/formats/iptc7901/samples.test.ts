// The real IPTC 7901 samples (dpa, via superdesk-core's fixtures) in $DATELINE_TEST_DATA/wire-samples: one test
// each, with the values read from the files by hand. Only short expected values are quoted here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeIptc7901, parseIptc7901 } from '../../../integrations/dateline/formats/iptc7901/index.ts';
import { looksLikeAnpa1312 } from '../../../integrations/dateline/formats/anpa1312/index.ts';
import { decodeBytes, lineCount } from '../../../integrations/dateline/formats/shared/decode.ts';
import type { FileParse, WireItem } from '../../../integrations/dateline/formats/item.ts';
import { wireSamplesDir } from '../../helpers/test-data.ts';

const dir = join(wireSamplesDir, 'iptc7901-anpa', 'iptc7901');
// The samples were copied on 2025-12-01: the file time places the 2-digit years.
const options = { timeZone: 'UTC', fileTime: Date.parse('2025-12-01T08:00:00+00:00') };
const BAD = /[\u0000-\u001f\u007f-\u009f\ufffd\ufeff]/;

function read(file: string): { result: FileParse; bytes: Uint8Array } {
  const bytes = new Uint8Array(readFileSync(join(dir, file)));
  const result = parseIptc7901(bytes, options);
  const lines = lineCount(decodeBytes(bytes).text);
  for (const d of [...result.errors, ...result.warnings, ...result.items.flatMap((i) => (i.ok ? i.warnings : [...i.errors, ...i.warnings]))]) {
    expect(d.line >= 1 && d.line <= lines, `${file}:${d.line} ${d.message}`).toBe(true);
  }
  expect(looksLikeIptc7901(bytes), file).toBe(true);
  expect(looksLikeAnpa1312(bytes), file).toBe(false);
  return { result, bytes };
}

function item(file: string): WireItem {
  const { result } = read(file);
  expect(result.errors).toEqual([]);
  expect(result.items).toHaveLength(1);
  const first = result.items[0]!;
  if (!first.ok) throw new Error(JSON.stringify(first.errors));
  expect(JSON.stringify(first.item)).not.toMatch(BAD);
  // Notebook, contacts and sign-off are for editors only.
  expect(JSON.stringify(first.item)).not.toMatch(/NOTEBOOK|Notebook|not (?:intended )?for publication|Editing by|dpaq\.de|@dpa\.com/);
  return first.item;
}

const firstText = (i: WireItem) => (i.body[0]?.kind === 'paragraph' ? i.body[0].text : '');

describe('IPTC 7901 samples', () => {
  it('IPTC7901.txt', () => {
    const i = item('IPTC7901.txt');
    expect(i).toMatchObject({
      identity: { key: 'slug:dpa:Germany-politics:2013-11-13', version: 0 },
      status: 'usable',
      published: '2013-11-13T11:37:00+00:00',
      headline: 'Germany Social Democrats: Coalition talks with Merkel could fail',
      headlineLine: 4,
      bylineText: '',
      dateline: 'Berlin',
      datelineText: 'Berlin (dpa) -',
      subjects: [{ code: 'iptc7901:i' }],
    });
    expect(i.correction).toBeUndefined();
    expect(firstText(i)).toMatch(/^Negotiations between German conservatives headed by Chancellor/);
    expect(i.body).toHaveLength(5);
    expect(i.body[0]!.line).toBe(6);
  });

  it('IPTC7901_odd_charset.txt: raw Latin-1 byte 0xFC reads as ü', () => {
    const { result, bytes } = read('IPTC7901_odd_charset.txt');
    expect(bytes.includes(0xfc)).toBe(true);
    const i = item('IPTC7901_odd_charset.txt');
    expect(JSON.stringify(i.body)).toContain('Thomas Müller');
    expect(result.warnings).toEqual([{ line: 79, message: expect.stringMatching(/read as Windows-1252/) }]);
    expect(i).toMatchObject({
      identity: { key: 'slug:dpa:Germany-football/Munich/Mueller:2015-10-07', version: 1 },
      status: 'usable',
      published: '2015-10-07T13:41:00+00:00',
      headline: 'German football saddened by illness to striker legend Mueller',
      headlineLine: 5,
      bylineText: 'By Manuel Schwarz, dpa',
      byline: [
        { name: 'Manuel Schwarz', kind: 'person' },
        { name: 'dpa', kind: 'agency' },
      ],
      dateline: 'Munich',
      subjects: [{ code: 'iptc7901:s' }],
    });
    expect(firstText(i)).toMatch(/^German football generations past and present/);
    expect(JSON.stringify(i)).not.toMatch(/1ST LEAD|adds comments/);
  });

  it('dpa_copyright.txt: the imprint line test is rejected as not a story', () => {
    const { result } = read('dpa_copyright.txt');
    expect(result.items).toEqual([]);
    expect(result.errors).toEqual([{ line: 5, message: expect.stringMatching(/^not a story: the sender's imprint or line test \(keyword "Impressum"/) }]);
  });

  it('dpa_four_line.txt: REFILE and 1ST LEAD above the headline', () => {
    const i = item('dpa_four_line.txt');
    expect(i).toMatchObject({
      identity: { key: 'slug:dpa:Switzerland/migration/UN:2018-11-21', version: 1 },
      status: 'usable',
      published: '2018-11-21T23:22:00+00:00',
      headline: 'Switzerland joins list of countries resisting UN migration pact',
      headlineLine: 6,
      bylineText: 'By dpa correspondents',
      byline: [{ name: 'dpa correspondents', kind: 'desk' }],
      dateline: 'Geneva',
      datelineText: 'Geneva (dpa) -',
      subjects: [{ code: 'iptc7901:i' }],
    });
    expect(firstText(i)).toMatch(/^Switzerland is joining a growing number of countries/);
    expect(JSON.stringify(i)).not.toMatch(/REFILE|grafs 7-11/);
  });

  it('dpa_two_by_line.txt: partner copy with a byline and affiliation, no zone in the trailer', () => {
    const i = item('dpa_two_by_line.txt');
    expect(i).toMatchObject({
      identity: { key: 'slug:dpa-tns:American Football/NFL:2018-11-21', version: 0 },
      status: 'usable',
      // `211259 Nov 18` has no zone: read in the configured zone (UTC here).
      published: '2018-11-21T12:59:00+00:00',
      headline: "Chiefs-Rams 2.0? Would be a fun Super Bowl, but don't count on it",
      bylineText: 'By Tom Krasovic, The San Diego Union-Tribune',
      byline: [
        { name: 'Tom Krasovic', kind: 'person' },
        { name: 'The San Diego Union-Tribune', kind: 'agency' },
      ],
      dateline: 'San Diego',
      datelineText: 'San Diego (tca/dpa) -',
      subjects: [{ code: 'iptc7901:s' }],
    });
    expect(firstText(i)).toMatch(/^History says this wasn't a Super Bowl preview/);
    expect(JSON.stringify(i.body)).toContain('a bit lucky, too — but');
    expect(JSON.stringify(i)).not.toMatch(/Tribune Content Agency|sandiegouniontribune\.com/);
  });

  it('dpa_two_line.txt: EXTRA above the headline', () => {
    const i = item('dpa_two_line.txt');
    expect(i).toMatchObject({
      identity: { key: 'slug:dpa:Yemen/conflict:2018-11-21', version: 0 },
      status: 'usable',
      published: '2018-11-21T21:01:00+00:00',
      headline: 'Peace talks on Yemen to take place in Sweden next month, Mattis says',
      headlineLine: 5,
      dateline: 'Washington',
      datelineText: 'Washington (dpa) -',
    });
    expect(firstText(i)).toMatch(/^US Defence Secretary Jim Mattis says he expects/);
    expect(i.body).toHaveLength(4);
    expect(JSON.stringify(i)).not.toMatch(/EXTRA|DOD news/);
  });
});
