// scripts/deploy/rsync.sh on a real site, into a local folder (a real rsync run): a first deploy sends
// the whole folder; after each publish (a new story, an edited story, a story deleted so that its
// section goes, two publishes at once, a failed deploy and its retry, a full rebuild) the destination
// holds exactly the files of dist/, byte for byte and no folder more, and rsync's itemized output shows
// that only the listed files were sent or deleted; every other file keeps its inode and time.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newsroom, recipe, requireCommand, run, stamps, story, tree, TestSite, type Changes, type Run } from './site.ts';

const site = new TestSite('deploy-rsync');
const dest = join(site.dir, 'www');
const state = join(site.dir, 'deploy-rsync');
const env = () => ({ ...site.env, DATELINE_RSYNC_DEST: `${dest}/` });

/** What rsync --itemize-changes says it sent (">f…") and deleted ("*deleting", files only). */
function itemized(stdout: string): { sent: string[]; deleted: string[] } {
  const sent: string[] = [];
  const deleted: string[] = [];
  for (const line of stdout.split('\n')) {
    const s = /^>f\S* (.+)$/.exec(line);
    if (s) sent.push(s[1]!);
    const d = /^\*deleting +(.+)$/.exec(line);
    if (d && !d[1]!.endsWith('/')) deleted.push(d[1]!);
  }
  return { sent: sent.sort(), deleted: deleted.sort() };
}

function expectMirror(): void {
  const want = tree(site.dist);
  const got = tree(dest);
  expect([...got.files.keys()]).toEqual([...want.files.keys()]);
  expect(got.dirs).toEqual(want.dirs); // no folder left behind by a deleted section
  for (const [path, bytes] of want.files) expect(got.files.get(path)!.equals(bytes), path).toBe(true);
}

/** Runs the recipe and checks the destination; `listed`: the paths of the lists it takes (incremental). */
async function deploy(listed?: Set<string>, extraEnv: Record<string, string> = {}): Promise<Run> {
  const before = existsSync(dest) ? tree(dest).files : new Map<string, Buffer>();
  const beforeStamps = existsSync(dest) ? stamps(dest) : new Map<string, string>();
  const result = await run('bash', [recipe('rsync')], { ...env(), ...extraEnv });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  expectMirror();
  if (listed) {
    expect(result.stdout).toMatch(/listed path\(s\)/);
    const now = tree(site.dist).files;
    const { sent, deleted } = itemized(result.stdout);
    // Sent: exactly the listed files whose bytes the destination did not have; deleted: exactly the
    // listed files dist/ no longer has.
    expect(sent).toEqual([...listed].filter((p) => now.has(p) && !before.get(p)?.equals(now.get(p)!)).sort());
    expect(deleted).toEqual([...listed].filter((p) => !now.has(p) && before.has(p)).sort());
    const after = stamps(dest);
    for (const [path, stamp] of beforeStamps) if (!listed.has(path)) expect(after.get(path), `${path} was not listed`).toBe(stamp);
  }
  return result;
}

const pathsOf = (...lists: (Changes | undefined)[]) => new Set(lists.flatMap((c) => [...(c?.written ?? []), ...(c?.removed ?? [])]));

describe('rsync deploy recipe', () => {
  beforeAll(() => {
    requireCommand('rsync', ['--version'], 'install Debian package rsync (apt-get install -y rsync)');
    site.build();
  });

  it('sends the whole folder on the first deploy, and nothing when nothing changed', async () => {
    // the build lists every file it wrote (all of them); the first deploy to a destination sends the folder
    expect(site.changes()?.full).toBe(false);
    expect(site.changes()?.written).toEqual([...site.files()].sort());
    const first = await deploy();
    expect(first.stdout).toMatch(/whole folder/);
    expect(site.changes()).toBeUndefined(); // taken
    expect(readdirSync(state).filter((f) => f.startsWith('taken-'))).toEqual([]);
    const again = await run('bash', [recipe('rsync')], env());
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nothing changed/);
  });

  it('sends only the files a new story changes', async () => {
    const changes = newsroom.newStory(site);
    expect(changes.written.length).toBeLessThan(site.files().length);
    await deploy(pathsOf(changes));
  });

  it('sends only the files an edited story changes', async () => {
    await deploy(pathsOf(newsroom.edit(site)));
  });

  it('deletes the pages of a deleted story, its emptied section with them', async () => {
    const changes = newsroom.deletion(site);
    expect(existsSync(join(dest, 'business'))).toBe(true);
    await deploy(pathsOf(changes));
    expect(existsSync(join(dest, 'business'))).toBe(false);
  });

  it('sends what two publishes changed in one deploy', async () => {
    site.write({ 'world/election.txt': story('Election date announced', '10 Mar, 2024 09:30am') });
    site.publish();
    const first = site.changes()!;
    site.write({
      'world/floods.txt': story('Floods close the coastal highway', '10 Mar, 2024 08:00am', [
        'KARACHI: The coastal highway was closed by floods.',
        'It reopens tomorrow.',
      ]),
    });
    site.publish();
    const both = site.changes()!;
    expect(both.publishes).toBe(2);
    // Every path of the first publish is still listed, under what happened to it last (a search
    // shard the first wrote, the second replaced, is listed as removed).
    expect([...pathsOf(both)]).toEqual(expect.arrayContaining([...pathsOf(first)]));
    expect(first.written.some((p) => both.removed.includes(p))).toBe(true);
    expect(both.written).toContain('world/2024/03/10/floods-close-the-coastal-highway/index.html');
    await deploy(pathsOf(both));
  });

  it('keeps the list of a failed deploy and sends it, with what was published since, on the next run', async () => {
    site.write({ 'world/budget.txt': story('Budget talks resume', '10 Mar, 2024 10:00am') });
    site.publish();
    const failedList = site.changes()!;
    const before = tree(dest).files;
    const failed = await run('bash', [recipe('rsync')], { ...env(), DATELINE_RSYNC_OPTIONS: '--no-such-option' });
    expect(failed.code).not.toBe(0);
    expect(site.changes()).toBeUndefined();
    expect(readdirSync(state).filter((f) => f.startsWith('taken-'))).toHaveLength(1);
    expect([...tree(dest).files.keys()]).toEqual([...before.keys()]);
    site.write({ 'world/budget.txt': story('Budget talks resume', '10 Mar, 2024 10:00am', ['ISLAMABAD: Budget talks resumed.', 'No date was set.']) });
    site.write({ 'world/port.txt': story('Port strike ends', '10 Mar, 2024 10:30am') });
    site.publish();
    const since = site.changes()!;
    const listed = pathsOf(failedList, since);
    expect(listed.size).toBeGreaterThan(pathsOf(since).size);
    await deploy(listed);
    expect(readdirSync(state).filter((f) => f.startsWith('taken-'))).toEqual([]);
  });

  it('deploys in a loop beside npm run publish -- --watch, taking lists while publishes run', async () => {
    const watcher = await site.watch();
    const codes: (number | null)[] = [];
    try {
      for (let i = 0; i < 4; i++) {
        site.write({ [`world/live-${i}.txt`]: story(`Live story number ${i}`, `10 Mar, 2024 11:0${i}am`) });
        await new Promise((resolve) => setTimeout(resolve, 120 * i));
        codes.push((await run('bash', [recipe('rsync')], env())).code);
      }
      const last = join(site.dist, 'world/2024/03/10/live-story-number-3/index.html');
      for (let t = 0; !existsSync(last); t++) {
        expect(t, `the watcher did not publish the last story:\n${watcher.output()}`).toBeLessThan(200);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      expect(await watcher.stop()).toBe(0);
    }
    // A run that met a publish half-way may fail (rsync 24: a file vanished, 23: one could not be
    // sent); its list waits for the next.
    expect(
      codes.filter((c) => c !== 0 && c !== 23 && c !== 24),
      String(codes),
    ).toEqual([]);
    // What is left (if the loop did not send it all) goes now; either way the folder is dist/.
    const pending = site.pending(state);
    const final = await deploy(pending.size ? pending : undefined);
    if (!pending.size) expect(final.stdout).toMatch(/nothing changed/);
    expect(watcher.output()).not.toMatch(/publish failed/);
  });

  it('after npm run build over the folder, sends only the files the build rewrote', async () => {
    // a story edited and not published: the build finds it, and rewrites only what shows it
    site.write({
      'world/markets.txt': story('Markets steady after the holiday', '09 Mar, 2024 09:00am', [
        'KARACHI: Markets were steady after the holiday.',
        'Traders expect a busy week.',
        'A fourth paragraph came with the rebuild.',
      ]),
    });
    site.build(true);
    const changes = site.changes()!;
    // the build compares every file with what is in place: it lists what it rewrote, not everything
    expect(changes.full).toBe(false);
    expect(changes.written.length).toBeLessThan(site.files().length);
    await deploy(pathsOf(changes));
  });
});
