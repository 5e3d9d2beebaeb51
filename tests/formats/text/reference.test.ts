// The reference article (content/world-china-russia-call.txt, the example in wire-format.md) must parse
// to exactly the documented fields, whatever its byte form (CRLF, BOM, Windows-1252) and whatever the
// machine's time zone.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseWire, type ParseResult, type WireArticle } from '../../../integrations/dateline/formats/text/index.ts';
import { encodeCp1252, readSeed, seedPath } from './helpers.ts';

const seed = readSeed();

function article(result: ParseResult): WireArticle {
  if (!result.ok) throw new Error(`parse failed: ${JSON.stringify(result.errors)}`);
  return result.article;
}

function expectReference(a: WireArticle) {
  expect(a.section).toBe('World');
  expect(a.headline).toBe('China, Russia foreign ministers hail cooperation in call');
  expect(a.headlineLine).toBe(4);
  expect(a.bylineText).toBe('AFP');
  expect(a.byline).toEqual([{ name: 'AFP', kind: 'agency' }]);
  expect(a.published).toBe('2023-08-07T21:26:00+05:00');
  expect(a.modified).toBeUndefined();
  expect(a.captureDate).toBe('2023-08-07');
  expect(a.quotes).toEqual([{ symbol: 'BAFL', price: 41.78, direction: 'down', change: -0.11, percent: -0.26, line: 1 }]);
  expect(a.dateline).toBe('BEIJING');
  expect(a.datelineText).toBe('BEIJING:');
  const paragraphs = a.body.filter((b) => b.kind === 'paragraph');
  expect(paragraphs).toHaveLength(11);
  expect(paragraphs[0]!.text.startsWith('The foreign ministers of China and Russia hailed')).toBe(true);
  const related = a.body.filter((b) => b.kind === 'related');
  expect(related).toEqual([{ kind: 'related', headline: 'China to attend talks on Ukraine in Saudi Arabia that exclude Russia', line: 14 }]);
  expect(a.body.filter((b) => b.kind === 'caption' || b.kind === 'footer')).toEqual([]);
  // related headline sits between the 3rd and 4th paragraphs, in file order
  expect(a.body.map((b) => b.kind).indexOf('related')).toBe(3);
}

describe('reference article', () => {
  it('parses to the documented fields', () => {
    const result = parseWire(seed);
    expectReference(article(result));
    expect(result.warnings).toEqual([]);
  });

  it('parses the same from UTF-8 bytes', () => {
    expect(parseWire(new TextEncoder().encode(seed))).toEqual(parseWire(seed));
  });

  it('parses the same with CRLF line endings', () => {
    const crlf = seed.replace(/\n/g, '\r\n');
    expect(parseWire(crlf)).toEqual(parseWire(seed));
    expect(parseWire(new TextEncoder().encode(crlf))).toEqual(parseWire(seed));
  });

  it('parses the same with bare CR line endings', () => {
    expect(parseWire(seed.replace(/\n/g, '\r'))).toEqual(parseWire(seed));
  });

  it('parses the same with a UTF-8 byte-order mark', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${seed}`);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseWire(bytes)).toEqual(parseWire(seed));
    expect(parseWire(`\uFEFF${seed}`)).toEqual(parseWire(seed));
  });

  it('parses the same from Windows-1252 bytes (with BOM-less CRLF too)', () => {
    // ▼ has no Windows-1252 code: the old feeds print the ticker without it, and the label
    // `Decreased By` then gives the direction. Everything else (curly quotes, …) is encoded.
    const legacy = seed.replace('▼ ', '');
    const bytes = encodeCp1252(legacy);
    expect(bytes.includes(0x93)).toBe(true); // “ as 0x93
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const fromLegacy = parseWire(bytes);
    expect(fromLegacy).toEqual(parseWire(seed));
    expect(parseWire(encodeCp1252(legacy.replace(/\n/g, '\r\n')))).toEqual(parseWire(seed));
    expect(JSON.stringify(fromLegacy)).not.toMatch(/\uFFFD/);
  });

  it('does not depend on process.env.TZ (in process)', () => {
    const saved = process.env.TZ;
    try {
      const results = ['UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Chatham', 'Asia/Karachi'].map((tz) => {
        process.env.TZ = tz;
        return parseWire(seed);
      });
      for (const r of results) expect(r).toEqual(results[0]);
      expect(article(results[0]!).published).toBe('2023-08-07T21:26:00+05:00');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('does not depend on the TZ of the process (child process with TZ=America/New_York)', () => {
    const parser = fileURLToPath(new URL('../../../integrations/dateline/formats/text/index.ts', import.meta.url));
    const script = `
      import { readFileSync } from 'node:fs';
      const { parseWire } = await import(${JSON.stringify(parser)});
      const r = parseWire(readFileSync(${JSON.stringify(seedPath)}));
      process.stdout.write(JSON.stringify({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: new Date(2023, 7, 7).getTimezoneOffset(), r }));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, TZ: 'America/New_York' },
      encoding: 'utf8',
    });
    expect(child.stderr.replace(/.*ExperimentalWarning.*\n?|.*--trace-warnings.*\n?/g, '')).toBe('');
    const out = JSON.parse(child.stdout) as { tz: string; offset: number; r: ParseResult };
    expect(out.tz).toBe('America/New_York');
    expect(out.offset).toBe(240); // the child really runs in New York time (EDT)
    expect(out.r).toEqual(parseWire(seed));
  });
});
