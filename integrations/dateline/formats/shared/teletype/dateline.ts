// The teletype dateline opens the first paragraph: the place, the sender in brackets and a dash,
// `ATLANTA (AP) _ …` (AP; the `_` is already a dash here), `BUENOS AIRES, Argentina (AP) _`,
// `Berlin (dpa) - …`, `San Diego (tca/dpa) - …` (a partner's story through dpa).

export interface TeletypeDateline {
  /** The place as printed, state or country included (`CHATHAM, Mass.`). */
  place: string;
  /** The sender in the brackets (`AP`, `tca/dpa`). */
  agency: string;
  /** The printed dateline (`ATLANTA (AP) —`). */
  text: string;
  /** The paragraph without it. */
  rest: string;
}

const WORD = String.raw`\p{Lu}[\p{L}\p{M}.'’\-]*`;
const PLACE = String.raw`${WORD}(?: (?:${WORD}|de|del|da|do|am|an|upon|on|la|le|el|al|of|the)){0,5}`;
const DATELINE = new RegExp(String.raw`^(${PLACE}(?:, ${PLACE}){0,2})\s?\(([\p{L}][\p{L}/ &.\-]{0,24})\)\s?(?:([—–:\-])\s?)?`, 'u');

export function findTeletypeDateline(paragraph: string): TeletypeDateline | undefined {
  const m = DATELINE.exec(paragraph.slice(0, 200));
  if (!m) return undefined;
  const [prefix, place, agency, dash] = m;
  const rest = paragraph.slice(prefix.length).trim();
  // Without a dash the bracket must be an agency's short name (`(AP)`), not a parenthesis of the story.
  if (!dash && !/^[A-Za-z/]{2,12}$/.test(agency!)) return undefined;
  if (rest === '' && !dash) return undefined;
  return { place: place!.trim(), agency: agency!.trim(), text: prefix.trim(), rest };
}
