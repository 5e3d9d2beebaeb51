// Glyph coverage of the bundled fonts, from their cmaps (fontkit). A character no bundled font maps
// would be drawn as a tofu box by Pango without any error, so callers turn these into warnings.
import { createRequire } from 'node:module';
import { BUNDLED_FONTS, fontPath } from './fonts.ts';

interface CmapFont {
  hasGlyphForCodePoint(cp: number): boolean;
}

let fonts: CmapFont[] | undefined;
const memo = new Map<number, boolean>();

function loadFonts(): CmapFont[] {
  if (fonts) return fonts;
  // fontkit ships CommonJS for node; createRequire keeps this working when Vite bundles the module.
  const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(p: string): CmapFont };
  // Regular and Bold of a family share a cmap; load one weight of each family (SC is ~10 MB).
  const seen = new Set<string>();
  fonts = [];
  for (const f of BUNDLED_FONTS) {
    if (seen.has(f.family)) continue;
    seen.add(f.family);
    fonts.push(fontkit.openSync(fontPath(f)));
  }
  return fonts;
}

/** Characters that are never drawn and so need no glyph: whitespace, controls, format (ZWJ, ZWNJ,
 * bidi marks, soft hyphen…), variation selectors and other default-ignorables. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: single code points (a joiner, fillers, selectors), each ignorable on its own
const IGNORABLE = /^[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]$/u;

export function isCovered(cp: number): boolean {
  let v = memo.get(cp);
  if (v === undefined) {
    v = loadFonts().some((f) => f.hasGlyphForCodePoint(cp));
    memo.set(cp, v);
  }
  return v;
}

/** Code points (deduplicated, in order of first appearance) that no bundled font maps. */
export function uncoveredCharacters(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const ch of text) {
    if (seen.has(ch)) continue;
    seen.add(ch);
    if (IGNORABLE.test(ch)) continue;
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out.push(ch);
      continue;
    } // lone surrogate: never drawable
    if (!isCovered(cp)) out.push(ch);
  }
  return out;
}

/** `U+1F600 😀` */
export function describeCharacter(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${ch}`;
}

/** Warnings for the drawn fields of a card, e.g. `headline has characters no bundled font covers: U+1F600 😀`. */
export function coverageWarnings(fields: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [name, text] of Object.entries(fields)) {
    const missing = uncoveredCharacters(text);
    if (missing.length) out.push(`${name} has characters no bundled font covers: ${missing.map(describeCharacter).join(', ')}`);
  }
  return out;
}
