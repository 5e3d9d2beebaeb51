// The published article records a test site's archive holds (its cache folder), read as the theme's
// loaders read them, for tests that check what was published against what the wire said.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { ArticleRecord } from '../../integrations/dateline/archive/schema.ts';

/** Every article record of the site in `dir` (a test site's folder), by id. */
export function archiveRecords(dir: string): ArticleRecord[] {
  const db = new DatabaseSync(join(dir, 'cache', 'dateline', 'archive.db'), { readOnly: true });
  try {
    return (db.prepare('SELECT record FROM articles ORDER BY id').all() as { record: string }[]).map((r) => JSON.parse(r.record) as ArticleRecord);
  } finally {
    db.close();
  }
}
