// The short note a corrected story carries on its page, in its JSON-LD and in its feed item.

/** The agency's own note when it gave one, else a plain statement that the story was corrected. */
export function correctionText(correction: { note?: string }): string {
  return correction.note ? `Correction: ${correction.note}` : 'This story has been corrected since it was first published.';
}
