// Lines addressed to editors, never to readers: AP's `Eds: …` and `EDITOR'S NOTE _ …`, photo and video
// references (`AP Photo XNP101`), release instructions (`ADVANCE FOR …`, `HOLD FOR RELEASE`), and the
// `NOT FOR PUBLICATION` / dpa `The following information is not (intended) for publication` banner.

const EDITOR_LINE = new RegExp(
  [
    String.raw`^\(?\s*Eds?\s*:`,
    String.raw`^\(?\s*Editors?\s*:`,
    String.raw`^EDITOR'?S'? NOTE\b`,
    String.raw`^Editor'?s'? note\b`,
    String.raw`^Note to editors\b`,
    String.raw`^NOT FOR PUBLICATION\b`,
    String.raw`^(?:AP|dpa) (?:Photos?|Video|Audio|Graphics?|Interactive)\b`,
    String.raw`^With AP (?:Photos?|Video|Graphics?)\b`,
    String.raw`^ADVANCE FOR\b`,
    String.raw`^HOLD FOR RELEASE\b`,
    String.raw`^\((?:Adds|Updates|Corrects|Changes|Subs|Inserts|Recasts)\b`,
  ].join('|'),
);

/** Whether a header line is a note to editors (never published). */
export function isEditorLine(text: string): boolean {
  return EDITOR_LINE.test(text.trim());
}

/** dpa's banner after which everything is editorial information (contacts, sign-off). */
export function isNotForPublication(text: string): boolean {
  return /\b(?:not (?:intended )?for publication|nicht zur Veröffentlichung|NOT FOR PUBLICATION)\b/i.test(text);
}
