// `npm run publish -- --watch` publishes a scheduled story when it falls due, with no file event: the
// resident publisher sets a timer for the archive's next due time (archive/stories.ts nextDue) and for
// the moment the oldest story leaves the news sitemap's window (archive/articles.ts firstPublishedAfter).
// The real clock here (no DATELINE_NOW): a ninjs story filed a few seconds ahead waits for its time.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, outputDir } from '../helpers/build.ts';
import { Watcher } from './watcher.ts';
import { wire } from '../foundation/fixtures.ts';
import { json, v1 as ninjs } from '../formats/ninjs/fixtures.ts';

const NAME = 'publish-watch-schedule';
const dir = outputDir(NAME);
const content = join(dir, 'content');
const dist = join(dir, 'dist');

describe('npm run publish -- --watch, a story filed ahead of time', () => {
  let w: Watcher;

  beforeAll(async () => {
    buildSite(NAME, {
      files: {
        'a.txt': wire({
          section: 'World',
          headline: 'Ministers meet on trade',
          byline: 'AFP',
          published: '01 Mar, 2024 10:00am',
          body: ['KARACHI: Ministers met.'],
        }),
      },
    });
    w = await Watcher.start(NAME, {});
  }, 120_000);

  afterAll(() => {
    w?.kill();
  });

  it('waits for its time, then publishes it without being told', async () => {
    // whole seconds (ninjs times carry seconds), 12 s ahead: time enough for a loaded machine to read it
    // and say it is scheduled before it falls due
    const due = new Date(Math.ceil(Date.now() / 1000) * 1000 + 12_000);
    const at = due.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const target = join(content, 'ahead.json');
    mkdirSync(content, { recursive: true });
    writeFileSync(
      `${target}.tmp`,
      json(
        ninjs({ uri: 'urn:test:watch:ahead', headline: 'Budget talks open at noon', firstcreated: at, versioncreated: at, body_html: '<p>Talks open.</p>' }),
      ),
    );
    renameSync(`${target}.tmp`, target);
    await w.until(() => /scheduled/.test(w.log), 'the story to be scheduled');
    const home = () => (existsSync(join(dist, 'index.html')) ? readFileSync(join(dist, 'index.html'), 'utf8') : '');
    expect(home()).not.toContain('Budget talks open at noon');
    await w.until(() => home().includes('Budget talks open at noon'), 'the story to go live at its time');
    // not before its time (the publisher's clock, within the poll's 20 ms)
    expect(Date.now()).toBeGreaterThanOrEqual(due.getTime());
    expect(w.process.exitCode).toBeNull();
  }, 60_000);
});
