// Route-local helper of the article page (getStaticPaths is hoisted out of the page, so it lives here).
import type { Article } from '../../../../../lib/articles.ts';

const MORE_FROM_SECTION = 4;

/**
 * The stories filed just before this one in its section (newer ones for the oldest stories). Older
 * neighbours do not change when a new story is published, so publishing one story does not
 * re-render every article page of its section.
 */
export function moreFromSection(list: Article[], article: Article): Article[] {
  const at = list.indexOf(article);
  const start = Math.max(0, Math.min(at + 1, list.length - MORE_FROM_SECTION - 1));
  return list.slice(start, start + MORE_FROM_SECTION + 1).filter((a) => a !== article).slice(0, MORE_FROM_SECTION);
}
