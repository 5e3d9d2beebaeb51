// Which NITF picture leads the story. NITF has no lead marker, so the layout decides: a `media` in
// `body.head`, else one in the body before the first paragraph (the fishing sample's tide photo) is
// the lead, shown above the story; it leaves the body. Every other picture stays an inline `picture`
// block where its `media` stood. A picture whose place was lost (a `media` inside a paragraph or a
// quote, which NITF does not allow) stays inline without a block.
import type { BodyBlock } from '../item.ts';
import type { WirePicture } from '../picture.ts';

export interface Arranged {
  body: BodyBlock[];
  pictures?: WirePicture[];
}

/**
 * The item's pictures, the lead first, and the body with its picture blocks renumbered into them.
 * `head`: pictures of `body.head`; `inBody`: the body's, numbered as its picture blocks number them.
 */
export function arrangePictures(body: BodyBlock[], head: WirePicture[], inBody: WirePicture[]): Arranged {
  if (head.length === 0 && inBody.length === 0) return { body };
  let blocks = body;
  let lead: WirePicture | undefined = head[0];
  let leadIndex = -1;
  if (!lead) {
    const firstPicture = blocks.findIndex((b) => b.kind === 'picture');
    const firstParagraph = blocks.findIndex((b) => b.kind === 'paragraph');
    const block = blocks[firstPicture];
    if (block?.kind === 'picture' && (firstParagraph === -1 || firstPicture < firstParagraph)) {
      leadIndex = block.picture;
      lead = inBody[leadIndex];
      blocks = blocks.filter((_, i) => i !== firstPicture);
    }
  }
  const rest = inBody.map((p, i) => ({ p, i })).filter(({ i }) => i !== leadIndex);
  const pictures: WirePicture[] = [
    ...(lead ? [{ ...lead, role: 'lead' as const }] : []),
    ...head.slice(1).map((p) => ({ ...p, role: 'inline' as const })),
    ...rest.map(({ p }) => ({ ...p, role: 'inline' as const })),
  ];
  const offset = pictures.length - rest.length;
  const renumbered = new Map(rest.map(({ i }, k) => [i, offset + k]));
  const out: BodyBlock[] = [];
  for (const b of blocks) {
    if (b.kind !== 'picture') out.push(b);
    else if (renumbered.has(b.picture)) out.push({ ...b, picture: renumbered.get(b.picture)! });
  }
  return { body: out, pictures };
}
