// The byline: `byline` (ninjs 1), `by` (ninjs 2/3), AP Media API `bylines[].by`, and, only when none
// of those is given, the names of superdesk's `authors[]` (editors left out: they are not bylined).
// `bylineText` is the byline as the item gives it. Its parts come from shared/byline.ts, with two
// readings of ninjs bylines: a trailing agency after a comma or slash is its own part (`Von Christian
// Hollmann, dpa` → Christian Hollmann, dpa), and a part that names the item's own copyright holder,
// `source` or `provider` (`NTB` by NTB) is an agency. Leading "By" words in the languages of the
// samples (By, Von, Av, Af, Par, Por, Door, Di) are not part of a name.
import type { BylinePart } from '../item.ts';
import { isAgency, parseByline } from '../shared/byline.ts';
import { elements, member, stringMember, type Located } from './positions.ts';
import { clean, inlineText } from './text.ts';

const BY_WORD = /^(?:by|von|av|af|par|por|door|di)\s+/i;

export interface BylineRead {
  text: string;
  parts: BylinePart[];
}

function bylineText(item: Located): string {
  const direct = stringMember(item, 'byline', 'by');
  if (direct) return inlineText(direct.text);
  const ap = elements(member(item, 'bylines'))
    .map((b) => inlineText(stringMember(b, 'by')?.text ?? ''))
    .filter(Boolean);
  if (ap.length) return ap.join(' | ');
  const authors = elements(member(item, 'authors'))
    .filter((a) => (stringMember(a, 'role')?.text.toLowerCase() ?? '') !== 'editor')
    .map((a) => inlineText(stringMember(a, 'name')?.text ?? ''))
    .filter(Boolean);
  return authors.join(' | ');
}

export function readByline(item: Located): BylineRead {
  const text = bylineText(item);
  const own = new Set(
    ['copyrightholder', 'copyrightHolder', 'source', 'provider']
      .map((k) => clean(stringMember(item, k)?.text ?? '').toLowerCase())
      .filter((s) => s !== '' && s.length <= 60),
  );
  const parts: BylinePart[] = [];
  for (const part of parseByline(text)) {
    const name = part.name.replace(BY_WORD, '').trim();
    const tail = /^(.+?)\s*(?:,|\/)\s*([^,/]+)$/.exec(name);
    const names = tail && (isAgency(tail[2]!) || own.has(tail[2]!.toLowerCase())) ? [tail[1]!, tail[2]!] : [name];
    for (const n of names) {
      const [classified] = parseByline(n);
      if (!classified) continue;
      parts.push(own.has(n.toLowerCase()) ? { name: n, kind: 'agency' } : classified);
    }
  }
  return { text, parts };
}
