// The headline block: the lines from STX to the first line ending in `=` (7901's end-of-headline
// mark). dpa puts handling marks above the headline (`1ST LEAD`, `REFILE`, `EXTRA`, `(Achtung)`) and the
// byline below it (`By Manuel Schwarz, dpa =`); the marks are read, never printed.
import { clean, isMarkLine, noMarks, readSlugMarks, type Marks, type PhysicalLine } from '../shared/teletype.ts';

export interface HeadlineBlock {
  headline: string;
  headlineLine: number;
  byline: string[];
  marks: Marks;
  /** Index of the first line after the block. */
  next: number;
  /** Whether the block ended with `=`. */
  closed: boolean;
}

const MAX_BLOCK_LINES = 10;

export function readHeadlineBlock(lines: PhysicalLine[]): HeadlineBlock | { line: number; message: string } {
  const marks = noMarks();
  const headline: string[] = [];
  const byline: string[] = [];
  let headlineLine = lines[0]?.line ?? 1;
  let i = 0;
  while (i < lines.length && clean(lines[i]!.text) === '') i++;
  let count = 0;
  let closed = false;
  for (; i < lines.length && count < MAX_BLOCK_LINES; i++) {
    const raw = clean(lines[i]!.text);
    if (raw === '') break;
    count++;
    const ends = /\s?=$/.test(raw);
    const text = raw.replace(/\s?=$/, '').trim();
    if (text !== '') {
      if (byline.length > 0 || /^By:?\s/i.test(text)) byline.push(text);
      else if (headline.length === 0 && isMarkLine(text)) readSlugMarks(text, marks);
      else {
        if (headline.length === 0) headlineLine = lines[i]!.line;
        headline.push(text);
      }
    }
    if (ends) {
      closed = true;
      i++;
      break;
    }
  }
  if (headline.length === 0) {
    const at = lines[Math.min(i, lines.length - 1)];
    return {
      line: at?.line ?? headlineLine,
      message: `expected a headline after STX (a line ending in "="), found ${count === 0 ? 'no text' : 'only handling marks and a byline'}`,
    };
  }
  return { headline: headline.join(' '), headlineLine, byline, marks, next: i, closed };
}
