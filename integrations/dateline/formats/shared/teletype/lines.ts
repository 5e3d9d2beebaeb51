// Line numbers of the original file. Diagnostics name lines as the file has them: CRLF, a lone CR and a
// lone LF each end one line (the same count as ../decode.ts `lineAt`/`lineCount`), whatever mix a
// teletype file has (dpa's samples end some lines in CRLF and others in LF).

export interface PhysicalLine {
  /** 1-based line number. */
  line: number;
  /** Offset of the line's first character in the text. */
  start: number;
  /** The line without its line end. */
  text: string;
}

/** Offsets → 1-based lines, by binary search over the line starts. */
export class LineMap {
  private readonly starts: number[] = [0];
  readonly lastLine: number;

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
    // A final line end starts no line of its own (lineCount: "a final newline adds none").
    const last = this.starts.length > 1 && this.starts[this.starts.length - 1] === text.length ? this.starts.length - 1 : this.starts.length;
    this.lastLine = Math.max(1, last);
  }

  /** The line of a character offset, always in 1..lastLine. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.clamp(lo + 1);
  }

  clamp(line: number): number {
    return Math.min(Math.max(1, Math.floor(line)), this.lastLine);
  }
}

/** The lines of `text[from, to)`, numbered as in the whole file. */
export function linesIn(text: string, from: number, to: number, map: LineMap): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  const re = /\r\n|\r|\n/g;
  re.lastIndex = from;
  let start = from;
  for (;;) {
    const m = re.exec(text);
    if (!m || m.index >= to) break;
    out.push({ line: map.lineOf(start), start, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start < to) out.push({ line: map.lineOf(start), start, text: text.slice(start, to) });
  return out;
}
