// `og:locale` (language_TERRITORY) from the site's BCP 47 language: an explicit region wins
// (`en-GB` → en_GB), else the likeliest region from CLDR (`en` → en_US, `ur` → ur_PK, `zh` → zh_CN).
const cache = new Map<string, string>(); // every page asks; CLDR's likely-subtags lookup is not cheap
export function ogLocale(language: string): string {
  let value = cache.get(language);
  if (value === undefined) {
    try {
      const locale = new Intl.Locale(language).maximize();
      value = locale.region ? `${locale.language}_${locale.region}` : locale.language;
    } catch {
      value = language.replace('-', '_');
    }
    cache.set(language, value);
  }
  return value;
}
