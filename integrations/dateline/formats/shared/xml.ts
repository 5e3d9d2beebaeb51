// XML from outside, read safely into a small tree with line numbers, for NewsML-G2, NITF and NewsML 1.2.
//
// The parser is saxes (the strict, non-validating SAX parser jsdom uses): it never loads a DTD, never
// opens a file or URL, and never expands an entity other than the five predefined ones and character
// references. A DOCTYPE that declares entities (the "billion laughs" bomb, an external entity reading a
// local file, a parameter entity) is refused with a message that says why, and an undeclared entity
// (`&nbsp;` relying on a DTD) is an error naming its line. Reading stops at the first fatal problem, so
// hostile files cost little (see tests/formats/xml/ for the measured cases). Namespaces are not resolved: elements and attributes are matched
// by local name, because agencies mix prefixes (`ns0:newsItem`) and default namespaces freely.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Diagnostic } from '../item.ts';
import { decodeBytes, lineAt, lineCount, utf16Bom } from './decode.ts';
import { LINE_ATTRIBUTE } from './html-body.ts';
import { collapseWhiteSpace } from './white-space.ts';

export interface XmlElement {
  /** Local name (`newsItem` for `ns0:newsItem`). */
  name: string;
  /** Name as written, with its prefix. */
  qname: string;
  /** Attributes by local name (`xml:lang` is also under `lang`); the first of a clashing pair wins. */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** 1-based line of the start tag. */
  line: number;
}

export type XmlNode = XmlElement | string;

/** `lines`: the file's line count as diagnostics count them (decode.ts `lineCount`). */
export type XmlParse =
  | { ok: true; root: XmlElement; encoding: string; warnings: Diagnostic[]; lines: number }
  | { ok: false; error: Diagnostic; warnings: Diagnostic[]; lines: number };

/** Deepest element nesting accepted: real wire XML is under 20 deep; a deeper file is a hostile one. */
export const MAX_XML_DEPTH = 256;

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/** The encoding named in the XML declaration, read from the ASCII-compatible first bytes. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  return /^(?:\uFEFF|ï»¿)?\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

/** Why a DOCTYPE is refused: its internal subset declares entities. */
const ENTITY_REFUSAL =
  'the DOCTYPE declares entities (<!ENTITY …>): refused, because XML is read without its DTD and ' +
  'without entity expansion (only &amp; &lt; &gt; &quot; &apos; and character references); this is how ' +
  'entity bombs and external-entity file reads are built';

/**
 * Characters XML 1.0 (§2.2 Char) does not allow anywhere: C0 controls other than tab and line ends, and
 * U+FFFE/U+FFFF. Feeds that passed through teletype systems carry stray ones (SUB, DEL-era fill bytes);
 * they are removed with a warning rather than costing the whole file.
 */
const NOT_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** saxes' messages are `line:column: text.`; ours name the problem in the reader's terms. */
function describe(message: string, text: string, position: number): Diagnostic {
  const m = /^(\d+):(\d+): (.*)$/s.exec(message);
  const line = m ? Number(m[1]) : 1;
  let what = (m ? m[3]! : message).replace(/\.$/, '');
  if (/undefined entity/.test(what)) {
    const before = text.slice(Math.max(0, position - 64), position);
    const name = /&([^\s&;<>]{1,40});?$/.exec(before)?.[1];
    what = `undefined entity${name ? ` &${name};` : ''}: only the five XML entities and character references are read (no DTD is loaded)`;
  }
  return { line, message: `not well-formed XML: ${what}` };
}

/** Thrown from inside a saxes handler to stop reading at the first fatal problem (a hostile file is not read to its end). */
class Stop {}

/** Parses the bytes of an XML file. Never throws. */
export function parseXml(bytes: Uint8Array): XmlParse {
  const warnings: Diagnostic[] = [];
  const declared = declaredEncoding(bytes);
  const decoded = decodeBytes(bytes, declared);
  if (decoded.mismatch) warnings.push({ line: 1, message: `encoding: ${decoded.mismatch}` });
  let text = decoded.text;
  const lines = lineCount(text);
  const bad = text.search(NOT_XML_CHARS);
  if (bad !== -1) {
    const count = text.match(NOT_XML_CHARS)!.length;
    warnings.push({
      line: lineAt(text, bad),
      message: `${count} control character${count === 1 ? '' : 's'} that XML does not allow (first U+${text.charCodeAt(bad).toString(16).toUpperCase().padStart(4, '0')}) removed`,
    });
    text = text.replace(NOT_XML_CHARS, '');
  }

  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Diagnostic | undefined;
  const fail = (d: Diagnostic): never => {
    failure ??= d;
    throw new Stop();
  };
  parser.on('error', (e) => fail(describe(e.message, text, parser.position)));
  // The DOCTYPE as saxes delimits it (quotes, comments and `]` inside the internal subset included).
  // An external DTD reference alone (`<!DOCTYPE nitf SYSTEM "nitf.dtd">`) is harmless: it is never loaded.
  parser.on('doctype', (doctype: string) => {
    const entity = /<!ENTITY\b/i.exec(doctype);
    if (!entity) return;
    const after = doctype.slice(entity.index).split(/\r\n?|\n/).length - 1;
    fail({ line: Math.max(1, parser.line - after), message: ENTITY_REFUSAL });
  });
  // The line of `<name`, where a reader looks for the element (the start tag may run over several
  // lines, and saxes reports the line it has read to). Lines are counted forward once over the text.
  let tagLine = 1;
  let countedTo = 0;
  let countedLine = 1;
  parser.on('opentagstart', () => {
    const lt = text.lastIndexOf('<', parser.position - 1);
    for (; countedTo < lt; countedTo++) {
      const c = text.charCodeAt(countedTo);
      if (c === 10 || (c === 13 && text.charCodeAt(countedTo + 1) !== 10)) countedLine++;
    }
    tagLine = countedLine;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (stack.length >= MAX_XML_DEPTH) {
      fail({ line: parser.line, message: `elements nested deeper than ${MAX_XML_DEPTH} levels: refused` });
    }
    const attrs: Record<string, string> = {};
    for (const [qname, value] of Object.entries(tag.attributes)) {
      const local = localName(qname);
      if (!(qname in attrs)) attrs[qname] = value;
      if (!(local in attrs)) attrs[local] = value;
    }
    const element: XmlElement = { name: localName(tag.name), qname: tag.name, attrs, children: [], line: tagLine };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (t: string) => {
    const parent = stack.at(-1);
    if (!parent) return;
    const last = parent.children.at(-1);
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + t;
    else parent.children.push(t);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(text).close();
  } catch (error) {
    if (!(error instanceof Stop)) failure ??= describe((error as Error).message, text, parser.position);
  }
  if (failure) return { ok: false, error: { ...failure, line: Math.max(1, Math.min(failure.line, lines)) }, warnings, lines };
  if (!root) return { ok: false, error: { line: 1, message: 'not an XML document: no root element' }, warnings, lines };
  return { ok: true, root, encoding: decoded.encoding, warnings, lines };
}

/**
 * The root element's name, read cheaply from the first bytes (for format recognition): the XML
 * declaration, comments, processing instructions and a DOCTYPE are skipped. Undefined when the bytes do
 * not start like an XML document.
 */
export function sniffRootElement(bytes: Uint8Array, window = 4096): { name: string; qname: string; head: string } | undefined {
  const bom16 = utf16Bom(bytes);
  const head = bom16
    ? new TextDecoder(bom16).decode(bytes.subarray(0, window * 2))
    : new TextDecoder('latin1').decode(bytes.subarray(0, window)).replace(/^ï»¿/, '');
  let at = 0;
  const skip = (pattern: RegExp) => {
    pattern.lastIndex = at;
    const m = pattern.exec(head);
    if (!m) return false;
    at = pattern.lastIndex;
    return true;
  };
  skip(/\uFEFF?/y);
  for (;;) {
    skip(/\s*/y);
    if (skip(/<\?[\s\S]*?\?>/y) || skip(/<!--[\s\S]*?-->/y) || skip(/<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/iy)) continue;
    break;
  }
  const m = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)[\s/>]/y;
  m.lastIndex = at;
  const tag = m.exec(head);
  if (!tag) return undefined;
  return { name: localName(tag[1]!), qname: tag[1]!, head };
}

// ---------------------------------------------------------------------------------------------------
// Reading the tree. Names are local names; `ci` matches them case-insensitively (for feeds that do
// not conform, such as `<Header>` for `<header>`).

export interface NameOptions {
  ci?: boolean;
}

const same = (a: string, b: string, o?: NameOptions) => (o?.ci ? a.toLowerCase() === b.toLowerCase() : a === b);

export const isElement = (node: XmlNode | undefined): node is XmlElement => typeof node === 'object' && node !== null;

export function elementsOf(el: XmlElement): XmlElement[] {
  return el.children.filter(isElement);
}

/** Child elements with this local name (any name when `name` is '*'). */
export function children(el: XmlElement | undefined, name: string, o?: NameOptions): XmlElement[] {
  if (!el) return [];
  return elementsOf(el).filter((c) => name === '*' || same(c.name, name, o));
}

export function child(el: XmlElement | undefined, name: string, o?: NameOptions): XmlElement | undefined {
  return children(el, name, o)[0];
}

/** A path of child names: `path(item, 'contentMeta', 'headline')`. */
export function path(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let at = el;
  for (const name of names) at = child(at, name);
  return at;
}

/** Descendant elements with this local name, in document order. */
export function descendants(el: XmlElement | undefined, name: string, o?: NameOptions): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of elementsOf(e)) {
      if (same(c.name, name, o)) found.push(c);
      walk(c);
    }
  };
  if (el) walk(el);
  return found;
}

/** All text inside the element, in document order (markup dropped). */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** Text of the element with runs of white space collapsed and the ends trimmed. */
export function cleanText(el: XmlElement | undefined): string {
  return collapseWhiteSpace(textOf(el)).trim();
}

export function attr(el: XmlElement | undefined, name: string): string | undefined {
  return el?.attrs[name];
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The element's content as HTML markup, for the body reader (html-body.ts), which sanitizes it. Element
 * names may be renamed on the way (NITF `hl2` → `h2`); every element carries its line in the file
 * (`data-line`), and no other attribute; text is escaped, so what was text in the XML stays text.
 */
export function innerMarkup(el: XmlElement, rename: Record<string, string> = {}): string {
  return el.children
    .map((c) => {
      if (typeof c === 'string') return escapeHtml(c);
      const name = rename[c.name] ?? c.name;
      return `<${name} ${LINE_ATTRIBUTE}="${c.line}">${innerMarkup(c, rename)}</${name}>`;
    })
    .join('');
}

/**
 * A copy of the tree with elements replaced: `visit` returns the element (kept, its children visited),
 * `null` (dropped with its content), or a list of nodes put in its place (not visited again). The
 * original tree is not changed.
 */
export function transformTree(el: XmlElement, visit: (e: XmlElement) => XmlElement | XmlNode[] | null): XmlElement {
  const walk = (e: XmlElement): XmlElement => ({
    ...e,
    children: e.children.flatMap((c): XmlNode[] => {
      if (typeof c === 'string') return [c];
      const v = visit(c);
      if (v === null) return [];
      if (Array.isArray(v)) return v;
      return [walk(v)];
    }),
  });
  return walk(el);
}
