// The story body. ninjs 1 gives it in `body_<form>` members (the schema's pattern property: `body_html`,
// `body_xhtml`, `body_text`, …); ninjs 2 and 3 in `bodies[]`, each with a `role` and a media type
// (`contenttype`, `contentType` in ninjs 3). Preference: HTML/XHTML (the structured form), then an
// embedded NITF document (text/vnd.IPTC.NITF: the addb sample carries its lead only there), then plain
// text split into paragraphs (blank lines, or line breaks when the text has no blank line). Among
// several of one kind the first wins (TT sends `html5` before `richhtml5`). A body that yields no
// paragraph gives way to the next with a warning. Provider XML of other kinds (TT's `ttnitf`) is not read.
//
// HTML goes through the shared sanitizer (shared/html-body.ts): scripts, styles, handlers and links are
// gone before any text is taken. Two provider quirks are handled on the parsed tree first:
// TT's `<div class="dat">` (a topic label and the agency, `Försvar` `TT`, run together) is dropped, and
// a leading heading that repeats the headline (TT's `<h1>`) is not kept as a subhead.
// `description_*` / `descriptions[]` are summaries (metadata, says the schema), never the body.
import { DomUtils, parseDocument } from 'htmlparser2';
import type { BodyBlock, Diagnostic } from '../item.ts';
import { blocksFromHtml } from '../shared/html-body.ts';
import { descendants, innerMarkup, parseXml } from '../shared/xml.ts';
import { elements, isObject, member, stringMember, type Located } from './positions.ts';
import { clean } from './text.ts';

type BodyKind = 'html' | 'nitf' | 'plain';

interface Candidate {
  kind: BodyKind;
  value: string;
  line: number;
  /** Where it is, for messages: `body_html`, `bodies[1]`. */
  field: string;
}

const RANK: Record<BodyKind, number> = { html: 0, nitf: 1, plain: 2 };
const MARKUP = /<\/?(?:p|div|br|section|article|body|h[1-6]|ul|ol|li|blockquote|span|strong|em|b|i|a)\b/i;

function kindOfType(type: string, role: string, value: string): BodyKind | undefined {
  const t = type.toLowerCase();
  const r = role.toLowerCase();
  if (t.includes('nitf') || (r === 'nitf' && /xml/.test(t))) return 'nitf';
  if (t.includes('html')) return 'html';
  if (t === 'text/plain') return 'plain';
  if (t !== '') return undefined;
  if (r.includes('html')) return 'html';
  if (r === 'nitf') return 'nitf';
  if (r !== '' && !['text', 'plain', 'main', 'body'].includes(r)) return undefined;
  return MARKUP.test(value) ? 'html' : 'plain';
}

function candidates(item: Located): Candidate[] {
  const out: Candidate[] = [];
  if (isObject(item.value)) {
    for (const key of Object.keys(item.value)) {
      const m = /^body_([A-Za-z0-9_]+)$/.exec(key);
      const s = m ? stringMember(item, key) : undefined;
      if (!m || !s) continue;
      const form = m[1]!.toLowerCase();
      const kind: BodyKind | undefined = form.includes('html') ? 'html' : form.includes('nitf') ? 'nitf' : form === 'text' ? 'plain' : undefined;
      if (kind) out.push({ kind, value: s.text, line: s.line, field: key });
    }
  }
  const bodies = member(item, 'bodies');
  elements(bodies).forEach((b, i) => {
    const value = stringMember(b, 'value');
    if (!value) return;
    const type = stringMember(b, 'contenttype', 'contentType')?.text ?? '';
    const role = stringMember(b, 'role')?.text ?? '';
    const kind = kindOfType(type.trim(), role.trim(), value.text);
    if (kind) out.push({ kind, value: value.text, line: value.line, field: `bodies[${i}]` });
  });
  // A lone `bodies` object instead of an array (seen in hand-made feeds).
  if (bodies && isObject(bodies.value)) {
    const value = stringMember(bodies, 'value');
    const type = stringMember(bodies, 'contenttype', 'contentType')?.text ?? '';
    const kind = value ? kindOfType(type.trim(), stringMember(bodies, 'role')?.text ?? '', value.text) : undefined;
    if (value && kind) out.push({ kind, value: value.text, line: value.line, field: 'bodies' });
  }
  return out.sort((a, b) => RANK[a.kind] - RANK[b.kind]);
}

const hasClass = (attribs: Record<string, string>, name: string) => (attribs.class ?? '').split(/\s+/).includes(name);

/** TT's `<div class="dat">` (topic label + agency) removed on the parsed tree. */
function withoutFurniture(html: string): string {
  if (!/\bclass\s*=\s*["'][^"']*\bdat\b/i.test(html)) return html;
  const doc = parseDocument(html);
  const furniture = DomUtils.findAll((el) => el.name === 'div' && hasClass(el.attribs, 'dat'), doc.children);
  if (furniture.length === 0) return html;
  for (const el of furniture) DomUtils.removeElement(el);
  return DomUtils.getOuterHTML(doc);
}

/** The text of every block through `clean` (JSON can carry lone surrogates the HTML reader keeps). */
function cleanBlocks(blocks: BodyBlock[], line: number): BodyBlock[] {
  const out: BodyBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'list') {
      const items = b.items.map(clean).filter(Boolean);
      if (items.length) out.push({ kind: 'list', ordered: b.ordered, items, line });
    } else if (b.kind === 'related') {
      const headline = clean(b.headline);
      if (headline) out.push({ kind: 'related', headline, line });
    } else if (b.kind === 'quote') {
      const text = clean(b.text);
      const cite = b.cite === undefined ? '' : clean(b.cite);
      if (text) out.push(cite ? { kind: 'quote', text, cite, line } : { kind: 'quote', text, line });
    } else if (b.kind === 'caption') {
      const text = clean(b.text);
      const credit = b.credit === undefined ? '' : clean(b.credit);
      if (text) out.push(credit ? { kind: 'caption', text, credit, line } : { kind: 'caption', text, line });
    } else if (b.kind !== 'picture') {
      // (No picture blocks come from a ninjs body: its pictures are associations, never placed.)
      const text = clean(b.text);
      if (text) out.push({ kind: b.kind, text, line });
    }
  }
  return out;
}

function plainParagraphs(text: string, line: number): BodyBlock[] {
  const normal = text.replace(/\r\n?/g, '\n');
  let chunks = normal.split(/\n[^\S\n]*\n/);
  if (chunks.length === 1) chunks = normal.split('\n');
  return chunks
    .map(clean)
    .filter(Boolean)
    .map((t) => ({ kind: 'paragraph' as const, text: t, line }));
}

// NITF body elements that have an HTML counterpart the block reader knows.
const NITF_TO_HTML: Record<string, string> = { hl2: 'h2', bq: 'blockquote', block: 'div', media: 'figure', 'media-caption': 'figcaption', credit: 'cite' };

function nitfBlocks(value: string, line: number, lastLine: number): BodyBlock[] | string {
  const xml = parseXml(new TextEncoder().encode(value));
  if (!xml.ok) return `its NITF is not readable (${xml.error.message})`;
  const content = descendants(xml.root, 'body.content')[0];
  if (!content) return 'its NITF has no <body.content>';
  return blocksFromHtml(innerMarkup(content, NITF_TO_HTML), { line, lastLine });
}

function blocksOf(c: Candidate, lastLine: number): BodyBlock[] | string {
  try {
    if (c.kind === 'plain') return plainParagraphs(c.value, c.line);
    if (c.kind === 'nitf') return nitfBlocks(c.value, c.line, lastLine);
    return blocksFromHtml(withoutFurniture(c.value), { line: c.line, lastLine });
  } catch (error) {
    // The block reader walks the markup tree recursively: markup nested thousands of levels deep
    // (a hostile body) exhausts the stack.
    return error instanceof RangeError ? 'its markup is nested too deeply to read' : `it could not be read (${String(error).slice(0, 80)})`;
  }
}

export type BodyRead = { ok: true; blocks: BodyBlock[]; field: string } | { ok: false; line: number; message: string };

const same = (a: string, b: string) => clean(a).toLowerCase() === clean(b).toLowerCase();

/** Describes why an item without inline text has none. */
function missingBody(item: Located): { line: number; message: string } {
  const nitf = member(member(member(item, 'renditions'), 'nitf'), 'href');
  const renditions = member(item, 'renditions');
  if (nitf || (renditions && elements(renditions).some((r) => /nitf|xml/i.test(stringMember(r, 'contenttype', 'contentType', 'mimetype')?.text ?? '')))) {
    return {
      line: nitf?.line ?? renditions!.line,
      message:
        'no story text in this file: the item only links its body (renditions.nitf.href, as AP Media API items do); ' +
        'fetch that NITF rendition and add it to the content folder instead',
    };
  }
  const described = member(item, 'descriptions') ?? member(item, 'description_text') ?? member(item, 'description_html');
  const expected = 'expected body_html or body_text (ninjs 1) or bodies[] with a value (ninjs 2 and 3)';
  return described
    ? { line: described.line, message: `no body: ${expected}; the item has only a description, which is a summary, not the story` }
    : { line: item.line, message: `no body: ${expected}` };
}

export function readBody(item: Located, headline: string, lastLine: number, warnings: Diagnostic[]): BodyRead {
  const found = candidates(item);
  if (found.length === 0) return { ok: false, ...missingBody(item) };
  const failures: string[] = [];
  for (const c of found) {
    const read = blocksOf(c, lastLine);
    let blocks = typeof read === 'string' ? [] : cleanBlocks(read, c.line);
    const first = blocks[0];
    if (first && (first.kind === 'subhead' || first.kind === 'paragraph') && same(first.text, headline)) blocks = blocks.slice(1);
    if (blocks.some((b) => b.kind === 'paragraph')) {
      if (failures.length) warnings.push({ line: c.line, message: `body read from ${c.field}: ${failures.join('; ')}` });
      return { ok: true, blocks, field: c.field };
    }
    failures.push(`${c.field} ${typeof read === 'string' ? read : 'has no paragraph of text'}`);
  }
  return { ok: false, line: found[0]!.line, message: `no usable body: ${failures.join('; ')}` };
}
