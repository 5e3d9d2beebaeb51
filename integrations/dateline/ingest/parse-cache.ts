// Parse results cached by file digest between builds, so an unchanged wire file is never parsed again.
// The cache is invalidated as a whole when a parser's source or the parse options change.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, WireFormat } from '../formats/item.ts';
import type { ItemSummary } from './summary.ts';

export type CachedItem =
  | { ok: true; summary: ItemSummary; warnings: Diagnostic[] }
  | { ok: false; line: number; errors: Diagnostic[]; warnings: Diagnostic[] };

/** What the parsers made of one file: `errors` non-empty means the whole file was rejected. */
export interface CachedParse {
  digest: string;
  format: WireFormat;
  items: CachedItem[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** The file's modification time the parse used (teletype trailers without a year), when it used it. */
  fileTime?: number;
}

interface CacheFile {
  version: string;
  files: Record<string, CachedParse>;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Hash of the parsers' own source files (every format) and the item summary: a change re-parses everything. */
export function parserFingerprint(): string {
  const hash = createHash('sha256');
  try {
    const dir = here('../formats/');
    for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
      if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(dir, name)));
    }
    for (const name of ['./summary.ts', '../script-language.ts']) hash.update(readFileSync(here(name)));
  } catch {
    hash.update('unknown-parser-source');
  }
  return hash.digest('hex').slice(0, 16);
}

export class ParseCache {
  readonly #path: string;
  readonly #version: string;
  #files: Record<string, CachedParse> = {};

  constructor(path: string, options: Record<string, unknown>) {
    this.#path = path;
    this.#version = `${parserFingerprint()}:${JSON.stringify(options)}`;
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (data.version === this.#version) this.#files = data.files;
    } catch {
      // no cache yet, or unreadable: start empty
    }
  }

  get(file: string, digest: string): CachedParse | undefined {
    const hit = this.#files[file];
    return hit?.digest === digest ? hit : undefined;
  }

  /** Replaces the cache with exactly these entries (files no longer present are dropped). */
  save(entries: Map<string, CachedParse>): void {
    this.#files = Object.fromEntries(entries);
    mkdirSync(dirname(this.#path), { recursive: true });
    const tmp = `${this.#path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: this.#version, files: this.#files } satisfies CacheFile));
    renameSync(tmp, this.#path);
  }
}
