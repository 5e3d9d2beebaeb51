// What a picture file really is, read from its first bytes. The wire's declared type (and the file's
// name) are never trusted: a PNG sent as `image/jpeg` is a PNG, an "image" that is an HTML error page
// or an SVG (which can carry scripts and external references) is refused before any decoder sees it.
// Only the six raster formats sharp's prebuilt libvips decodes safely are accepted.

export type PictureFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'tiff' | 'gif';

export type Sniffed = { ok: true; format: PictureFormat; mime: string; label: string } | { ok: false; reason: string };

export const FORMAT_MIME: Record<PictureFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  tiff: 'image/tiff',
  gif: 'image/gif',
};

/** The format in words, for messages (`a PNG image`). */
export const FORMAT_LABEL: Record<PictureFormat, string> = {
  jpeg: 'a JPEG image',
  png: 'a PNG image',
  webp: 'a WebP image',
  avif: 'an AVIF image',
  tiff: 'a TIFF image',
  gif: 'a GIF image',
};

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));
const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

const accepted = (format: PictureFormat): Sniffed => ({ ok: true, format, mime: FORMAT_MIME[format], label: FORMAT_LABEL[format] });
const refused = (reason: string): Sniffed => ({ ok: false, reason });
const notAccepted = (what: string) => refused(`${what}: not accepted`);
const notPicture = (what: string) => refused(`not a picture (${what})`);

/** ISO base media file (`....ftyp<brand>`): the major brand and the compatible brands. */
function ftypBrands(b: Uint8Array): string[] | undefined {
  if (b.length < 12 || ascii(b, 4, 8) !== 'ftyp') return undefined;
  const size = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  const end = Math.min(b.length, size >= 16 && size <= 4096 ? size : 32);
  const brands = [ascii(b, 8, 12)];
  for (let p = 16; p + 4 <= end; p += 4) brands.push(ascii(b, p, p + 4));
  return brands;
}

/** Text files: the markup kinds that pretend to be pictures most often, else "text". */
function describeText(b: Uint8Array): Sniffed | undefined {
  // UTF-16 (with its byte order mark) is how an SVG or HTML file slips past a check for "<".
  const encoding = startsWith(b, [0xff, 0xfe]) ? 'utf-16le' : startsWith(b, [0xfe, 0xff]) ? 'utf-16be' : 'utf-8';
  const head = new TextDecoder(encoding, { fatal: false }).decode(b.subarray(0, 8192));
  // Printable text only (a BOM, whitespace and a few control characters allowed).
  const sample = head.slice(0, 512);
  if (/[\x00-\x08\x0e-\x1a\x1c-\x1f]/.test(sample)) return undefined;
  const t = head.replace(/^\uFEFF/, '').trimStart();
  const lower = t.toLowerCase();
  // Comments, processing instructions and a doctype may come before the root element.
  const afterProlog = lower.replace(/^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!doctype(?!\s+html)[^>]*>\s*)*/, '');
  if (/^<svg[\s>/]/.test(afterProlog) || (/^<[?!]/.test(lower) && /<svg[\s>]/.test(lower.slice(0, 2048)))) return notAccepted('an SVG image');
  if (/^<!doctype\s+html/.test(afterProlog) || /^<(html|head|body|script|meta|title|div|p|h1|a|iframe|style|link)[\s>/]/.test(afterProlog))
    return refused('an HTML page, not a picture');
  if (lower.startsWith('<?xml') || afterProlog.startsWith('<')) return notPicture('an XML document');
  if (/^[{[]/.test(t)) return notPicture('JSON or other text');
  if (t.startsWith('%!PS')) return notPicture('a PostScript file');
  if (t.length === 0) return notPicture('an empty text file');
  return notPicture('a text file');
}

/** Recognises the picture format from the bytes; anything else is refused with what it is, in words. */
export function sniffPicture(bytes: Uint8Array): Sniffed {
  const b = bytes;
  if (b.length === 0) return refused('an empty file, not a picture');
  if (startsWith(b, [0xff, 0xd8, 0xff])) return accepted('jpeg');
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return accepted('png');
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return accepted('gif');
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return accepted('webp');
  if (ascii(b, 0, 4) === 'RIFF')
    return notPicture(ascii(b, 8, 12) === 'AVI ' ? 'an AVI video' : ascii(b, 8, 12) === 'WAVE' ? 'a WAV sound file' : 'a RIFF file');
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return accepted('tiff');
  if (startsWith(b, [0x49, 0x49, 0x2b, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2b])) return notAccepted('a BigTIFF image');
  const brands = ftypBrands(b);
  if (brands) {
    if (brands.includes('avif') || brands.includes('avis')) return accepted('avif');
    if (brands.some((x) => /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(x))) return notAccepted('a HEIF/HEIC image');
    if (brands.some((x) => /^(crx )$/.test(x))) return notAccepted('a Canon raw camera file');
    if (brands.some((x) => /^(jp2 |jpx |jpm )$/.test(x))) return notAccepted('a JPEG 2000 image');
    if (brands.includes('qt  ')) return notPicture('a QuickTime video');
    return notPicture(`an MP4/QuickTime media file (brand "${brands[0]!.trim()}")`);
  }
  if (startsWith(b, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20]) || startsWith(b, [0xff, 0x4f, 0xff, 0x51])) return notAccepted('a JPEG 2000 image');
  if (startsWith(b, [0xff, 0x0a]) || startsWith(b, [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20])) return notAccepted('a JPEG XL image');
  if (ascii(b, 0, 2) === 'BM' && b.length >= 14) return notAccepted('a BMP image');
  if (startsWith(b, [0x00, 0x00, 0x01, 0x00]) || startsWith(b, [0x00, 0x00, 0x02, 0x00])) return notAccepted('a Windows icon');
  if (ascii(b, 0, 4) === '8BPS') return notAccepted('a Photoshop document');
  if (ascii(b, 0, 5) === '%PDF-') return notPicture('a PDF document');
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return notPicture('a ZIP archive (or an Office document)');
  if (startsWith(b, [0x1f, 0x8b])) return notPicture('a gzip-compressed file');
  if (startsWith(b, [0x42, 0x5a, 0x68])) return notPicture('a bzip2-compressed file');
  if (startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return notPicture('a 7-Zip archive');
  if (startsWith(b, [0x52, 0x61, 0x72, 0x21])) return notPicture('a RAR archive');
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return notPicture('an old Microsoft Office document');
  if (ascii(b, 0, 2) === 'MZ') return notPicture('a Windows program');
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return notPicture('a Linux program');
  if (ascii(b, 0, 4) === 'OggS') return notPicture('an Ogg audio/video file');
  if (ascii(b, 0, 3) === 'ID3' || startsWith(b, [0xff, 0xfb])) return notPicture('an MP3 sound file');
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) return notPicture('a Matroska/WebM video');
  if (ascii(b, 0, 4) === 'wOFF' || ascii(b, 0, 4) === 'wOF2' || startsWith(b, [0x00, 0x01, 0x00, 0x00, 0x00])) return notPicture('a font file');
  if (ascii(b, 0, 2) === 'P1' || /^P[1-6]\s/.test(ascii(b, 0, 3))) return notAccepted('a PNM/PPM image');
  const text = describeText(b);
  if (text) return text;
  const hex = Array.from(b.subarray(0, 8), (x) => x.toString(16).padStart(2, '0')).join(' ');
  return notPicture(`unknown binary data starting ${hex}`);
}

/** Canonical format for a declared media type or name (`image/jpg`, `JPEG`, `.jpg`), if it names one. */
export function declaredFormat(declared: string): PictureFormat | 'svg' | undefined {
  const t = declared
    .trim()
    .toLowerCase()
    .replace(/;.*$/, '')
    .replace(/^image\//, '')
    .replace(/^\./, '');
  if (/^(jpe?g|pjpeg|jpe|jfif)$/.test(t)) return 'jpeg';
  if (/^(png|x-png|apng)$/.test(t)) return 'png';
  if (t === 'webp') return 'webp';
  if (t === 'avif') return 'avif';
  if (/^(tiff?|x-tiff)$/.test(t)) return 'tiff';
  if (t === 'gif') return 'gif';
  if (/^svg(\+xml)?$/.test(t)) return 'svg';
  return undefined;
}
