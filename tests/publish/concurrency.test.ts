// Two publishers on one site: while one runs, a second with --no-wait refuses at once with a message
// naming the first (exit status 75), and a second without it says it is waiting, waits, then publishes.
// The folder ends as a cold build of the content gives. A publisher killed holding the lock does not
// keep others out (the lock is SQLite's, released by the operating system when its owner dies).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_NOW, generateArticles } from '../../bench/generate.ts';
import { buildSite, outputDir, publishSite, repoRoot, siteEnv } from '../helpers/build.ts';
import { wire } from '../foundation/fixtures.ts';
import { treeDifferences } from './tree.ts';

const NAME = 'publish-concurrency';
const env = { DATELINE_NOW: BENCH_NOW, DATELINE_OG_IMAGES: '0' };
const dir = outputDir(NAME);
const content = join(dir, 'content');
const ownerFile = join(dir, 'cache', 'dateline', 'publish.lock.owner.json');

/** Starts a command of the site in the background; resolves its exit status and output. */
function start(script: string, args: string[] = []) {
  const child = spawn(process.execPath, [join(repoRoot, 'integrations/dateline/cli', script), ...args], { cwd: repoRoot, env: siteEnv(NAME, { env }) });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const done = new Promise<{ status: number | null; output: string }>((resolve) => child.on('close', (status) => resolve({ status, output })));
  return { child, done, output: () => output };
}

async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('two publishers on one site', () => {
  it('the second refuses with --no-wait, or waits and then publishes', async () => {
    // enough stories that a full build runs for a few seconds
    generateArticles(400, content, 3);
    const first = start('build.ts');
    await until(() => existsSync(ownerFile) && JSON.parse(readFileSync(ownerFile, 'utf8')).pid === first.child.pid, 'the build to hold the lock');

    const refused = spawnSync(process.execPath, [join(repoRoot, 'integrations/dateline/cli/publish.ts'), '--no-wait'], {
      cwd: repoRoot,
      env: siteEnv(NAME, { env }),
      encoding: 'utf8',
    });
    expect(refused.status).toBe(75);
    expect(refused.stdout + refused.stderr).toMatch(
      new RegExp(
        `another publisher is running for this site \\(pid ${first.child.pid}, \`npm run build\`, since [0-9T:.-]+Z\\); refusing to publish at the same time \\(lock: .*publish\\.lock\\)`,
      ),
    );

    // a story filed meanwhile: the build finds it or the waiting publisher brings it in after it
    writeFileSync(
      join(content, 'late.txt'),
      wire({ section: 'World', headline: 'Late story filed during the build', byline: 'AFP', published: '01 Jan, 2026 08:45am' }),
    );
    const second = start('publish.ts');
    await until(
      () => /waiting for the publisher already running for this site \(pid \d+, `npm run build`/.test(second.output()),
      'the second publisher to say it waits',
    );
    const a = await first.done;
    const b = await second.done;
    expect(a.status, a.output).toBe(0);
    expect(b.status, b.output).toBe(0);
    expect(b.output).toMatch(/\d+ file\(s\) written, \d+ removed, \d+ unchanged in/);

    const cold = buildSite(`${NAME}-cold`, { contentDir: content, env });
    expect(treeDifferences(join(dir, 'dist'), cold.dist)).toEqual([]);
    expect(cold.read('world/index.html')).toContain('Late story filed during the build');
  }, 300_000);

  it('a publisher killed while holding the lock does not keep the next one out', async () => {
    writeFileSync(
      join(content, 'later.txt'),
      wire({ section: 'World', headline: 'A story for the killed publisher', byline: 'AFP', published: '01 Jan, 2026 08:50am' }),
    );
    const doomed = start('publish.ts');
    await until(() => existsSync(ownerFile) && JSON.parse(readFileSync(ownerFile, 'utf8')).pid === doomed.child.pid, 'the publisher to hold the lock');
    doomed.child.kill('SIGKILL');
    await doomed.done;
    const started = performance.now();
    const next = publishSite(NAME, { args: ['--no-wait'], env });
    expect(next.status, next.output).toBe(0);
    expect(next.output).not.toMatch(/waiting for/);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(next.site.read('world/index.html')).toContain('A story for the killed publisher');
  }, 120_000);
});
