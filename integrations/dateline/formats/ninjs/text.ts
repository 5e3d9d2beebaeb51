// Text fields as a reader sees them. JSON strings can carry anything a `\u` escape can name: C0 and
// C1 controls, a BOM, U+FFFD, lone surrogates (`"\ud800"`), so every string taken from the file goes
// through `clean`. Fields that may hold markup (headlines, bylines, places: agencies escape them as
// HTML often enough) go through the body sanitizer first, so `<script>` in a headline is gone, not shown.
import { blockText } from '../blocks.ts';
import { blocksFromHtml } from '../shared/html-body.ts';
import { collapseWhiteSpace } from '../shared/white-space.ts';

// C0 (tab and line breaks included: they become spaces first), DEL, C1, BOM, U+FFFD, soft hyphen, and
// lone surrogates.
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\uFFFD\u00AD]|\p{Cs}/gu;

// Every character the first two replacements below touch (any surrogate: a test without the `u` flag
// sees the halves of a pair too, and such text takes the full path): text without them skips both.
const TOUCHED = /[\u0000-\u001F\u007F-\u009F\uFEFF\uFFFD\u00AD\uD800-\uDFFF]/;

/** Plain text: controls and lone surrogates removed, white space collapsed, ends trimmed. */
export function clean(text: string): string {
  const stripped = TOUCHED.test(text) ? text.replace(/[\t\n\r]/g, ' ').replace(UNWANTED, '') : text;
  return collapseWhiteSpace(stripped).trim();
}

/** A short field that may carry inline markup or entities, as plain text (markup and scripts gone). */
export function inlineText(value: string): string {
  if (!/[<&]/.test(value)) return clean(value);
  try {
    return clean(blocksFromHtml(value, { line: 1 }).map(blockText).join(' '));
  } catch {
    // Markup nested too deeply for the block reader: keep no part of it rather than guess.
    return '';
  }
}

/** A short excerpt of a string for a message: `"BC-BBN--Top…"`; other values as written. */
export function quote(value: unknown, max = 40): string {
  if (typeof value !== 'string') return clean(String(typeof value === 'object' && value !== null ? kindOf(value) : value));
  const text = clean(value);
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** What a JSON value is, in a reader's words, for "expected …, found …" messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  return `${typeof value} ${String(value)}`;
}

/** Whether a text has something visible (not only zero-width, bidi and other ignorable characters). */
export function hasVisibleText(text: string): boolean {
  return /[^\s\p{Default_Ignorable_Code_Point}]/u.test(text);
}
