// Strict mode lists every bad file, publishes nothing and fails `astro build` (`npm run build`) with exit
// status 1; another publisher holding the site makes `astro build --no-wait` exit 75; `npm run validate`
// checks without building; a site built with `astro build --base /news/` keeps every URL under it; the
// machine's TZ does not change the site.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../integrations/dateline/publish/lock.ts';
import { buildCommand, buildSite, outputDir, projectRoot, repoRoot, siteEnv, writeContent } from '../helpers/build.ts';
import { seedArticle, wire } from './fixtures.ts';

const files = {
  'ok.txt': seedArticle,
  'bad-one.txt': ' date 2024-03-01\nWorld\n\nNo time here\n\nAFP\n\nBody.\n',
  'nested/bad-two.txt': '',
};

describe('strict mode and validate', () => {
  it('DATELINE_STRICT=1 fails astro build after listing all rejected files', () => {
    const dir = outputDir('strict');
    rmSync(dir, { recursive: true, force: true });
    writeContent(join(dir, 'content'), files);
    const run = spawnSync(process.execPath, buildCommand(projectRoot, true), {
      cwd: projectRoot,
      encoding: 'utf8',
      env: {
        ...process.env,
        DATELINE_CONTENT: join(dir, 'content'),
        DATELINE_OUT_DIR: join(dir, 'dist'),
        DATELINE_CACHE_DIR: join(dir, 'cache'),
        DATELINE_REPORT: join(dir, 'report.json'),
        DATELINE_CHANGES: join(dir, 'changes.json'),
        DATELINE_STRICT: '1',
        DATELINE_OG_IMAGES: '0',
      },
    });
    const output = run.stdout + run.stderr;
    expect(run.status, output).toBe(1);
    expect(output).toMatch(/bad-one\.txt:\d+:/);
    expect(output).toMatch(/nested\/bad-two\.txt:1:/);
    expect(output).toMatch(/strict mode: 2 wire file\(s\) rejected/);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.counts).toMatchObject({ total: 3, published: 1, rejected: 2 });
    // nothing published: no page of the good file, no changes list
    expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(false);
    expect(existsSync(join(dir, 'changes.json'))).toBe(false);
  });

  it('strict mode over a kept cache names every rejected file and claims nothing was published', () => {
    // A first build (not strict) reads the bad files; the strict build after it, with the cache CI
    // keeps, reads none of them again: it must still name each one.
    const name = 'strict-warm';
    const bad = Object.fromEntries([1, 2, 3, 4].map((n) => [`bad-${n}.txt`, ` date 2024-03-01\nWorld\n\nNo time here ${n}\n\nAFP\n\nBody.\n`]));
    const first = buildSite(name, { files: { ...files, ...bad }, env: { DATELINE_OG_IMAGES: '0' } });
    expect(first.report.counts).toMatchObject({ total: 7, rejected: 6 });
    const home = readFileSync(join(first.dist, 'index.html'), 'utf8');
    const run = spawnSync(process.execPath, buildCommand(projectRoot, true), {
      cwd: projectRoot,
      encoding: 'utf8',
      env: siteEnv(name, { env: { DATELINE_STRICT: '1', DATELINE_OG_IMAGES: '0' } }),
    });
    const output = run.stdout + run.stderr;
    expect(run.status, output).toBe(1);
    for (const file of ['bad-1.txt', 'bad-2.txt', 'bad-3.txt', 'bad-4.txt'])
      expect(output).toMatch(new RegExp(`rejected \\S*/${file.replace('.', '\\.')}:6: expected "Published`));
    expect(output).toMatch(/bad-one\.txt:\d+: /);
    expect(output).toMatch(/nested\/bad-two\.txt:1: /);
    expect(output).toMatch(/strict mode: 6 wire file\(s\) rejected, nothing published/);
    // no count of "published" stories beside "nothing published", and the report says so too
    expect(output).not.toMatch(/\d+ published/);
    expect(output).not.toMatch(/see the report/);
    const report = JSON.parse(readFileSync(join(outputDir(name), 'report.json'), 'utf8'));
    expect(report.strict).toMatchObject({ published: false, rejectedFiles: 6 });
    expect(readFileSync(join(first.dist, 'index.html'), 'utf8')).toBe(home);
  });

  it('astro build --no-wait exits 75 while another publisher holds the site, and publishes nothing', async () => {
    const name = 'strict-warm';
    const lock = await acquireLock(join(outputDir(name), 'cache', 'dateline', 'publish.lock'), 'the test', { waitMs: 0 });
    try {
      const before = readFileSync(join(outputDir(name), 'dist', 'index.html'), 'utf8');
      const run = spawnSync(process.execPath, [...buildCommand(projectRoot, true), '--no-wait'], {
        cwd: projectRoot,
        encoding: 'utf8',
        env: siteEnv(name, { env: { DATELINE_OG_IMAGES: '0' } }),
      });
      const output = run.stdout + run.stderr;
      expect(run.status, output).toBe(75);
      expect(output).toMatch(
        /^\[dateline\] another publisher is running for this site \(pid \d+, `the test`, since [0-9T:.-]+Z\); refusing to publish at the same time/m,
      );
      expect(readFileSync(join(outputDir(name), 'dist', 'index.html'), 'utf8')).toBe(before);
    } finally {
      lock.release();
    }
  });

  it('npm run validate reports without building and exits 1 on errors', () => {
    const dir = outputDir('validate');
    rmSync(dir, { recursive: true, force: true });
    writeContent(join(dir, 'content'), files);
    const env = { ...process.env, DATELINE_CONTENT: join(dir, 'content'), DATELINE_REPORT: join(dir, 'report.json'), DATELINE_CACHE_DIR: join(dir, 'cache') };
    const run = spawnSync('npm', ['run', '--silent', 'validate'], { cwd: repoRoot, encoding: 'utf8', env });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/3 wire files: 1 published, 0 scheduled, 0 superseded, 0 withdrawn, 0 duplicate, 2 rejected/);
    expect(run.stdout).toMatch(/bad-one\.txt:\d+: /);
    // what each file became: one line per file, its status, then its URL or the reason
    const perFile = run.stdout.split('\n').filter((l) => /^(published|scheduled|superseded|withdrawn|duplicate|rejected) /.test(l));
    expect(perFile).toHaveLength(3);
    expect(perFile).toContainEqual(
      expect.stringMatching(
        /^published \S*\/content\/ok\.txt: https:\/\/dateline\.example\.com\/world\/2023\/08\/07\/china-russia-foreign-ministers-hail-cooperation-in-call\/$/,
      ),
    );
    expect(perFile).toContainEqual(expect.stringMatching(/^rejected \S*\/content\/bad-one\.txt:6: expected "Published/));
    expect(perFile).toContainEqual(expect.stringMatching(/^rejected \S*\/content\/nested\/bad-two\.txt:1: /));
    // --quiet: the totals and the rejected files only
    const quiet = spawnSync('npm', ['run', '--silent', 'validate', '--', '--quiet'], { cwd: repoRoot, encoding: 'utf8', env });
    expect(quiet.status).toBe(1);
    expect(quiet.stdout).toMatch(/^3 wire files: 1 published/);
    expect(quiet.stdout).toMatch(/^ {2}rejected \S*bad-one\.txt:6: /m);
    expect(quiet.stdout).not.toMatch(/ok\.txt/);
    mkdirSync(join(dir, 'good'), { recursive: true });
    writeContent(join(dir, 'good'), { 'ok.txt': seedArticle });
    const ok = spawnSync('npm', ['run', '--silent', 'validate'], { cwd: repoRoot, encoding: 'utf8', env: { ...env, DATELINE_CONTENT: join(dir, 'good') } });
    expect(ok.status).toBe(0);
    expect(readdirSync(dir)).not.toContain('dist');
  });
});

describe('base path and time zone', () => {
  const content = {
    'ref.txt': seedArticle,
    'midnight.txt': wire({ section: 'Pakistan', headline: 'Late night session ends', published: '01 Mar, 2024 12:05am' }),
  };

  it('a site built with astro build --base /news/ keeps every link under it', () => {
    const site = buildSite('base-news', { files: content, astro: true, args: ['--base', '/news/'], env: { DATELINE_OG_IMAGES: '0' } });
    expect(site.report.files.find((f) => f.file === 'ref.txt')?.url).toBe(
      'https://dateline.example.com/news/world/2023/08/07/china-russia-foreign-ministers-hail-cooperation-in-call/',
    );
    const html = site.read('index.html');
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).filter((h) => h.startsWith('/'));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const h of hrefs) expect(h.startsWith('/news/')).toBe(true);
  });

  it('builds the same site whatever the machine TZ', () => {
    const a = buildSite('tz-karachi', { files: content, env: { TZ: 'Asia/Karachi', DATELINE_OG_IMAGES: '0', DATELINE_NOW: '2024-03-02T00:00:00Z' } });
    const b = buildSite('tz-newyork', { files: content, env: { TZ: 'America/New_York', DATELINE_OG_IMAGES: '0', DATELINE_NOW: '2024-03-02T00:00:00Z' } });
    const list = (d: string): string[] => execFileSync('find', ['.', '-type', 'f'], { cwd: d, encoding: 'utf8' }).split('\n').filter(Boolean).sort();
    expect(list(b.dist)).toEqual(list(a.dist));
    for (const f of list(a.dist)) expect(b.read(f), f).toBe(a.read(f));
    expect(a.exists('pakistan/2024/03/01/late-night-session-ends/index.html')).toBe(true);
  });
});
