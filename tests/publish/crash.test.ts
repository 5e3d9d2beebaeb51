// A publisher killed at any moment (SIGKILL, at a random point of its run, 20 times: by time, or after
// a random number of changes to the output folder) leaves a dist/ the next publish completes: byte for byte what a cold full build of the same content gives, no temporary
// file left, and changes.json naming every file the killed run and the next one wrote or removed, so
// a deployer misses nothing. Each change also brings a story with a new picture (made in the picture
// workers and cached: a kill may land mid-way through either) and drops an earlier story's picture.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { ninjsStory } from '../site/photo-fixtures.ts';
import { buildSite, outputDir, publishSite, repoRoot, siteEnv } from '../helpers/build.ts';
import { wire } from '../foundation/fixtures.ts';
import { changesBetween, snapshot, treeDifferences } from './tree.ts';

const NAME = 'publish-crash';
const RUNS = 20;
const NOW = '2024-03-10T12:00:00+05:00';
const env = { DATELINE_NOW: NOW, DATELINE_SEARCH_SHARD_SIZE: '10' };
const SECTIONS = ['World', 'Pakistan', 'Business'];
const dir = outputDir(NAME);
const content = join(dir, 'content');
const dist = join(dir, 'dist');

let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

const story = (n: number) =>
  wire({
    section: SECTIONS[n % 3],
    headline: `Story number ${n} on the port`,
    byline: n % 2 ? 'AFP' : 'Reuters',
    published: `${String(1 + (n % 9)).padStart(2, '0')} Mar, 2024 ${String(1 + (n % 11)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}am`,
    body: [`KARACHI: Story ${n} tells of the port, version ${Math.floor(rnd() * 1000)}.`, 'A second paragraph.'],
  });

/** A ninjs story with a picture of its own (large enough for a photo card), or a later version without it. */
async function photoStory(n: number, withPicture = true): Promise<void> {
  const picture = `pictures/p${n}.jpg`;
  if (withPicture) {
    mkdirSync(join(content, 'pictures'), { recursive: true });
    const background = { r: (n * 53) % 256, g: (n * 97) % 256, b: (n * 151) % 256 };
    await sharp({ create: { width: 1600, height: 1000, channels: 3, background, noise: { type: 'gaussian', mean: 120, sigma: 25 } } })
      .jpeg()
      .toFile(join(content, picture));
  }
  writeFileSync(
    join(content, `photo-${n}.json`),
    ninjsStory({
      uri: `urn:test:crash:${n}`,
      version: withPicture ? 1 : 2,
      headline: `Photo story number ${n} on the port`,
      published: `2024-03-0${1 + (n % 9)}T08:${String(n % 60).padStart(2, '0')}:00+05:00`,
      ...(withPicture ? {} : { updated: '2024-03-10T09:00:00+05:00' }),
      pictures: withPicture ? [{ href: picture, caption: `The port, picture ${n}.`, alt: `Picture ${n} of the port.`, credit: 'Dateline' }] : [],
    }),
  );
}

/**
 * Runs a publish and kills it with SIGKILL: after `ms`, or once it has made `events` changes to the
 * output folder (seen with fs.watch), so kills land in start-up, in reading, and in the middle of
 * writing. Resolves with whether it was still running when killed.
 */
function publishAndKill(when: { ms: number } | { events: number }): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'integrations/dateline/cli/publish.ts')], {
      cwd: repoRoot,
      env: siteEnv(NAME, { env }),
      stdio: 'ignore',
    });
    let exited = false;
    let watcher: FSWatcher | undefined;
    const kill = () => {
      watcher?.close();
      resolve(!exited && child.kill('SIGKILL'));
    };
    child.on('exit', () => {
      exited = true;
      watcher?.close();
      resolve(false);
    });
    if ('ms' in when) setTimeout(kill, when.ms);
    else {
      let seen = 0;
      watcher = watch(dist, { recursive: true }, () => {
        if (++seen === when.events) kill();
      });
    }
  });
}

describe('a publisher killed at random points', () => {
  let next = 1;
  let full = 0;

  beforeAll(async () => {
    rmSync(content, { recursive: true, force: true });
    const files: Record<string, string> = {};
    for (; next <= 40; next++) files[`s${next}.txt`] = story(next);
    buildSite(NAME, { files, env });
    for (const n of [1, 2, 3]) await photoStory(n);
    // How long an undisturbed publish of a similar change takes: the kills fall within it.
    writeFileSync(join(content, `s${next}.txt`), story(next++));
    const started = performance.now();
    expect(publishSite(NAME, { env }).status).toBe(0);
    full = performance.now() - started;
    rmSync(join(dir, 'changes.json'));
  }, 300_000);

  it(`${RUNS} kills: in ten changes, each publish killed twice, the third completes to a cold build's folder`, async () => {
    const kills: string[] = [];
    let midWrites = 0;
    for (let change = 0; change < RUNS / 2; change++) {
      // a change: two new stories, an edit, a deletion (each touches many pages and the search shards)
      for (let k = 0; k < 2; k++) writeFileSync(join(content, `s${next}.txt`), story(next++));
      const edit = 1 + Math.floor(rnd() * (next - 1));
      if (existsSync(join(content, `s${edit}.txt`))) writeFileSync(join(content, `s${edit}.txt`), story(edit));
      rmSync(join(content, `s${1 + Math.floor(rnd() * (next - 1))}.txt`), { force: true });
      // a new story with a new picture; an earlier one's picture dropped by a new version
      await photoStory(100 + change);
      if (change > 0) await photoStory(100 + change - 1, false);

      const before = snapshot(dist);
      // first after some changes to the folder (mid-write), then at a time within the last undisturbed run
      for (const when of [{ events: 1 + Math.floor(rnd() * 80) }, { ms: Math.round(full * (0.1 + 0.8 * rnd())) }]) {
        const state = snapshot(dist);
        const killed = await publishAndKill(when);
        // what the killed run had done to the folder (temporary files included)
        const partial = changesBetween(state, snapshot(dist));
        const midWrite = killed && partial.written.length + partial.removed.length > 0;
        if (midWrite) midWrites++;
        kills.push(
          `${'ms' in when ? `${when.ms} ms` : `${when.events} events`}: ${killed ? (midWrite ? `${partial.written.length} written, ${partial.removed.length} removed` : 'before writing') : 'finished first'}`,
        );
      }
      const started = performance.now();
      const recovered = publishSite(NAME, { env });
      expect(recovered.status, recovered.output).toBe(0);
      full = performance.now() - started;

      const cold = buildSite(`${NAME}-cold`, { contentDir: content, env });
      expect(treeDifferences(dist, cold.dist), `change ${change + 1}; kills: ${kills.slice(-2).join('; ')}`).toEqual([]);
      expect(recovered.site.report).toEqual(cold.report);
      // the deployer's list covers the killed runs and the last: every file whose bytes changed or that went
      const taken = join(dir, 'changes.taken.json');
      renameSync(join(dir, 'changes.json'), taken);
      const listed = JSON.parse(readFileSync(taken, 'utf8')) as { written: string[]; removed: string[] };
      rmSync(taken);
      const changed = changesBetween(before, snapshot(dist));
      for (const f of changed.written) expect(listed.written, `change ${change + 1}: ${f} written`).toContain(f);
      for (const f of changed.removed) expect(listed.removed, `change ${change + 1}: ${f} removed`).toContain(f);
    }
    console.log(`kills (the last undisturbed publish took ${Math.round(full)} ms):\n${kills.join('\n')}`);
    expect(kills.filter((k) => !k.endsWith('finished first')).length).toBeGreaterThanOrEqual(RUNS / 2);
    expect(midWrites).toBeGreaterThanOrEqual(5);
  }, 900_000);
});
