// Full-text search: after the build, Pagefind indexes the HTML in the output folder and writes its
// index and browser code to `<outDir>/pagefind/`. Article pages mark what is indexed
// (`data-pagefind-body` on the story: headline and text only), so list pages are not indexed.
import * as pagefind from 'pagefind';
import { join } from 'node:path';

interface Logger {
  info(message: string): void;
}

export async function writeSearchIndex(outDir: string, logger: Logger): Promise<void> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('; '));
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    logger.info(`search: ${added.page_count} pages indexed in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await pagefind.close();
  }
}
