// Text helpers for the OG card: clean-up, Pango markup escaping, direction, script → font families,
// grapheme/word-safe truncation points.
import { FAMILY } from './fonts.ts';

/** Collapse whitespace (incl. newlines) to single spaces, drop C0/C1 controls, repair lone surrogates. */
export function cleanText(s: string): string {
  return (s ?? '')
    .toWellFormed()
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
    .replace(/[\s\u2028\u2029]+/gu, ' ')
    .trim();
}

/** Escape for Pango markup (sharp's text input always parses markup). */
export function escapeMarkup(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Strong right-to-left: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic ext./presentation forms, RTL SMP blocks.
const RTL = /[\u0590-\u05FF\u0600-\u07BF\u07C0-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const STRONG = /[\p{L}\u200E\u200F]/u;

/** Direction of the first strong character (as Pango/fribidi decide a paragraph's base direction). */
export function baseDirection(s: string): 'ltr' | 'rtl' {
  for (const ch of s) {
    if (ch === '\u200F') return 'rtl';
    if (ch === '\u200E') return 'ltr';
    if (STRONG.test(ch)) return RTL.test(ch) ? 'rtl' : 'ltr';
  }
  return 'ltr';
}

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
// Letters used in Urdu (and Punjabi Shahmukhi, Saraiki…) but not in Arabic or Persian: ٹ ڈ ڑ ں ھ ہ ۂ ۃ ے ۓ
const URDU_LETTERS = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06C2\u06C3\u06D2\u06D3]/u;
const URDU_LANGS = /^(ur|pa-arab|skr|pnb|bal|bsk|khw|ks|sd|ps|fa-af)(-|$)/i;
const ARABIC_LANGS = /^(ar|fa|ckb|ug)(-|$)/i;

export type ArabicStyle = 'nastaliq' | 'naskh' | 'none';

/** Which Arabic-script style the text wants: Nastaliq for Urdu (lang hint or Urdu letters), else Naskh. */
export function arabicStyle(text: string, lang?: string): ArabicStyle {
  if (!ARABIC_SCRIPT.test(text)) return 'none';
  if (lang && URDU_LANGS.test(lang)) return 'nastaliq';
  if (lang && ARABIC_LANGS.test(lang)) return 'naskh';
  return URDU_LETTERS.test(text) ? 'nastaliq' : 'naskh';
}

/**
 * Pango family list. Noto Sans stays first so Latin, digits and punctuation use it; Arabic-script
 * letters fall through to Nastaliq (Urdu) or Naskh (Arabic, Persian…), Han to Noto Sans SC.
 */
export function familyList(style: ArabicStyle): string {
  const arabic = style === 'nastaliq' ? [FAMILY.nastaliq, FAMILY.naskh] : [FAMILY.naskh, FAMILY.nastaliq];
  return [FAMILY.sans, ...arabic, FAMILY.sc].join(',');
}

/** Line pitch as a multiple of the font size (Nastaliq is very tall). */
export function lineFactor(style: ArabicStyle, text: string): number {
  if (style === 'nastaliq') return 1.9;
  if (style === 'naskh') return 1.6;
  return /[\u3000-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u.test(text) ? 1.3 : 1.22;
}

// Fixed locales (never the machine's default) so truncation is the same on every machine.
const graphemeSeg = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function graphemes(s: string): string[] {
  return Array.from(graphemeSeg.segment(s), (x) => x.segment);
}

/** Cut to at most `max` grapheme clusters (never splits a surrogate pair or a cluster). */
export function clipGraphemes(s: string, max: number): string {
  const g = graphemes(s);
  return g.length <= max ? s : g.slice(0, max).join('');
}

/**
 * Candidate truncation prefixes, shortest first: ends of words (Intl.Segmenter, which also splits
 * CJK into words), each with trailing spaces/punctuation removed. Every prefix ends on a grapheme
 * boundary. Falls back to grapheme boundaries when the text has fewer than two words.
 */
export function truncationPrefixes(s: string, lang?: string): string[] {
  let seg: Intl.Segmenter;
  try {
    seg = new Intl.Segmenter(lang || 'en', { granularity: 'word' });
  } catch {
    seg = new Intl.Segmenter('en', { granularity: 'word' });
  }
  const ends: number[] = [];
  for (const x of seg.segment(s)) if (x.isWordLike) ends.push(x.index + x.segment.length);
  let cuts = ends;
  if (cuts.length < 2) {
    cuts = [];
    let i = 0;
    for (const g of graphemes(s)) {
      i += g.length;
      cuts.push(i);
    }
  }
  const out: string[] = [];
  for (const e of cuts) {
    const p = s.slice(0, e).replace(/[\s\p{P}\p{Cf}]+$/u, '');
    if (p && p.length < s.length && out[out.length - 1] !== p) out.push(p);
  }
  return out;
}

export const ELLIPSIS = '\u2026';
