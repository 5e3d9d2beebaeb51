// The kinds of page a build writes (README "What the build produces"), told apart by path, and a
// deterministic sample of a large build that holds every kind.
import { relative } from 'node:path';
import { htmlFiles } from '../e2e/site-walk.ts';

export const PAGE_KINDS = [
  ['home', /^index\.html$/],
  ['not-found', /^404\.html$/],
  ['search', /^search\/index\.html$/],
  ['agency', /^agency\/[^/]+\/index\.html$/],
  ['agency-page', /^agency\/[^/]+\/page\/\d+\/index\.html$/],
  ['day', /^\d{4}\/\d{2}\/\d{2}\/index\.html$/],
  ['day-page', /^\d{4}\/\d{2}\/\d{2}\/page\/\d+\/index\.html$/],
  ['article', /^[^/]+\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/],
  ['section', /^[^/]+\/index\.html$/],
  ['section-page', /^[^/]+\/page\/\d+\/index\.html$/],
] as const satisfies readonly (readonly [string, RegExp])[];

export type PageKind = (typeof PAGE_KINDS)[number][0];

export interface Page {
  /** Absolute path of the HTML file. */
  file: string;
  /** Path relative to dist, with `/`. */
  rel: string;
  kind: PageKind;
}

/** Every HTML page of a build with its kind; throws on a page of no known kind (a new page type needs a sample rule). */
export function sitePages(dist: string): Page[] {
  return htmlFiles(dist).map((file) => {
    const rel = relative(dist, file).split('\\').join('/');
    const kind = PAGE_KINDS.find(([, re]) => re.test(rel))?.[0];
    if (!kind) throw new Error(`${rel}: a page of no known kind (add it to PAGE_KINDS in tests/validators/page-kinds.ts)`);
    return { file, rel, kind };
  });
}

/**
 * `counts[kind]` pages of each kind, evenly spaced through that kind's pages in path order (so the
 * sample spans sections, agencies and years), the same pages on every run; kinds with fewer pages
 * give them all. Throws when a kind in `counts` has no page at all.
 */
export function samplePages(pages: Page[], counts: Record<PageKind, number>): Page[] {
  const sample: Page[] = [];
  for (const [kind] of PAGE_KINDS) {
    const ofKind = pages.filter((p) => p.kind === kind);
    if (ofKind.length === 0) throw new Error(`the build has no ${kind} page to sample`);
    const n = Math.min(counts[kind], ofKind.length);
    for (let i = 0; i < n; i++) sample.push(ofKind[Math.floor((i * ofKind.length) / n)]!);
  }
  return sample;
}

export function countByKind(pages: Page[]): string {
  const counts = new Map<string, number>();
  for (const p of pages) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
}
