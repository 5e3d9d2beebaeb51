// Story bodies delivered as HTML or XHTML (ninjs `body_html`, NewsML-G2 XHTML, NITF `body.content`)
// become the body blocks of the article model: paragraphs, subheads, lists, quotes and captions, as
// text. Two steps, each by a well-kept library:
//  1. sanitize-html with a short allow-list of structural tags and no attributes at all (a line number
//     aside): `script`, `style`, `on*` handlers, `javascript:` links, iframes and forms are gone here,
//     and the text inside script and style goes with them;
//  2. htmlparser2 reads the clean markup into a tree, and the blocks are taken from it.
// Inline markup (bold, italics, links) is not kept: the theme prints each block's text, escaped once.
// A reader that places pictures (NITF) marks each with a slot element, read here as a `picture` block.
import sanitizeHtml from 'sanitize-html';
import { parseDocument } from 'htmlparser2';
import type { BodyBlock } from '../item.ts';
import { collapseWhiteSpace } from './white-space.ts';

/** Tags kept by the sanitizer (their text is kept for all others, except NON_TEXT). */
const ALLOWED = [
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'cite',
  'figure',
  'figcaption',
  'pre',
  'br',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
];
/** Tags whose text is never story text. */
const NON_TEXT = ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'title', 'head', 'svg', 'math'];

/** The attribute XML readers put on elements to carry their line in the original file (xml.ts `innerMarkup`). */
export const LINE_ATTRIBUTE = 'data-line';

/**
 * The element a body reader puts where a picture stands (NITF `media`), holding the picture's index
 * as its text: it becomes a `picture` block. Kept only when the caller asks (`pictures`); otherwise it
 * is dropped with its text, so markup from a wire body can never make one. Callers that ask remove any
 * element of this name the wire itself sent before they add theirs.
 */
export const PICTURE_SLOT = 'dateline-picture';

/** The clean markup: only ALLOWED tags (and picture slots when asked), no attribute but the line. */
export function sanitizeBody(html: string, options: { pictures?: boolean } = {}): string {
  return sanitizeHtml(html, {
    allowedTags: options.pictures ? [...ALLOWED, PICTURE_SLOT] : ALLOWED,
    allowedAttributes: { '*': [LINE_ATTRIBUTE] },
    allowedSchemes: [],
    nonTextTags: [...NON_TEXT, PICTURE_SLOT],
    disallowedTagsMode: 'discard',
    // Wire bodies are fragments (`<body>…</body>` or `<section>…`): text outside an <html> is kept.
    enforceHtmlBoundary: false,
  });
}

interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const isTag = (n: DomNode) => n.type === 'tag';
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'body', 'tbody', 'thead', 'tfoot']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCKS = new Set([...CONTAINERS, ...HEADINGS, 'p', 'ul', 'ol', 'blockquote', 'figure', 'figcaption', 'pre', 'table', PICTURE_SLOT]);

/** Text as a reader sees it: `<br>` as a space, white space collapsed, controls removed. */
export function cleanInline(text: string): string {
  return collapseWhiteSpace(text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF\uFFFD\u00AD]/g, '')).trim();
}

function rawText(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.name === 'br') return ' ';
  // A picture inside a paragraph, quote or list item is not placed (its index is not text).
  if (node.name === PICTURE_SLOT) return ' ';
  const inner = (node.children ?? []).map(rawText).join('');
  // Block-level children of an inline run (a list inside a paragraph) are separated by a space.
  return node.name && BLOCKS.has(node.name) ? ` ${inner} ` : inner;
}

const textOf = (node: DomNode) => cleanInline(rawText(node));

export interface BlocksOptions {
  /** Line given to blocks whose markup carries none (ninjs: the line of the body field). */
  line: number;
  /** The last line of the file: a block's line never passes it. */
  lastLine?: number;
  /** Turn picture slots (PICTURE_SLOT) into `picture` blocks; without it they are dropped. */
  pictures?: boolean;
}

/** Body blocks of an HTML or XHTML body. Never throws; empty text gives no block. */
export function blocksFromHtml(html: string, options: BlocksOptions): BodyBlock[] {
  const doc = parseDocument(sanitizeBody(html, { pictures: options.pictures === true }), { decodeEntities: true }) as unknown as DomNode;
  const blocks: BodyBlock[] = [];
  const clamp = (line: number) => Math.max(1, Math.min(line, options.lastLine ?? Number.MAX_SAFE_INTEGER));
  const lineOf = (node: DomNode, fallback: number) => {
    const n = Number(node.attribs?.[LINE_ATTRIBUTE]);
    return clamp(Number.isInteger(n) && n > 0 ? n : fallback);
  };

  const pushParagraph = (text: string, line: number) => {
    if (text) blocks.push({ kind: 'paragraph', text, line });
  };

  const walk = (nodes: DomNode[], inherited: number) => {
    let run: DomNode[] = [];
    let runLine = inherited;
    const flush = () => {
      if (run.length) pushParagraph(cleanInline(run.map(rawText).join('')), runLine);
      run = [];
    };
    for (const node of nodes) {
      const name = isTag(node) ? node.name! : '';
      const line = lineOf(node, inherited);
      if (!isTag(node) || !BLOCKS.has(name)) {
        if (run.length === 0) runLine = line;
        run.push(node);
        continue;
      }
      flush();
      if (CONTAINERS.has(name)) walk(node.children ?? [], line);
      else if (HEADINGS.has(name)) {
        const text = textOf(node);
        if (text) blocks.push({ kind: 'subhead', text, line });
      } else if (name === PICTURE_SLOT) {
        const index = cleanInline((node.children ?? []).map(rawText).join(''));
        if (/^\d{1,6}$/.test(index)) blocks.push({ kind: 'picture', picture: Number(index), line });
      } else if (name === 'p' || name === 'pre') pushParagraph(textOf(node), line);
      else if (name === 'ul' || name === 'ol') {
        const items = (node.children ?? [])
          .filter((c) => isTag(c) && c.name === 'li')
          .map(textOf)
          .filter(Boolean);
        const loose = (node.children ?? [])
          .filter((c) => !(isTag(c) && c.name === 'li'))
          .map(textOf)
          .filter(Boolean);
        if (items.length) blocks.push({ kind: 'list', ordered: name === 'ol', items: [...items, ...loose], line });
        else for (const t of loose) pushParagraph(t, line);
      } else if (name === 'blockquote') {
        const cites = (node.children ?? []).filter((c) => isTag(c) && c.name === 'cite');
        const cite = cites.map(textOf).filter(Boolean).join(' ');
        const text = cleanInline(
          (node.children ?? [])
            .filter((c) => !cites.includes(c))
            .map(rawText)
            .join(' '),
        );
        if (text) blocks.push(cite ? { kind: 'quote', text, cite, line } : { kind: 'quote', text, line });
      } else if (name === 'figure' || name === 'figcaption') {
        // A `cite` directly inside the figure is the photo credit (NITF `media-producer` arrives as one).
        const parts = name === 'figure' ? (node.children ?? []) : [];
        const caption = name === 'figcaption' ? node : parts.find((c) => isTag(c) && c.name === 'figcaption');
        const cite = parts.find((c) => isTag(c) && c.name === 'cite');
        const credit = cite ? textOf(cite) : '';
        const text = caption
          ? textOf(caption)
          : cleanInline(
              parts
                .filter((c) => c !== cite)
                .map(rawText)
                .join(' '),
            );
        if (text) blocks.push(credit ? { kind: 'caption', text, credit, line } : { kind: 'caption', text, line });
      } else if (name === 'table') {
        // A table (a results list, a price list) reads row by row.
        const rows: DomNode[] = [];
        const collect = (n: DomNode) => {
          for (const c of n.children ?? []) {
            if (isTag(c) && c.name === 'tr') rows.push(c);
            else if (isTag(c)) collect(c);
          }
        };
        collect(node);
        for (const row of rows) {
          const cells = (row.children ?? [])
            .filter((c) => isTag(c) && (c.name === 'td' || c.name === 'th'))
            .map(textOf)
            .filter(Boolean);
          pushParagraph(cells.join(' | '), lineOf(row, line));
        }
      }
    }
    flush();
  };
  walk(doc.children ?? [], clamp(options.line));
  return blocks;
}
