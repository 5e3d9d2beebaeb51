// `npm test` checks the system tools the suite runs before any test starts (scripts/check-test-tools.mjs,
// the `pretest` script): silent and quick when they are there (as .ci/run leaves the machine); one line
// naming the command to run when one is missing and it cannot install it; never a test failing deep
// in the suite. (As root on Debian it installs what is missing: not exercised here.)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build.ts';

const script = join(repoRoot, 'scripts', 'check-test-tools.mjs');

/** npm's own script (npm sets npm_execpath for what it runs; else the npm on PATH). */
function npmCli(): string {
  if (process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)) return process.env.npm_execpath;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, 'npm'))) return realpathSync(join(dir, 'npm'));
  throw new Error('npm not found on PATH');
}
// A PATH with Node, npm and the shell npm runs scripts with only: no xmllint, hugo, java or rsync,
// and no apt-get to install them with.
const bare = mkdtempSync(join(tmpdir(), 'dateline-bare-path-'));
symlinkSync(process.execPath, join(bare, 'node'));
symlinkSync(npmCli(), join(bare, 'npm'));
symlinkSync('/bin/sh', join(bare, 'sh'));
afterAll(() => rmSync(bare, { recursive: true, force: true }));
const isRoot = process.getuid?.() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));

describe('npm test checks its system tools first', () => {
  it('says nothing and takes a moment when every tool is there', () => {
    const started = performance.now();
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('stops with one line naming the command when tools are missing and cannot be installed', () => {
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, PATH: bare } });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[npm test\] missing xmllint .*Hugo .*Java .*rsync .*: .*`apt-get update && apt-get install -y libxml2-utils hugo default-jre-headless rsync`/,
    );
  });

  it.runIf(isRoot && setpriv)('tells a user who is not root to run it with sudo', () => {
    const run = spawnSync(setpriv!, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, script], {
      encoding: 'utf8',
      env: { ...process.env, HUGO_BIN: '/nonexistent/hugo' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      '[npm test] missing Hugo (the bench smoke test): run `sudo apt-get update && sudo apt-get install -y hugo`, then npm test again.',
    );
  });

  it('npm test stops there, before any test runs', () => {
    const run = spawnSync(join(bare, 'npm'), ['test', '--', 'tests/foundation/script-language.test.ts'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, PATH: bare, npm_config_update_notifier: 'false' },
    });
    const output = run.stdout + run.stderr;
    expect(run.status, output).not.toBe(0);
    expect(output).toMatch(/\[npm test\] missing xmllint .*apt-get install -y libxml2-utils hugo default-jre-headless rsync/);
    expect(output).not.toMatch(/vitest|Test Files|RUN/);
  });
});
