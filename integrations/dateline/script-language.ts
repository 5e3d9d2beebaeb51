// The language of a headline written mostly in Arabic script, so pages can mark it (`lang="ur"`) for
// screen readers, fonts and hyphenation, and social images pick Nastaliq. Wire copy here is English
// with occasional Urdu headlines; only the headline is marked, since the body may be in English.

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const LATIN = /[A-Za-z\u00C0-\u024F]/gu;
/** Letters Urdu uses and Arabic does not (ٹ ڈ ڑ ں ھ ہ ی ے ۓ ک گ پ چ ژ). */
const URDU_LETTERS = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06CC\u06D2\u06D3\u06A9\u06AF\u067E\u0686\u0698]/u;

/** `ur` or `ar` when most letters of the text are Arabic script, else undefined (the site's language). */
export function headlineLanguage(text: string): 'ur' | 'ar' | undefined {
  const arabic = text.match(ARABIC_SCRIPT)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (arabic === 0 || arabic <= latin) return undefined;
  return URDU_LETTERS.test(text) ? 'ur' : 'ar';
}
