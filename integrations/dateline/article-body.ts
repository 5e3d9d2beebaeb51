// Article bodies are not kept in the content store (see summary.ts); pages and feeds read them from
// the wire file at render time with the same pure parser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWire } from './formats/text/index.ts';
import type { WireArticle } from './formats/text/types.ts';

export function readArticle(contentPath: string, file: string, timeZone: string): WireArticle {
  const result = parseWire(readFileSync(join(contentPath, file)), { timeZone });
  // The loader published this file from the same bytes moments ago; a failure means it changed mid-build.
  if (!result.ok) throw new Error(`${file} changed during the build and no longer parses: ${result.errors[0]?.message}`);
  return result.article;
}
