// Which section a story is filed under. The wire text names its section; agency formats carry subject
// and genre codes instead (IPTC Media Topics `medtop:…`, the older Subject Codes `subj:…`, provider
// codes such as Reuters' `N2:…` or ANPA categories), which the publisher's `sectionMap` maps to
// sections (and which renames a section the wire text names, when it lists that name). Without a
// match, the default map of the top-level Media Topics applies, then `defaultSection`.

/**
 * Top-level IPTC Media Topics (https://cv.iptc.org/newscodes/mediatopic/) and the Subject Codes of the
 * same numbers (`subj:04000000` is also economy, business and finance), by code and by English name, to
 * the sections a general news site has. Narrower codes (`medtop:04008024`) fall back to their top level.
 */
const TOP_LEVEL: [number: string, name: string, section: string][] = [
  ['01000000', 'arts, culture, entertainment and media', 'Culture'],
  ['02000000', 'crime, law and justice', 'Crime & Justice'],
  ['03000000', 'disaster, accident and emergency incident', 'World'],
  ['04000000', 'economy, business and finance', 'Business'],
  ['05000000', 'education', 'Education'],
  ['06000000', 'environment', 'Environment'],
  ['07000000', 'health', 'Health'],
  ['08000000', 'human interest', 'Lifestyle'],
  ['09000000', 'labour', 'Business'],
  ['10000000', 'lifestyle and leisure', 'Lifestyle'],
  ['11000000', 'politics', 'Politics'],
  ['12000000', 'religion', 'Religion'],
  ['13000000', 'science and technology', 'Sci-Tech'],
  ['14000000', 'society', 'Society'],
  ['15000000', 'sport', 'Sports'],
  ['16000000', 'conflict, war and peace', 'World'],
  ['17000000', 'weather', 'Weather'],
];

/** ANPA 1312 category codes (the letter after the priority) with a clear section. */
const ANPA_CATEGORIES: Record<string, string> = { f: 'Business', s: 'Sports', i: 'World', e: 'Culture', l: 'Lifestyle', p: 'Politics' };

export const DEFAULT_SECTION_MAP: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries(
    TOP_LEVEL.flatMap(([code, name, section]) => [
      [`medtop:${code}`, section],
      [`subj:${code}`, section],
      [name, section],
    ]),
  ),
  ...Object.fromEntries(Object.entries(ANPA_CATEGORIES).map(([code, section]) => [`anpa:${code}`, section])),
});

export interface SectionSource {
  /** The section the wire names itself (the wire text's section line). */
  section?: string;
  subjects: { code?: string; name?: string }[];
}

/** Lookup keys for one subject, most specific first: the code, its top level, its name. */
function keysOf(subject: { code?: string; name?: string }): string[] {
  const keys: string[] = [];
  if (subject.code) {
    keys.push(subject.code.toLowerCase());
    const m = /^(medtop|subj):(\d\d)\d{6}$/i.exec(subject.code);
    if (m) keys.push(`${m[1]!.toLowerCase()}:${m[2]}000000`);
  }
  if (subject.name) keys.push(subject.name.trim().replace(/\s+/g, ' ').toLowerCase());
  return keys;
}

/** A map with lower-cased keys, for case-insensitive lookups of codes and names. */
export function normaliseSectionMap(map: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(Object.entries(map).map(([k, v]) => [k.trim().replace(/\s+/g, ' ').toLowerCase(), v]));
}

const DEFAULTS = normaliseSectionMap(DEFAULT_SECTION_MAP);

/**
 * The section name of an item: its own section when it names one (renamed when the publisher's map has
 * that name); else the first of its subjects (in the item's order) that the publisher's map knows; else
 * the first the default map knows; else `defaultSection`.
 *
 * `sectionMap` renames the wire text's sections too (`{ Pakistan: 'National' }`), rather than warning
 * that such a key is unused: a publisher who writes a section name the wire uses means to rename it,
 * and a name means the same whether the wire text gives it as its section or an agency item as a
 * subject name. (Only the publisher's map: the default map is for agency codes and never renames a
 * section the wire text names.)
 */
export function sectionOf(source: SectionSource, publisherMap: Map<string, string>, defaultSection: string): string {
  if (source.section) return publisherMap.get(source.section.trim().replace(/\s+/g, ' ').toLowerCase()) ?? source.section;
  for (const map of [publisherMap, DEFAULTS]) {
    for (const subject of source.subjects) {
      for (const key of keysOf(subject)) {
        const section = map.get(key);
        if (section) return section;
      }
    }
  }
  return defaultSection;
}
