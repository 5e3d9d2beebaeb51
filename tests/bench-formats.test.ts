// The benchmark's generated articles in every agency format (bench/formats.ts), read back with the real
// parsers: each file is recognised as its format and published with no error or warning, and carries
// the same story as the article's wire text (headline, time, byline, dateline, paragraphs, captions),
// filed under the section the default section map gives. Pure parsing; no build.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articlePartsFor, generateArticles, wireText } from '../bench/generate.ts';
import { articleFile, mixedFormatOf, type BenchFormat } from '../bench/formats.ts';
import { parseWireFile, type WireItem } from '../integrations/dateline/formats/index.ts';
import type { BodyBlock } from '../integrations/dateline/formats/item.ts';
import { sectionOf } from '../integrations/dateline/stories/sections.ts';

const N = 240;
const SEED = 3;
const OPTIONS = { timeZone: 'Asia/Karachi', fileTime: Date.UTC(2026, 5, 1) };
const AGENCY_FORMATS = ['newsml-g2', 'ninjs', 'anpa1312', 'iptc7901'] as const;

/**
 * Where each generated section lands per format with the default section map (no `sectionMap`):
 * Business, Sports, World and Lifestyle have a Media Topic of their own name; the others the nearest.
 */
const MEDIA_TOPIC_SECTIONS: Record<string, string> = {
  Business: 'Business',
  Markets: 'Business',
  Sports: 'Sports',
  World: 'World',
  Lifestyle: 'Lifestyle',
  Technology: 'Sci-Tech',
  Pakistan: 'Politics',
  National: 'Society',
};
const ANPA_SECTIONS: Record<string, string> = { ...MEDIA_TOPIC_SECTIONS, Technology: 'News', National: 'News' };
function expectedSection(format: BenchFormat, section: string | undefined): string {
  if (section === undefined) return 'News';
  if (format === 'text') return section;
  if (format === 'iptc7901') return 'News'; // IPTC 7901 categories are not in the default map
  return (format === 'anpa1312' ? ANPA_SECTIONS : MEDIA_TOPIC_SECTIONS)[section]!;
}

function read(file: string, text: string): { format: string; item: WireItem; warnings: unknown[] } {
  const parse = parseWireFile(file, new TextEncoder().encode(text), OPTIONS);
  expect(parse.errors, file).toEqual([]);
  expect(parse.items, file).toHaveLength(1);
  const only = parse.items[0]!;
  if (!only.ok) throw new Error(`${file}: ${JSON.stringify(only.errors)}`);
  return { format: parse.format, item: only.item, warnings: [...parse.warnings, ...only.warnings] };
}

/** A body as reader text: captions with their credit once, related headlines as their headline. */
function storyText(body: BodyBlock[]): string[] {
  return body.flatMap((b) => {
    if (b.kind === 'footer') return [];
    if (b.kind === 'caption') return [b.credit && !b.text.endsWith(b.credit) ? `${b.text} — ${b.credit}` : b.text];
    if (b.kind === 'related') return [b.headline];
    if (b.kind === 'paragraph') return [b.text.replace(/^Also read: /, '')];
    return [JSON.stringify(b)];
  });
}

const parts = (b: WireItem) => b.byline.map((p) => `${p.name} (${p.kind})`);

describe('benchmark articles in the agency formats', () => {
  const articles = Array.from({ length: N }, (_, i) => articlePartsFor(SEED, i, N));

  it.each(AGENCY_FORMATS)('%s: every article is read as one published story with no warning, the same as its wire text', (format) => {
    const sections: Record<string, number> = {};
    for (const a of articles) {
      const text = read(`${a.stem}.txt`, wireText(a)).item;
      const { file, text: bytes } = articleFile(a, format);
      const got = read(file, bytes);
      expect(got.format, file).toBe(format);
      expect(got.warnings, file).toEqual([]);
      const item = got.item;
      expect(item.status, file).toBe('usable');
      expect(item.headline, file).toBe(text.headline);
      expect(Date.parse(item.published), file).toBe(Date.parse(text.published));
      expect(parts(item), file).toEqual(parts(text));
      expect(storyText(item.body), file).toEqual(storyText(text.body));
      // The same place (agencies print a region after a comma where the wire text has it in brackets).
      expect(item.dateline?.split(/[ ,(]/)[0], file).toBe(text.dateline?.split(/[ ,(]/)[0]);
      const section = sectionOf(item, new Map(), 'News');
      expect(section, file).toBe(expectedSection(format, text.section));
      sections[section] = (sections[section] ?? 0) + 1;
    }
    expect(Object.keys(sections).length, JSON.stringify(sections)).toBeGreaterThanOrEqual(format === 'iptc7901' ? 1 : 5);
  });

  it('the text files of a mixed set are the text-only set’s, byte for byte, and the set is deterministic', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-formats-'));
    try {
      const text = generateArticles(40, join(dir, 'text'), SEED);
      const mixed = generateArticles(40, join(dir, 'mixed'), SEED, 'mixed');
      const again = generateArticles(40, join(dir, 'again'), SEED, 'mixed');
      expect(mixed.formats).toEqual({ text: 10, 'newsml-g2': 10, ninjs: 10, anpa1312: 5, iptc7901: 5 });
      expect(again.files).toEqual(mixed.files);
      for (const f of mixed.files) expect(readFileSync(join(dir, 'again', f)).equals(readFileSync(join(dir, 'mixed', f))), f).toBe(true);
      mixed.files.forEach((f, i) => {
        if (mixedFormatOf(i) === 'text') expect(readFileSync(join(dir, 'mixed', f)).equals(readFileSync(join(dir, 'text', text.files[i]!))), f).toBe(true);
      });
      expect(readdirSync(join(dir, 'mixed'), { recursive: true }).filter((f) => String(f).includes('.')).length).toBe(40);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
