// The printed dateline that opens the first paragraph of an agency story, in the form wire agencies
// use: a place (with its region or a date), the agency in brackets, then a dash:
// `GROSSETO, Italy (AP) --`, `ATLANTA (AP) —`, `BEIJING, Jan. 5 (Reuters) -`, `Berlin (dpa) -`.
// The agency in brackets is required: without it a capitalised opening (`Referee Zwayer:`) is text.

export interface PrintedDateline {
  /** The place as printed, region included: `GROSSETO, Italy`. */
  place: string;
  /** The whole dateline as printed: `GROSSETO, Italy (AP) --`. */
  text: string;
  /** The paragraph without it. */
  rest: string;
}

const WORD = String.raw`\p{Lu}[\p{L}'’.\-]*`;
const PLACE = String.raw`${WORD}(?:[ /]${WORD}){0,3}`;
const REGION = String.raw`(?:,\s?${WORD}(?: ${WORD}){0,2})?`;
const DATE = String.raw`(?:,?\s?\p{Lu}\p{Ll}{2,8}\.? \d{1,2}(?:, \d{4})?)?`;
const AGENCY = String.raw`\(\p{L}[\p{L}/ .&\-]{0,24}\)`;
const DATELINE = new RegExp(String.raw`^(${PLACE}${REGION})(${DATE})\s?${AGENCY}\s?(?:--|[-–—:])(?=\s|$)`, 'u');

export function findPrintedDateline(paragraph: string): PrintedDateline | undefined {
  const m = DATELINE.exec(paragraph.slice(0, 160));
  if (!m) return undefined;
  return { place: m[1]!.trim(), text: m[0].trim(), rest: paragraph.slice(m[0].length).trim() };
}
