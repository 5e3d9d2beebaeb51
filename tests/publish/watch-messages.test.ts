// What `npm run publish -- --watch` prints for each publish: the counts of that publish only (a resident
// publisher keeps one output for its whole life: its counters used to add up), what went live (its
// URL) or was taken down, "nothing published" with the file, line and message for a rejected file
// (not "published 1 changed file(s)"), and what the removed files were. Each printed count is checked
// against changes.json, which a deployer takes (moves away) after every publish.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, outputDir, repoRoot, siteEnv } from '../helpers/build.ts';
import { wire } from '../foundation/fixtures.ts';

const NAME = 'publish-watch-messages';
const env = { DATELINE_NOW: '2024-03-10T12:00:00+05:00' };
const dir = outputDir(NAME);
const content = join(dir, 'content');
const story = (headline: string, published: string) =>
  wire({ section: 'World', headline, byline: 'AFP', published, body: [`KARACHI: ${headline}.`, 'More detail.'] });
const BAD = ' date 2024-03-05\nWorld\n\nNo time here\n\nAFP\n\nBody.\n';
const SITE = 'https://dateline.example.com';

function drop(file: string, text: string): void {
  const tmp = join(dir, `incoming-${Math.random().toString(36).slice(2)}`);
  writeFileSync(tmp, text);
  renameSync(tmp, join(content, file));
}

/** Takes changes.json as a deployer does; what the publishes since the last take wrote and removed. */
function takeChanges(): { written: string[]; removed: string[] } {
  const path = join(dir, 'changes.json');
  if (!existsSync(path)) return { written: [], removed: [] };
  const taken = join(dir, 'changes.taken.json');
  renameSync(path, taken);
  const changes = JSON.parse(readFileSync(taken, 'utf8'));
  rmSync(taken);
  return changes;
}

const COUNTS = /(\d+) file\(s\) written, (\d+) removed, (\d+) unchanged in /;

describe('npm run publish -- --watch: what each publish prints', () => {
  let watcher: ChildProcessWithoutNullStreams;
  let log = '';
  let seen = 0;

  async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
    const started = performance.now();
    while (!check()) {
      if (performance.now() - started > ms) throw new Error(`timed out waiting for ${what}; watcher log:\n${log}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  /** The lines of the next publish: from its first line (matching `head`) until the watcher is quiet. */
  async function nextPublish(head: RegExp, what: string): Promise<string[]> {
    const lines = () =>
      log
        .split('\n')
        .slice(seen)
        .filter(Boolean)
        .map((l) => l.replace(/^\[dateline\] /, ''));
    await until(() => lines().some((l) => head.test(l)), what);
    // the lines of one publish are printed together
    await new Promise((r) => setTimeout(r, 300));
    const found = lines();
    seen = log.split('\n').length - 1;
    return found;
  }

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    buildSite(NAME, { files: { 'a.txt': story('Ministers meet on trade', '01 Mar, 2024 10:00am') }, env });
    takeChanges();
    watcher = spawn(process.execPath, [join(repoRoot, 'integrations/dateline/cli/publish.ts'), '--watch'], { cwd: repoRoot, env: siteEnv(NAME, { env }) });
    watcher.stdout.on('data', (d) => (log += d));
    watcher.stderr.on('data', (d) => (log += d));
    await until(() => /watching .* for wire files/.test(log), 'the watcher to start', 60_000);
    seen = log.split('\n').length - 1;
    takeChanges();
  }, 120_000);

  afterAll(() => {
    if (watcher.exitCode === null) watcher.kill('SIGKILL');
  });

  /** The counts line of a publish agrees with changes.json, which holds that publish alone. */
  function countsMatchChanges(lines: string[]): { written: number; removed: number } {
    const m = lines.map((l) => COUNTS.exec(l)).find(Boolean);
    expect(m, lines.join('\n')).toBeTruthy();
    const changes = takeChanges();
    expect({ written: Number(m![1]), removed: Number(m![2]) }, lines.join('\n')).toEqual({ written: changes.written.length, removed: changes.removed.length });
    return { written: Number(m![1]), removed: Number(m![2]) };
  }

  it("a new story: this publish's counts, and the URL that went live", async () => {
    drop('b.txt', story('Port fees rise after long talks', '04 Mar, 2024 10:00am'));
    const lines = await nextPublish(/^published 1 changed file\(s\): /, 'the new story');
    expect(
      lines.some((l) => l.startsWith(`  live ${SITE}/world/2024/03/04/port-fees-rise-after-long-talks/ (`) && l.endsWith('/b.txt)')),
      lines.join('\n'),
    ).toBe(true);
    countsMatchChanges(lines);
  });

  it('a rejected file: "nothing published" with its file, line and message, and no counts', async () => {
    drop('bad.txt', BAD);
    const lines = await nextPublish(/nothing published/, 'the rejection');
    expect(lines[0]).toMatch(/^nothing published: rejected \S*\/bad\.txt:6: expected "Published DD Mon, YYYY hh:mm\(am\|pm\)", found "AFP"$/);
    expect(lines.join('\n')).not.toMatch(/published \d+ changed file|file\(s\) written/);
    expect(takeChanges()).toMatchObject({ written: [], removed: [] });
  });

  it('the next story counts only its own files', async () => {
    drop('c.txt', story('Cotton prices steady', '05 Mar, 2024 10:00am'));
    const lines = await nextPublish(/^published 1 changed file\(s\): /, 'the next story');
    expect(lines.some((l) => l.startsWith(`  live ${SITE}/world/2024/03/05/cotton-prices-steady/ (`))).toBe(true);
    const { written } = countsMatchChanges(lines);
    // a story, its lists and feeds: tens of files, not the sum of every publish so far
    expect(written).toBeLessThan(40);
  });

  it('deleted files: what was taken down, and what the removed files were', async () => {
    rmSync(join(content, 'b.txt'));
    rmSync(join(content, 'bad.txt'));
    const lines = await nextPublish(/^removed 2 deleted file\(s\): /, 'the deletions');
    expect(lines.some((l) => l.startsWith(`  taken down ${SITE}/world/2024/03/04/port-fees-rise-after-long-talks/ (`) && l.endsWith('/b.txt deleted)'))).toBe(
      true,
    );
    expect(lines.some((l) => /^ {2}deleted .*\/bad\.txt: nothing of it was on the site$/.test(l))).toBe(true);
    const { removed } = countsMatchChanges(lines);
    expect(removed).toBeGreaterThan(0);
    // "N removed: 2 pages, 1 social images, …", adding up to N
    const what = lines.map((l) => /^ {2}(\d+) removed: (.+)$/.exec(l)).find(Boolean);
    expect(what, lines.join('\n')).toBeTruthy();
    expect(Number(what![1])).toBe(removed);
    const parts = what![2]!.split(', ').map((p) => /^(\d+) (.+)$/.exec(p)!);
    expect(parts.reduce((n, p) => n + Number(p[1]), 0)).toBe(removed);
    expect(parts.map((p) => p[2])).toContainEqual(expect.stringMatching(/^pages?$/));
  });
});
