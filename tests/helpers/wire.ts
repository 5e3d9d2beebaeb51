// A small well-formed wire file in the Business Recorder text format (../../../shared/docs/wire-format.md
// describes it), written by the tests: no corpus text is copied.

/** A wire file with a capture line, section, headline, byline and publication line, and its paragraphs. */
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
