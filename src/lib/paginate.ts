// Pagination of article lists (sections, agencies): page 1 lives at the list's own path, page n at
// `…/page/n/`, as urls.ts decides. Lists arrive sorted (getLibrary), so a page is just a slice.
import { config } from './site.ts';

export interface PageInfo {
  /** 1-based page number. */
  page: number;
  pages: number;
}

export const pageCount = (total: number) => Math.max(1, Math.ceil(total / config.pageSize));

export const pageItems = <T>(items: T[], page: number): T[] => items.slice((page - 1) * config.pageSize, page * config.pageSize);

/** Page numbers 2…n of a list (page 1 is the list's index route). */
export function laterPages(total: number): number[] {
  return Array.from({ length: pageCount(total) - 1 }, (_, i) => i + 2);
}
