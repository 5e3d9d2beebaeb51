// Parse the real corpus in $DATELINE_TEST_DATA/corpus (read in place, never copied): at least 99% of the APP and
// Dawn files must parse, no output may carry U+FFFD, CR, soft hyphens or a BOM, and every rejection is
// listed with its line and reason. The raw brecorder pages must each parse or be rejected (never throw).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countLines, decodeWireBytes, parseWire, type ParseResult } from '../../../integrations/dateline/formats/text/index.ts';
import { corpusDir } from '../../helpers/test-data.ts';

const BAD_CHARS = /[\uFFFD\r\u00AD\uFEFF]/;

function filesOf(folder: string): string[] {
  return readdirSync(join(corpusDir, folder))
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

function checkDiagnostics(result: ParseResult, bytes: Uint8Array, file: string) {
  const lines = countLines(decodeWireBytes(bytes).text);
  const all = [...(result.ok ? [] : result.errors), ...result.warnings];
  for (const d of all) {
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines, `${file}:${d.line} outside 1..${lines}`).toBe(true);
  }
}

describe.each(['app-wire', 'dawn'])('corpus %s', (folder) => {
  it('parses at least 99% of the files, with clean output', () => {
    const files = filesOf(folder);
    expect(files.length).toBeGreaterThan(1000);
    const rejected: string[] = [];
    const kinds: Record<string, number> = { paragraph: 0, related: 0, caption: 0, footer: 0 };
    let withDateline = 0;
    let warnings = 0;
    for (const file of files) {
      const bytes = readFileSync(join(corpusDir, folder, file));
      const result = parseWire(bytes);
      checkDiagnostics(result, bytes, file);
      warnings += result.warnings.length;
      if (!result.ok) {
        for (const e of result.errors) rejected.push(`${folder}/${file}:${e.line}: ${e.message}`);
        continue;
      }
      const a = result.article;
      expect(JSON.stringify(a), file).not.toMatch(BAD_CHARS);
      expect(a.headline.length).toBeGreaterThan(0);
      expect(a.published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      for (const b of a.body) kinds[b.kind] = (kinds[b.kind] ?? 0) + 1;
      if (a.dateline) withDateline++;
    }
    const ok = files.length - rejected.length;
    console.log(
      `${folder}: ${ok}/${files.length} parsed, ${rejected.length} rejected; blocks ${JSON.stringify(kinds)}; ` +
        `${withDateline} with a dateline; ${warnings} warnings`,
    );
    if (rejected.length > 0) console.log(`${folder} rejected:\n  ${rejected.join('\n  ')}`);
    expect(ok / files.length).toBeGreaterThanOrEqual(0.99);
  });
});

describe('corpus brecorder-raw', () => {
  it('each raw page either parses or is rejected with a message', () => {
    const files = filesOf('brecorder-raw');
    expect(files.length).toBe(8);
    for (const file of files) {
      const bytes = readFileSync(join(corpusDir, 'brecorder-raw', file));
      let result: ParseResult | undefined;
      expect(() => (result = parseWire(bytes))).not.toThrow();
      checkDiagnostics(result!, bytes, file);
      if (result!.ok) {
        expect(JSON.stringify(result!.article)).not.toMatch(BAD_CHARS);
        console.log(`brecorder-raw/${file}: parsed`);
      } else {
        expect(result!.errors[0]!.message.length).toBeGreaterThan(10);
        console.log(`brecorder-raw/${file}:${result!.errors[0]!.line}: ${result!.errors[0]!.message}`);
      }
    }
  });
});

describe('corpus files named in VARIANTS.md', () => {
  it('B2: the real 2025 article page (menus and all) is rejected as a web page whose date has no time', () => {
    const page = parseWire(readFileSync(join(corpusDir, 'brecorder-raw/html-rendered_detail-sample.txt')));
    expect(page.ok).toBe(false);
    expect(!page.ok && page.errors[0]!.message).toMatch(/article page .*no time of day/);
  });

  it('G: the longest file (67.6 KB Herald long read) parses, keeping the `- Herald` suffix in the headline', () => {
    const bytes = readFileSync(join(corpusDir, 'dawn/2016-02-05_1153341.txt'));
    expect(bytes.length).toBeGreaterThan(60_000);
    const result = parseWire(bytes);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.article.headline).toBe('The pursuit of Kashmir - Herald');
    expect(result.article.body.filter((b) => b.kind === 'paragraph').length).toBeGreaterThan(50);
  });
});
