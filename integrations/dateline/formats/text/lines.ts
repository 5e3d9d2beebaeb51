// Line handling shared by every step: splitting, cleaning, and the text tidy-up applied to output fields.

/** Split normalised (LF-only) text into lines. A final newline ends the last line; it does not start a new one. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Number of lines of a file as diagnostics count them (1 for an empty file). */
export function countLines(text: string): number {
  return Math.max(1, splitLines(text.replace(/\r\n?/g, '\n')).length);
}

// C0 controls except tab, DEL, C1 controls (Windows-1252 maps its five undefined bytes to C1), BOMs,
// U+FFFD, and lone surrogates (only possible in string input): none of them may reach an output field.
const UNWANTED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripControls(line: string): string {
  return line.replace(UNWANTED, '');
}

/**
 * The tidy form of a line used for every output field: soft hyphens (U+00AD, F) removed, tabs,
 * non-breaking and other Unicode spaces turned into plain spaces, runs collapsed, ends trimmed.
 */
export function tidy(line: string): string {
  return stripControls(line)
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Quote a piece of a line for a message, cut to about 60 characters. */
export function excerpt(text: string, max = 60): string {
  const chars = Array.from(text);
  const cut = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
  return JSON.stringify(cut);
}

/** A non-blank line of the file, tidied, with its 1-based line number. */
export interface Block {
  line: number;
  text: string;
}

export function toBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  lines.forEach((raw, i) => {
    const text = tidy(raw);
    if (text !== '') blocks.push({ line: i + 1, text });
  });
  return blocks;
}

export function wordCount(text: string): number {
  return text === '' ? 0 : text.split(' ').length;
}
