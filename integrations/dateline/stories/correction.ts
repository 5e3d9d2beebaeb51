// The short note a corrected story carries on its page, in its JSON-LD and in its feed item.

/** The agency's own note when it gave one, else a plain statement that the story was corrected. */
export function correctionText(correction: { note?: string }): string {
  return correction.note ? `Correction: ${correction.note}` : 'This story has been corrected since it was first published.';
}

/**
 * The correction a story carries: the latest correction among its versions up to the one shown (a
 * correction stays noted when a later update follows it).
 */
export function correctionOf<V extends { summary: { correction?: { note?: string } } }>(versions: readonly V[], shown: V): { note?: string } | undefined {
  return versions
    .slice(0, versions.indexOf(shown) + 1)
    .filter((v) => v.summary.correction)
    .at(-1)?.summary.correction;
}
