// NITF `head`: who the document is (`docdata/doc-id`, `du-key`), its status (`management-status`),
// its times (`date.issue`, `date.release`, `pubdata`) and its subject codes (`tobject.subject`, `meta`).
import type { ItemIdentity, SubjectCode, WireItem } from '../item.ts';
import { cleanField } from '../shared/wire-item.ts';
import { attr, child, children, textOf, type XmlElement } from '../shared/xml.ts';

/** The story's identity from `docdata`. `fallback` keys a document that has no `doc-id id-string`. */
export function nitfIdentity(docdata: XmlElement | undefined, fallback: () => string): ItemIdentity {
  const docId = cleanField(attr(child(docdata, 'doc-id'), 'id-string'));
  const duKey = child(docdata, 'du-key');
  const key = cleanField(attr(duKey, 'key'));
  const versionText = attr(duKey, 'version')?.trim() ?? '';
  const version = /^\d{1,15}$/.test(versionText) ? Number(versionText) : undefined;
  const withVersion = (k: string): ItemIdentity => (version === undefined ? { key: k } : { key: k, version });
  // A document that updates or cancels another names it (`management-doc-idref`): it is that story.
  const idref = cleanField(attr(docdata, 'management-doc-idref'));
  if (idref) return withVersion(`id:${idref}`);
  // NTB numbers each transmission onto the story's key (`<du-key key>_47`): the du-key is the story.
  if (docId && key && key.length >= 8 && new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[_.:-]\\d+$`).test(docId)) {
    return withVersion(`id:${key}`);
  }
  if (docId) return withVersion(`id:${docId}`);
  return withVersion(fallback());
}

export type NitfStatus = { status: WireItem['status']; embargoed: boolean } | { error: string };

/** `docdata management-status` (NITF 3.x: usable, embargoed, withheld, canceled); absent means usable. */
export function nitfStatus(docdata: XmlElement | undefined): NitfStatus {
  const raw = attr(docdata, 'management-status');
  const value = (raw ?? 'usable').trim().toLowerCase();
  if (value === '' || value === 'usable') return { status: 'usable', embargoed: false };
  if (value === 'embargoed') return { status: 'usable', embargoed: true };
  if (value === 'withheld') return { status: 'withheld', embargoed: false };
  if (value === 'canceled' || value === 'cancelled') return { status: 'canceled', embargoed: false };
  return { error: `docdata management-status: expected usable, embargoed, withheld or canceled, found ${JSON.stringify(cleanField(raw).slice(0, 40))}` };
}

/** `tobject.subject` codes: IPTC subject reference numbers as `subj:…`, other registries under their own name. */
export function nitfSubjects(head: XmlElement | undefined): SubjectCode[] {
  const out: SubjectCode[] = [];
  for (const tobject of children(head, 'tobject')) {
    const type = cleanField(attr(tobject, 'tobject.type'));
    if (type) out.push({ code: `tobject.type:${type}`, name: type });
    for (const property of children(tobject, 'tobject.property')) {
      const p = cleanField(attr(property, 'tobject.property.type'));
      if (p) out.push({ code: `tobject.property:${p}`, name: p });
    }
    for (const subject of children(tobject, 'tobject.subject')) {
      const refnum = cleanField(attr(subject, 'tobject.subject.refnum'));
      const ipr = cleanField(attr(subject, 'tobject.subject.ipr'));
      const name =
        cleanField(attr(subject, 'tobject.subject.detail')) ||
        cleanField(attr(subject, 'tobject.subject.matter')) ||
        cleanField(attr(subject, 'tobject.subject.type'));
      const scheme = ipr === '' || ipr.toUpperCase() === 'IPTC' ? 'subj' : ipr.toLowerCase();
      const code = refnum ? `${scheme}:${refnum}` : undefined;
      if (code || name) out.push({ ...(code ? { code } : {}), ...(name ? { name } : {}) });
    }
  }
  return out;
}

// `meta` names that carry a category or subject: AAP's ANPA category (`anpa-category` → `anpa:a`, the
// same code ANPA 1312 files give), PA's `category`, EFE's `categoria`, NTB's `subject`.
const META_SUBJECTS: Record<string, string> = { 'anpa-category': 'anpa', category: 'category', categoria: 'categoria', subject: 'subject' };

export function nitfMetaSubjects(head: XmlElement | undefined): SubjectCode[] {
  const out: SubjectCode[] = [];
  for (const meta of children(head, 'meta')) {
    const scheme = META_SUBJECTS[(attr(meta, 'name') ?? '').trim().toLowerCase()];
    const content = cleanField(attr(meta, 'content'));
    if (scheme && content) out.push({ code: `${scheme}:${content}` });
  }
  return out;
}

/** `docdata/key-list/keyword` (`key`, else the element's text), in order. */
export function nitfKeywords(head: XmlElement | undefined): string[] {
  return children(child(child(head, 'docdata'), 'key-list'), 'keyword').map((k) => attr(k, 'key') ?? textOf(k));
}

export interface NitfTimes {
  /** `date.issue`, else `pubdata date.publication`, else `dateline/story.date`: the version's time. */
  issue?: { value: string; what: string; line: number };
  release?: { value: string; line: number };
}

export function nitfTimes(head: XmlElement | undefined, bodyHead: XmlElement | undefined): NitfTimes {
  const docdata = child(head, 'docdata');
  const issue = child(docdata, 'date.issue');
  const pubdata = child(head, 'pubdata');
  const storyDate = child(child(bodyHead, 'dateline'), 'story.date');
  const out: NitfTimes = {};
  if (attr(issue, 'norm')?.trim()) out.issue = { value: attr(issue, 'norm')!, what: 'docdata/date.issue norm', line: issue!.line };
  else if (attr(pubdata, 'date.publication')?.trim())
    out.issue = { value: attr(pubdata, 'date.publication')!, what: 'pubdata date.publication', line: pubdata!.line };
  else if (attr(storyDate, 'norm')?.trim()) out.issue = { value: attr(storyDate, 'norm')!, what: 'dateline/story.date norm', line: storyDate!.line };
  const release = child(docdata, 'date.release');
  if (attr(release, 'norm')?.trim()) out.release = { value: attr(release, 'norm')!, line: release!.line };
  return out;
}
