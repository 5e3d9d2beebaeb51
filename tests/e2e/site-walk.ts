// Walks a built site: every HTML file and stylesheet, and every internal href/src/srcset/url() in them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function htmlFiles(dist: string, ext = '.html'): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(ext)) out.push(path);
    }
  };
  walk(dist);
  return out.sort();
}

const ATTR = /\s(?:href|src|srcset)="([^"]*)"/g;

const decodeEntities = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e] ?? _);

/** URLs in a stylesheet's url(…) (fonts, images). */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]!).filter((u) => !u.startsWith('data:'));
}

/** URLs in href/src/srcset attributes of a page (srcset split into its URLs). */
export function pageUrls(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(ATTR)) {
    const value = decodeEntities(m[1]!);
    if (m[0].trimStart().startsWith('srcset'))
      urls.push(
        ...value
          .split(',')
          .map((part) => part.trim().split(/\s+/)[0]!)
          .filter(Boolean),
      );
    else urls.push(value);
  }
  return urls;
}

export interface BrokenLink {
  page: string;
  url: string;
}

/**
 * Resolves every internal URL (same origin as `site`, under `base`) of every page against the page's
 * own URL and checks the target exists in dist (a file, or a folder with index.html).
 */
export function findBrokenLinks(dist: string, site: string, base = '/'): { pages: number; links: number; broken: BrokenLink[] } {
  const origin = new URL(site).origin;
  const broken: BrokenLink[] = [];
  const seen = new Map<string, boolean>();
  let links = 0;
  const pages = htmlFiles(dist);
  for (const file of [...pages, ...htmlFiles(dist, '.css')]) {
    const rel = relative(dist, file).split('\\').join('/');
    const pageUrl = new URL(`${base}${rel.replace(/(^|\/)index\.html$/, '$1')}`, origin);
    const text = readFileSync(file, 'utf8');
    for (const raw of file.endsWith('.css') ? cssUrls(text) : pageUrls(text)) {
      if (/^(?:mailto|tel|javascript|data):/i.test(raw) || raw.startsWith('#')) continue;
      const url = new URL(raw, pageUrl);
      if (url.origin !== origin) continue;
      links++;
      const key = url.pathname;
      let ok = seen.get(key);
      if (ok === undefined) {
        ok = key.startsWith(base) && targetExists(dist, decodeURIComponent(key.slice(base.length)));
        seen.set(key, ok);
      }
      if (!ok) broken.push({ page: rel, url: raw });
    }
  }
  return { pages: pages.length, links, broken };
}

function targetExists(dist: string, path: string): boolean {
  const target = join(dist, path);
  if (!target.startsWith(dist)) return false;
  if (existsSync(target) && statSync(target).isFile()) return true;
  return existsSync(join(target, 'index.html'));
}
