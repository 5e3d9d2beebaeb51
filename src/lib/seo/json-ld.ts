// JSON-LD that stays inert in HTML whatever the wire text holds: JSON.stringify, then the characters
// that could end the <script> element or start markup (`<`, `>`, `&`) and the two line separators
// older JavaScript parsers reject are written as \u escapes. JSON.parse gives back the same text.
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
