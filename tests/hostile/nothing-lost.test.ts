// Nothing lost: the whole corpus ($DATELINE_TEST_DATA/corpus, copied: links out of the content folder are refused
// by design) plus every hostile fixture in one content folder. Every input file appears exactly once in
// the report, every published URL is distinct and exists in dist/, and every rejection says why.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, outputDir, type BuiltSite } from '../helpers/build.ts';
import { corpusDir } from '../helpers/test-data.ts';
import { injectionFiles, MAX_FILE_SIZE, nameFiles, REJECTED_NAMES, runName, writeFiles, writeLimitFixtures } from './fixtures.ts';
import { printable } from '../../integrations/dateline/report/summary.ts';
import { wireInputs } from './util.ts';

describe('nothing lost: corpus and hostile fixtures together', () => {
  let site: BuiltSite;
  let content: string;
  let limitRejections: ReturnType<typeof writeLimitFixtures>;

  beforeAll(() => {
    const name = runName('hostile-all');
    const dir = outputDir(name);
    content = join(dir, 'content');
    rmSync(content, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    cpSync(corpusDir, join(content, 'corpus'), { recursive: true });
    writeFiles(content, { ...injectionFiles, ...nameFiles });
    limitRejections = writeLimitFixtures(content, join(dir, 'outside'));
    const started = performance.now();
    site = buildSite(name, {
      contentDir: content,
      env: { DATELINE_OG_IMAGES: '0', DATELINE_NOW: '2026-11-26T12:00:00+05:00', DATELINE_MAX_FILE_SIZE: String(MAX_FILE_SIZE) },
    });
    console.log(`corpus + fixtures build: ${((performance.now() - started) / 1000).toFixed(1)} s, ${site.report.counts.total} files`);
  }, 900_000);

  // The FIFO would block anything that later reads every file under tests/.output.
  afterAll(() => rmSync(join(content, 'limits', 'pipe.txt'), { force: true }));

  it('reports every input file exactly once', () => {
    const inputs = wireInputs(content);
    expect(inputs.length).toBeGreaterThan(1000);
    const reported = site.report.files.map((f) => f.file);
    expect(new Set(reported).size).toBe(reported.length);
    expect([...reported].sort()).toEqual(inputs);
    const { counts } = site.report;
    expect(counts.total).toBe(inputs.length);
    expect(counts.published + counts.scheduled + counts.rejected + counts.duplicate).toBe(counts.total);
  });

  it('publishes every fixture it published alone, and rejects the same files', () => {
    const status = new Map(site.report.files.map((f) => [f.file, f.status]));
    for (const file of Object.keys(nameFiles)) expect(status.get(file), file).toBe(file in REJECTED_NAMES ? 'rejected' : 'published');
    for (const file of Object.keys(injectionFiles)) expect(status.get(file), file).toBe(file === 'inject/rejected.txt' ? 'rejected' : 'published');
    for (const file of Object.keys(limitRejections)) expect(status.get(file), file).toBe('rejected');
  });

  it('has a distinct page in dist/ for every published URL', () => {
    const published = site.report.files.filter((f) => f.status === 'published');
    const urls = published.map((f) => f.url!);
    expect(new Set(urls).size).toBe(urls.length);
    const missing = published.filter((f) => !site.exists(`${new URL(f.url!).pathname.slice(1)}index.html`)).map((f) => f.file);
    expect(missing).toEqual([]);
  });

  it('says why every file that was not published was not', () => {
    for (const f of site.report.files) {
      if (f.status === 'rejected') {
        expect(f.line, f.file).toBeGreaterThanOrEqual(1);
        expect(f.message?.length, f.file).toBeGreaterThan(5);
        expect(site.output.includes(`${printable(f.file)}:${f.line}:`) || site.output.includes('more rejected'), f.file).toBe(true);
      }
      if (f.status === 'duplicate') expect(f.message, f.file).toMatch(/\.txt/);
    }
  });
});
