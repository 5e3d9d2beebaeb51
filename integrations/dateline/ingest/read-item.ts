// An item read again from its wire file, with the same pure parser, picking the story's item of the file.
// The archive keeps every parsed item whole, body included (the `items` table, archive/db.ts), and pages,
// feeds and search read it from there; this is for a caller without the archive's copy (a search record
// made with no `wireItem`, ../search/records.ts).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseWireFile } from '../formats/index.ts';
import type { FormatOptions, WireItem } from '../formats/item.ts';

/** Parse options of a content file: the zone, and the file's own "now" (its modification time). */
export function fileOptions(path: string, timeZone: string): FormatOptions {
  return { timeZone, fileTime: Math.floor(statSync(path).mtimeMs) };
}

export function readItem(contentPath: string, file: string, index: number, timeZone: string): WireItem {
  const path = join(contentPath, file);
  const result = parseWireFile(file, readFileSync(path), fileOptions(path, timeZone));
  const parsed = result.items[index];
  // The ingest published this item from the same bytes moments ago; a failure means it changed mid-build.
  if (!parsed?.ok) {
    const why = result.errors[0]?.message ?? (parsed && !parsed.ok ? parsed.errors[0]?.message : `it has no item ${index + 1}`);
    throw new Error(`${file} changed during the build and no longer parses: ${why}`);
  }
  return parsed.item;
}
