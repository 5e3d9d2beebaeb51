// The ANPA 1312 message header (NAA/ANPA Bulletin 1312, "Highspeed Wire Service Transmission
// Guidelines"), as AP sends it:
//   SYN SYN SOH `z6715` US `-----`     service-level letter, message number, US, selector codes
//   `r z` DC3 DC1 ` BC-BKN--Heat-Hawks 1stLd-Writethru   02-20 0500`
//    priority (f flash, b bulletin, u urgent, r regular, …), category (AP: a domestic, i international,
//    f financial, s sports, e entertainment, l lifestyle, …), the two-character format identifier
//    (DC3/DC4 then DC1/DC2: a DC2 second code marks tabular matter, agate tables), the keyword as the
//    header carries it (cut to 24 characters, with the version: `1stLd-Writethru`), the date (MM-DD,
//    the sender's day) and a word count.
import { DC2 } from '../shared/teletype.ts';

export interface AnpaHeader {
  serviceLevel?: string;
  number?: string;
  priority?: string;
  category?: string;
  tabular: boolean;
  /** The header's keyword with its version tail (`BC-BKN--Heat-Hawks 1stLd-Writethru`). */
  keyword?: string;
  month?: number;
  day?: number;
}

const FIRST = /^[\x16\s]*\x01?([A-Za-z])(\d{4})(?:\x1f|\s|$)/;
const SECOND = /^([A-Za-z]) ([A-Za-z])([\x11-\x14]{0,2}) ?(.*?)\s+(\d{1,2})-(\d{1,2})(?:\s+(\d{1,5}))?\s*$/;

/** The header from the lines between SOH and STX (raw, controls still in). */
export function parseHeader(lines: string[]): { header: AnpaHeader; found: boolean } {
  const header: AnpaHeader = { tabular: false };
  let found = false;
  const first = FIRST.exec(lines[0] ?? '');
  if (first) {
    header.serviceLevel = first[1]!;
    header.number = first[2]!;
    found = true;
  }
  for (const raw of lines) {
    const line = raw.replace(/[\x00-\x10\x15-\x1f\x7f]/g, '');
    const m = SECOND.exec(line);
    if (!m) continue;
    header.priority = m[1]!.toLowerCase();
    header.category = m[2]!.toLowerCase();
    header.tabular = m[3]!.includes(DC2);
    const keyword = m[4]!.trim();
    if (keyword !== '') header.keyword = keyword;
    header.month = Number(m[5]);
    header.day = Number(m[6]);
    found = true;
    break;
  }
  return { header, found };
}

/** Names of AP's widely used category codes; other codes are kept as codes. */
export const CATEGORY_NAMES: Record<string, string> = {
  a: 'Domestic news',
  e: 'Entertainment',
  f: 'Financial',
  i: 'International news',
  l: 'Lifestyle',
  s: 'Sports',
  w: 'Washington',
};
