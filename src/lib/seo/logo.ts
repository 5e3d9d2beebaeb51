// The publisher logo (`public/logo.png`): JSON-LD `publisher.logo` and the feeds' channel image.
// Its size is read from the PNG header, so a publisher can replace the file with their own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_IMAGE } from '@dateline/og/paths.ts';

export const LOGO_PATH = 'logo.png';

export interface SiteImage {
  /** Site path without base. */
  path: string;
  width: number;
  height: number;
}

/** By project folder (read once per process). */
const logos = new Map<string, SiteImage | null>();

/** The logo with its pixel size, or null when `public/logo.png` is missing or not a PNG. */
export function siteLogo(rootPath: string): SiteImage | null {
  if (logos.has(rootPath)) return logos.get(rootPath)!;
  let logo: SiteImage | null;
  try {
    const head = readFileSync(join(rootPath, 'public', LOGO_PATH)).subarray(0, 24);
    const isPng = head.subarray(1, 4).toString('latin1') === 'PNG' && head.subarray(12, 16).toString('latin1') === 'IHDR';
    logo = isPng ? { path: LOGO_PATH, width: head.readUInt32BE(16), height: head.readUInt32BE(20) } : null;
  } catch {
    logo = null;
  }
  logos.set(rootPath, logo);
  return logo;
}

/** Channel image of the feeds: the logo, else the default social image. */
export function feedImagePath(rootPath: string): string {
  return siteLogo(rootPath)?.path ?? DEFAULT_IMAGE.path;
}
