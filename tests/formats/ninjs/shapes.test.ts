// File shapes: single objects, feed wrappers, item lines, skipped items, limits, malformed JSON, sniffing.
import { describe, expect, it } from 'vitest';
import { looksLikeNinjs, MAX_ITEMS, parseNinjs } from '../../../integrations/dateline/formats/ninjs/index.ts';
import { json, linkedOnly, picture, STORY_URI, v1, v2, v3 } from './fixtures.ts';
import { only, parse, paragraphs, rejected, utf8 } from './helpers.ts';

const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;

describe('wrappers', () => {
  it.each([
    ['a single ninjs object', (o: unknown) => o],
    ['AP Media API item {"data": {"item"}}', (o: unknown) => ({ api_version: '1.1', data: { meta: {}, item: o } })],
    ['AP Media API feed {"data": {"items": [{"item"}]}}', (o: unknown) => ({ data: { items: [{ meta: {}, item: o }] } })],
    ['{"item": [...]} (BBC/superdesk)', (o: unknown) => ({ total: 1, limit: 20, offset: 0, item: [o] })],
    ['{"item": {...}}', (o: unknown) => ({ item: o })],
    ['{"items": [...]}', (o: unknown) => ({ items: [o] })],
    ['{"_items": [...]} (superdesk REST)', (o: unknown) => ({ _items: [o], _meta: { total: 1 } })],
    ['a bare array', (o: unknown) => [o]],
  ])('%s', (_name, wrap) => {
    const item = only(parse(wrap(v1())));
    expect(item.identity.key).toBe(`id:${STORY_URI}`);
    expect(item.line).toBe(1);
    expect(paragraphs(item)).toHaveLength(3);
  });

  it('items of a feed get their own line and their own result', () => {
    const bad = v2({ headlines: [], uri: 'urn:example:two' });
    const third = v3({ uri: 'urn:example:three' });
    const text = json({ items: [v1(), bad, third] });
    const result = parse(text);
    expect(result.errors).toEqual([]);
    expect(result.items).toHaveLength(3);
    const [a, b, c] = result.items;
    expect(a!.ok && a.item.line).toBe(lineOf(text, '"uri"') - 1);
    if (b!.ok) throw new Error('expected the second item to be rejected');
    expect(b!.line).toBe(lineOf(text, '"uri": "urn:example:two"') - 1);
    expect(b!.errors[0]!.message).toMatch(/^no headline/);
    expect(c!.ok && c.item.identity.key).toBe('id:urn:example:three');
    expect(c!.ok && c.item.line).toBe(lineOf(text, '"uri": "urn:example:three"') - 1);
  });

  it("a feed element that is not an object is that element's error; the others go on", () => {
    const text = json([v1(), 'not an item', 42]);
    const result = parse(text);
    expect(result.items.map((i) => i.ok)).toEqual([true, false, false]);
    const second = result.items[1]!;
    if (second.ok) throw new Error('expected a rejection');
    expect(second.errors[0]).toEqual({ line: lineOf(text, '"not an item"'), message: 'expected a ninjs object, found the string "not an item"' });
  });

  it('an array of strings is not ninjs', () => {
    const error = rejected(parse('[\n  "a",\n  "b"\n]'));
    expect(error).toEqual({ line: 2, message: 'not ninjs: expected news items (JSON objects) in the top-level array, found the string "a" and no object' });
  });

  it.each([
    ['42', 'found the number 42'],
    ['"a string"', 'found the string "a string"'],
    ['null', 'found null'],
    ['true', 'found boolean true'],
  ])('a non-object at the root: %s', (text, found) => {
    expect(rejected(parse(text)).message).toContain(found);
  });

  it('an empty array, an empty feed and an object of other keys are rejected, naming what was found', () => {
    expect(rejected(parse('[]')).message).toMatch(/empty JSON array/);
    expect(rejected(parse({ items: [] })).message).toMatch(/the feed is empty/);
    expect(rejected(parse({ name: 'dateline', dependencies: {} })).message).toMatch(/found an object with the keys "name", "dependencies"/);
  });

  it('a JSON Schema is refused by name', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Some schema',
      properties: { uri: { type: 'string' }, headline: { type: 'string' } },
    };
    expect(rejected(parse(schema))).toEqual({
      line: 2,
      message: 'a JSON Schema ("Some schema"), not a news item: it describes ninjs objects but carries no story',
    });
    expect(looksLikeNinjs(utf8(json(schema)))).toBe(false);
  });
});

describe('items that carry no story', () => {
  it('a picture in a feed is skipped with a warning; the story is read', () => {
    const text = json([picture(), v1()]);
    const result = parse(text);
    expect(result.errors).toEqual([]);
    expect(result.items).toHaveLength(1);
    expect(result.warnings).toEqual([{ line: lineOf(text, '"type": "picture"'), message: 'a picture (type "picture") carries no story text: skipped' }]);
  });

  it.each(['video', 'audio', 'graphic', 'event', 'planning'])('type %s alone: the file has no story', (type) => {
    expect(rejected(parse(picture({ type }))).message).toMatch(/^no story: .* carries no story text$/);
  });

  it('a composite without text of its own is skipped; one with text is a story', () => {
    const pkg = { uri: 'urn:example:pkg', type: 'composite', versioncreated: '2024-03-05T06:10:00Z', headline: 'Package', associations: { main: v1() } };
    const result = parse([pkg, v1()]);
    expect(result.items).toHaveLength(1);
    expect(result.warnings[0]!.message).toMatch(/composite \(package\) without text of its own carries no story: skipped/);
    expect(only(parse(v1({ type: 'composite' }))).headline).toBe('Harbour ferry back in service after repairs');
    // A kill of a composite story needs no text: it is read, so that it takes effect.
    expect(only(parse({ ...pkg, pubstatus: 'canceled' })).status).toBe('canceled');
  });

  it('an AP item whose signals lack "newscontent" (an advisory) is skipped; with it, it is read', () => {
    const advisory = v1({ provider: 'AP', signals: ['explicitcontent'], uri: 'urn:example:advisory' });
    const result = parse([advisory, v1()]);
    expect(result.items).toHaveLength(1);
    expect(result.warnings[0]!.message).toMatch(/AP marks it as not for publication/);
    expect(only(parse(v1({ provider: 'AP', signals: ['newscontent'] }))).status).toBe('usable');
    // Not an AP item: `signals` is not AP's, nothing is skipped.
    expect(only(parse(v1({ signals: ['explicitcontent'] }))).status).toBe('usable');
  });

  it('a feed whose items are all skipped is rejected', () => {
    expect(rejected(parse([picture(), picture({ type: 'video' })])).message).toMatch(/^no story: all 2 items were skipped/);
  });

  it('AP Media API: a body that is only linked rejects the item, naming renditions.nitf.href', () => {
    const text = json({ data: { item: linkedOnly() } });
    expect(rejected(parse(text))).toEqual({
      line: lineOf(text, '"href"'),
      message: expect.stringMatching(/^no story text in this file: the item only links its body \(renditions\.nitf\.href/),
    });
  });
});

describe('limits', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => v1({ uri: `urn:example:item-${i}` }));

  it(`${MAX_ITEMS} items are read`, () => {
    const result = parse(many(MAX_ITEMS));
    expect(result.errors).toEqual([]);
    expect(result.items).toHaveLength(MAX_ITEMS);
    expect(result.items.every((i) => i.ok)).toBe(true);
  });

  it(`${MAX_ITEMS + 1} items reject the file, at the first item over the limit`, () => {
    const text = json(many(MAX_ITEMS + 1));
    expect(rejected(parse(text))).toEqual({
      line: lineOf(text, `"uri": "urn:example:item-${MAX_ITEMS}"`) - 1,
      message: '1,001 items in one file, over the limit of 1,000: split the feed',
    });
  });
});

describe('malformed JSON names its line', () => {
  it('a trailing comma', () => {
    const text = '{\n  "uri": "urn:x",\n  "headline": "Ferry",\n}\n';
    expect(rejected(parse(text))).toMatchObject({ line: 4, message: expect.stringMatching(/^not valid JSON/) });
  });

  it('a missing quote in the middle of a feed', () => {
    const lines = json([v1(), v1()]).split('\n');
    const at = lines.findIndex((l, i) => i > 20 && l.includes('"located"'));
    lines[at] = lines[at]!.replace('"located"', 'located"');
    expect(rejected(parse(lines.join('\n')))).toMatchObject({ line: at + 1, message: expect.stringMatching(/^not valid JSON/) });
  });

  it('the file ends inside a value', () => {
    const text = json(v1()).slice(0, 120);
    const error = rejected(parse(text));
    expect(error.message).toMatch(/^not valid JSON/);
    expect(error.line).toBe(text.split('\n').length);
  });

  it('an empty file and a blank file', () => {
    expect(rejected(parse(''))).toEqual({ line: 1, message: 'expected a ninjs JSON object, found an empty file' });
    expect(rejected(parse('\n\n   \n'))).toEqual({ line: 1, message: 'expected a ninjs JSON object, found an empty file' });
  });

  it('an unknown time zone in the options', () => {
    expect(rejected(parse(v1(), { timeZone: 'Mars/Olympus' })).message).toMatch(/^unknown time zone "Mars\/Olympus"/);
  });

  it('bytes that are not a Uint8Array', () => {
    expect(rejected(parseNinjs('{}' as unknown as Uint8Array, { timeZone: 'UTC' })).message).toBe('expected the bytes of a ninjs file');
  });
});

describe('looksLikeNinjs', () => {
  it('recognises every generation and wrapper', () => {
    for (const value of [v1(), v2(), v3(), [v1()], { data: { item: linkedOnly() } }, { item: [v1()] }]) {
      expect(looksLikeNinjs(utf8(json(value)))).toBe(true);
      expect(looksLikeNinjs(utf8(JSON.stringify(value)))).toBe(true);
    }
  });

  it('is false for other files', () => {
    for (const text of [
      '',
      'Headline\n\nPublished 07 Aug, 2023',
      '<?xml version="1.0"?><nitf/>',
      '{"name": "x", "version": "1.0.0"}',
      '[1, 2, 3]',
      '{"uri": "only one key"}',
    ]) {
      expect(looksLikeNinjs(utf8(text)), text).toBe(false);
    }
    expect(looksLikeNinjs('not bytes' as unknown as Uint8Array)).toBe(false);
  });
});
