// What is drawn where. Any change to this file, render.ts or text.ts that changes pixels must bump
// OG_TEMPLATE_VERSION (it is part of every cache key).
export const OG_TEMPLATE_VERSION = 'og-3';

export const WIDTH = 1200 as const;
export const HEIGHT = 630 as const;
export const MARGIN_X = 72;
export const ACCENT_BAR = 12;
export const HEADER = { centerY: 78, size: 30, logoHeight: 52, logoGap: 18 };
/** Headline box: text is vertically centred in it, left-aligned (right-aligned for RTL). */
export const HEADLINE = { top: 134, height: 340, width: WIDTH - 2 * MARGIN_X };
export const HEADLINE_SIZES = [64, 52, 44, 38] as const;
export const HEADLINE_MAX_LINES = 4;
export const MAX_HEADLINE_GRAPHEMES = 400;
export const DIVIDER_Y = 508;
export const FOOTER = { line1CenterY: 550, line2CenterY: 592, bylineSize: 28, dateSize: 24 };

export interface ResolvedTheme {
  background: string;
  foreground: string;
  accent: string;
  muted: string;
  /** Absolute path of the logo file, if any. */
  logo?: string;
}

/** Normalises a CSS-ish colour (#rgb, #rgba, #rrggbb, #rrggbbaa, rgb()/rgba()) to #rrggbb(aa) for Pango and sharp. */
export function normaliseColour(c: string, field: string): string {
  const s = String(c ?? '')
    .trim()
    .toLowerCase();
  let m = /^#([0-9a-f]{3,4})$/.exec(s);
  if (m) return `#${[...m[1]].map((x) => x + x).join('')}`;
  m = /^#([0-9a-f]{6}|[0-9a-f]{8})$/.exec(s);
  if (m) return s;
  m = /^rgba?\(\s*(\d{1,3})\s*[, ]\s*(\d{1,3})\s*[, ]\s*(\d{1,3})\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/.exec(s);
  if (m) {
    const hex = (n: number) =>
      Math.max(0, Math.min(255, Math.round(n)))
        .toString(16)
        .padStart(2, '0');
    let out = `#${hex(+m[1])}${hex(+m[2])}${hex(+m[3])}`;
    if (m[4] !== undefined) {
      const a = m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
      if (a < 1) out += hex(a * 255);
    }
    return out;
  }
  throw new Error(`og: theme.${field} must be a hex or rgb() colour, got ${JSON.stringify(c)}`);
}
