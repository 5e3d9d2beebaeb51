// Pagination of story lists (sections, agencies, days) that stays put as stories arrive. The front page
// of a list holds its newest stories; the archive pages behind it are numbered from the oldest, each
// holding exactly `size` stories: page 1 is the oldest twenty. A new story changes the front page and,
// once every `size` stories, adds an archive page; the archive pages already written stay as they are.
// (Numbered from the newest, every page of a list would shift with each story: a publish would rewrite
// a list's whole history, about 800 pages for a section of 16,000 stories.)
//
// With n stories and page size P there are K = max(0, floor(n / P) − 1) archive pages, and the front
// holds the newest n − K·P stories: P to 2P − 1 of them once the list has archive pages.

/** Number of archive pages behind the front page. */
export function archivePageCount(n: number, size: number): number {
  return Math.max(0, Math.floor(n / size) - 1);
}

export interface PageRange {
  /** Position of the page's newest story in the list, newest first (0 = newest). */
  offset: number;
  /** Stories on the page. */
  count: number;
}

/** The stories page `page` shows (0 = the front page, 1 … K = archive pages from the oldest). */
export function pageRange(n: number, size: number, page: number): PageRange | undefined {
  const pages = archivePageCount(n, size);
  if (page === 0) return { offset: 0, count: n - pages * size };
  if (!Number.isInteger(page) || page < 1 || page > pages) return undefined;
  return { offset: n - page * size, count: size };
}

/** The page that shows the story at `position` (newest first). */
export function pageOfPosition(n: number, size: number, position: number): number {
  const pages = archivePageCount(n, size);
  const front = n - pages * size;
  if (position < front) return 0;
  return Math.floor((n - 1 - position) / size) + 1;
}

/** The neighbours of a page: `older` is the next page back in time, `newer` the next page forward (0 = front). */
export function neighbours(n: number, size: number, page: number): { older?: number; newer?: number } {
  const pages = archivePageCount(n, size);
  if (page === 0) return pages > 0 ? { older: pages } : {};
  return { ...(page > 1 ? { older: page - 1 } : {}), newer: page === pages ? 0 : page + 1 };
}
