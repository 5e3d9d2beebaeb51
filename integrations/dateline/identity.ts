// Which parsed articles are published, and at which URL. Decided over the whole content folder at once
// because duplicates and URL collisions are relations between files. Pure: same inputs, same answer.
import { localDateParts } from './time.ts';
import { articlePath, headlineSlug, sectionSlug, shortHash } from './urls.ts';

export interface ParsedFile {
  /** Path relative to the content folder, with `/` separators. */
  file: string;
  headline: string;
  section?: string;
  /** ISO instant with offset. */
  published: string;
  /** Epoch milliseconds of `published`. */
  timestamp: number;
  /** Hash of headline, time and body: equal for the same story delivered twice. */
  storyKey: string;
}

export type Placement =
  | { file: string; status: 'published' | 'scheduled'; path: string; sectionSlug: string; sectionName: string }
  | { file: string; status: 'duplicate'; duplicateOf: string };

/**
 * Places every parsed file. Files are taken oldest first (then by path), so the first-published
 * story keeps the plain URL and a later one that collides gets `-{hash of its file path}`: adding a
 * newer file never moves an existing article.
 */
export function placeArticles(files: ParsedFile[], opts: { timeZone: string; defaultSection: string; now: Date }): Placement[] {
  const ordered = [...files].sort((a, b) => a.timestamp - b.timestamp || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const firstByStory = new Map<string, string>();
  const taken = new Set<string>();
  const placements: Placement[] = [];
  const nowMs = opts.now.getTime();
  for (const { file, headline, section: wireSection, published, timestamp, storyKey: key } of ordered) {
    const original = firstByStory.get(key);
    if (original) {
      placements.push({ file, status: 'duplicate', duplicateOf: original });
      continue;
    }
    firstByStory.set(key, file);
    const sectionName = wireSection ?? opts.defaultSection;
    const section = sectionSlug(sectionName);
    const date = localDateParts(published, opts.timeZone);
    const slug = headlineSlug(headline);
    let path = articlePath(section, date, slug);
    for (let length = 6; taken.has(path); length += 2) path = articlePath(section, date, `${slug}-${shortHash(file, length)}`);
    taken.add(path);
    placements.push({ file, status: timestamp > nowMs ? 'scheduled' : 'published', path, sectionSlug: section, sectionName });
  }
  return placements;
}
