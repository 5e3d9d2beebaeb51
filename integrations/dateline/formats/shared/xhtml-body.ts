// Story bodies as XHTML or as plain text inside XML wire formats (NewsML-G2 `inlineXML`/`inlineData`,
// NewsML 1.2 `DataContent`). Both go through the shared sanitizer (html-body.ts); text is escaped first.
import type { BodyBlock } from '../item.ts';
import { blocksFromHtml } from './html-body.ts';
import { cleanField, undoDoubleEscape, withTextUnescaped } from './wire-item.ts';
import { attr, child, descendants, innerMarkup, textOf, transformTree, type XmlElement } from './xml.ts';

const CI = { ci: true } as const;

/**
 * Elements of an XHTML body that are not story text: `head`, and the `header` dpa's converter fills with
 * a copy of the metadata (slugline list, publication time, genre, headline, embargo note, byline).
 */
const XHTML_DROP = new Set(['head', 'header', 'title']);

const classes = (e: XmlElement) => (attr(e, 'class') ?? '').toLowerCase().split(/\s+/);

/** Blocks of an XHTML document or fragment (`html`, `body`, or an element holding body markup). */
export function readXhtmlBody(root: XmlElement, lastLine: number): { blocks: BodyBlock[]; datelineText?: string } {
  const body = root.name.toLowerCase() === 'html' ? (child(root, 'body', CI) ?? root) : root;
  const dateline = descendants(body, 'span', CI).find((s) => classes(s).includes('dateline'));
  const prepared = transformTree(body, (e) => (XHTML_DROP.has(e.name.toLowerCase()) || e === dateline ? null : e));
  const blocks = blocksFromHtml(innerMarkup(withTextUnescaped(prepared)), { line: body.line, lastLine });
  const datelineText = dateline ? cleanField(textOf(dateline)) : '';
  return datelineText ? { blocks, datelineText } : { blocks };
}

/** Paragraph breaks in plain text: a blank line, or a line indented as a new paragraph (ANSA, teletype copy). */
const PARAGRAPH_BREAK = /\n[ \t]*\n|\n(?=[ \t]{2,}\S)/;
const HTML_BLOCK_TAG = /<\/?(?:p|br|div|h[1-6]|ul|ol|li|blockquote)\b/i;

/**
 * Text (NewsML-G2 `inlineData`, a NewsML 1.2 `DataContent` without markup), split into paragraphs. Agencies (ANSA among them) put `<p>` markup into
 * `text/plain` data; such text is read as HTML, chunk by chunk, through the sanitizer.
 */
export function readTextBody(el: XmlElement, lastLine: number): BodyBlock[] {
  const text = undoDoubleEscape(textOf(el));
  const html = HTML_BLOCK_TAG.test(text);
  const blocks: BodyBlock[] = [];
  let line = el.line;
  let rest = text;
  while (rest.length) {
    const m = PARAGRAPH_BREAK.exec(rest);
    const chunk = m ? rest.slice(0, m.index) : rest;
    const startLine = line + (chunk.match(/^\s*/)![0].match(/\n/g) ?? []).length;
    const markup = html
      ? chunk
      : innerMarkup({
          name: 'x',
          qname: 'x',
          attrs: {},
          children: [{ name: 'p', qname: 'p', attrs: {}, children: [chunk], line: startLine }],
          line: startLine,
        });
    blocks.push(...blocksFromHtml(markup, { line: Math.min(startLine, lastLine), lastLine }));
    const consumed = m ? m.index + m[0].length : rest.length;
    line += (rest.slice(0, consumed).match(/\n/g) ?? []).length;
    rest = rest.slice(consumed);
  }
  return blocks;
}
