// `article:tag`: what a story is about, its keywords (NITF `key-list`, NewsML-G2 `keyword`, ninjs
// `keywords`), else the names of its IPTC subjects (Media Topics, Subject Codes). Not its dateline: a
// place is where a story was filed, not a subject; and not genres, services or provider categories,
// which say what kind of item it is. A story with neither (the wire text has no subjects) has no tags.
import type { SubjectCode } from '@dateline/formats/item.ts';

const TOPIC_SCHEMES = /^(?:medtop|subj):/i;

export function articleTags(article: { keywords?: string[]; subjects: SubjectCode[] }): string[] {
  const names = article.keywords?.length
    ? article.keywords
    : article.subjects.flatMap((s) => (s.name && (s.code === undefined || TOPIC_SCHEMES.test(s.code)) ? [s.name] : []));
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
