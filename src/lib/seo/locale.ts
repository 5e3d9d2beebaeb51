// `og:locale` (language_TERRITORY) from the site's BCP 47 language: an explicit region wins
// (`en-GB` → en_GB), else the likeliest region from CLDR (`en` → en_US, `ur` → ur_PK, `zh` → zh_CN).
export function ogLocale(language: string): string {
  try {
    const locale = new Intl.Locale(language).maximize();
    return locale.region ? `${locale.language}_${locale.region}` : locale.language;
  } catch {
    return language.replace('-', '_');
  }
}
