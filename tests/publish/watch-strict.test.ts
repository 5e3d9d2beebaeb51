// `--watch` in strict mode: a burst holding a good file and a bad one publishes nothing (the change is
// rolled back), and the watch goes on. What it read of the refused change must be forgotten with it:
// once the bad file is mended, the next publish starts from the archive as it is and ends in the
// folder a cold build gives.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, outputDir } from '../helpers/build.ts';
import { Watcher } from './watcher.ts';
import { wire } from '../foundation/fixtures.ts';
import { treeDifferences } from './tree.ts';

const NAME = 'publish-watch-strict';
const env = { DATELINE_NOW: '2024-03-10T12:00:00+05:00', DATELINE_STRICT: '1' };
const dir = outputDir(NAME);
const content = join(dir, 'content');
const dist = join(dir, 'dist');
const story = (headline: string, published: string) =>
  wire({ section: 'World', headline, byline: 'AFP', published, body: [`KARACHI: ${headline}.`, 'More detail.'] });
const BAD = ' date 2024-03-05\nWorld\n\nNo time here\n\nAFP\n\nBody.\n';

/** Writes files as an ingest script should: elsewhere, then renamed into the content folder (one burst). */
function drop(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    const target = join(content, file);
    mkdirSync(join(target, '..'), { recursive: true });
    const tmp = join(dir, `incoming-${Math.random().toString(36).slice(2)}`);
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  }
}

describe('npm run publish -- --watch, strict mode', () => {
  let w: Watcher;
  const read = (path: string) => (existsSync(join(dist, path)) ? readFileSync(join(dist, path), 'utf8') : '');

  beforeAll(async () => {
    buildSite(NAME, { files: { 'a.txt': story('Ministers meet on trade', '01 Mar, 2024 10:00am') }, env });
    w = await Watcher.start(NAME, env);
  }, 120_000);

  afterAll(() => {
    w?.kill();
  });

  it('publishes nothing of a burst with a rejected file, and goes on', async () => {
    drop({ 'b.txt': story('Port fees rise after long talks', '04 Mar, 2024 10:00am'), 'bad.txt': BAD });
    await w.until(() => /nothing published/.test(w.log), 'the refusal');
    expect(w.log).toMatch(/rejected .*bad\.txt:\d+: /);
    expect(existsSync(join(dist, 'world/2024/03/04/port-fees-rise-after-long-talks/index.html'))).toBe(false);
    expect(read('world/index.html')).not.toContain('Port fees rise');
  });

  it('once the file is mended, publishes both and ends in the folder a cold build gives', async () => {
    drop({ 'bad.txt': story('Cotton prices steady', '05 Mar, 2024 10:00am') });
    await w.until(
      () => read('world/index.html').includes('Cotton prices steady') && read('world/index.html').includes('Port fees rise'),
      'both stories on the section page',
    );
    w.process.kill('SIGTERM');
    await w.until(() => w.process.exitCode !== null, 'the watcher to stop');
    expect(w.process.exitCode).toBe(0);
    const cold = buildSite(`${NAME}-cold`, { contentDir: content, env });
    expect(treeDifferences(dist, cold.dist)).toEqual([]);
  });
});
