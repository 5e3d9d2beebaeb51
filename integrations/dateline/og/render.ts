// Drawing and encoding of one card with sharp: Pango text images (HarfBuzz shaping, bidi, wrapping)
// composited on a flat background, then PNG (palette) and JPEG (mozjpeg), keeping the smaller.
import sharp from 'sharp';
import { BUNDLED_FONTS, fontPath } from './fonts.ts';
import {
  ELLIPSIS,
  arabicStyle,
  baseDirection,
  clipGraphemes,
  escapeMarkup,
  familyList,
  graphemes,
  lineFactor,
  truncationPrefixes,
  type ArabicStyle,
} from './text.ts';
import {
  WIDTH,
  HEIGHT,
  MARGIN_X,
  ACCENT_BAR,
  HEADER,
  HEADLINE,
  DIVIDER_Y,
  FOOTER,
  HEADLINE_SIZES,
  HEADLINE_MAX_LINES,
  MAX_HEADLINE_GRAPHEMES,
  type ResolvedTheme,
} from './template.ts';

export interface CardText {
  siteName: string;
  sectionLabel: string;
  headline: string;
  byline: string;
  dateText: string;
  lang?: string;
}

export interface Encoded {
  data: Buffer;
  type: 'image/png' | 'image/jpeg';
  ext: 'png' | 'jpg';
}

interface TextImg {
  data: Buffer;
  width: number;
  height: number;
}

let primed: Promise<void> | undefined;

/**
 * Registers every bundled TTF with the process's fontconfig via sharp's `fontfile` (libvips adds each
 * file once). With FONTCONFIG_FILE in effect this is a no-op in practice; it makes the fonts
 * available even when fontconfig was initialised before FONTCONFIG_FILE could be set (e.g. another
 * library rendered text first, or we run in a worker thread whose process.env is a private copy).
 */
export function primeFonts(): Promise<void> {
  primed ??= (async () => {
    for (const f of BUNDLED_FONTS) {
      await sharp({ text: { text: '.', font: `${f.family} ${f.weight === 700 ? 'Bold ' : ''}8`, fontfile: fontPath(f), dpi: 72 } })
        .raw()
        .toBuffer();
    }
  })();
  return primed;
}

async function textImage(markup: string, font: string, opts: { width?: number; wrap?: 'word-char' | 'none' } = {}): Promise<TextImg> {
  const { data, info } = await sharp({
    text: {
      text: markup,
      font,
      rgba: true,
      dpi: 72,
      align: 'left', // 'left' = start: Pango mirrors it for RTL paragraphs
      wrap: opts.wrap ?? 'none',
      ...(opts.width ? { width: opts.width } : {}),
    },
  })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const EMPTY: TextImg = { data: Buffer.alloc(0), width: 0, height: 0 };

/** Whether the text has anything to draw (Pango refuses whitespace/format-only text). */
function hasInk(text: string): boolean {
  return /[^\s\p{Cf}\p{Cc}]/u.test(text);
}

function span(text: string, attrs: Record<string, string | number>): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => `${k}="${escapeMarkup(String(v))}"`)
    .join(' ');
  return `<span ${a}>${escapeMarkup(text)}</span>`;
}

export interface HeadlineLayout {
  img: TextImg;
  size: number;
  lines: number;
  text: string;
  truncated: boolean;
  dir: 'ltr' | 'rtl';
  style: ArabicStyle;
}

/** Lines are wrapped this much narrower than the box, so overhanging ink still fits in it. */
const HEADLINE_OVERHANG = 28;

/** Lays out the headline: biggest size that fits in ≤ max lines and the box, else ellipsis at the smallest. */
export async function layoutHeadline(headline: string, theme: ResolvedTheme, lang?: string): Promise<HeadlineLayout> {
  const text0 = clipGraphemes(headline, MAX_HEADLINE_GRAPHEMES);
  const style = arabicStyle(text0, lang);
  const dir = baseDirection(text0);
  if (!hasInk(text0)) return { img: EMPTY, size: HEADLINE_SIZES[0], lines: 0, text: '', truncated: false, dir, style };
  const families = familyList(style);
  const factor = lineFactor(style, text0);

  const measure = async (text: string, size: number) => {
    const pitch = Math.round(size * factor);
    const markup = span(text, {
      foreground: theme.foreground,
      line_height: pitch * 1024,
      ...(lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? { lang } : {}),
    });
    const font = `${families} Bold ${size}`;
    const [img, one] = await Promise.all([textImage(markup, font, { width: HEADLINE.width - HEADLINE_OVERHANG, wrap: 'word-char' }), textImage(markup, font)]);
    const lines = Math.max(1, Math.round((img.height - one.height) / pitch) + 1);
    // Ink may overhang the wrap width a little (Nastaliq swashes): allowed up to the box width.
    const fits = lines <= HEADLINE_MAX_LINES && img.height <= HEADLINE.height && img.width <= HEADLINE.width;
    return { img, lines, fits };
  };

  for (const size of HEADLINE_SIZES) {
    const m = await measure(text0, size);
    if (m.fits) return { img: m.img, size, lines: m.lines, text: text0, truncated: text0 !== headline, dir, style };
  }
  const size = HEADLINE_SIZES[HEADLINE_SIZES.length - 1];
  // Binary search the longest prefix (+ ellipsis) that fits.
  const longestFitting = async (prefixes: string[]) => {
    let lo = 0,
      hi = prefixes.length - 1,
      found: { m: Awaited<ReturnType<typeof measure>>; text: string } | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = prefixes[mid] + ELLIPSIS;
      const m = await measure(t, size);
      if (m.fits) {
        found = { m, text: t };
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  // By word; if not even the first word fits (a giant unbroken token), by grapheme.
  let best = (await longestFitting(truncationPrefixes(text0, lang))) ?? (await longestFitting(graphemes(text0).map((_, i, g) => g.slice(0, i + 1).join(''))));
  if (!best) {
    const m = await measure(ELLIPSIS, size);
    best = { m, text: ELLIPSIS };
  }
  return { img: best.m.img, size, lines: best.m.lines, text: best.text, truncated: true, dir, style };
}

/** One line of markup built from `text`, truncated with an ellipsis (grapheme-safe) to `maxWidth`. */
async function fitLine(text: string, build: (t: string) => string, font: string, maxWidth: number): Promise<TextImg | undefined> {
  if (!hasInk(text)) return undefined;
  let img = await textImage(build(text), font);
  if (img.width <= maxWidth) return img;
  const g = graphemes(text);
  let lo = 1,
    hi = g.length - 1,
    best: TextImg | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t =
      g
        .slice(0, mid)
        .join('')
        .replace(/[\s\p{Cf}]+$/u, '') + ELLIPSIS;
    img = await textImage(build(t), font);
    if (img.width <= maxWidth) {
      best = img;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best ?? textImage(build(ELLIPSIS), font);
}

function familiesFor(text: string, lang?: string): string {
  return familyList(arabicStyle(text, lang));
}

async function logoImage(theme: ResolvedTheme, height: number, maxWidth: number): Promise<TextImg | undefined> {
  if (!theme.logo) return undefined;
  const { data, info } = await sharp(theme.logo, { density: 300 })
    .resize({ height, width: maxWidth, fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** A flat RGB canvas; layers are alpha-blended in JS (much cheaper than a libvips composite of a flat background). */
class Canvas {
  readonly data: Buffer;
  constructor(background: string) {
    this.data = Buffer.alloc(WIDTH * HEIGHT * 3);
    const [r, g, b] = rgb(background);
    const row = Buffer.alloc(WIDTH * 3);
    for (let x = 0; x < WIDTH; x++) {
      row[x * 3] = r;
      row[x * 3 + 1] = g;
      row[x * 3 + 2] = b;
    }
    for (let y = 0; y < HEIGHT; y++) row.copy(this.data, y * WIDTH * 3);
  }

  rect(left: number, top: number, w: number, h: number, colour: string): void {
    const [r, g, b, a] = rgb(colour);
    const px = Buffer.alloc(w * h * 4);
    for (let i = 0; i < px.length; i += 4) {
      px[i] = r;
      px[i + 1] = g;
      px[i + 2] = b;
      px[i + 3] = a;
    }
    this.draw({ data: px, width: w, height: h }, left, top);
  }

  /** Source-over blend of an unpremultiplied RGBA image at (left, top), clipped to the canvas. */
  draw(img: TextImg, left: number, top: number): void {
    const d = this.data,
      src = img.data,
      w = img.width;
    const x0 = Math.max(0, -left),
      y0 = Math.max(0, -top);
    const x1 = Math.min(w, WIDTH - left),
      y1 = Math.min(img.height, HEIGHT - top);
    for (let y = y0; y < y1; y++) {
      let s = (y * w + x0) * 4;
      let o = ((top + y) * WIDTH + left + x0) * 3;
      for (let x = x0; x < x1; x++, s += 4, o += 3) {
        const a = src[s + 3];
        if (a === 0) continue;
        if (a === 255) {
          d[o] = src[s];
          d[o + 1] = src[s + 1];
          d[o + 2] = src[s + 2];
          continue;
        }
        const ia = 255 - a;
        d[o] = ((src[s] * a + d[o] * ia + 127) / 255) | 0;
        d[o + 1] = ((src[s + 1] * a + d[o + 1] * ia + 127) / 255) | 0;
        d[o + 2] = ((src[s + 2] * a + d[o + 2] * ia + 127) / 255) | 0;
      }
    }
  }
}

/** '#rrggbb' or '#rrggbbaa' (normalised by template.normaliseColour) → [r, g, b, a]. */
function rgb(hex: string): [number, number, number, number] {
  const n = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return [n(1), n(3), n(5), hex.length === 9 ? n(7) : 255];
}

/** Draws an article card. Returns the raw RGB canvas (1200×630×3). */
export async function drawCard(card: CardText, theme: ResolvedTheme): Promise<Buffer> {
  await primeFonts();
  const headlineP = layoutHeadline(card.headline, theme, card.lang);
  const dir = baseDirection(card.headline);
  const logoP = logoImage(theme, HEADER.logoHeight, 320);

  // Header: site name · section.
  const headerFont = `${familiesFor(card.siteName + card.sectionLabel, card.lang)} ${HEADER.size}`;
  const logo = await logoP;
  const headerMax = HEADLINE.width - (logo ? logo.width + HEADER.logoGap : 0);
  const section = clipGraphemes(card.sectionLabel, 60);
  const headerP = hasInk(card.siteName)
    ? fitLine(
        card.siteName,
        (t) =>
          span(t, { foreground: theme.foreground, font_weight: 'bold' }) +
          (hasInk(section) ? span('  \u2022  ', { foreground: theme.muted }) + span(section, { foreground: theme.accent, font_weight: 'bold' }) : ''),
        headerFont,
        headerMax,
      )
    : fitLine(section, (t) => span(t, { foreground: theme.accent, font_weight: 'bold' }), headerFont, headerMax);
  const bylineP = fitLine(
    card.byline,
    (t) => span(t, { foreground: theme.foreground, font_weight: 'bold' }),
    `${familiesFor(card.byline, card.lang)} ${FOOTER.bylineSize}`,
    HEADLINE.width,
  );
  const dateP = fitLine(
    card.dateText,
    (t) => span(t, { foreground: theme.muted }),
    `${familiesFor(card.dateText, card.lang)} ${FOOTER.dateSize}`,
    HEADLINE.width,
  );
  const [headline, header, byline, date] = await Promise.all([headlineP, headerP, bylineP, dateP]);

  // x of a block of width w, mirrored for right-to-left cards.
  const xFor = (w: number, offset = 0) => (dir === 'rtl' ? WIDTH - MARGIN_X - offset - w : MARGIN_X + offset);

  const c = new Canvas(theme.background);
  c.rect(0, 0, WIDTH, ACCENT_BAR, theme.accent);
  let off = 0;
  if (logo) {
    c.draw(logo, xFor(logo.width), Math.round(HEADER.centerY - logo.height / 2));
    off = logo.width + HEADER.logoGap;
  }
  if (header) c.draw(header, xFor(header.width, off), Math.round(HEADER.centerY - header.height / 2));

  const h = headline.img;
  if (h.width) c.draw(h, xFor(h.width), Math.round(HEADLINE.top + (HEADLINE.height - h.height) / 2));

  c.rect(MARGIN_X, DIVIDER_Y, WIDTH - 2 * MARGIN_X, 2, theme.muted);
  const lines = [byline, date].filter((x): x is TextImg => !!x);
  lines.forEach((img, i) => {
    const cy = i === 0 ? FOOTER.line1CenterY : FOOTER.line2CenterY;
    c.draw(img, xFor(img.width), Math.round(cy - img.height / 2));
  });
  return c.data;
}

/** The site-wide card for non-article pages: logo, site name, optional tagline. */
export async function drawDefault(siteName: string, tagline: string, theme: ResolvedTheme): Promise<Buffer> {
  await primeFonts();
  const logo = await logoImage(theme, 120, 600);
  const name = await fitLine(
    siteName,
    (t) => span(t, { foreground: theme.foreground, font_weight: 'bold' }),
    `${familiesFor(siteName)} 88`,
    WIDTH - 2 * MARGIN_X,
  );
  const tag = tagline
    ? await (async () => {
        const fam = familiesFor(tagline);
        const img = await textImage(span(clipGraphemes(tagline, 200), { foreground: theme.muted }), `${fam} 34`, {
          width: WIDTH - 2 * MARGIN_X,
          wrap: 'word-char',
        });
        return img.height > 160 ? fitLine(tagline, (t) => span(t, { foreground: theme.muted }), `${fam} 34`, WIDTH - 2 * MARGIN_X) : img;
      })()
    : undefined;
  const blocks = [logo, name, tag].filter((x): x is TextImg => !!x);
  const gap = 36;
  const total = blocks.reduce((s, b) => s + b.height, 0) + gap * (blocks.length - 1);
  let y = Math.round((HEIGHT - total) / 2);
  const c = new Canvas(theme.background);
  c.rect(0, 0, WIDTH, ACCENT_BAR, theme.accent);
  for (const b of blocks) {
    c.draw(b, Math.round((WIDTH - b.width) / 2), y);
    y += b.height + gap;
  }
  c.rect(0, HEIGHT - ACCENT_BAR, WIDTH, ACCENT_BAR, theme.accent);
  return c.data;
}

/** mozjpeg saves ~25% over libjpeg at the same quality on these cards; never assume more than 45%. */
const MOZJPEG_MAX_SAVING = 0.45;

/**
 * Encodes the raw canvas as palette PNG and as mozjpeg JPEG (quality 85) and keeps the smaller.
 * mozjpeg costs ~60 ms CPU per card, so a plain libjpeg encode (~8 ms) is tried first: when even a
 * 45% saving on it could not beat the PNG, the mozjpeg encode is skipped (the PNG wins either way).
 */
export async function encode(raw: Buffer): Promise<Encoded> {
  const base = () => sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } });
  const [png, plain] = await Promise.all([
    base().png({ palette: true, quality: 95, colours: 256, dither: 0, effort: 2, compressionLevel: 7, adaptiveFiltering: false }).toBuffer(),
    base().jpeg({ quality: 85, chromaSubsampling: '4:4:4' }).toBuffer(),
  ]);
  if (plain.length * (1 - MOZJPEG_MAX_SAVING) >= png.length) return { data: png, type: 'image/png', ext: 'png' };
  const jpg = await base().jpeg({ quality: 85, mozjpeg: true, chromaSubsampling: '4:4:4' }).toBuffer();
  return png.length <= jpg.length ? { data: png, type: 'image/png', ext: 'png' } : { data: jpg, type: 'image/jpeg', ext: 'jpg' };
}
