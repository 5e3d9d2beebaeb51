// The language of wire text that does not say what it is written in (the wire text format has no
// language field): told from its letters. A story whose letters are mostly of one script gets the
// language that script is written in, and Arabic script is told apart by the letters each language uses
// and the others do not (Urdu ٹ ڈ ڑ ں ے ھ ہ, Arabic ك ي ة ى, Persian ه with ک ی and no Urdu letters).
// Latin-script text is left to the site's language: the letters can't tell English from German.
//
// `headlineLanguage` marks a headline alone (`lang="ur"` on an Urdu headline over English text), so
// pages can mark it for screen readers, fonts and hyphenation, and social images pick Nastaliq.

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const LATIN = /[A-Za-z\u00C0-\u024F]/gu;
/** Letters Urdu uses and Arabic does not (ٹ ڈ ڑ ں ھ ہ ی ے ۓ ک گ پ چ ژ); some of them Persian uses too. */
const URDU_LETTERS = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06CC\u06D2\u06D3\u06A9\u06AF\u067E\u0686\u0698]/u;

/** `ur` or `ar` when most letters of the text are Arabic script, else undefined (the site's language). */
export function headlineLanguage(text: string): 'ur' | 'ar' | undefined {
  const arabic = text.match(ARABIC_SCRIPT)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (arabic === 0 || arabic <= latin) return undefined;
  return URDU_LETTERS.test(text) ? 'ur' : 'ar';
}

/** Letters only Urdu (of the three) uses: ٹ ڈ ڑ ں ھ ہ ۂ ے ۓ. */
const URDU_ONLY = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06C2\u06D2\u06D3]/gu;
/** Letters Urdu and Persian use and Arabic does not: ک گ ی پ چ ژ. */
const URDU_PERSIAN = /[\u06A9\u06AF\u06CC\u067E\u0686\u0698]/gu;
/** Letters of Arabic that Urdu and Persian write otherwise: ك ي ة ى. */
const ARABIC_ONLY = /[\u0643\u064A\u0629\u0649]/gu;
/** Persian's heh (ه) and heh with yeh (ۀ); Urdu writes ہ and ھ. */
const PERSIAN_HEH = /[\u0647\u06C0]/u;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/** Which language text in Arabic script is written in, by the letters each uses. */
function arabicScriptLanguage(text: string): 'ur' | 'ar' | 'fa' {
  const urdu = count(text, URDU_ONLY);
  const arabic = count(text, ARABIC_ONLY);
  const shared = count(text, URDU_PERSIAN);
  if (urdu > 0 && urdu >= arabic) return 'ur';
  if (arabic > shared) return 'ar';
  if (shared > 0) return urdu === 0 && PERSIAN_HEH.test(text) ? 'fa' : 'ur';
  return 'ar';
}

/** Scripts (besides Latin and Arabic) and the language a story in them is taken to be in. */
const SCRIPTS: { re: RegExp; language: (text: string) => string }[] = [
  { re: /\p{Script=Han}/gu, language: () => 'zh' },
  { re: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu, language: () => 'ja' },
  { re: /\p{Script=Hangul}/gu, language: () => 'ko' },
  { re: /\p{Script=Cyrillic}/gu, language: (t) => (/[іїєґ]/iu.test(t) ? 'uk' : /[ђјљњћџ]/iu.test(t) ? 'sr' : /[ў]/iu.test(t) ? 'be' : 'ru') },
  { re: /\p{Script=Greek}/gu, language: () => 'el' },
  { re: /\p{Script=Hebrew}/gu, language: (t) => (/[\u05F0-\u05F2\uFB1F]/u.test(t) ? 'yi' : 'he') },
  { re: /\p{Script=Devanagari}/gu, language: () => 'hi' },
  { re: /\p{Script=Bengali}/gu, language: () => 'bn' },
  { re: /\p{Script=Gurmukhi}/gu, language: () => 'pa' },
  { re: /\p{Script=Gujarati}/gu, language: () => 'gu' },
  { re: /\p{Script=Tamil}/gu, language: () => 'ta' },
  { re: /\p{Script=Telugu}/gu, language: () => 'te' },
  { re: /\p{Script=Kannada}/gu, language: () => 'kn' },
  { re: /\p{Script=Malayalam}/gu, language: () => 'ml' },
  { re: /\p{Script=Sinhala}/gu, language: () => 'si' },
  { re: /\p{Script=Thai}/gu, language: () => 'th' },
  { re: /\p{Script=Khmer}/gu, language: () => 'km' },
  { re: /\p{Script=Myanmar}/gu, language: () => 'my' },
  { re: /\p{Script=Georgian}/gu, language: () => 'ka' },
  { re: /\p{Script=Armenian}/gu, language: () => 'hy' },
  { re: /\p{Script=Ethiopic}/gu, language: () => 'am' },
];
const LETTER = /\p{L}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
const ARABIC_LETTER = /(?=\p{L})\p{Script=Arabic}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** Enough of a story to tell its script (the opening paragraphs). */
const SAMPLE = 20_000;
/** A letter of any script but Latin: a text without one is Latin (or has no letters). */
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/**
 * The language of a text from its letters: the language of the script most of its letters are in
 * (`ur`, `ar`, `fa` for Arabic script, `zh`, `ja`, `ko`, `ru`, `hi`, …), or undefined when as many or
 * more are Latin (or it has no letters): then the site's language applies.
 */
export function textLanguage(text: string): string | undefined {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  // most stories: one scan that stops at the first non-Latin letter, instead of counting every letter
  // (the counts below make an array of each match: 1.5 s of a 10,000-story build)
  if (!NON_LATIN_LETTER.test(sample)) return undefined;
  const letters = count(sample, LETTER);
  const latin = count(sample, LATIN_LETTER);
  if (letters === 0 || letters - latin <= latin) return undefined;
  let best: { n: number; language: () => string } = { n: count(sample, ARABIC_LETTER), language: () => arabicScriptLanguage(sample) };
  for (const script of SCRIPTS) {
    const n = count(sample, script.re);
    if (n > best.n) best = { n, language: () => script.language(sample) };
  }
  if (best.n <= latin) return undefined;
  const language = best.language();
  // Japanese writes kanji (Han) among its kana; Chinese has no kana
  return language === 'zh' && count(sample, KANA) * 10 >= best.n ? 'ja' : language;
}

/** Languages written right to left (their usual script), and scripts that are. */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg']);
const LTR_SCRIPTS = new Set(['latn', 'cyrl', 'grek', 'deva', 'hans', 'hant']);

/** `rtl` for a BCP 47 language written right to left (`ur`, `ar-EG`, `ku-Arab`), else `ltr`. */
export function languageDirection(language: string): 'ltr' | 'rtl' {
  const [primary = '', ...rest] = language.toLowerCase().split(/[-_]/);
  const script = rest.find((s) => s.length === 4);
  if (script && RTL_SCRIPTS.has(script)) return 'rtl';
  if (script && LTR_SCRIPTS.has(script)) return 'ltr';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}
