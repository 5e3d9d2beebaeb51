// Where each story lives: `/{section}/{yyyy}/{mm}/{dd}/{headline-slug}/`, from its first version's
// section and headline and the story's local publication date, so a later version (a new headline, a
// correction) never moves it. URL collisions are relations between stories; they can only happen
// between stories of one section and day, so each such group is placed on its own. Pure: same inputs,
// same answer.
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

export interface BasePath {
  sectionSlug: string;
  /** `section/yyyy/mm/dd/`: the folder the story's URL is in; only stories of one folder can collide. */
  dayDir: string;
  /** The URL without a collision suffix. */
  basePath: string;
}

export function basePathOf(story: PlacementInput, timeZone: string): BasePath {
  const section = sectionSlug(story.sectionName);
  const date = localDateParts(story.publishedIso, timeZone);
  const basePath = articlePath(section, date, headlineSlug(story.headline));
  return { sectionSlug: section, dayDir: basePath.slice(0, basePath.slice(0, -1).lastIndexOf('/') + 1), basePath };
}

/**
 * Paths for the stories of one folder (every story, whatever its status: a withdrawn or scheduled story
 * keeps its place, so another story's URL does not change when it is killed or goes live). Stories are
 * taken oldest first (then by key), so the first-published keeps the plain URL and a later one that
 * collides gets `-{hash of its story key}`: adding a newer story never moves an existing one.
 */
export function assignPaths(group: readonly { key: string; published: number; basePath: string }[]): Map<string, string> {
  const ordered = [...group].sort((a, b) => a.published - b.published || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const taken = new Set<string>();
  const paths = new Map<string, string>();
  for (const story of ordered) {
    let path = story.basePath;
    const stem = story.basePath.slice(0, -1);
    for (let length = 6; taken.has(path); length += 2) path = `${stem}-${shortHash(story.key, length)}/`;
    taken.add(path);
    paths.set(story.key, path);
  }
  return paths;
}
