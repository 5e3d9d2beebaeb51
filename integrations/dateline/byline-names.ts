// A shared byline written as people write it: "AFP and Reuters", "AFP, Reuters and APP" (the wire's
// `AFP | Reuters` is a field separator, not what readers should see). The page's byline, the feed's
// dc:creator and the social card say the same; JSON-LD keeps each author apart.

/** What goes before the i-th of n names: nothing, ", " or " and ". */
export function nameSeparator(i: number, n: number): string {
  return i === 0 ? '' : i === n - 1 ? ' and ' : ', ';
}

/** Names joined as a sentence says them: "AFP", "AFP and Reuters", "AFP, Reuters and APP". */
export function joinNames(names: readonly string[]): string {
  return names.map((name, i) => `${nameSeparator(i, names.length)}${name}`).join('');
}
