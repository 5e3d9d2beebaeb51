// Where each story lives: `/{section}/{yyyy}/{mm}/{dd}/{headline-slug}/`, from its first version's
// section and headline and the story's local publication date, so a later version (a new headline, a
// correction) never moves it. Decided over every story at once, because URL collisions are relations
// between stories. Pure: same inputs, same answer.
import { localDateParts } from '../time.ts';
import { articlePath, headlineSlug, sectionSlug, shortHash } from '../urls.ts';

export interface PlacementInput {
  /** The story's identity key. */
  key: string;
  /** Epoch ms of the story's publication. */
  published: number;
  /** ISO instant of the same, for the local date. */
  publishedIso: string;
  /** The first version's headline and section name. */
  headline: string;
  sectionName: string;
}

export interface Placement {
  path: string;
  sectionSlug: string;
}

/**
 * Places every story, whatever its status (a withdrawn or scheduled story keeps its place, so another
 * story's URL does not change when it is killed or goes live). Stories are taken oldest first (then by
 * key), so the first-published keeps the plain URL and a later one that collides gets
 * `-{hash of its story key}`: adding a newer story never moves an existing one.
 */
export function placeStories(stories: readonly PlacementInput[], timeZone: string): Map<string, Placement> {
  const ordered = [...stories].sort((a, b) => a.published - b.published || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const taken = new Set<string>();
  const placed = new Map<string, Placement>();
  for (const story of ordered) {
    const section = sectionSlug(story.sectionName);
    const date = localDateParts(story.publishedIso, timeZone);
    const slug = headlineSlug(story.headline);
    let path = articlePath(section, date, slug);
    for (let length = 6; taken.has(path); length += 2) path = articlePath(section, date, `${slug}-${shortHash(story.key, length)}`);
    taken.add(path);
    placed.set(story.key, { path, sectionSlug: section });
  }
  return placed;
}
