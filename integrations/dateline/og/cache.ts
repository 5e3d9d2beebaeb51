// Content-addressed image cache: `<cacheDir>/<key>.<png|jpg>`, written atomically (tmp + rename).
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { fontVersions } from './fonts.ts';
import { OG_TEMPLATE_VERSION, normaliseColour, type ResolvedTheme } from './template.ts';

/** Article images: 32 hex digits. Default images carry a `default-` prefix and are never pruned. */
export const ARTICLE_FILE = /^([0-9a-f]{32})\.(png|jpg)$/;
const TMP_FILE = /\.tmp-\d+-[0-9a-z]+$/;

const logoHashes = new Map<string, { mtimeMs: number; size: number; hash: string }>();

export function logoHash(path: string): string {
  const st = statSync(path);
  const hit = logoHashes.get(path);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.hash;
  const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
  logoHashes.set(path, { mtimeMs: st.mtimeMs, size: st.size, hash });
  return hash;
}

export function resolveTheme(theme: { background: string; foreground: string; accent: string; muted: string; logo?: string }): ResolvedTheme {
  return {
    background: normaliseColour(theme.background, 'background'),
    foreground: normaliseColour(theme.foreground, 'foreground'),
    accent: normaliseColour(theme.accent, 'accent'),
    muted: normaliseColour(theme.muted, 'muted'),
    ...(theme.logo ? { logo: theme.logo } : {}),
  };
}

/** Renderer identity: template, font packages and the native text/image stack all change pixels. */
let identity: unknown;
function rendererIdentity() {
  // Constant for the process; built once rather than for every card's key.
  if (identity) return identity;
  const v = sharp.versions as Record<string, string | undefined>;
  return (identity = {
    template: OG_TEMPLATE_VERSION,
    fonts: fontVersions(),
    native: {
      icu: process.versions.icu,
      unicode: process.versions.unicode,
      sharp: v.sharp,
      vips: v.vips,
      pango: v.pango,
      harfbuzz: v.harfbuzz,
      freetype: v.freetype,
      cairo: v.cairo,
      fontconfig: v.fontconfig,
      imagequant: v.imagequant,
      mozjpeg: v.mozjpeg,
      png: v.png,
    },
  });
}

export function hashKey(kind: string, payload: unknown, theme: ResolvedTheme): string {
  const t = { ...theme, logo: theme.logo ? logoHash(theme.logo) : null };
  return createHash('sha256')
    .update(JSON.stringify([kind, rendererIdentity(), t, payload]))
    .digest('hex')
    .slice(0, 32);
}

/** Map key → file name for the article images currently in the cache. */
export async function listCache(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    const m = ARTICLE_FILE.exec(n);
    if (m) out.set(m[1], n);
  }
  return out;
}

export async function fileSize(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

export async function writeAtomic(path: string, data: Buffer): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/** Deletes article images not in `keep` and leftover tmp files older than an hour. Returns the count. */
export async function prune(dir: string, keep: Set<string>): Promise<number> {
  let n = 0;
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const now = Date.now();
  await Promise.all(
    names.map(async (name) => {
      const p = join(dir, name);
      try {
        if (ARTICLE_FILE.test(name) && !keep.has(name)) {
          await unlink(p);
          n++;
        } else if (TMP_FILE.test(name) && now - (await stat(p)).mtimeMs > 3600_000) {
          await unlink(p);
          n++;
        }
      } catch {
        /* raced with another process: fine */
      }
    }),
  );
  return n;
}

export { mkdir };
