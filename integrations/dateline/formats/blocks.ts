// The text a reader sees in a body block, for search, story keys and summaries (pages and feeds
// render each kind their own way).
import type { BodyBlock } from './item.ts';

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
