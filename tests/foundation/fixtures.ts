// Wire files for the foundation build tests, written by the tests (no corpus text is copied).
import { readFileSync } from 'node:fs';
import { seedArticlePath } from '../helpers/build.ts';

export const seedArticle = readFileSync(seedArticlePath, 'utf8');

/** A small well-formed wire file. */
export function wire(o: { section?: string; headline: string; byline?: string; published: string; body?: string[]; capture?: string }): string {
  const body = o.body ?? [`KARACHI: ${o.headline} was reported on the wire today.`, 'A second paragraph gives more detail about the story.'];
  return [
    ` date ${o.capture ?? '2024-03-02'}`,
    o.section ?? '',
    '',
    o.headline,
    '',
    `${o.byline ? `${o.byline} ` : ''}Published ${o.published}`,
    '',
    ...body.flatMap((p) => [p, '']),
  ].join('\n');
}
