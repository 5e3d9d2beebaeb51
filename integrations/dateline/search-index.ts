// Full-text search: after the build, Pagefind indexes the HTML in the output folder and writes its
// index and browser code to `<outDir>/pagefind/`. Article pages mark what is indexed
// (`data-pagefind-body` on the story: headline and text only), so list pages are not indexed.
//
// Pagefind cannot update an index, and indexing is the slowest step of a large build (about 12 s for
// 10,000 articles here), so the written index is cached: when the indexed pages are byte-for-byte
// those of the previous build, the cached index is copied instead of rebuilt.
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

interface Logger {
  info(message: string): void;
}

const INDEXED_MARKER = 'data-pagefind-body';

/** Pagefind's version, part of the cache key (its package.json is not exported, so read the file). */
function pagefindVersion(rootPath: string): string {
  try {
    return (JSON.parse(readFileSync(join(rootPath, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Hash of every page Pagefind would index (path and bytes) and of the Pagefind version. */
function indexedPagesKey(outDir: string, rootPath: string): string {
  const hash = createHash('sha256').update(`pagefind ${pagefindVersion(rootPath)}\n`);
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file);
    if (html.includes(INDEXED_MARKER)) hash.update(relative(outDir, file)).update('\0').update(html).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

export async function writeSearchIndex(outDir: string, logger: Logger, cache?: { dir: string; rootPath: string }): Promise<void> {
  const cacheDir = cache?.dir;
  const started = performance.now();
  const output = join(outDir, 'pagefind');
  const key = cache ? indexedPagesKey(outDir, cache.rootPath) : '';
  const cached = cacheDir ? join(cacheDir, `pagefind-${key}`) : '';
  if (cacheDir && existsSync(cached)) {
    cpSync(cached, output, { recursive: true });
    logger.info(`search: index unchanged, reused (${Math.round(performance.now() - started)} ms)`);
    return;
  }
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('; '));
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    logger.info(`search: ${added.page_count} pages indexed in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await pagefind.close();
  }
  if (cacheDir) {
    // Keep only the newest index: drop older ones, then publish this one atomically.
    if (existsSync(cacheDir)) for (const old of readdirSync(cacheDir)) if (old.startsWith('pagefind-')) rmSync(join(cacheDir, old), { recursive: true, force: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    cpSync(output, tmp, { recursive: true });
    renameSync(tmp, cached);
  }
}
