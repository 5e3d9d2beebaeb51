// Text for XML we write by hand (news sitemap, index entries): escaped, and without the characters
// XML 1.0 forbids (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/FFFF), which wire copy
// occasionally carries and which make a whole sitemap or feed unparseable.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters that may not appear in an XML 1.0 document. */
export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

/** Escapes text for XML element content or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
