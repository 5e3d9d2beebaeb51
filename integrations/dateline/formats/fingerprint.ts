// A fingerprint of the code that turns wire bytes into what the archive keeps: every parser, the item
// summary and the script detection. The archive reads every file again when it changes (a Dateline
// upgrade that reads a format better applies to files already published), and the search index,
// built from parsed text, is keyed by it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

let memo: string | undefined;

export function parserFingerprint(): string {
  if (memo) return memo;
  const hash = createHash('sha256');
  try {
    const dir = here('./');
    for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
      if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(dir, name)));
    }
    for (const name of ['../ingest/summary.ts', '../ingest/script-language.ts']) hash.update(readFileSync(here(name)));
  } catch {
    hash.update('unknown-parser-source');
  }
  return (memo = hash.digest('hex').slice(0, 16));
}
