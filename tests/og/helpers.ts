import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { HEADLINE, MARGIN_X } from '../../integrations/dateline/og/template.ts';
import type { OgCard, OgTheme } from '../../integrations/dateline/og/index.ts';

export const theme: OgTheme = { background: '#fbf9f4', foreground: '#16181d', accent: '#c0392b', muted: '#6b6f76' };
export const BG = [0xfb, 0xf9, 0xf4];

export const reference: OgCard = {
  siteName: 'Dateline',
  sectionLabel: 'World',
  headline: 'China, Russia foreign ministers hail cooperation in call',
  byline: 'AFP',
  dateText: '7 August 2023, 9:26 pm PKT',
};

export const URDU = 'قومی اسمبلی نے بجٹ منظور کر لیا';
export const CHINESE = '国会通过预算';
export const MIXED = 'Breaking: قومی اسمبلی نے 2026 کا بجٹ منظور کر لیا — 国会通过预算 (APP)';

const made: string[] = [];
export function tempDir(name: string): string {
  const d = mkdtempSync(join(tmpdir(), `og-test-${name}-`));
  made.push(d);
  return d;
}
/** For afterAll: removes the temp dirs this test file made. */
export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** The headline box of the template (full text width). */
export const headlineRegion = { left: MARGIN_X, top: HEADLINE.top, width: HEADLINE.width, height: HEADLINE.height };

export interface Ink {
  /** Pixels differing clearly from the background. */
  count: number;
  mask: Uint8Array;
  width: number;
  height: number;
  /** Bounding box of the ink, relative to the region. */
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Ink in a region of an image file (any format sharp reads). */
export async function inkIn(file: string, region = headlineRegion): Promise<Ink> {
  const { data, info } = await sharp(file).extract(region).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const mask = new Uint8Array(info.width * info.height);
  let count = 0,
    minX = Infinity,
    maxX = -1,
    minY = Infinity,
    maxY = -1;
  for (let i = 0; i < mask.length; i++) {
    const d = Math.abs(data[i * 3] - BG[0]) + Math.abs(data[i * 3 + 1] - BG[1]) + Math.abs(data[i * 3 + 2] - BG[2]);
    if (d > 120) {
      mask[i] = 1;
      count++;
      const x = i % info.width,
        y = (i / info.width) | 0;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return { count, mask, width: info.width, height: info.height, minX, maxX, minY, maxY };
}

/** Number of 8-connected components of ink with at least `minSize` pixels. */
export function components(ink: Ink, minSize = 4): number {
  const { mask, width, height } = ink;
  const seen = new Uint8Array(mask.length);
  const stack: number[] = [];
  let n = 0;
  for (let s = 0; s < mask.length; s++) {
    if (!mask[s] || seen[s]) continue;
    let size = 0;
    seen[s] = 1;
    stack.push(s);
    while (stack.length) {
      const p = stack.pop()!;
      size++;
      const x = p % width,
        y = (p / width) | 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx,
            ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const q = ny * width + nx;
          if (mask[q] && !seen[q]) {
            seen[q] = 1;
            stack.push(q);
          }
        }
    }
    if (size >= minSize) n++;
  }
  return n;
}
