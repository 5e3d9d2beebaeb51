// `npm run publish -- --watch`: a resident publisher. A file dropped into the content folder (also in a
// new subfolder) is live in dist/ moments later; an edit, a kill and a deletion follow it; a bad file is
// reported with its line and the watch goes on; SIGTERM stops it cleanly and frees the lock. The folder
// it leaves is the one a cold build gives. (How fast is measured by `npm run bench`; this prints it.)
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, outputDir, publishSite } from '../helpers/build.ts';
import { Watcher } from './watcher.ts';
import { wire } from '../foundation/fixtures.ts';
import { json, v1 as ninjs } from '../formats/ninjs/fixtures.ts';
import { treeDifferences } from './tree.ts';
import type { BuildReport } from '../../integrations/dateline/report/build-report.ts';

const NAME = 'publish-watch';
const env = { DATELINE_NOW: '2024-03-10T12:00:00+05:00' };
const dir = outputDir(NAME);
const content = join(dir, 'content');
const dist = join(dir, 'dist');
const story = (headline: string, published: string, body = [`KARACHI: ${headline}.`, 'More detail.']) =>
  wire({ section: 'World', headline, byline: 'AFP', published, body });

/** Writes a wire file as an ingest script should: elsewhere, then renamed into the content folder. */
function drop(file: string, text: string): void {
  const target = join(content, file);
  mkdirSync(join(target, '..'), { recursive: true });
  const tmp = join(dir, `incoming-${Math.random().toString(36).slice(2)}`);
  writeFileSync(tmp, text);
  renameSync(tmp, target);
}

describe('npm run publish -- --watch', () => {
  let w: Watcher;
  const latencies: string[] = [];

  const page = (path: string) => join(dist, path, 'index.html');
  const read = (path: string) => (existsSync(join(dist, path)) ? readFileSync(join(dist, path), 'utf8') : '');

  beforeAll(async () => {
    buildSite(NAME, { files: { 'a.txt': story('Ministers meet on trade', '01 Mar, 2024 10:00am') }, env });
    w = await Watcher.start(NAME, env, { timeoutMs: 20_000 });
  }, 120_000);

  afterAll(() => {
    w?.kill();
    console.log(`file dropped → page in dist/: ${latencies.join(', ')}`);
  });

  it('publishes a dropped file: its page, and the lists that show it', async () => {
    drop('b.txt', story('Port fees rise after long talks', '04 Mar, 2024 10:00am'));
    const ms = await w.until(
      () => existsSync(page('world/2024/03/04/port-fees-rise-after-long-talks')) && read('world/index.html').includes('Port fees rise'),
      'the new page',
    );
    latencies.push(`${Math.round(ms)} ms`);
    expect(read('rss.xml')).toContain('Port fees rise after long talks');
  });

  it('a file in a new subfolder, an edit and a ninjs kill', async () => {
    drop(
      'agency/2024/03/05/c.json',
      json(
        ninjs({
          uri: 'urn:test:watch:c',
          headline: 'Cotton prices steady',
          firstcreated: '2024-03-05T05:00:00Z',
          versioncreated: '2024-03-05T05:00:00Z',
          body_html: '<p>Cotton prices held steady in Multan.</p>',
        }),
      ),
    );
    const cotton = () => (read('index.html').match(/href="(\/[a-z-]+\/2024\/03\/05\/cotton-prices-steady\/)"/) ?? [])[1];
    latencies.push(`${Math.round(await w.until(() => cotton() !== undefined, 'the ninjs story'))} ms`);
    const path = cotton()!.slice(1);

    drop('b.txt', story('Port fees rise after long talks', '04 Mar, 2024 10:00am', ['KARACHI: Port fees rose by a tenth on Monday.']));
    latencies.push(
      `${Math.round(await w.until(() => read('world/2024/03/04/port-fees-rise-after-long-talks/index.html').includes('by a tenth'), 'the edit'))} ms`,
    );

    drop(
      'agency/2024/03/05/c-kill.json',
      json({ uri: 'urn:test:watch:c', type: 'text', version: '2', pubstatus: 'canceled', versioncreated: '2024-03-05T07:00:00Z', headline: 'KILL' }),
    );
    await w.until(() => !existsSync(page(path)) && !read('rss.xml').includes('Cotton prices steady'), 'the kill');
    expect(read('index.html')).not.toContain('Cotton prices steady');
  });

  it('a bad file is reported with its line and the watch goes on', async () => {
    drop('bad.txt', ' date 2024-03-05\nWorld\n\nNo time here\n\nAFP\n\nBody.\n');
    await w.until(() => /rejected .*bad\.txt:\d+: /.test(w.log), 'the rejection');
    drop('d.txt', story('Rains flood low streets', '06 Mar, 2024 09:00am'));
    latencies.push(`${Math.round(await w.until(() => existsSync(page('world/2024/03/06/rains-flood-low-streets')), 'the next good file'))} ms`);
    expect(w.process.exitCode).toBeNull();
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.files.find((f: { file: string }) => f.file === 'bad.txt')).toMatchObject({ status: 'rejected', line: expect.any(Number) });
  });

  it('a deleted file goes from every output', async () => {
    rmSync(join(content, 'd.txt'));
    await w.until(() => !existsSync(page('world/2024/03/06/rains-flood-low-streets')) && !read('world/index.html').includes('Rains flood'), 'the deletion');
  });

  it('stops on SIGTERM, frees the lock, and leaves the folder a cold build gives', async () => {
    w.process.kill('SIGTERM');
    await w.until(() => w.process.exitCode !== null, 'the watcher to stop');
    expect(w.process.exitCode).toBe(0);
    // the report the resident publisher wrote last (from its copy of the joined groups) is the cold build's
    const watched = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as BuildReport;
    const next = publishSite(NAME, { args: ['--no-wait'], env });
    expect(next.status, next.output).toBe(0);
    expect(next.output).toMatch(/0 file\(s\) written, 0 removed/);
    const cold = buildSite(`${NAME}-cold`, { contentDir: content, env });
    expect(treeDifferences(dist, cold.dist)).toEqual([]);
    expect(watched.files).toEqual(cold.report.files);
    expect(watched.counts).toEqual(cold.report.counts);
  });
});
