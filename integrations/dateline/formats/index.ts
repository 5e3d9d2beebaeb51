// Wire files in, items out: recognises a file's format by its content (the extension only narrows the
// choice: IPTC 7901 arrives as `.txt` like the wire text) and hands it to that format's parser. Pure,
// like every parser: bytes in, a FileParse out, never a throw.
import { FORMAT_NAMES, type FileParse, type FormatOptions, type WireFormat } from './item.ts';
import { looksLikeAnpa1312, parseAnpa1312 } from './anpa1312/index.ts';
import { looksLikeIptc7901, parseIptc7901 } from './iptc7901/index.ts';
import { looksLikeNewsml12, parseNewsml12 } from './newsml-1.2/index.ts';
import { looksLikeNewsmlG2, parseNewsmlG2 } from './newsml-g2/index.ts';
import { looksLikeNinjs, parseNinjs } from './ninjs/index.ts';
import { looksLikeNitf, parseNitf } from './nitf/index.ts';
import { parseTextFile } from './text/item.ts';
import { binaryKind, describeBinary } from './shared/decode.ts';

export type { FileParse, FormatOptions, ItemParse, WireFormat, WireItem } from './item.ts';

/** File names the content folder is searched for (case-insensitive). Other files are not wire copy. */
export const WIRE_FILE_EXTENSIONS = ['.txt', '.tst', '.anpa', '.xml', '.json'] as const;

export function isWireFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return WIRE_FILE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

interface FormatReader {
  format: WireFormat;
  /** Extensions it is looked for under. */
  extensions: readonly string[];
  looksLike: (bytes: Uint8Array) => boolean;
  parse: (bytes: Uint8Array, options: FormatOptions) => FileParse;
}

/** Tried in this order; the wire text last, as what a `.txt` is when it is nothing else. */
const READERS: FormatReader[] = [
  { format: 'iptc7901', extensions: ['.txt'], looksLike: looksLikeIptc7901, parse: parseIptc7901 },
  { format: 'anpa1312', extensions: ['.tst', '.anpa', '.txt'], looksLike: looksLikeAnpa1312, parse: parseAnpa1312 },
  { format: 'newsml-g2', extensions: ['.xml'], looksLike: looksLikeNewsmlG2, parse: parseNewsmlG2 },
  { format: 'nitf', extensions: ['.xml'], looksLike: looksLikeNitf, parse: parseNitf },
  { format: 'newsml-1.2', extensions: ['.xml'], looksLike: looksLikeNewsml12, parse: parseNewsml12 },
  { format: 'ninjs', extensions: ['.json'], looksLike: looksLikeNinjs, parse: parseNinjs },
  { format: 'text', extensions: ['.txt'], looksLike: () => true, parse: parseTextFile },
];

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot).toLowerCase();
};

/** What the first bytes look like, for the message of a file no reader takes. */
function describeContent(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file';
  const binary = describeBinary(bytes);
  if (binary) return binary;
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF|^ï»¿/, '')
    .trimStart();
  const root = /^(?:<\?xml[^>]*>\s*)?(?:<!--[^]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w.:-]*)/.exec(head)?.[1];
  if (root) return `XML whose root element is <${root}>`;
  if (/^[{[]/.test(head)) return 'JSON that is not a ninjs item or feed';
  return `text starting ${JSON.stringify(head.slice(0, 40))}`;
}

/**
 * The reader for a file, by extension and content: the first candidate whose content matches, or the
 * only candidate for its extension (whose own errors then say exactly what is wrong); a message saying
 * what was found when no format fits.
 */
export function recogniseFormat(fileName: string, bytes: Uint8Array): { reader: FormatReader } | { found: string } {
  const ext = extensionOf(fileName);
  const candidates = READERS.filter((r) => r.extensions.includes(ext));
  // A picture or a document saved under a wire file's name is said to be one, not quoted as text.
  if (binaryKind(bytes)) return { found: `not ${candidates.map((r) => FORMAT_NAMES[r.format]).join(', ') || 'a wire format'}: found ${describeBinary(bytes)}` };
  const reader = candidates.find((r) => r.looksLike(bytes)) ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (reader) return { reader };
  const expected = candidates.map((r) => FORMAT_NAMES[r.format]).join(', ') || 'a wire format';
  return { found: `not ${expected}: found ${describeContent(bytes)}` };
}

/** Parses one wire file of any supported format. */
export function parseWireFile(fileName: string, bytes: Uint8Array, options: FormatOptions): FileParse {
  const recognised = recogniseFormat(fileName, bytes);
  if ('found' in recognised) {
    return { format: 'text', items: [], errors: [{ line: 1, message: recognised.found }], warnings: [] };
  }
  try {
    return recognised.reader.parse(bytes, options);
  } catch (error) {
    // Parsers never throw; if one does, it is a bug, and the file is still reported.
    return { format: recognised.reader.format, items: [], errors: [{ line: 1, message: `internal parser error: ${String(error)}` }], warnings: [] };
  }
}
