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
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HEADERS_FILE = '_headers';

/** Script `type`s a browser executes (absent, JavaScript MIME types, `module`); anything else is a data block. */
const EXECUTED_SCRIPT_TYPES = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/jscript|text\/livescript)$/i;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+)))?(?=\\s|/|$)`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

export interface InlineSources {
  /** Hashes of inline scripts that execute, sorted. */
  scripts: string[];
  /** Hashes of `<style>` elements, sorted. */
  styles: string[];
  /** Hashes of `style="…"` attributes, sorted (need `'unsafe-hashes'`). */
  styleAttributes: string[];
}

/**
 * The inline scripts and styles of one HTML document as CSP hash sources. The HTML is Astro's output,
 * so a tokenizer-grade scan is enough: script and style are raw-text elements that end at the first
 * `</script` / `</style`, and their source text is exactly what the browser hashes.
 */
export function inlineSources(html: string, into: { scripts: Set<string>; styles: Set<string>; styleAttributes: Set<string> }): void {
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1]!;
    if (attribute(attrs, 'src') !== undefined) continue;
    const type = (attribute(attrs, 'type') ?? '').trim();
    if (!EXECUTED_SCRIPT_TYPES.test(type)) continue;
    into.scripts.add(sha256(m[2]!));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) into.styles.add(sha256(m[1]!));
  // style attributes in start tags outside script/style content
  const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  for (const m of markup.matchAll(/<[a-z][^\s/>]*\b([^>]*)>/gi)) {
    const value = attribute(m[1]!, 'style');
    if (value !== undefined && value !== '') into.styleAttributes.add(sha256(decodeAttribute(value)));
  }
}

/** Attribute values are hashed after entity decoding; Astro only escapes these few. */
function decodeAttribute(value: string): string {
  return value.replace(/&(quot|amp|lt|gt|#39|#x27);/g, (_, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'", '#x27': "'" })[e]!);
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

export function collectInlineSources(outDir: string): InlineSources {
  const sets = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
  for (const file of htmlFiles(outDir)) inlineSources(readFileSync(join(outDir, file), 'utf8'), sets);
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

/** Paths (under the base) whose file names carry a content hash: cached for a year. */
export function immutablePaths(base: string): string[] {
  return ['_astro/*', 'pagefind/fragment/*', 'pagefind/index/*'].map((p) => `${base}${p}`);
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
export function writeDeployHeaders(outDir: string, base: string): InlineSources {
  const inline = collectInlineSources(outDir);
  writeFileSync(join(outDir, HEADERS_FILE), formatHeaders(headerRules(base, inline)));
  return inline;
}
