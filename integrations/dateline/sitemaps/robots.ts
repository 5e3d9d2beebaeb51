// robots.txt naming the sitemap index by its absolute URL (under the base). A robots.txt the publisher
// put in `public/` is kept; the Sitemap line is added to it when missing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeRobots(outDir: string, indexUrl: string): void {
  const path = join(outDir, 'robots.txt');
  const line = `Sitemap: ${indexUrl}`;
  if (existsSync(path)) {
    const current = readFileSync(path, 'utf8');
    if (current.split(/\r?\n/).some((l) => l.trim() === line)) return;
    writeFileSync(path, `${current.replace(/\s*$/, '')}\n\n${line}\n`);
    return;
  }
  writeFileSync(path, `User-agent: *\nAllow: /\n\n${line}\n`);
}
