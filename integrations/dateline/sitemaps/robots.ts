// robots.txt naming the sitemap index by its absolute URL (under the base). A robots.txt the publisher
// put in `public/` is kept; the Sitemap line is added to it when missing. Written on every build: the
// output folder is kept between builds, so a robots.txt already there may be an earlier build's.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeRobots(outDir: string, publicDir: string, indexUrl: string): void {
  const line = `Sitemap: ${indexUrl}`;
  const own = join(publicDir, 'robots.txt');
  let text = `User-agent: *\nAllow: /\n\n${line}\n`;
  if (existsSync(own)) {
    const current = readFileSync(own, 'utf8');
    text = current.split(/\r?\n/).some((l) => l.trim() === line) ? current : `${current.replace(/\s*$/, '')}\n\n${line}\n`;
  }
  writeFileSync(join(outDir, 'robots.txt'), text);
}
