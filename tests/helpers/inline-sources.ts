// The inline scripts and styles of every HTML file a build wrote, read with the renderer's own reader
// (integrations/dateline/render/inline-sources.ts), for tests that check the site has none a CSP
// would have to list.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inlineSources, type InlineSources } from '../../integrations/dateline/render/inline-sources.ts';

export function inlineSourcesIn(dir: string): InlineSources {
  const sets = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) inlineSources(readFileSync(join(entry.parentPath, entry.name), 'utf8'), sets);
  }
  return { scripts: [...sets.scripts].sort(), styles: [...sets.styles].sort(), styleAttributes: [...sets.styleAttributes].sort() };
}
