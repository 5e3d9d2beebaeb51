// Subject, genre and service codes, qualified the way NewsML-G2 writes them, so one section map serves
// every format:
//  - an IPTC vocabulary named by `uri` (ninjs 2/3) or `scheme` + `code` (ninjs 1):
//    `http://cv.iptc.org/newscodes/mediatopic/20000349` → `medtop:20000349`, `…/subjectcode/…` → `subj:…`,
//    `…/genre/Actuality` → `genre:Actuality`;
//  - a bare eight-digit code without a scheme (superdesk's `"code": "01000000"`, NTB's `literal`): the
//    eight-digit form is the IPTC Subject Code's (`subj:`), which superdesk's `subject` vocabulary is;
//    codes from 20000000 up exist only in Media Topics, so those are `medtop:`;
//  - AP Media API `subject` entries with the `category` relation are AP's category codes, the ANPA
//    category letters (`s` → `anpa:s`); superdesk's `service` is its `anpa_category` field → `anpa:m`;
//  - anything else is a provider code, kept as written (`category:planning-permission`, TT's `INR`,
//    AP's concept ids); with no code at all, a non-IPTC `uri` is the code.
// Places, people, organisations and events are not subjects here.
import type { SubjectCode } from '../item.ts';
import { elements, isObject, member, stringMember, type Located } from './positions.ts';
import { clean, inlineText } from './text.ts';

const IPTC_SCHEMES: [RegExp, string][] = [
  [/^https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/?$/i, 'medtop'],
  [/^https?:\/\/cv\.iptc\.org\/newscodes\/subjectcode\/?$/i, 'subj'],
  [/^https?:\/\/cv\.iptc\.org\/newscodes\/genre\/?$/i, 'genre'],
];

/** `http://cv.iptc.org/newscodes/mediatopic/20000349` → `medtop:20000349`. */
function qualifyIptcUri(uri: string): string | undefined {
  const m = /^(https?:\/\/cv\.iptc\.org\/newscodes\/[a-z]+\/?)([^/?#]+)$/i.exec(uri.trim());
  if (!m) return undefined;
  const prefix = IPTC_SCHEMES.find(([re]) => re.test(m[1]!))?.[1];
  return prefix ? `${prefix}:${m[2]}` : undefined;
}

function qualifyBare(code: string): string {
  if (/^\d{8}$/.test(code)) return `${Number(code.slice(0, 2)) >= 20 ? 'medtop' : 'subj'}:${code}`;
  return code;
}

function readEntry(e: Located, kind: 'subject' | 'genre' | 'service'): SubjectCode | undefined {
  if (typeof e.value === 'string') {
    const code = clean(e.value);
    return code ? { code: kind === 'service' ? `anpa:${code}` : qualifyBare(code) } : undefined;
  }
  if (!isObject(e.value)) return undefined;
  const name = inlineText(stringMember(e, 'name')?.text ?? '');
  const uri = clean(stringMember(e, 'uri')?.text ?? '');
  const scheme = clean(stringMember(e, 'scheme')?.text ?? '');
  const raw = clean(stringMember(e, 'code', 'qcode', 'literal')?.text ?? '');
  let code: string | undefined;
  if (uri) code = qualifyIptcUri(uri);
  if (!code && scheme && raw) code = qualifyIptcUri(`${scheme.replace(/\/?$/, '/')}${raw}`);
  if (!code && raw) {
    const rels = [...elements(member(e, 'rels')).map((r) => r.value), stringMember(e, 'rel')?.text].filter((r) => typeof r === 'string');
    if (kind === 'service' || (rels.some((r) => clean(r as string).toLowerCase() === 'category') && /^[a-z]{1,2}$/i.test(raw))) code = `anpa:${raw}`;
    else code = qualifyBare(raw);
  }
  if (!code && uri) code = uri;
  if (!code && !name) return undefined;
  const subject: SubjectCode = {};
  if (code) subject.code = code;
  if (name) subject.name = name;
  return subject;
}

/** Every subject, genre and service entry, in the item's order of fields and entries. */
export function readSubjects(item: Located): SubjectCode[] {
  const out: SubjectCode[] = [];
  const fields: [string, 'subject' | 'genre' | 'service'][] = [
    ['subject', 'subject'],
    ['subjects', 'subject'],
    ['genre', 'genre'],
    ['genres', 'genre'],
    ['service', 'service'],
  ];
  const seen = new Set<string>();
  for (const [field, kind] of fields) {
    const list = member(item, field);
    const entries = list && isObject(list.value) ? [list] : elements(list);
    for (const e of entries) {
      const s = readEntry(e, kind);
      if (!s) continue;
      const key = `${s.code ?? ''}\u0000${s.name ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(s);
    }
  }
  return out;
}
