// Reader text from teletype text: controls out, markup out, teletype typography in, white space
// collapsed. Every string a teletype parser outputs passes through here.
import { clean } from './controls.ts';
import { stripMarkup } from './markup.ts';
import { teletypeTypography } from './typography.ts';

export function readerText(raw: string): string {
  return clean(teletypeTypography(clean(stripMarkup(clean(raw)))));
}

/**
 * Wrapped lines joined into one paragraph. A line ending in a letter and a hyphen joins the next without
 * a space when that one goes on in lower case (`well-` + `known`); every other break is a space.
 */
export function joinWrapped(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = clean(raw);
    if (line === '') continue;
    if (out === '') out = line;
    else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(line)) out += line;
    else out += ` ${line}`;
  }
  return out;
}
