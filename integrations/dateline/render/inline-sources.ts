// The CSP sources of a rendered page: the hashes of its inline scripts, `<style>` elements and `style`
// attributes. The renderer (renderer.ts) reads each page it draws, the publisher keeps every page's
// hashes in the archive (table inline_sources), and `_headers` (../publish/deploy-headers.ts) allows
// exactly the ones the site's pages have, so its Content-Security-Policy is one the site satisfies.
//
// `application/ld+json` blocks are data, not scripts: browsers do not execute them and CSP does not
// apply to them, so they need no hash (checked in Chromium by tests/hostile/deploy-headers.test.ts).
import { createHash } from 'node:crypto';

/**
 * Script `type`s that script-src governs: absent, JavaScript MIME types, `module`, and the inline JSON
 * the browser acts on (`importmap`, `speculationrules`); anything else (`application/ld+json`) is data.
 */
const EXECUTED_SCRIPT_TYPES =
  /^(?:|module|importmap|speculationrules|(?:text|application)\/(?:x-)?(?:java|ecma)script(?:1\.[0-5])?|text\/jscript|text\/livescript)$/i;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export interface InlineSources {
  /** Hashes of inline scripts that execute, sorted. */
  scripts: string[];
  /** Hashes of `<style>` elements, sorted. */
  styles: string[];
  /** Hashes of `style="…"` attributes, sorted (need `'unsafe-hashes'`). */
  styleAttributes: string[];
}

interface Tag {
  name: string;
  attrs: Map<string, string>;
  /** Index just after the tag's `>`. */
  end: number;
}

/** Reads a start tag at `at` (`<name …>`), attribute values quoted or not, the way HTML tokenizes them. */
function readStartTag(html: string, at: number): Tag {
  let i = at + 1;
  const nameMatch = /^[^\s/>]+/.exec(html.slice(i, i + 64))!;
  const name = nameMatch[0].toLowerCase();
  i += nameMatch[0].length;
  const attrs = new Map<string, string>();
  while (i < html.length) {
    while (/[\s/]/.test(html[i] ?? '')) i++;
    if (i >= html.length || html[i] === '>') break;
    let attrName = '';
    while (i < html.length && !/[\s/>=]/.test(html[i]!)) attrName += html[i++];
    if (attrName === '') attrName = html[i++]!; // a stray `=`: taken as a name, as HTML does
    while (/\s/.test(html[i] ?? '')) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (/\s/.test(html[i] ?? '')) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        const stop = close === -1 ? html.length : close;
        value = html.slice(i + 1, stop);
        i = stop + 1;
      } else {
        while (i < html.length && !/[\s>]/.test(html[i]!)) value += html[i++];
      }
    }
    const key = attrName.toLowerCase();
    if (!attrs.has(key)) attrs.set(key, decodeAttribute(value));
  }
  return { name, attrs, end: Math.min(html.length, i + 1) };
}

/** Attribute values are hashed after character-reference decoding; Astro writes only these few. */
function decodeAttribute(value: string): string {
  return value.replace(
    /&(quot|amp|lt|gt|#39|#x27|#34|#x22);/g,
    (_, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'", '#x27': "'", '#34': '"', '#x22': '"' })[e]!,
  );
}

const DATA_SCRIPT = '<script type="application/ld+json">';

/**
 * False when the document cannot hold an inline script, style element or style attribute: no `<style`
 * or `style=` anywhere, and every `<script` is a JSON-LD data block (not executed, so not a CSP source). Most pages
 * are such, and the tokenizer below is a tenth of drawing one; anything else is tokenized.
 */
function mayHaveInlineSources(html: string): boolean {
  if (/<style|[\s"'/]style\s*=/i.test(html)) return true;
  const lower = html.includes('<SCRIPT') || html.includes('<Script') ? html.toLowerCase() : html;
  for (let at = lower.indexOf('<script'); at !== -1; at = lower.indexOf('<script', at + 1)) {
    if (!lower.startsWith(DATA_SCRIPT, at)) return true;
  }
  return false;
}

/** Elements whose content is raw text (script, style) or escapable raw text (title, textarea): no tags inside. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes']);

/**
 * The inline scripts and styles of one HTML document as CSP hash sources. A small HTML tokenizer:
 * comments and doctypes are skipped, attribute values (which may hold `<script>` as text, e.g. a
 * headline in a meta tag) are read as values, and raw-text elements end at their first end tag, so
 * only real script and style elements are hashed, over exactly the source text the browser hashes.
 */
export function inlineSources(html: string, into: { scripts: Set<string>; styles: Set<string>; styleAttributes: Set<string> }): void {
  if (!mayHaveInlineSources(html)) return;
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?' || html[i + 1] === '/') {
      const close = html.indexOf('>', i + 1);
      i = close === -1 ? html.length : close + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(html[i + 1] ?? '')) {
      i++;
      continue;
    }
    const tag = readStartTag(html, i);
    i = tag.end;
    const style = tag.attrs.get('style');
    if (style) into.styleAttributes.add(sha256(style));
    if (!RAW_TEXT.has(tag.name)) continue;
    const closing = new RegExp(`</${tag.name}(?=[\\s/>])`, 'gi');
    closing.lastIndex = i;
    const closeAt = closing.exec(html)?.index ?? -1;
    const content = html.slice(i, closeAt === -1 ? html.length : closeAt);
    i = closeAt === -1 ? html.length : closeAt;
    if (tag.name === 'script' && !tag.attrs.has('src') && EXECUTED_SCRIPT_TYPES.test((tag.attrs.get('type') ?? '').trim())) into.scripts.add(sha256(content));
    if (tag.name === 'style') into.styles.add(sha256(content));
  }
}
