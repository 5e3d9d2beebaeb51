// The agency's urgency (WireItem `urgency`, IPTC's scale 1 most urgent … 9 least): the teletype
// priorities mapped onto it (formats/urgency.ts) and each format's parser reading it, on fixtures. The
// real agency samples are in urgency-samples.test.ts.
import { describe, expect, test } from 'vitest';
import { parseWireFile } from '../../integrations/dateline/formats/index.ts';
import type { WireItem } from '../../integrations/dateline/formats/item.ts';
import { anpaUrgency, iptc7901Urgency, urgencyValue } from '../../integrations/dateline/formats/urgency.ts';
import { g2Doc } from './newsml-g2/fixtures.ts';
import { newsml12Doc } from './newsml-1.2/fixtures.ts';
import { nitfDoc } from './nitf/fixtures.ts';
import { anpa, iptc } from './teletype/fixtures.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
function only(name: string, text: string): WireItem & { warnings: string[] } {
  const parse = parseWireFile(name, utf8(text), { timeZone: 'Asia/Karachi' });
  expect(parse.errors).toEqual([]);
  const first = parse.items[0]!;
  if (!first.ok) throw new Error(JSON.stringify(first.errors));
  return { ...first.item, warnings: first.warnings.map((w) => w.message) };
}

describe('the scale', () => {
  test('a value from 1 to 9, as a number or digits; anything else is none', () => {
    expect(urgencyValue(1)).toBe(1);
    expect(urgencyValue('9')).toBe(9);
    expect(urgencyValue(' 4 ')).toBe(4);
    for (const v of [0, 10, 4.5, '', 'high', '1a', null, undefined, true]) expect(urgencyValue(v)).toBeUndefined();
  });

  test('ANPA 1312 priority letters: flash, bulletin, urgent, routine, deferred', () => {
    expect(['f', 'b', 'u', 'r', 'd', 'R'].map(anpaUrgency)).toEqual([1, 2, 3, 4, 5, 4]);
    expect(anpaUrgency('a')).toBeUndefined(); // an advance is no urgency
    expect(anpaUrgency(undefined)).toBeUndefined();
  });

  test('IPTC 7901 priority digits 1–6 are the urgency itself', () => {
    expect([1, 2, 3, 4, 5, 6].map(iptc7901Urgency)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(iptc7901Urgency(0)).toBeUndefined();
    expect(iptc7901Urgency(7)).toBeUndefined();
  });
});

const ninjs = (extra: Record<string, unknown>) =>
  JSON.stringify({
    uri: 'http://example.com/ninjs/urgent-1',
    type: 'text',
    version: '1',
    firstcreated: '2026-11-26T17:40:00+05:00',
    pubstatus: 'usable',
    headlines: [{ role: 'main', value: 'Board names squad for the winter tour' }],
    bodies: [{ role: 'main', contenttype: 'text/html', value: '<p>The board named its squad on Thursday.</p>' }],
    ...extra,
  });

describe('ninjs urgency', () => {
  test('read as sent', () => {
    expect(only('a.json', ninjs({ urgency: 2 })).urgency).toBe(2);
    expect(only('a.json', ninjs({})).urgency).toBeUndefined();
  });

  test('off the scale: no urgency, and a warning', () => {
    const item = only('a.json', ninjs({ urgency: 12 }));
    expect(item.urgency).toBeUndefined();
    expect(item.warnings.join('\n')).toMatch(/urgency 12 is not a number from 1 to 9; ignored/);
  });

  test("ninjs priority (the editor's ranking) is not urgency", () => {
    expect(only('a.json', ninjs({ priority: 1 })).urgency).toBeUndefined();
  });
});

describe('NITF urgency', () => {
  test('docdata/urgency ed-urg', () => {
    expect(only('a.xml', nitfDoc({ docdata: '        <urgency ed-urg="3"/>\n' })).urgency).toBe(3);
    expect(only('a.xml', nitfDoc()).urgency).toBeUndefined();
    expect(only('a.xml', nitfDoc({ docdata: '        <urgency ed-urg="urgent"/>\n' })).urgency).toBeUndefined();
  });
});

describe('NewsML-G2 contentMeta/urgency', () => {
  const withUrgency = (value: string) => g2Doc().replace('<contentMeta>\n', `<contentMeta>\n    <urgency>${value}</urgency>\n`);
  test('read as sent; none, or off the scale, is none', () => {
    expect(only('a.xml', withUrgency('2')).urgency).toBe(2);
    expect(only('a.xml', g2Doc()).urgency).toBeUndefined();
    expect(only('a.xml', withUrgency('0')).urgency).toBeUndefined();
  });
});

describe('NewsML 1.2 NewsManagement/Urgency', () => {
  test('read as sent (FormalName)', () => {
    const doc = newsml12Doc().replace('<NewsItemType FormalName="News"/>', '<NewsItemType FormalName="News"/>\n<Urgency FormalName="1"/>');
    expect(only('a.xml', doc).urgency).toBe(1);
    expect(only('a.xml', newsml12Doc()).urgency).toBeUndefined();
  });
});

describe('teletype priority', () => {
  test("ANPA 1312: the header's priority letter", () => {
    expect(only('a.txt', anpa({ priority: 'f' })).urgency).toBe(1);
    expect(only('a.txt', anpa({ priority: 'b' })).urgency).toBe(2);
    expect(only('a.txt', anpa()).urgency).toBe(4); // r: routine
  });

  test("IPTC 7901: the header's priority digit", () => {
    expect(only('a.txt', iptc({ header: 'eca101 1 i 120 ccccb   dpa 042' })).urgency).toBe(1);
    expect(only('a.txt', iptc()).urgency).toBe(4);
  });
});
