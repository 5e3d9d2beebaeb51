// The slug line, first after STX: `BC-BKN--Heat-Hawks, 1st Ld-Writethru,416`: the keyword (cycle
// `BC-`/`AM-`/`PM-` and AP's `AP-` in front, the AP category `BKN` and the story words after `--`),
// then version and handling marks, then the word count. The key that groups a story's versions is the
// keyword without the cycle, without a trailing mark (`-Correction`, `-Kill`) and without spaces:
// AP writes `Giant Lobster Death` in the slug line and `GiantLobsterDeath` in the header.
import { noMarks, readSlugMarks, type Marks } from '../shared/teletype.ts';

export interface Slug {
  /** The keyword as written, cycle removed (`BKN--Heat-Hawks`). */
  keyword: string;
  /** The grouping form (`BKN--Heat-Hawks`, `US--GiantLobsterDeath`). */
  key: string;
  marks: Marks;
  wordCount?: number;
}

const CYCLE = /^(?:BC|AM|PM|AP)-/i;
const TRAILING_MARK =
  /-(?:Correction|Corrections|Corrected|Kill|KILL|Elimination|ELIMINATION|Withdrawal|WITHDRAWAL|Advisory|\d{1,3}(?:st|nd|rd|th)\s?Ld(?:-Writethru)?|Writethru|Ld-Writethru)$/i;

/** Whether a header line is a slug line (`BC-…`, `AP-Top-…`), not a headline. */
export function isSlugLine(text: string): boolean {
  return /^[A-Za-z]{2}-\S/.test(text) && !/\s\S+\s\S+\s\S+\s\S+/.test(text.split(',')[0]!);
}

const ADVISORY_KEYWORD =
  /^(?:[A-Za-z]{2,4}--)?(?:(?:AP|Sports|Spt|Fin|Business|Biz|Ent|Lifestyle|World|Intl|US|Wash|Top|Weekend)-)?(?:Advisory|Advisories|Budget|Budgets|Sked|Daybook|Digest|Lineup)(?:-(?:AM|PM|Update|Updates|Advisory|\d{1,3}))?$/i;
const CORRECTION_SUFFIX = /-(?:Correction|Corrections|Corrected)$/i;
const KILL_SUFFIX = /-(?:Kill|Elimination)$/i;
const WITHDRAW_SUFFIX = /-Withdrawal$/i;

/** Marks the keyword itself carries: only a trailing mark, or a keyword that names an advisory or budget. */
function keywordMarks(keyword: string, marks: Marks): void {
  const k = keyword.replace(/\s+/g, '');
  if (ADVISORY_KEYWORD.test(k)) marks.advisory = true;
  let rest = k;
  for (let i = 0; i < 3 && TRAILING_MARK.test(rest); i++) {
    const tail = TRAILING_MARK.exec(rest)![0];
    if (CORRECTION_SUFFIX.test(tail)) marks.correction = true;
    else if (KILL_SUFFIX.test(tail)) marks.status = 'canceled';
    else if (WITHDRAW_SUFFIX.test(tail)) marks.status ??= 'withheld';
    else if (/advisory/i.test(tail)) marks.advisory = true;
    else readSlugMarks(tail, marks);
    rest = rest.slice(0, rest.length - tail.length);
  }
}

function keyOf(keyword: string): string {
  let k = keyword.replace(/\s+/g, '');
  for (let i = 0; i < 3 && TRAILING_MARK.test(k); i++) k = k.replace(TRAILING_MARK, '');
  return k;
}

export function parseSlugLine(text: string): Slug {
  const fields = text
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  const marks = noMarks();
  let wordCount: number | undefined;
  if (fields.length > 1 && /^\d{1,5}$/.test(fields[fields.length - 1]!)) wordCount = Number(fields.pop());
  const keyword = (fields.shift() ?? '').replace(CYCLE, '');
  keywordMarks(keyword, marks);
  for (const f of fields) readSlugMarks(f, marks);
  const slug: Slug = { keyword, key: keyOf(keyword), marks };
  if (wordCount !== undefined) slug.wordCount = wordCount;
  return slug;
}

/** The slug from the header's keyword (`BC-BKN--Heat-Hawks 1stLd-Writethru`) when there is no slug line. */
export function slugFromHeaderKeyword(keyword: string): Slug {
  const [word = '', ...tail] = keyword.split(/\s+/);
  const marks = noMarks();
  for (const t of tail) readSlugMarks(t.replace(/(\d)(st|nd|rd|th)(?=Ld)/i, '$1$2 '), marks);
  const k = word.replace(CYCLE, '');
  keywordMarks(k, marks);
  return { keyword: k, key: keyOf(k), marks };
}

/** Marks in the header keyword's tail (`1stLd-Writethru`), to add to the slug line's. */
export function headerMarks(keyword: string, into: Marks): Marks {
  for (const t of keyword.split(/\s+/).slice(1)) readSlugMarks(t.replace(/(\d)(st|nd|rd|th)(?=Ld)/i, '$1$2 '), into);
  return into;
}
