// Datelines (D): the place a story was filed from, printed at the start of the first body paragraph.
// Only the first paragraph is looked at: a later ALL-CAPS `INDIA:` is a squad-list subhead (E).

import { monthNumber } from './published.ts';

export interface Dateline {
  /** The place, qualifier included and brackets normalised: `MIRPUR [AJK]` → `MIRPUR (AJK)`. */
  place: string;
  /** The prefix as printed (trimmed). */
  text: string;
  /** What is left of the paragraph. */
  rest: string;
}

const MONTH = String.raw`(?<![A-Za-z])[A-Za-z]{3,9}(?![A-Za-z])\.?`;
const CAPS_WORD = String.raw`[A-Z][A-Z'’.\-]*[A-Z.]|[A-Z]`;
const CAPS_PLACE = String.raw`(?:${CAPS_WORD})(?:(?: |\s?[/&]\s?|, )(?:${CAPS_WORD})){0,4}`;
const ANY_WORD = String.raw`[A-Z][A-Za-z'’.\-]{0,30}`;
const ANY_PLACE = String.raw`${ANY_WORD}(?:(?: |\s?[/&]\s?)${ANY_WORD}){0,4}`;
const QUALIFIER = String.raw`\s?[(\[][^()\[\]]{1,40}[)\]]`;

// APP wire style and its real malformed forms (D): `ISLAMABAD, Jan 1 (APP):`, `ISLAMABAD Dec 24 (APP):`,
// `ISLAMABAD, Mar 30, (APP):`, `NEW YORK, Dec 17 (APP) Minister` (no colon), `SIALKOT,June 26 (APP)::`,
// `MIRPUR (AJK): , Jan 13 (APP):`, `MIRPUR [AJK]: Nov 02 (APP):`, `DAVOS:, Jan 21 (APP):`,
// `MULTAN,Jan 01 (APP)-:`, `KOTLI, (Azad Kashmir), Feb 5 (APP):`, `OTTAWA, Canada, June 25 (APP):`,
// `ANKARA, 6 August 2021:` (no agency), `(Xinhua/APP)`, agency typos `(AAPP)`, `(APPP)`, `(app)`, `(AP)`.
const APP_DATELINE = new RegExp(
  String.raw`^(${ANY_PLACE})(?:\s?,?(${QUALIFIER}))?(?:, ([A-Z][A-Za-z]{2,20}(?: [A-Z][A-Za-z]{2,20}){0,2}))?` +
    String.raw`\s?:?\s?,?\s?(?:(${MONTH})\s?(\d{1,2})|(\d{1,2})\s(${MONTH}))(?:,?\s\d{4})?,?\s?` +
    String.raw`(\(\s?[A-Za-z][A-Za-z/]{1,15}\s?\))?((?:\s?[:\-–—]){0,8})`,
);

// brecorder / Dawn style: `BEIJING:`, `GAZA STRIP:`, `FAIRFAX (Virginia):`.
// `NAROWAL:Funeral …` (no space after the colon) is seen too.
const CAPS_DATELINE = new RegExp(String.raw`^(${CAPS_PLACE})(${QUALIFIER})?\s?:(?=\s|$|[A-Z“"‘'])`);
// Dawn's mixed case `Moscow:`: a capitalised place of up to three words, then a capital or a quote.
const MIXED_DATELINE = new RegExp(String.raw`^([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(${QUALIFIER})?:(?= [A-Z“"‘'])`);

// Urdu and Arabic copy (APP's and the Urdu papers'): `کراچی:`, `اسلام آباد:`, `لاہور (اے پی پی):`: one to three
// Arabic-script words, an optional bracketed agency or reporter (not part of the place), a colon and a
// space. Words a sentence has before a colon (`انہوں نے کہا:` "he said:") are not a place: URDU_NOT_PLACE.
const ARABIC_WORD = String.raw`(?:(?=[\p{L}\p{M}])\p{Script=Arabic})+`;
const ARABIC_DATELINE = new RegExp(String.raw`^(${ARABIC_WORD}(?: ${ARABIC_WORD}){0,2})(${QUALIFIER})?\s?:(?=\s)`, 'u');
// Urdu function words and the labels that open a paragraph with a colon (note, update, summary, …).
const URDU_NOT_PLACE = new Set(
  (
    'نے کہا کہ ہے ہیں کا کی کے میں سے پر اور تھا تھے تھی گا گی گے بتایا مطابق انہوں اس یہ وہ جو ' +
    'نوٹ خلاصہ تفصیلات اپڈیٹ سوال جواب ضروری اعلان تصحیح پس منظر قال وقال في من على إلى أن'
  ).split(' '),
);

// Words that open a paragraph with a colon but are not places.
// biome-ignore format: a word list packed by hand, many to a line (the formatter would put one a line)
const NOT_PLACES = new Set(
  [
    'update', 'updated', 'breaking', 'watch', 'live', 'note', "editor's note", 'editor’s note', 'read', 'also read',
    'read more', 'photos', 'photo', 'video', 'correction', 'disclaimer', 'background', 'context', 'caption', 'question',
    'answer', 'q', 'a', 'summary', 'highlights', 'opinion', 'analysis', 'warning', 'spoiler', 'disclosure', 'source',
    'sources', 'explainer', 'comment', 'comments', 'exclusive', 'file', 'alert', 'flash', 'urgent', 'report', 'listen',
    'episode', 'part', 'chapter', 'step', 'here', 'this', 'that', 'the', 'first', 'second', 'third', 'finally', 'today',
    'yesterday', 'tomorrow', 'why', 'what', 'how', 'who', 'when', 'where', 'interview', 'review', 'verdict', 'result',
    'results', 'score', 'scores', 'squad', 'squads', 'team', 'teams', 'key', 'tip', 'tips', 'pm', 'am', 'us',
  ].map((w) => w.toLowerCase()),
);

function normalisePlace(place: string, qualifier: string | undefined): string {
  const q = qualifier?.trim();
  return q ? `${place} (${q.slice(1, -1).trim()})` : place;
}

function split(paragraph: string, prefixLength: number, place: string, qualifier: string | undefined): Dateline {
  return {
    place: normalisePlace(place, qualifier),
    text: paragraph.slice(0, prefixLength).trim(),
    rest: paragraph.slice(prefixLength).trim(),
  };
}

/** Find and split off the dateline of a first paragraph, or undefined when it has none. */
export function findDateline(paragraph: string): Dateline | undefined {
  const head = paragraph.slice(0, 200);
  const app = APP_DATELINE.exec(head);
  if (app) {
    const [prefix, place, qualifier, country, mon1, , , mon2, agency, tail] = app;
    // Without an agency the date must end in a colon (`ANKARA, 6 August 2021:`).
    const closed = agency !== undefined || (tail ?? '').includes(':');
    if (closed && monthNumber((mon1 ?? mon2)!) !== undefined && !NOT_PLACES.has(place!.toLowerCase())) {
      const where = country ? `${place!.trim()}, ${country}` : place!.trim();
      return split(paragraph, prefix.length, where, qualifier);
    }
  }
  const caps = CAPS_DATELINE.exec(head);
  if (caps) {
    const [prefix, place, qualifier] = caps;
    const letters = place!.replace(/[^A-Z]/g, '');
    if (letters.length >= 2 && !NOT_PLACES.has(place!.toLowerCase())) {
      return split(paragraph, prefix.length, place!, qualifier);
    }
  }
  const arabic = ARABIC_DATELINE.exec(head);
  if (arabic) {
    const [prefix, place] = arabic;
    if (!place!.split(' ').some((word) => URDU_NOT_PLACE.has(word))) return split(paragraph, prefix.length, place!, undefined);
  }
  const mixed = MIXED_DATELINE.exec(head);
  if (mixed) {
    const [prefix, place, qualifier] = mixed;
    if (!NOT_PLACES.has(place!.toLowerCase())) return split(paragraph, prefix.length, place!, qualifier);
  }
  return undefined;
}
