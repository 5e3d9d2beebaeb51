// Teletype text is plain text, and no agency sends markup in it. Anything that looks like a tag (an
// injected `<script>`, an `<img onerror=…>`) goes through the shared sanitizer with no tag allowed, so
// the tag and the text of script and style elements are gone, and the text around them reads on.
import sanitizeHtml from 'sanitize-html';
import { DomUtils, parseDocument } from 'htmlparser2';

const TAG_LIKE = /<[A-Za-z!/?]/;
const NON_TEXT = ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'title', 'head', 'svg', 'math'];

/** The text without markup. Text without anything tag-like is returned as it is. */
export function stripMarkup(text: string): string {
  if (!TAG_LIKE.test(text)) return text;
  const safe = sanitizeHtml(text, { allowedTags: [], allowedAttributes: {}, nonTextTags: NON_TEXT, disallowedTagsMode: 'discard' });
  // sanitize-html escapes what it keeps (`&` → `&amp;`); read it back as text.
  return DomUtils.textContent(parseDocument(safe, { decodeEntities: true }));
}
