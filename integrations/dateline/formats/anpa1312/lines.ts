// ANPA text lines as AP sets them. A line's first character says what it is: `^` a header-style line
// (slug, headline, editor lines, byline, crossheads), TAB an indented body paragraph, BS (0x08) a row of
// a table, whose cells are set off by US and RS and keep their words together with DLE. A line ends in
// `<` (quad left) or `=` (centred, for bylines and crossheads); one physical line may hold two header
// lines (`^*9006< ^AP-Top-…<`). Read with `cat -A`, ``^`` is a literal caret in the file.
import { BS, DLE, RS, US, clean, linesIn, type LineMap } from '../shared/teletype.ts';

export interface AnpaLine {
  line: number;
  kind: 'caret' | 'tab' | 'table' | 'plain' | 'blank';
  /** The text without its lead and end marks, cleaned (for tables: the cells joined by a space). */
  text: string;
  end: '<' | '=' | '';
  cells?: string[];
}

// Controls that carry no layout here (SYN padding, DC1–DC4, FF, DEL, …) are dropped before reading.
const NOISE = /[\x00-\x07\x0a-\x0f\x11-\x1d\x7f]/g;

function ending(text: string): { text: string; end: AnpaLine['end'] } {
  const m = /\s*([<=])\s*$/.exec(text);
  if (!m) return { text, end: '' };
  return { text: text.slice(0, m.index), end: m[1] as '<' | '=' };
}

function tableCells(row: string): string[] {
  return row
    .replace(/^\^/, '')
    .replace(/\{\s*$/, '')
    .split(new RegExp(`[${RS}${US}]+`))
    .map((c) => clean(c.split(DLE).join('')))
    .filter((c) => c !== '');
}

export function anpaLines(text: string, from: number, to: number, map: LineMap): AnpaLine[] {
  const out: AnpaLine[] = [];
  for (const physical of linesIn(text, from, to, map)) {
    const raw = physical.text.replace(NOISE, '');
    const line = physical.line;
    if (raw.startsWith(BS)) {
      const cells = tableCells(raw.slice(1));
      out.push(cells.length === 0 ? { line, kind: 'blank', text: '', end: '' } : { line, kind: 'table', text: cells.join(' '), end: '', cells });
      continue;
    }
    const trimmed = raw.replace(/^[ \u00a0]+/, '');
    if (trimmed.startsWith('^')) {
      for (const piece of trimmed.split(/<\s*\^/)) {
        const e = ending(piece.replace(/^\^/, ''));
        out.push({ line, kind: 'caret', text: clean(e.text), end: e.end });
      }
      continue;
    }
    const e = ending(raw);
    const t = clean(e.text.replace(/^(\s*)\^/, '$1'));
    if (t === '') out.push({ line, kind: 'blank', text: '', end: '' });
    else out.push({ line, kind: raw.startsWith('\t') ? 'tab' : 'plain', text: t, end: e.end });
  }
  return out;
}
