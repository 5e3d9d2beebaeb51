// Version and handling marks that travel with a teletype story: in ANPA's slug line
// (`BC-BKN--Heat-Hawks, 1st Ld-Writethru,416`), in its header keyword (`1stLd-Writethru`), in editor
// lines (`Eds: CORRECTS spelling of …`), and in IPTC 7901's headline block (dpa's `1ST LEAD`, `REFILE`).
//
// - A lead or writethru number is the version: `2nd Ld-Writethru` is 2, `1ST LEAD` is 1; a `Writethru`
//   or `LEAD` without a number is 1; a story without a mark is 0.
// - `Correction`, `CORRECTS`, `CORRECTED`, `Corrective` mark a correction.
// - `KILL` and `ELIMINATION` kill the story (status `canceled`); `WITHDRAWAL`/`WITHDRAWN` withdraw it
//   (`withheld`). Both must make the story disappear.
// - `Advisory`, `Budget`, `Digest`, `Sked`, `Daybook`, `Lineup` in a slug are messages to editors about
//   the news, not news.
// Editor lines are prose, so they are read more strictly than slugs: a story that quotes a withdrawn
// bill is not a withdrawal. There only capitals (`KILL`, `CORRECTS`) or an opening word count.

export interface Marks {
  version?: number;
  correction: boolean;
  status?: 'canceled' | 'withheld';
  advisory: boolean;
  refile: boolean;
}

export function noMarks(): Marks {
  return { correction: false, advisory: false, refile: false };
}

const NUMBERED = /\b(\d{1,3})\s?(?:st|nd|rd|th)\s?(?:Ld|Lead|Writethru|Write-thru|Writethrough)\b/i;
const UNNUMBERED = /\b(?:Writethru|Write-thru|Writethrough|Ld)\b|^\s*(?:NEW\s+)?LEAD\s*$/i;
const SLUG_CORRECTION = /\b(?:Correction|Corrections|Corrects|Corrected|Corrective|Berichtigung)\b/i;
const SLUG_KILL = /\b(?:KILL|Kill|Killed|ELIMINATION|Elimination|Löschung|Loeschung)\b/;
const SLUG_WITHDRAW = /\b(?:WITHDRAWAL|Withdrawal|WITHDRAWN|Withdrawn|Withhold)\b/;
const SLUG_ADVISORY = /\b(?:Advisory|Advisories|Budget|Budgets|Digest|Sked|Daybook|Lineup|Planner|Vorschau|Terminvorschau)\b/i;
const REFILE = /\b(?:REFILE|Refile|REPEAT|Repeat|RPT|Retransmission)\b/;

const NOTE_OPENING = String.raw`^(?:\(?\s*(?:Eds|Editors?|Ed\. ?Note|EDITOR'S NOTE|Editor's note|Note to editors)\s*[:_—-]*\s*)?`;
const NOTE_CORRECTION = new RegExp(
  String.raw`\b(?:CORRECTS|CORRECTED|CORRECTION|CORRECTIVE)\b|${NOTE_OPENING}(?:Corrects|Corrected|Correction|Corrective|Berichtigung)\b`,
  'u',
);
const NOTE_KILL = new RegExp(String.raw`${NOTE_OPENING}(?:Kill|Elimination)\b|\bthis (?:story|item|report) (?:is|has been) (?:killed|eliminated)\b`, 'iu');
const NOTE_KILL_CAPS = /\b(?:KILL|ELIMINATION)\b/;
const NOTE_WITHDRAW = new RegExp(
  String.raw`\b(?:WITHDRAWAL|WITHDRAWN)\b|${NOTE_OPENING}(?:Withdrawal|Withdrawn)\b|\bthis (?:story|item|report) (?:is|has been) withdrawn\b`,
  'u',
);

/** Version from a lead/writethru mark, if the text has one. */
export function readVersion(text: string): number | undefined {
  const numbered = NUMBERED.exec(text);
  if (numbered) {
    const n = Number(numbered[1]);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return UNNUMBERED.test(text) ? 1 : undefined;
}

function addVersion(into: Marks, version: number | undefined): void {
  if (version !== undefined) into.version = Math.max(into.version ?? 0, version);
}

/** Marks of a slug field, a header keyword or a mark line of the headline block. */
export function readSlugMarks(text: string, into: Marks = noMarks()): Marks {
  addVersion(into, readVersion(text));
  if (SLUG_CORRECTION.test(text)) into.correction = true;
  if (SLUG_KILL.test(text)) into.status = 'canceled';
  else if (SLUG_WITHDRAW.test(text) && into.status === undefined) into.status = 'withheld';
  if (SLUG_ADVISORY.test(text)) into.advisory = true;
  if (REFILE.test(text)) into.refile = true;
  return into;
}

/** Marks of an editor line (`Eds: …`, a dpa note to editors): corrections, kills and withdrawals only. */
export function readNoteMarks(text: string, into: Marks = noMarks()): Marks {
  if (NOTE_CORRECTION.test(text)) into.correction = true;
  // The case-insensitive form needs the opening word or a whole clause; capitals anywhere count.
  if (NOTE_KILL_CAPS.test(text) || NOTE_KILL.test(text)) into.status = 'canceled';
  else if (NOTE_WITHDRAW.test(text) && into.status === undefined) into.status = 'withheld';
  return into;
}

/**
 * A line of the headline block that is only a handling mark (dpa: `1ST LEAD`, `REFILE`, `EXTRA`,
 * `(Achtung)`, `URGENT`, `CORRECTION`, `KILL`), never part of the headline.
 */
export function isMarkLine(text: string): boolean {
  const t = text.trim();
  if (/^\((?:Achtung|Attention|Note|Hinweis|Eds|Corrected|Correction|Refile)\)$/i.test(t)) return true;
  if (t !== t.toUpperCase()) return false;
  return /^(?:(?:\d{1,3}\s?(?:ST|ND|RD|TH)\s+)?(?:NEW\s+)?(?:LEAD|WRITETHRU)|REFILE|REPEAT|EXTRA|URGENT|FLASH|BULLETIN|EIL|EILMELDUNG|ACHTUNG|ATTENTION|CORRECTION|CORRECTED|CORRECTS|BERICHTIGUNG|KILL|ELIMINATION|WITHDRAWAL|WITHDRAWN|ADVISORY|UPDATE|UPDATED|SUMMARY|ZUSAMMENFASSUNG)(?:\s*[-:]?\s*\d{1,3})?$/.test(
    t,
  );
}

/** What follows the correction word of an editor line: `Eds: CORRECTS spelling of Smith.` → `Corrects spelling of Smith.` */
export function correctionNote(text: string): string | undefined {
  const m = /\b(CORRECTS|Corrects|CORRECTED|Corrected|CORRECTION|Correction|corrects)\b[:\s_—-]*(.{3,300})$/.exec(text);
  if (!m) return undefined;
  const rest = m[2]!
    .trim()
    .replace(/[<=]+$/, '')
    .trim();
  if (rest === '') return undefined;
  const word = m[1]!.toLowerCase();
  // `CORRECTS spelling …` reads as a sentence with its verb; `Correction: the minister …` is the note itself.
  return word === 'correction' ? rest.charAt(0).toUpperCase() + rest.slice(1) : `${word.charAt(0).toUpperCase()}${word.slice(1)} ${rest}`;
}
