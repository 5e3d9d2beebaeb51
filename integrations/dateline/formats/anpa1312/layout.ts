// The parts of an AP story after STX, in the order AP sends them:
//   slug line      `^BC-BKN--Heat-Hawks, 1st Ld-Writethru,416<` (a `^*9006<` reference may precede it)
//   headline       `^Deng has 30 points, short-handed Heat beat Hawks 115-111<`
//   editor lines   `^AP Photo GATK105, …<`, `^Eds: Heat 115, Hawks 111. Updates. With AP Photos.<`
//   (abstract)     a long `^…<` line that restates the lede, for web summaries: not kept
//   (deck)         a short `^All Times EDT=` line under the headline: the subheadline
//   byline         `^By CHARLES ODUM=` and its title or agency line `^AP Sports Writer=`
//   body           TAB paragraphs, `^…=` crossheads, BS table rows; `___` rules between parts.
// An APNewsAlert has no headline line: its one paragraph is the news, and stands in as headline.
import type { BodyBlock } from '../item.ts';
import { isBylineTitle, isEditorLine, isMarkLine, isRule } from '../shared/teletype.ts';
import type { AnpaLine } from './lines.ts';
import { isSlugLine } from './slug.ts';

export interface RawBlock {
  kind: 'paragraph' | 'subhead' | 'list';
  text: string;
  items?: string[];
  line: number;
}

export interface StoryLayout {
  slugLine?: AnpaLine;
  headline?: AnpaLine;
  /** Mark-only header lines (`KILL`, `CORRECTION`). */
  markLines: AnpaLine[];
  subheadline?: string;
  byline: string[];
  notes: AnpaLine[];
  blocks: RawBlock[];
}

const ABSTRACT_LENGTH = 160;

/** A short line in capitals (`TIP-INS`, `UP NEXT`, `AMERICAN LEAGUE`): a crosshead. */
function isCapsCrosshead(text: string): boolean {
  return text.length <= 40 && /\p{Lu}.*\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text) && !/[.!?;)]$/.test(text) && !/\(/.test(text);
}

export function readLayout(lines: AnpaLine[]): StoryLayout {
  const out: StoryLayout = { markLines: [], byline: [], notes: [], blocks: [] };
  let phase: 'slug' | 'head' | 'body' = 'slug';
  let bylineOpen = false;
  let paragraph: AnpaLine[] = [];
  let table: AnpaLine[] = [];
  const flushParagraph = () => {
    if (paragraph.length > 0) out.blocks.push({ kind: 'paragraph', text: paragraph.map((l) => l.text).join('\n'), line: paragraph[0]!.line });
    paragraph = [];
  };
  const flushTable = () => {
    if (table.length > 0) out.blocks.push({ kind: 'list', text: '', items: table.map((l) => l.text), line: table[0]!.line });
    table = [];
  };
  const flush = () => {
    flushParagraph();
    flushTable();
  };

  for (const l of lines) {
    if (phase === 'slug') {
      if (l.kind === 'blank') continue;
      if (l.kind === 'caret' && /^\*\d+$/.test(l.text)) continue;
      phase = 'head';
      if (l.kind === 'caret' && isSlugLine(l.text)) {
        out.slugLine = l;
        continue;
      }
    }
    if (phase === 'head') {
      if (l.kind === 'blank') continue;
      if (l.kind === 'caret') {
        if (l.text === '') continue;
        if (isEditorLine(l.text)) {
          out.notes.push(l);
          continue;
        }
        if (/^By:?\s/i.test(l.text)) {
          out.byline.push(l.text);
          bylineOpen = true;
          continue;
        }
        if (bylineOpen && isBylineTitle(l.text)) {
          out.byline.push(l.text);
          bylineOpen = false;
          continue;
        }
        if (out.byline.length === 0) {
          if (!out.headline && isMarkLine(l.text)) {
            out.markLines.push(l);
            continue;
          }
          if (!out.headline) {
            out.headline = l;
            continue;
          }
          // Under the headline, an ended line (`<`, `=`) is the deck when short, AP's abstract of the
          // lede when long (not kept: the lede follows); a line without an end mark starts the body
          // (a headline digest's list of headlines).
          if (l.end !== '') {
            if (out.subheadline === undefined && l.text.length <= ABSTRACT_LENGTH && !/[.!?]$/.test(l.text)) out.subheadline = l.text;
            continue;
          }
        }
      }
      phase = 'body';
      bylineOpen = false;
    }
    // Body.
    if (l.kind === 'blank') {
      flushParagraph();
      continue;
    }
    if (isRule(l.text)) {
      flush();
      continue;
    }
    if (l.kind === 'table') {
      flushParagraph();
      table.push(l);
      continue;
    }
    flushTable();
    if (l.kind === 'plain') {
      paragraph.push(l);
      continue;
    }
    flushParagraph();
    if (l.kind === 'caret' && isEditorLine(l.text)) {
      out.notes.push(l);
      continue;
    }
    if ((l.kind === 'caret' && l.end === '=') || isCapsCrosshead(l.text)) {
      out.blocks.push({ kind: 'subhead', text: l.text, line: l.line });
      continue;
    }
    paragraph.push(l);
  }
  flush();
  return out;
}

export type { BodyBlock };
