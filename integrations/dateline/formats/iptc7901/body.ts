// The story text: paragraphs set off by blank lines, wrapped lines joined, the indent dropped. What
// follows the story is for editors, not readers, and ends the text: dpa's notebook (`# dpa NOTEBOOK`,
// `# Notebook` with `## Note to editors`, `## Internet links`, contacts), the `* * * *` rule and the
// banner `The following information is not (intended) for publication`, and the desk's sign-off
// (`dpa wsz jln npr`: the agency and its editors' initials).
import { clean, isNotForPublication, isRule, joinWrapped, type PhysicalLine } from '../shared/teletype.ts';

export interface RawParagraph {
  text: string;
  line: number;
}

export interface StoryText {
  paragraphs: RawParagraph[];
  /** The editors' part (notebook and after), for correction notes and kill reasons. */
  notes: RawParagraph[];
  /** Line of the notebook heading or banner, when there is one. */
  notesLine?: number;
}

const NOTEBOOK = /^#{1,6}\s*\S/;

export function readStoryText(lines: PhysicalLine[], sender: string | undefined): StoryText {
  const paragraphs: RawParagraph[] = [];
  const notes: RawParagraph[] = [];
  let notesLine: number | undefined;
  let current: PhysicalLine[] = [];
  const flush = () => {
    const text = joinWrapped(current.map((l) => l.text));
    if (text !== '') (notesLine === undefined ? paragraphs : notes).push({ text, line: current[0]!.line });
    current = [];
  };
  for (const l of lines) {
    const t = clean(l.text);
    if (notesLine === undefined && (NOTEBOOK.test(t) || isNotForPublication(t) || (isRule(t) && t.startsWith('*')))) {
      flush();
      notesLine = l.line;
    }
    if (notesLine !== undefined) {
      if (t !== '' && !isRule(t)) notes.push({ text: t.replace(/^[#\-*\s]+/, ''), line: l.line });
      continue;
    }
    if (t === '' || isRule(t)) flush();
    else current.push(l);
  }
  flush();
  // The sign-off closes the copy when no notebook came before it.
  const last = paragraphs[paragraphs.length - 1];
  if (last && isSignOff(last.text, sender)) notes.push(paragraphs.pop()!);
  return notesLine === undefined ? { paragraphs, notes } : { paragraphs, notes, notesLine };
}

/** `dpa wsz jln npr`: the agency's name, then two to four letter initials. */
export function isSignOff(text: string, sender: string | undefined): boolean {
  const m = /^([A-Za-z][A-Za-z-]{1,11})((?: [a-z]{2,4}){1,8})$/.exec(text.trim());
  if (!m) return false;
  const agency = m[1]!.toLowerCase();
  return agency === 'dpa' || (sender !== undefined && agency === sender.toLowerCase().split('-')[0]);
}
