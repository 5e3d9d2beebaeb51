// The one picture model every rich wire format is read into. A parser records what the wire says about
// each picture that comes with a story (NewsML-G2 picture items of a package, ninjs associations, NITF
// `media`, NewsML 1.2 photo components); fetching, checking and resizing happen later, in ../pictures/.
// Parsers stay pure: a picture is metadata and references (a path beside the wire file, or a URL).

/** One rendition of a picture as the wire offers it. */
export interface PictureRendition {
  /** Where the bytes are: a path relative to the wire file's folder, a `file:` URL or an http(s) URL. */
  href: string;
  /** The wire's name for the rendition (`baseImage`, `viewImage`, `thumbnail`, `WatermarkPreview`). */
  name?: string;
  /** The wire's title for it, when given (`Preview with watermark`). */
  title?: string;
  /** Declared pixel size; checked against the bytes, never trusted. */
  width?: number;
  height?: number;
  /** Declared media type (`image/jpeg`); the bytes decide the real type. */
  mimeType?: string;
  /** Declared size in bytes. */
  sizeBytes?: number;
  /** The rendition is marked as costing extra (ninjs `priced`, a `rendition` qualifier of a price). */
  priced?: boolean;
}

/** A point of interest in the picture, as fractions of its width and height (0–1, from the top left). */
export interface PointOfInterest {
  x: number;
  y: number;
}

export interface WirePicture {
  /** 1-based line of the picture's element or object in the wire file. */
  line: number;
  /** `lead`: shown above the story and used for its social card; `inline`: at its place in the body. */
  role: 'lead' | 'inline';
  /** The picture's own identity when the wire gives one (a NewsML-G2 guid, a ninjs uri). */
  id?: string;
  renditions: PictureRendition[];
  /** The picture's headline or title (`Fishing boat in harbour`), when given. */
  headline?: string;
  /** The caption as written. */
  caption?: string;
  /** Alternative text written for screen readers (NITF `alternate-text`, ninjs `description_text`-style alt). */
  alt?: string;
  /** The photographer or maker (`crol:photographer`, ninjs `by`). */
  creator?: string;
  /** The credit line as the agency wants it printed (`AFP/Getty Images`). */
  creditLine?: string;
  /** The copyright notice (`© 2024 Reuters`). */
  copyright?: string;
  /** Usage terms or licence text (`Editorial use only`). */
  usageTerms?: string;
  /** The picture may not be published before this instant (ISO 8601 with offset). */
  embargoedUntil?: string;
  /** `canceled`/`withheld`: the picture was killed and must leave the story. */
  status: 'usable' | 'canceled' | 'withheld';
  /** Where to keep in the frame when cropping. */
  poi?: PointOfInterest;
}

/** Words that mark a rendition as watermarked (in English, German, Norwegian, Swedish, French/Turkish): never shown. */
const WATERMARKED = /water\s*-?\s*mark|wasserzeichen|vannmerke|vattenm[aä]rk|filigran/i;
/** `wm` as a word of its own (`a001_wm.jpg`, `preview-wm`, a rendition named `WM`), not inside another word. */
const WM_WORD = /(?:^|[^a-z0-9])wm(?:[^a-z0-9]|$)/i;

const marked = (text: string) => WATERMARKED.test(text) || WM_WORD.test(text);

/**
 * Whether a rendition is watermarked: its name or title says so, or the file name in its href does
 * (TT's `a001_WatermarkPreview.jpg` is named `r02` and titled `Preview`). A bare `wm` counts only in
 * the href's file name, so a host such as `wm.example.com` marks nothing.
 */
export function isWatermarked(rendition: PictureRendition): boolean {
  if (marked(rendition.name ?? '') || marked(rendition.title ?? '')) return true;
  const path = rendition.href.replace(/[?#].*$/s, '');
  const file = path.slice(path.lastIndexOf('/') + 1);
  return marked(file) || WATERMARKED.test(rendition.href);
}

/**
 * The rendition to publish: the largest clean one (never one named or titled as watermarked, and never
 * a priced one unless `allowPriced`). Size is the declared pixel area, else the declared bytes; a
 * rendition with neither counts as smaller than any that says, so a sized original wins over a bare
 * link, and among bare links the first (the wire lists its main one first) wins.
 */
export function chooseRendition(picture: WirePicture, options: { allowPriced?: boolean } = {}): PictureRendition | undefined {
  const candidates = picture.renditions.filter((r) => r.href && !isWatermarked(r) && (options.allowPriced || !r.priced));
  let best: PictureRendition | undefined;
  let bestScore = -1;
  for (const r of candidates) {
    const score = r.width && r.height ? r.width * r.height : r.sizeBytes ? r.sizeBytes / 1e6 : 0;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/** The alternative text: the wire's own, else the picture's headline, else the caption's first sentence. Never the credit. */
export function pictureAlt(picture: Pick<WirePicture, 'alt' | 'headline' | 'caption'>): string {
  const own = picture.alt?.trim() || picture.headline?.trim();
  if (own) return own;
  const caption = picture.caption?.trim() ?? '';
  const sentence = /^(.+?[.!?])(?:\s|$)/su.exec(caption)?.[1] ?? caption;
  return sentence.trim();
}

// ---------------------------------------------------------------------------------------------------
// Reading helpers shared by the parsers, so every format keeps the same rules for what it records.

/** Longest href kept: longer ones are not links a wire means (a base64 payload, a runaway field). */
const MAX_HREF = 2048;

export type HrefRead = { ok: true; href: string } | { ok: false; reason: string };

/**
 * A rendition reference as the model keeps it: an http(s) or `file:` URL, or a path relative to the
 * wire file (`high-tide.jpg`, NITF's bare names). Anything else names no place the bytes can be read
 * from and is refused with the reason: inline data (`data:`, as base64 is refused everywhere), script
 * (`javascript:`), and identifiers such as `tag:` or `urn:` URIs. A network-path reference
 * (`//host/a.jpg`) is read as https. White space is collapsed, like every text the parsers keep.
 */
export function readHref(raw: string | undefined): HrefRead {
  const text = (raw ?? '')
    .replace(/[\u0000-\u001F\u007F-\u009F\uFEFF\uFFFD\u00AD]|\p{Cs}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return { ok: false, reason: 'an empty href' };
  if (text.length > MAX_HREF) return { ok: false, reason: `an href of ${text.length.toLocaleString('en')} characters (over ${MAX_HREF.toLocaleString('en')})` };
  if (text.startsWith('//')) return { ok: true, href: `https:${text}` };
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'file') return { ok: true, href: text };
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  if (scheme === 'data') return { ok: false, reason: 'inline data (a data: URL), which is not read' };
  if (scheme === 'javascript' || scheme === 'vbscript') return { ok: false, reason: `a script URL ${shown}` };
  return { ok: false, reason: `${shown}, which names the picture (a ${scheme}: identifier) but not where its bytes are` };
}

/** Largest pixel side and byte size believed: bigger declared values are typos or hostile, and are dropped. */
const MAX_PIXELS = 1_000_000;
const MAX_BYTES = 2 ** 40;

/**
 * A declared size as a whole number above zero: a JSON number or a string of digits (BBC's
 * `"width": "172"`), else undefined. `kind` picks the bound: pixels or bytes.
 */
export function declaredSize(value: unknown, kind: 'pixels' | 'bytes'): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,16}(?:\.0+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n <= 0) return undefined;
  return n <= (kind === 'pixels' ? MAX_PIXELS : MAX_BYTES) ? n : undefined;
}

/**
 * A point of interest as fractions of the picture's width and height. Values both within 0–1 are
 * fractions already; larger ones are pixels of the rendition they are given for (ninjs 3.1 and
 * superdesk: `{"x": 729, "y": 864}` of a 1920×1440 rendition), divided by its size. Undefined when the
 * values are not numbers, negative, or outside the rendition (or pixels without a declared size).
 */
export function pointOfInterest(x: unknown, y: unknown, width?: number, height?: number): PointOfInterest | undefined {
  const nx = typeof x === 'number' ? x : typeof x === 'string' && x.trim() !== '' ? Number(x) : NaN;
  const ny = typeof y === 'number' ? y : typeof y === 'string' && y.trim() !== '' ? Number(y) : NaN;
  if (!Number.isFinite(nx) || !Number.isFinite(ny) || nx < 0 || ny < 0) return undefined;
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  if (nx <= 1 && ny <= 1) return { x: round(nx), y: round(ny) };
  if (!width || !height || nx > width || ny > height) return undefined;
  return { x: round(nx / width), y: round(ny / height) };
}

/** Pictures one story may carry: a story with more is a gallery or a runaway file; the rest are left out. */
export const MAX_PICTURES = 100;
/** Renditions one picture may carry (real ones have up to ten). */
export const MAX_RENDITIONS = 30;
