// Runs of white space as one space, the last step of every text cleaner. Most text has only single
// spaces already, and then `replace(/\s+/g, ' ')` would rebuild the string for nothing, once per space:
// in build profiles that was a good part of reading an agency item (cleaners run on every block).
//
// The test is exact: when the text has no white space but U+0020 and no two U+0020 in a row, every run
// of `\s` is one space, replaced by one space, so the text is returned as it is.
const CHANGES = /[^\S ]| {2}/;

export function collapseWhiteSpace(text: string): string {
  return CHANGES.test(text) ? text.replace(/\s+/g, ' ') : text;
}
