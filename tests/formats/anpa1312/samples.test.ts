// The real ANPA 1312 samples (AP, via superdesk-core's fixtures) in $DATELINE_TEST_DATA/wire-samples: one test
// each, with the values read from the files by hand (`cat -A`). Only short expected values are quoted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeAnpa1312, parseAnpa1312 } from '../../../integrations/dateline/formats/anpa1312/index.ts';
import { looksLikeIptc7901 } from '../../../integrations/dateline/formats/iptc7901/index.ts';
import { decodeBytes, lineCount } from '../../../integrations/dateline/formats/shared/decode.ts';
import type { FileParse, WireItem } from '../../../integrations/dateline/formats/item.ts';
import { wireSamplesDir } from '../../helpers/test-data.ts';

const dir = join(wireSamplesDir, 'iptc7901-anpa', 'anpa1312');
const options = { timeZone: 'UTC', fileTime: Date.parse('2025-12-01T08:00:00+00:00') };
const BAD = /[\u0000-\u001f\u007f-\u009f\ufffd\ufeff]/;

function read(file: string): FileParse {
  const bytes = new Uint8Array(readFileSync(join(dir, file)));
  const result = parseAnpa1312(bytes, options);
  const lines = lineCount(decodeBytes(bytes).text);
  for (const d of [...result.errors, ...result.warnings, ...result.items.flatMap((i) => (i.ok ? i.warnings : [...i.errors, ...i.warnings]))]) {
    expect(d.line >= 1 && d.line <= lines, `${file}:${d.line} ${d.message}`).toBe(true);
  }
  expect(looksLikeAnpa1312(bytes), file).toBe(true);
  expect(looksLikeIptc7901(bytes), file).toBe(false);
  return result;
}

function item(file: string): WireItem {
  const result = read(file);
  expect(result.errors).toEqual([]);
  expect(result.items).toHaveLength(1);
  const first = result.items[0]!;
  if (!first.ok) throw new Error(JSON.stringify(first.errors));
  const json = JSON.stringify(first.item);
  expect(json).not.toMatch(BAD);
  // Editor lines, photo references, the trailer and teletype marks never reach output.
  expect(json).not.toMatch(/Eds:|AP Photo|AP-WF|``|''|\^|___| _ /);
  return first.item;
}

const paragraphs = (i: WireItem) => i.body.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('ANPA 1312 samples', () => {
  it('anpa-1.tst', () => {
    const i = item('anpa-1.tst');
    expect(i).toMatchObject({
      identity: { key: 'slug:AP:LT--Argentina-CancerBeauty', version: 0 },
      status: 'usable',
      published: '2013-11-13T15:09:00+00:00',
      headline: 'For Argentine chemo patients, mirrors can hurt',
      headlineLine: 4,
      bylineText: 'By PAUL BYRNE and ALMUDENA CALATRAVA, Associated Press',
      byline: [
        { name: 'PAUL BYRNE', kind: 'person' },
        { name: 'ALMUDENA CALATRAVA', kind: 'person' },
        { name: 'Associated Press', kind: 'agency' },
      ],
      dateline: 'BUENOS AIRES, Argentina',
      datelineText: 'BUENOS AIRES, Argentina (AP) —',
      subjects: [{ code: 'anpa:l', name: 'Lifestyle' }],
    });
    const ps = paragraphs(i);
    expect(ps[0]).toMatch(/^For cancer patients dealing with the physical/);
    expect(ps[1]).toMatch(/^“Look Good Feel Better” is a program/);
    expect(ps.join(' ')).toContain('‘This is who I am,’');
    expect(ps[ps.length - 1]).toMatch(/^APTN contributor/);
    expect(i.body[0]!.line).toBe(9);
  });

  it('anpa-4.tst: a headline digest, each headline a paragraph', () => {
    const i = item('anpa-4.tst');
    expect(i).toMatchObject({
      identity: { key: 'slug:AP:Top-Entertainment-Headlines', version: 0 },
      status: 'usable',
      published: '2016-02-10T04:23:00+00:00',
      headline: 'AP Top Entertainment News at 11:23 p.m. EST',
      bylineText: '',
      subjects: [{ code: 'anpa:e', name: 'Entertainment' }],
    });
    expect(paragraphs(i)).toHaveLength(10);
    expect(paragraphs(i)[0]).toBe('Ex-bodyguard testifies about lewd messages sent to Paltrow');
    expect(JSON.stringify(i)).not.toContain('9006');
  });

  it('ap_anpa-1.tst: a 1st Ld-Writethru with byline, title line and crossheads', () => {
    const i = item('ap_anpa-1.tst');
    expect(i).toMatchObject({
      identity: { key: 'slug:AP:BKN--Heat-Hawks', version: 1 },
      status: 'usable',
      published: '2016-02-20T03:37:00+00:00',
      headline: 'Deng has 30 points, short-handed Heat beat Hawks 115-111',
      bylineText: 'By CHARLES ODUM, AP Sports Writer',
      byline: [{ name: 'CHARLES ODUM', kind: 'person' }],
      dateline: 'ATLANTA',
      datelineText: 'ATLANTA (AP) —',
      subjects: [{ code: 'anpa:z' }],
    });
    expect(i.subheadline).toBeUndefined();
    expect(paragraphs(i)[0]).toMatch(/^Luol Deng scored 30 points and Josh McRoberts had 19 — season highs for each player — and/);
    expect(i.body.filter((b) => b.kind === 'subhead').map((b) => b.kind === 'subhead' && b.text)).toEqual(['TIP-INS', 'UP NEXT']);
    expect(paragraphs(i).join(' ')).toContain('“I gave it a couple days');
    expect(i.body[0]!.line).toBe(10);
  });

  it('ap_anpa-3.tst', () => {
    const i = item('ap_anpa-3.tst');
    expect(i).toMatchObject({
      identity: { key: 'slug:AP:US--GiantLobsterDeath', version: 1 },
      status: 'usable',
      published: '2016-08-29T16:26:00+00:00',
      headline: '$210 lobster is found dead',
      dateline: 'CHATHAM, Mass.',
      datelineText: 'CHATHAM, Mass. (AP) —',
      subjects: [{ code: 'anpa:d' }],
    });
    expect(paragraphs(i)).toEqual(['A lobster died.']);
    expect(JSON.stringify(i)).not.toMatch(/APNewsNow|New approach/);
  });

  it('ap_anpa-5.tst: an APNewsAlert, its paragraph as headline', () => {
    const i = item('ap_anpa-5.tst');
    expect(i).toMatchObject({
      identity: { key: 'slug:AP:US--APNewsAlert', version: 0 },
      status: 'usable',
      published: '2017-06-29T23:50:00+00:00',
      headline: expect.stringMatching(/^Hawaii files court challenge to Trump administration's definition/),
      dateline: 'HONOLULU',
      subjects: [{ code: 'anpa:a', name: 'Domestic news' }],
    });
    expect(paragraphs(i)).toEqual([i.headline]);
  });

  it('ap_anpa-6.tst: agate tables (DC4 DC2), crossheads, Latin-1', () => {
    const result = read('ap_anpa-6.tst');
    expect(result.warnings).toEqual([{ line: 41, message: expect.stringMatching(/read as Windows-1252/) }]);
    const i = item('ap_anpa-6.tst');
    expect(i).toMatchObject({
      identity: { key: 'slug:AP:BBO--WildCardGlance', version: 0 },
      status: 'usable',
      published: '2019-08-18T20:17:00+00:00',
      headline: 'Wild Card Glance',
      subheadline: 'All Times EDT',
      bylineText: 'By The Associated Press',
      byline: [{ name: 'Associated Press', kind: 'agency' }],
      subjects: [{ code: 'anpa:s', name: 'Sports' }],
    });
    expect(i.body[0]).toEqual({ kind: 'subhead', text: 'AMERICAN LEAGUE', line: 7 });
    const table = i.body[1]!;
    expect(table.kind === 'list' && table.items.slice(0, 2)).toEqual(['W L Pct WCGB', 'Tampa Bay 73 52 .584 —']);
    expect(table.kind === 'list' && table.items).toHaveLength(13);
    expect(JSON.stringify(i.body)).toContain('Kansas City (López 1-7) at Baltimore');
    expect(i.body.filter((b) => b.kind === 'list')).toHaveLength(2);
  });
});
