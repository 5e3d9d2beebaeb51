// What a NITF document says about its story in `body.head` (and `head/title`): headline, subheadline,
// byline and dateline. Shared with NewsML-G2 and NewsML 1.2, which carry NITF inside them and fall back
// on it when their own metadata lacks a field.
import { cleanField, markupFieldOf } from '../shared/wire-item.ts';
import { isInitialsSignOff } from '../shared/story-text.ts';
import { child, children, path, type XmlElement } from '../shared/xml.ts';
import { textWithout } from './body.ts';

export interface NitfStoryHead {
  headline?: { text: string; line: number };
  /** `hedline/hl2`, when it says more than the headline. */
  subheadline?: string;
  /** The byline as printed, without the writer's title (`byttl`): `By BERNARD CONDON`. */
  byline?: string;
  /** The dateline's place: `dateline/location` (`Newport News, VA`), or the dateline's text (`Oslo`). */
  dateline?: string;
}

const BYTTL = new Set(['byttl']);
/** Text joined from elements (`<city>Newport News</city>, <state>VA</state>`) without a space before punctuation. */
const tidy = (text: string) => text.replace(/\s+([,.;:])/g, '$1');
const NOT_PLACE = new Set(['story.date']);

/** A NITF byline as written, without `byttl`; editors' initials (EFE's `gr/bp`) are not a byline. */
export function nitfBylineText(byline: XmlElement): string | undefined {
  const text = tidy(cleanField(textWithout(byline, BYTTL))).replace(/[\s,;:–—-]+$/u, '');
  if (text === '' || /^by$/i.test(text) || isInitialsSignOff(text)) return undefined;
  return text.replace(/^(By)(?=\p{Lu})/u, '$1 ');
}

/** The place in a NITF `dateline`: its `location`, else its own text (not `story.date`). */
export function nitfDatelinePlace(dateline: XmlElement | undefined): string | undefined {
  if (!dateline) return undefined;
  const location = child(dateline, 'location');
  const text = tidy(cleanField(location ? textWithout(location, NOT_PLACE) : textWithout(dateline, NOT_PLACE))).replace(/^[,\s]+|[,\s]+$/g, '');
  return text === '' ? undefined : text;
}

/** `el` is a `nitf` element (or its `body`). */
export function readNitfStoryHead(el: XmlElement): NitfStoryHead {
  const nitf = el.name === 'nitf' ? el : undefined;
  const bodyHead = path(nitf ? child(nitf, 'body') : el, 'body.head');
  // AP's NITF in NewsML-G2 names the headline block `headline` rather than NITF's `hedline`.
  const hedline = child(bodyHead, 'hedline') ?? child(bodyHead, 'headline');
  const out: NitfStoryHead = {};
  const hl1 = child(hedline, 'hl1');
  const hl1Text = markupFieldOf(hl1);
  if (hl1 && hl1Text) out.headline = { text: hl1Text, line: hl1.line };
  else {
    const title = path(nitf, 'head', 'title');
    const text = markupFieldOf(title);
    if (title && text) out.headline = { text, line: title.line };
  }
  const hl2 = markupFieldOf(child(hedline, 'hl2'));
  if (hl2 && hl2.toLowerCase() !== out.headline?.text.toLowerCase()) out.subheadline = hl2;
  const bylines = children(bodyHead, 'byline')
    .map(nitfBylineText)
    .filter((b): b is string => b !== undefined);
  if (bylines.length) out.byline = bylines.join(' | ');
  const place = nitfDatelinePlace(child(bodyHead, 'dateline'));
  if (place) out.dateline = place;
  return out;
}
