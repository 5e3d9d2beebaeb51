// `dist/_headers` for static hosts that read it (Netlify, Cloudflare Pages): security headers for every
// response and a long cache for fingerprinted files. Written by the publisher with the site's other
// derived files (derived.ts), after the pages a publish draws: the Content-Security-Policy allows exactly
// the inline scripts and styles the site's pages have (by SHA-256 hash: ../render/inline-sources.ts reads
// them from each page as it is drawn, and the archive keeps them per page), so the policy is one the site
// actually satisfies.
//
// Notes on the policy:
// - `application/ld+json` blocks are data, not scripts: they need no hash (../render/inline-sources.ts).
// - The search page loads Pagefind, which compiles WebAssembly: `'wasm-unsafe-eval'` in script-src.
// - Only trailing `*` splats are used in paths: both hosts read them the same way.
import type { InlineSources } from '../render/inline-sources.ts';

export const HEADERS_FILE = '_headers';

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
  return `# Written by Dateline (integrations/dateline/publish/deploy-headers.ts) for Netlify / Cloudflare Pages.\n${blocks.join('\n\n')}\n`;
}
