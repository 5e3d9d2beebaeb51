// Wire text for the RSS fields readers may show as HTML: item title and description, channel title,
// description and image title. RSS cannot say "this is plain text", and readers show these fields as
// HTML when they look like HTML (python's feedparser decides per field; @rowanmanning/feed-parser, like
// many readers, always decodes HTML references). So the two things an HTML reader would take as markup
// are written as HTML references: a `<` that opens a tag, end tag or comment (`<b`, `</`, `<!`, `<?`),
// and an `&` that starts a character reference (`&amp;`, `&#60;`; HTML reads `&LT` without a semicolon
// as `<`). Everything else is left as it is, for the XML writer to escape exactly once: a headline with
// `&`, `<` before a space or digit, `>` or quotes reaches the XML as `&amp;`, `&lt;` … (once), and text
// that looks like markup reads as written in every reader.
import { xmlSafe } from '../sitemaps/xml.ts';

export function feedText(text: string): string {
  return xmlSafe(text).replace(/<(?=[A-Za-z/!?])|&(?=[#A-Za-z])/g, (c) => (c === '<' ? '&lt;' : '&amp;'));
}

/**
 * Wire text for the fields readers take as plain text, `category` and `dc:creator`: only made safe for
 * XML, which the XML writer then escapes once.
 */
export const feedPlainText = xmlSafe;
