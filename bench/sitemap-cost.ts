// What @astrojs/sitemap would cost a publish: its `astro:build:done` hook, driven as Astro drives it,
// over the page URLs of an archive of N stories, then again with one new story, comparing the files.
//   node bench/sitemap-cost.ts [--articles 100000] [--limit 45000]
// The URLs have Dateline's shapes (articles `section/yyyy/mm/dd/slug/`, list and day pages) in the
// proportions of a generated archive. Prints the time of each run and how many files one story changed.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import sitemap from '@astrojs/sitemap';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' }, limit: { type: 'string', default: '45000' } } });
const n = Number(values.articles);
const limit = Number(values.limit);
const SECTIONS = ['world', 'pakistan', 'business', 'markets', 'sports', 'sci-tech'];
const START = Date.UTC(2021, 0, 1);
const SPAN = Date.UTC(2026, 0, 1) - START;

function pagesOf(count: number): { pathname: string }[] {
  const paths: string[] = ['', 'search/'];
  const days = new Set<string>();
  for (let i = 0; i < count; i++) {
    const d = new Date(START + Math.floor((i / count) * SPAN));
    const day = d.toISOString().slice(0, 10).replace(/-/g, '/');
    days.add(day);
    paths.push(`${SECTIONS[i % SECTIONS.length]}/${day}/story-number-${i}-of-the-archive/`);
  }
  for (const day of days) paths.push(`${day}/`, `${day}/page/1/`);
  for (const s of SECTIONS) for (let p = 1; p <= count / SECTIONS.length / 20; p++) paths.push(p === 1 ? `${s}/` : `${s}/page/${p - 1}/`);
  return paths.map((pathname) => ({ pathname }));
}

async function run(pages: { pathname: string }[]): Promise<{ dir: string; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'sitemap-cost-'));
  const integration = sitemap({ entryLimit: limit });
  const hooks = integration.hooks as Record<string, (arg: unknown) => Promise<void> | void>;
  const logger = { info() {}, warn: console.warn, error: console.error };
  await hooks['astro:routes:resolved']?.({ routes: [] });
  await hooks['astro:config:done']?.({ config: { site: 'https://news.example.com', base: '/', trailingSlash: 'always', build: { format: 'directory' } } });
  const started = performance.now();
  await hooks['astro:build:done']!({ dir: pathToFileURL(`${dir}/`), pages, logger });
  return { dir, seconds: (performance.now() - started) / 1000 };
}

const pages = pagesOf(n);
const before = await run(pages);
const files = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort();
console.log(
  `@astrojs/sitemap over ${pages.length.toLocaleString('en')} URLs (${n.toLocaleString('en')} stories), entryLimit ${limit}: ${before.seconds.toFixed(2)} s, ${files(before.dir).length} files`,
);
// one new story, filed today: its URL sorts among the others as a real one does, so what moves depends
// on its section (the URLs are sorted; every file after the story's place shifts by one URL)
for (const section of SECTIONS) {
  const after = await run([...pages, { pathname: `${section}/2025/12/31/the-story-filed-a-minute-ago/` }]);
  const changed = files(after.dir).filter((f) => {
    try {
      return readFileSync(join(before.dir, f), 'utf8') !== readFileSync(join(after.dir, f), 'utf8');
    } catch {
      return true;
    }
  });
  console.log(`  one new story in ${section}: ${after.seconds.toFixed(2)} s, ${changed.length} of ${files(after.dir).length} files changed`);
  rmSync(after.dir, { recursive: true, force: true });
}
rmSync(before.dir, { recursive: true, force: true });
