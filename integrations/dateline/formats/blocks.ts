// The text a reader sees in a body block, for search, story keys and summaries (pages and feeds
// render each kind their own way), and where a story's photo captions go.
import type { BodyBlock } from './item.ts';

export type CaptionBlock = Extract<BodyBlock, { kind: 'caption' }>;

export function blockText(block: BodyBlock): string {
  switch (block.kind) {
    case 'list':
      return block.items.join('\n');
    case 'quote':
      return block.cite ? `${block.text} — ${block.cite}` : block.text;
    case 'related':
      return block.headline;
    case 'picture':
      // a picture's words (its caption) are the item's `pictures`, not the body's text
      return '';
    default:
      return block.text;
  }
}

/**
 * Where the photo captions of a story's text go (the wire text's `… — AFP/File` lines, a rich body's
 * caption paragraphs), given the pictures it has: a lead photo without a caption of its own takes the
 * first; the others describe a picture the story does not have, and are left out of pages, feeds and
 * search (the report names them).
 */
export function placeCaptions(
  body: readonly BodyBlock[],
  photos: readonly { role: 'lead' | 'inline'; caption?: string | undefined }[] | undefined,
): { lead?: CaptionBlock; orphans: CaptionBlock[] } {
  const captions = body.filter((b): b is CaptionBlock => b.kind === 'caption');
  const lead = photos?.find((p) => p.role === 'lead');
  if (lead && !lead.caption && captions.length > 0) return { lead: captions[0]!, orphans: captions.slice(1) };
  return { orphans: captions };
}
