// The transmission control characters of IPTC 7901 and ANPA 1312. They frame a message (SOH header,
// STX text, ETX end of text, EOT end of transmission), pad the line (SYN), separate header fields (US)
// and carry ANPA's format codes (DC1–DC4, BS for a tabular line, RS and DLE inside tables). They mark
// structure and are never part of the story: every output string is cleaned of them.

import { collapseWhiteSpace } from '../white-space.ts';

export const SOH = '\u0001';
export const STX = '\u0002';
export const ETX = '\u0003';
export const EOT = '\u0004';
export const BS = '\u0008';
export const TAB = '\t';
export const FF = '\u000c';
export const DLE = '\u0010';
export const DC1 = '\u0011';
export const DC2 = '\u0012';
export const DC3 = '\u0013';
export const DC4 = '\u0014';
export const SYN = '\u0016';
export const RS = '\u001e';
export const US = '\u001f';
export const DEL = '\u007f';

// C0 controls (tab and line ends too: callers split lines first), DEL, C1 controls (the five bytes
// Windows-1252 leaves undefined decode to C1), byte-order marks, U+FFFD, lone surrogates, and soft hyphens.
const UNWANTED = /[\u0000-\u001F\u007F-\u009F\uFEFF\uFFFD\u00AD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Every character either replacement below touches: a text with none of them is returned as it is,
// without running the lookbehind of UNWANTED at every position (most teletype text is clean, and every
// output string passes here several times).
const TOUCHED = /[\u0000-\u001F\u007F-\u009F\uFEFF\uFFFD\u00AD\uD800-\uDFFF\u2028\u2029]/;

/** Text with every control character removed; a tab or a line end becomes a space. */
export function stripControls(text: string): string {
  if (!TOUCHED.test(text)) return text;
  return text.replace(/[\t\r\n\u2028\u2029]/g, ' ').replace(UNWANTED, '');
}

/** The clean form of a piece of text: no control character, white space collapsed, ends trimmed. */
export function clean(text: string): string {
  return collapseWhiteSpace(stripControls(text)).trim();
}

/** A short quotation of file text for a message: cleaned, cut to about 60 characters. */
export function excerpt(text: string, max = 60): string {
  const chars = Array.from(clean(text));
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join(''));
}

/** Name of a control character for a message (`ETX (0x03)`). */
export function controlName(ch: string): string {
  const names: Record<string, string> = { [SOH]: 'SOH', [STX]: 'STX', [ETX]: 'ETX', [EOT]: 'EOT', [SYN]: 'SYN', [US]: 'US' };
  const code = ch.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase();
  return `${names[ch] ?? 'control'} (0x${code})`;
}
