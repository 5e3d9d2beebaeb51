// Placing a picture's derived files in the output folder: linked from the picture cache while any
// published article shows them, removed once none does. A set is keyed by its source's digest and the
// settings, so stories and versions that carry the same picture share one folder under photos/.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { photoInUse } from '../archive/articles.ts';
import type { ArchiveDb } from '../archive/db.ts';
import { photoSetFolder } from '../pictures/derive-cache.ts';
import { PHOTOS_DIR, photoPath } from '../urls.ts';
import type { SiteOutput } from './output.ts';

export function placePhotoSet(db: ArchiveDb, output: SiteOutput, cachePath: string, key: string): void {
  const folder = photoSetFolder(cachePath, key);
  const placed = new Set<string>();
  if (photoInUse(db, key) && existsSync(folder)) {
    for (const name of readdirSync(folder)) {
      if (name === 'manifest.json' || name.endsWith('.tmp')) continue;
      const path = photoPath(key, name);
      // the set's key names its bytes: a file in place under it is never rewritten
      output.link(path, join(folder, name), 'image', `photo:${key}/${name}`);
      placed.add(path);
    }
  }
  for (const path of output.pathsUnder(`${PHOTOS_DIR}${key}/`)) if (!placed.has(path)) output.remove(path);
}
