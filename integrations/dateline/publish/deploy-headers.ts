// `dist/_headers` for static hosts that read it (Netlify, Cloudflare Pages): security headers for every
// response and a long cache for fingerprinted files. Written in `astro:build:done`, after the search
// index, from the built HTML: the Content-Security-Policy allows exactly the inline scripts and styles
// the build emitted (by SHA-256 hash), so the policy is one the site actually satisfies.
//
// Notes on the policy:
// - `application/ld+json` blocks are data, not scripts: browsers do not execute them and CSP does not
//   apply to them, so they need no hash (checked in Chromium by tests/hostile/deploy-headers.test.ts).
// - The search page loads Pagefind, which compiles WebAssembly: `'wasm-unsafe-eval'` in script-src.
// - Only trailing `*` splats are used in paths: both hosts read them the same way.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const HEADERS_FILE = '_headers';

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
  return value.replace(/&(quot|amp|lt|gt|#39|#x27|#34|#x22);/g, (_, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'", '#x27': "'", '#34': '"', '#x22': '"' })[e]!);
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

function htmlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => {
      const path = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) return htmlFiles(dir, path);
      return e.isFile() && e.name.endsWith('.html') ? [path] : [];
    })
    .sort();
}

type FileSources = { key: string; scripts: string[]; styles: string[]; styleAttributes: string[] };

/**
 * The inline sources of every HTML file in `outDir`. With `cacheFile`, each file's sources are kept
 * under its identity (inode, size, mtime): the output folder is kept between builds and unchanged
 * pages are left in place, so only the pages this build wrote are read again.
 */
export function collectInlineSources(outDir: string, cacheFile?: string): InlineSources {
  let previous: Record<string, FileSources> = {};
  if (cacheFile) {
    try {
      previous = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, FileSources>;
    } catch {
      previous = {};
    }
  }
  const current: Record<string, FileSources> = {};
  const sets = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
  for (const file of htmlFiles(outDir)) {
    const path = join(outDir, file);
    const st = statSync(path);
    const key = `${st.ino}:${st.size}:${st.mtimeMs}`;
    let entry = previous[file];
    if (entry?.key !== key) {
      const one = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
      inlineSources(readFileSync(path, 'utf8'), one);
      entry = { key, scripts: [...one.scripts], styles: [...one.styles], styleAttributes: [...one.styleAttributes] };
    }
    current[file] = entry;
    for (const h of entry.scripts) sets.scripts.add(h);
    for (const h of entry.styles) sets.styles.add(h);
    for (const h of entry.styleAttributes) sets.styleAttributes.add(h);
  }
  if (cacheFile) {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(current));
  }
  return { scripts: [...sets.scripts].sort(), styles: [...sets.styles].sort(), styleAttributes: [...sets.styleAttributes].sort() };
}

export function contentSecurityPolicy(inline: InlineSources): string {
  const styleSrc = ["'self'", ...inline.styles];
  if (inline.styleAttributes.length) styleSrc.push("'unsafe-hashes'", ...inline.styleAttributes);
  return [
    "default-src 'self'",
    `script-src ${["'self'", "'wasm-unsafe-eval'", ...inline.scripts].join(' ')}`,
    `style-src ${styleSrc.join(' ')}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Paths (under the base) whose file names carry a content hash: cached for a year. Each search shard's
 * folder under `pagefind/` is named by its content.
 */
export function immutablePaths(base: string): string[] {
  // photos/ folders are named by their content (source digest and settings), like Pagefind's shards
  return ['_astro/*', 'pagefind/*', 'photos/*'].map((p) => `${base}${p}`);
}

export interface HeaderRule {
  path: string;
  headers: [string, string][];
}

export function headerRules(base: string, inline: InlineSources): HeaderRule[] {
  return [
    {
      path: `${base}*`,
      headers: [
        ['Content-Security-Policy', contentSecurityPolicy(inline)],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ],
    },
    ...immutablePaths(base).map((path) => ({ path, headers: [['Cache-Control', 'public, max-age=31536000, immutable']] as [string, string][] })),
  ];
}

export function formatHeaders(rules: HeaderRule[]): string {
  const blocks = rules.map((r) => [r.path, ...r.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  return `# Written by Dateline (integrations/dateline/deploy-headers.ts) for Netlify / Cloudflare Pages.\n${blocks.join('\n\n')}\n`;
}

/** Writes `<outDir>/_headers`; `base` is Astro's base with leading and trailing slash. */
export function writeDeployHeaders(outDir: string, base: string, cacheFile?: string): InlineSources {
  const inline = collectInlineSources(outDir, cacheFile);
  writeFileSync(join(outDir, HEADERS_FILE), formatHeaders(headerRules(base, inline)));
  return inline;
}
