// Builds the real corpus ($DATELINE_TEST_DATA/corpus: about 3,000 APP, Dawn and raw Business Recorder files) and
// checks that every file is accounted for exactly once and that the real wire stories get published.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { compareFeedsWithPages, feedFiles } from '../helpers/feed-readers.ts';
import { corpusDir } from '../helpers/test-data.ts';

function wireFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const path = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return wireFiles(dir, path);
    return e.name.toLowerCase().endsWith('.txt') && !e.name.startsWith('.') ? [path] : [];
  });
}

describe('corpus build', () => {
  let site: BuiltSite;
  let started = 0;
  beforeAll(() => {
    started = performance.now();
    site = buildSite('corpus', { contentDir: corpusDir, env: { DATELINE_OG_IMAGES: '0', DATELINE_NOW: '2026-11-26T12:00:00+05:00' } });
    console.log(`corpus build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 900_000);

  it('accounts for every file exactly once', () => {
    const expected = wireFiles(corpusDir).sort();
    const reported = site.report.files.map((f) => f.file);
    expect(new Set(reported).size).toBe(reported.length);
    expect(reported.sort()).toEqual(expected);
  });

  it('publishes at least 99% of app-wire and dawn, and says why the rest were not', () => {
    const { counts } = site.report;
    console.log(
      `corpus: ${counts.total} files, ${counts.published} published, ${counts.scheduled} scheduled, ${counts.duplicate} duplicate, ${counts.rejected} rejected`,
    );
    for (const f of site.report.files.filter((f) => f.status === 'rejected' || f.status === 'duplicate')) {
      console.log(`  ${f.status} ${f.file}:${f.line ?? ''} ${f.message}`);
    }
    for (const folder of ['app-wire', 'dawn']) {
      const files = site.report.files.filter((f) => f.file.startsWith(`${folder}/`));
      const published = files.filter((f) => f.status === 'published').length;
      console.log(`  ${folder}: ${published}/${files.length} published (${((100 * published) / files.length).toFixed(2)}%)`);
      expect(published / files.length).toBeGreaterThanOrEqual(0.99);
    }
    for (const f of site.report.files) {
      if (f.status === 'rejected') {
        expect(f.line).toBeGreaterThanOrEqual(1);
        expect(f.message?.length).toBeGreaterThan(5);
      }
      if (f.status === 'duplicate') expect(f.message).toMatch(/\.txt/);
    }
  });

  it('every feed reads in both feed readers exactly as the pages show it (ampersands and quotes once)', () => {
    const { mismatches, items, feeds } = compareFeedsWithPages(site.dist);
    // Real headlines with `&` or quotes (the double escaping reached subscribers through these).
    const withPunctuation = feedFiles(site.dist)
      .flatMap((f) => [...site.read(f).matchAll(/<item><title>([^<]*)<\/title>/g)])
      .filter((m) => /&amp;|&quot;/.test(m[1]!)).length;
    console.log(`corpus feeds read as pages: ${feeds} feeds, ${items} items (${withPunctuation} titles with & or "), ${mismatches.length} differences`);
    expect(feeds).toBeGreaterThan(5);
    expect(withPunctuation).toBeGreaterThan(0);
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  it('has a page in dist for every published URL', () => {
    for (const f of site.report.files.filter((f) => f.status === 'published')) {
      expect(site.exists(`${new URL(f.url!).pathname.slice(1)}index.html`), f.file).toBe(true);
    }
  });
});
