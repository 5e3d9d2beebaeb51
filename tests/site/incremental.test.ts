// Incremental builds: a second build restores unchanged pages from Astro's cache instead of rendering
// them, and a change shows up everywhere it should — the new story in its lists, the edited story's
// text, and a related headline on an old story that now links to the newly published one.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { wire } from '../foundation/fixtures.ts';

const NOW = '2024-03-10T12:00:00+05:00';
const story = (day: number, headline: string, body: string[], section = 'World') =>
  wire({ section, headline, byline: 'AFP', published: `0${day} Mar, 2024 10:00am`, body });

const base = {
  'a.txt': story(1, 'Ministers meet on trade', ['KARACHI: Ministers met on trade.', 'Port fees rise after long talks']),
  'b.txt': story(2, 'Rains flood low streets', ['LAHORE: Rain flooded low streets overnight.']),
  'c.txt': story(3, 'Exporters ask for relief', ['FAISALABAD: Exporters asked for relief.'], 'Business'),
};

const files = (dist: string, dir: string) => readdirSync(join(dist, dir), { recursive: true }).map(String).sort();

const counts = (output: string) => ({
  restored: (output.match(/\(restored\)/g) ?? []).length,
  rendered: (output.match(/\(\+\d+ms\)/g) ?? []).length,
});

describe('incremental build', () => {
  it('restores unchanged pages and re-renders what a new and an edited story change', () => {
    const first = buildSite('incremental', { files: base, env: { DATELINE_NOW: NOW, DATELINE_OG_IMAGES: '0' } });
    expect(counts(first.output).restored).toBe(0);

    const same = buildSite('incremental', { files: base, keepCache: true, env: { DATELINE_NOW: NOW, DATELINE_OG_IMAGES: '0' } });
    const unchanged = counts(same.output);
    // Every dynamic page is restored; only the home page, search, 404 and feeds render again.
    expect(unchanged.restored).toBeGreaterThanOrEqual(8);
    expect(same.read('index.html')).toBe(first.read('index.html'));
    expect(same.read('world/2024/03/01/ministers-meet-on-trade/index.html')).toBe(first.read('world/2024/03/01/ministers-meet-on-trade/index.html'));
    // Nothing indexed changed: the search shards come from the cache, file for file.
    expect(same.output).toMatch(/search: \d+ stories in 1 shard\(s\), all unchanged, reused/);
    expect(files(same.dist, 'pagefind')).toEqual(files(first.dist, 'pagefind'));
    const shardList = (site: typeof first) => site.read('search/shards.json');
    expect(shardList(same)).toBe(shardList(first));

    const changed = {
      ...base,
      'b.txt': story(2, 'Rains flood low streets', ['LAHORE: Rain flooded low streets overnight, and schools closed.']),
      'd.txt': story(4, 'Port fees rise after long talks', ['KARACHI: Port fees rose on Monday.']),
    };
    const next = buildSite('incremental', { files: changed, keepCache: true, env: { DATELINE_NOW: NOW, DATELINE_OG_IMAGES: '0' } });
    const after = counts(next.output);
    expect(next.output).toMatch(/search: \d+ stories in 1 shard\(s\), 1 indexed, 0 unchanged/);
    expect(after.restored).toBeGreaterThan(0);
    expect(next.exists('world/2024/03/04/port-fees-rise-after-long-talks/index.html')).toBe(true);
    expect(next.read('world/index.html')).toContain('Port fees rise after long talks');
    expect(next.read('world/2024/03/02/rains-flood-low-streets/index.html')).toContain('schools closed');
    // The old story's related headline now links to the story published since.
    expect(next.read('world/2024/03/01/ministers-meet-on-trade/index.html')).toContain('href="/world/2024/03/04/port-fees-rise-after-long-talks/"');
    // A day archive the new story is not on, and whose neighbours did not change, was restored.
    expect(next.output).toMatch(/ \/2024\/03\/01\/index\.html \(restored\)/);
    // The Business story's page did not change, and was restored.
    expect(next.output).toMatch(/business\/2024\/03\/03\/exporters-ask-for-relief\/index\.html \(restored\)/);
  });

  it('keeps the output folder: unchanged pages stay in place, and what a build no longer produces is removed', () => {
    const env = { DATELINE_NOW: NOW, DATELINE_OG_IMAGES: '0' };
    const first = buildSite('incremental-kept', { files: base, env });
    const kept = 'world/2024/03/01/ministers-meet-on-trade/index.html';
    const before = statSync(join(first.dist, kept));

    // Nothing changed: pages are left where they are (not even copied back from the cache).
    const same = buildSite('incremental-kept', { files: base, env, keepCache: true, keepDist: true });
    expect(counts(same.output).restored).toBe(0);
    expect(same.output).toMatch(/ministers-meet-on-trade\/index\.html \(cached\)/);
    const after = statSync(join(same.dist, kept));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(same.output).not.toMatch(/no longer produces/);

    // The Business story is deleted and a World story re-dated: their old pages, the Business section
    // (page and feed) and its day archive go; the search index and sitemaps no longer name them.
    const { 'c.txt': _deleted, ...rest } = base;
    const next = buildSite('incremental-kept', {
      files: { ...rest, 'b.txt': story(5, 'Rains flood low streets', ['LAHORE: Rain flooded low streets overnight.']) },
      env,
      keepCache: true,
      keepDist: true,
    });
    expect(next.output).toMatch(/removed \d+ file\(s\) this build no longer produces/);
    for (const gone of [
      'business/2024/03/03/exporters-ask-for-relief/index.html',
      'business/index.html',
      'business/rss.xml',
      '2024/03/03/index.html',
      'world/2024/03/02/rains-flood-low-streets/index.html',
      '2024/03/02/index.html',
    ]) {
      expect(next.exists(gone), gone).toBe(false);
    }
    expect(next.exists('world/2024/03/05/rains-flood-low-streets/index.html')).toBe(true);
    expect(next.exists(kept)).toBe(true);
    const sitemap = readdirSync(next.dist).filter((f) => f.startsWith('sitemap')).map((f) => next.read(f)).join('\n');
    expect(sitemap).not.toContain('exporters-ask-for-relief');
    expect(sitemap).not.toContain('/2024/03/02/');
    expect(files(next.dist, 'pagefind').filter((f) => f.endsWith('.pf_fragment')).length).toBe(2);
    // No empty folders are left behind.
    expect(next.exists('business')).toBe(false);
  });
});
