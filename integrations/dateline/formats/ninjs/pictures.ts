// The pictures that come with a story: its picture `associations`. ninjs 1 keys associations in an
// object (`featureimage`, `mainpic`); ninjs 2 and 3 list them, each with a `name` (and in 3.x a `rel`);
// the BBC feed lists ninjs 1 objects with an `id`. Each association is a ninjs object of its own, read
// with the item's own readers where they fit:
// - which: `type` picture, image or graphic (ninjs 1.x: graphic, a logo or chart, is a picture here);
//   with no type, one whose renditions are images. Video, audio, text and composite associations are not
//   pictures. Nested associations are not read.
// - renditions: renditions.ts; a picture none of whose renditions can be read is still listed (the story
//   had one; the build reports why it is not shown).
// - lead: the association keyed, named or related as feature/main/lead (`featureimage`, `featuremedia`,
//   `mainpic`), else the first picture; it comes first. ninjs bodies do not place associations, so the
//   others are `inline` with no body block (the theme shows them after the body).
// - words: headline (`headline`, else `headlines[]`), caption (`description_text`/`description_html`,
//   else `descriptions[]` with a caption role or none), alt (`descriptions[]` role alt, superdesk's
//   `alt_text`), creator (`by`/`byline`), credit line (`creditline`/`credit`, provider extensions),
//   copyright notice and usage terms (both spellings). All as plain text: markup is gone.
// - status and embargo: the association's own `pubstatus`/`pubStatus` and `embargoed`/`embargoedUntil`,
//   read as the item's (status.ts, times.ts). One that cannot be honoured (an unknown status, an embargo
//   without a readable time) holds the picture back: `withheld`, with a warning.
// - Not read: `copyrightholder` alone (a name, not a notice), `rightsinfo` (a rights-language link),
//   `digitalsourcetype`, places and people in the picture.
import type { Diagnostic } from '../item.ts';
import { MAX_PICTURES, type WirePicture } from '../picture.ts';
import { generationOf, spellings, type Generation } from './generation.ts';
import { elements, isObject, member, stringMember, type Located } from './positions.ts';
import { entries, hasImageRendition, readRenditions } from './renditions.ts';
import { readStatus } from './status.ts';
import { clean, inlineText } from './text.ts';
import { readEmbargo } from './times.ts';

const PICTURE_TYPES = new Set(['picture', 'image', 'graphic', 'photo']);
const LEAD = /^(?:feature|main|lead)/;
const ALT_ROLE = /^(?:alt|alternative|accessib)/;
const CAPTION_ROLE = /^(?:caption|text|description|summary|)$/;

/** The last segment of a role or code, lower case (`drol:caption` → `caption`). */
const lastWord = (text: string) =>
  clean(text)
    .toLowerCase()
    .replace(/^.*[:/#]/, '');

function text(at: Located, ...names: string[]): string {
  for (const name of names) {
    const s = stringMember(at, name);
    const value = s ? inlineText(s.text) : '';
    if (value) return value;
  }
  return '';
}

function describe(at: Located): { caption: string; alt: string } {
  const list = elements(member(at, 'descriptions'))
    .map((d) => ({ role: lastWord(stringMember(d, 'role')?.text ?? ''), value: inlineText(stringMember(d, 'value')?.text ?? '') }))
    .filter((d) => d.value !== '');
  const alt = list.find((d) => ALT_ROLE.test(d.role))?.value || text(at, 'alt_text', 'altText', 'description_alt');
  const caption =
    text(at, 'description_caption', 'description_text', 'description_html') ||
    (list.find((d) => d.role === 'caption') ?? list.find((d) => CAPTION_ROLE.test(d.role)))?.value ||
    '';
  return { caption, alt };
}

function headlineOf(at: Located): string {
  const own = text(at, 'headline');
  if (own) return own;
  const list = elements(member(at, 'headlines')).map((h) => ({
    role: lastWord(stringMember(h, 'role')?.text ?? ''),
    value: inlineText(stringMember(h, 'value')?.text ?? ''),
  }));
  return (list.find((h) => h.value && (h.role === 'main' || h.role === '')) ?? list.find((h) => h.value))?.value ?? '';
}

/** Whether an association is a picture, by its type or, without one, by its renditions. */
function isPicture(at: Located): boolean {
  if (!isObject(at.value)) return false;
  const type = lastWord(stringMember(at, 'type')?.text ?? '');
  return type === '' ? hasImageRendition(at) : PICTURE_TYPES.has(type);
}

/** Names an association goes by, for finding the lead: its key, `name`, `rel`, `id` or `role`. */
function namesOf(at: Located, key: string | undefined): string[] {
  const own = ['name', 'rel', 'id', 'role'].map((n) => stringMember(at, n)?.text ?? '');
  return [key ?? '', ...own].map(lastWord).filter(Boolean);
}

function readPicture(at: Located, zone: string, warnings: Diagnostic[]): WirePicture {
  const generation: Generation = generationOf(at);
  const { renditions, poi } = readRenditions(at, warnings);
  const picture: WirePicture = { line: at.line, role: 'inline', renditions, status: 'usable' };
  const id = text(at, 'uri', 'guid');
  if (id) picture.id = id;
  const headline = headlineOf(at);
  if (headline) picture.headline = headline;
  const { caption, alt } = describe(at);
  if (caption) picture.caption = caption;
  if (alt) picture.alt = alt;
  const creator = text(at, ...spellings(generation, 'byline', 'by'), 'by', 'byline');
  if (creator) picture.creator = creator;
  const credit = text(at, 'creditline', 'creditLine', 'credit');
  if (credit) picture.creditLine = credit;
  const copyright = text(at, ...spellings(generation, 'copyrightnotice', 'copyrightNotice'));
  if (copyright) picture.copyright = copyright;
  const usage = text(at, ...spellings(generation, 'usageterms', 'usageTerms'));
  if (usage) picture.usageTerms = usage;
  if (poi) picture.poi = poi;

  const status = readStatus(at, generation);
  if (!status.ok) {
    picture.status = 'withheld';
    warnings.push({ line: status.error.line, message: `picture held back (withheld): ${status.error.message}` });
  } else picture.status = status.status;
  const embargo = readEmbargo(at, zone, generation, warnings);
  if (embargo.found && 'iso' in embargo) picture.embargoedUntil = embargo.iso;
  else if (embargo.found) {
    picture.status = picture.status === 'usable' ? 'withheld' : picture.status;
    warnings.push({ line: embargo.error.line, message: `picture held back (withheld): its embargo cannot be read: ${embargo.error.message}` });
  } else if (status.ok && status.embargoedByStatus && picture.status === 'usable') {
    picture.status = 'withheld';
    warnings.push({ line: at.line, message: 'picture held back (withheld): its status is "embargoed" but it gives no "embargoed" time' });
  }
  return picture;
}

/** The item's pictures, the lead first; undefined when it has none. */
export function readPictures(item: Located, zone: string, warnings: Diagnostic[]): WirePicture[] | undefined {
  const found = entries(member(item, 'associations')).filter((e) => isPicture(e.at));
  if (found.length === 0) return undefined;
  if (found.length > MAX_PICTURES) {
    warnings.push({ line: found[MAX_PICTURES]!.at.line, message: `${found.length} picture associations: only the first ${MAX_PICTURES} are read` });
  }
  const kept = found.slice(0, MAX_PICTURES);
  const leadAt = Math.max(
    0,
    kept.findIndex((e) => namesOf(e.at, e.key).some((n) => LEAD.test(n))),
  );
  const ordered = [kept[leadAt]!, ...kept.filter((_, i) => i !== leadAt)];
  return ordered.map((e, i) => ({ ...readPicture(e.at, zone, warnings), role: i === 0 ? 'lead' : 'inline' }));
}
