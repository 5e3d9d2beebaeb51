// robots.txt naming the sitemap index by its absolute URL (under the base). A robots.txt the publisher
// put in `public/` is kept; the Sitemap line is added to it when missing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function robotsText(publicDir: string, indexUrl: string): string {
  const line = `Sitemap: ${indexUrl}`;
  const own = join(publicDir, 'robots.txt');
  if (!existsSync(own)) return `User-agent: *\nAllow: /\n\n${line}\n`;
  const current = readFileSync(own, 'utf8');
  return current.split(/\r?\n/).some((l) => l.trim() === line) ? current : `${current.replace(/\s*$/, '')}\n\n${line}\n`;
}
