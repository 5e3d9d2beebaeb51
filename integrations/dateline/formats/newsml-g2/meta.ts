// `itemMeta` and `contentMeta` of a NewsML-G2 news item: status and signals, the headline among several,
// byline sources, subject codes with their names. Element names are matched case-insensitively, for
// feeds that capitalise them.
import type { SubjectCode, WireItem } from '../item.ts';
import { isAgency } from '../shared/byline.ts';
import { cleanField, fieldOf, markupFieldOf } from '../shared/wire-item.ts';
import { attr, children, elementsOf, type XmlElement } from '../shared/xml.ts';

const CI = { ci: true } as const;
const lower = (s: string | undefined) => (s ?? '').trim().toLowerCase();

export type G2Status = { status: WireItem['status'] } | { error: string };

/** `pubStatus` (NewsML-G2 §7.3.4): `stat:usable` (also when absent), `stat:canceled`, `stat:withheld`. */
export function pubStatus(itemMeta: XmlElement | undefined): G2Status {
  const el = children(itemMeta, 'pubStatus', CI)[0];
  if (!el) return { status: 'usable' };
  const code = lower(attr(el, 'qcode') ?? attr(el, 'literal') ?? fieldOf(el));
  const value = code.slice(code.indexOf(':') + 1);
  if (value === 'usable') return { status: 'usable' };
  if (value === 'canceled' || value === 'cancelled') return { status: 'canceled' };
  if (value === 'withheld') return { status: 'withheld' };
  return { error: `pubStatus: expected stat:usable, stat:canceled or stat:withheld, found ${JSON.stringify(code.slice(0, 40))}` };
}

/** `signal` qcodes, lower-cased (`edstat:c`, `sig:update`). */
export function signals(itemMeta: XmlElement | undefined): string[] {
  return children(itemMeta, 'signal', CI)
    .map((s) => lower(attr(s, 'qcode')))
    .filter(Boolean);
}

/** Reuters' editorial status `edStat:C` (correction) and IPTC's `sig:correction`. */
export const isCorrectionSignal = (s: string) => s === 'edstat:c' || s === 'sig:correction';
/** Reuters' `edStat:D`: the story is deleted (sent with `stat:canceled` in its kill). */
export const isDeleteSignal = (s: string) => s === 'edstat:d';

/**
 * The display name of a concept: a `name` without a role or with a display/full role, in the item's
 * language when there are several; else the `literal`.
 */
export function conceptName(el: XmlElement, language: string | undefined): string {
  const names = children(el, 'name', CI).filter((n) => fieldOf(n) !== '');
  const rank = (n: XmlElement) => {
    const role = lower(attr(n, 'role'));
    const roleRank = role === '' ? 0 : role.endsWith(':display') ? 1 : role.endsWith(':full') ? 2 : 3;
    const lang = lower(attr(n, 'lang'));
    const langRank = !language || lang === '' || lang === language.toLowerCase() || lang.split('-')[0] === language.toLowerCase().split('-')[0] ? 0 : 1;
    return roleRank * 2 + langRank;
  };
  const best = [...names].sort((a, b) => rank(a) - rank(b))[0];
  return best ? fieldOf(best) : cleanField(attr(el, 'literal'));
}

function concept(el: XmlElement, language: string | undefined): SubjectCode[] {
  const code = cleanField(attr(el, 'qcode'));
  const name = conceptName(el, language);
  const out: SubjectCode[] = [];
  if (code || name) out.push({ ...(code ? { code } : {}), ...(name ? { name } : {}) });
  // An equivalent code in another scheme (dpa's `medtop:…` sameAs `subj:15054000`) is the same subject.
  for (const same of children(el, 'sameAs', CI)) {
    const c = cleanField(attr(same, 'qcode'));
    if (c) out.push(name ? { code: c, name } : { code: c });
  }
  return out;
}

const META_CONCEPTS = new Set(['service', 'memberof']);
const CONTENT_CONCEPTS = new Set(['subject', 'genre']);

/** Service and `memberOf` (itemMeta), subject and genre (contentMeta), in document order. */
export function subjectCodes(itemMeta: XmlElement | undefined, contentMeta: XmlElement | undefined, language: string | undefined): SubjectCode[] {
  const out: SubjectCode[] = [];
  for (const e of itemMeta ? elementsOf(itemMeta) : []) if (META_CONCEPTS.has(e.name.toLowerCase())) out.push(...concept(e, language));
  for (const e of contentMeta ? elementsOf(contentMeta) : []) if (CONTENT_CONCEPTS.has(e.name.toLowerCase())) out.push(...concept(e, language));
  return out;
}

export interface Headline {
  text: string;
  line: number;
}

/**
 * The main headline: a `headline` without a role or with a main role, the lowest `rank` first (dpa
 * ranks its kicker 3); the subheadline: one whose role names a subheadline (`hld:subHeadline`).
 */
export function headlines(contentMeta: XmlElement | undefined): { main?: Headline; sub?: string } {
  const all = children(contentMeta, 'headline', CI)
    .map((el) => ({ el, role: lower(attr(el, 'role')), rank: Number(attr(el, 'rank') ?? NaN), text: markupFieldOf(el) }))
    .filter((h) => h.text !== '');
  const isSub = (role: string) => /sub/.test(role);
  const mains = all.filter((h) => !isSub(h.role) && (h.role === '' || /main/.test(h.role)));
  const byRank = [...mains].sort((a, b) => (Number.isNaN(a.rank) ? 1e9 : a.rank) - (Number.isNaN(b.rank) ? 1e9 : b.rank));
  const main = byRank[0] ?? all.find((h) => !isSub(h.role));
  const sub = all.find((h) => isSub(h.role));
  return { ...(main ? { main: { text: main.text, line: main.el.line } } : {}), ...(sub && sub.text !== main?.text ? { sub: sub.text } : {}) };
}

/**
 * A creator's name as a byline part, or undefined when it is a staff login (dpa's `tholl.gregor`) or a
 * desk code (ANSA's `VRG`) rather than a name readers know.
 */
function creatorName(el: XmlElement, language: string | undefined): string | undefined {
  const name = conceptName(el, language);
  if (name === '') return undefined;
  if (/^[a-z][a-z0-9_-]*(?:\.[a-z][a-z0-9_-]*)+$/.test(name)) return undefined;
  if (/^[A-Z0-9]{1,4}$/.test(name) && !isAgency(name)) return undefined;
  return name;
}

/**
 * The byline from metadata: `contentMeta/by` (the byline as printed, G2 2.x), else the creators; else
 * the credit line when it names an agency (`dpa`).
 */
export function metadataByline(contentMeta: XmlElement | undefined, language: string | undefined, nitfByline: string | undefined): string {
  const by = markupFieldOf(children(contentMeta, 'by', CI)[0]);
  if (by) return by;
  if (nitfByline) return nitfByline;
  const creators = children(contentMeta, 'creator', CI)
    .map((c) => creatorName(c, language))
    .filter((n): n is string => n !== undefined);
  if (creators.length) return creators.join(' | ');
  const credit = fieldOf(children(contentMeta, 'creditline', CI)[0]);
  return credit && isAgency(credit) ? credit : '';
}
