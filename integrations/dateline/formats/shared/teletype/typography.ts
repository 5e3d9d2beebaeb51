// Teletype typography. A wire printer had no dashes or curly quotes, so AP style (and dpa's copy from
// US partners) writes them with ASCII: ` _ ` is a dash, ``` `` ``` opens a quote and `''` closes it,
// `` ` `` opens a quote inside a quote and `'` closes it. A reader should see the real characters.
// Underscores that are not set off by spaces (`first_last@example.com`, `http://x.org/a_b`) stay.

/** Typographic text from teletype ASCII conventions. Expects cleaned text (single spaces). */
export function teletypeTypography(text: string): string {
  return (
    text
      // A dash: ` _ `, also at the start or end of a piece (a wrapped line joined later reads the same).
      .replace(/(^|\s)_(?=\s|$)/g, '$1—')
      // Double quotes: `` opens, '' closes.
      .replace(/``/g, '“')
      .replace(/''/g, '”')
      // A single quote opened with a backtick; an apostrophe inside it is followed by a letter (`I'm`).
      .replace(/`((?:[^`'’”]|['’](?=\p{L}))*)'(?!\p{L})/gu, '‘$1’')
      .replace(/`/g, '‘')
  );
}

/** A line that is only a separator rule (`___`, `-----`, `* * * *`): a break, never text. */
export function isRule(text: string): boolean {
  return /^(?:_{2,}|-{3,}|={3,}|(?:\* ?){3,})=?$/.test(text.trim());
}
