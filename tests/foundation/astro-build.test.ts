// `npm run build` is `astro build`: in a copy of the project (its own compiled theme, cache and
// defaults: the site goes into Astro's outDir, dist/), `npm run build` compiles the theme and publishes
// the whole site from the integration's `astro:build:done`. Checked: the pages (parsed), the feeds,
// the sitemap index, robots.txt, the report and the changes file; the bundle Astro compiled is kept
// under its key, so `npm run publish` renders with it and compiles nothing; and the site is byte for
// byte what a publish from nothing (an empty cache) and the publisher's own full build give. `astro
// preview` serves dist/ as a static host would. When the theme changes, `npm run publish` compiles it
// with an `astro build` that only compiles (DATELINE_RENDERER_OUT) and publishes with the new bundle.
import { parseFeed } from '@rowanmanning/feed-parser';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputDir, projectRoot, writeContent } from '../helpers/build.ts';
import { treeDifferences } from '../publish/tree.ts';
import { attr, elements, parseHtml, textOf } from '../seo/html.ts';
import { seedArticle, wire } from './fixtures.ts';

const NOW = '2024-03-02T12:00:00+05:00';
const root = outputDir('astro-build');
const project = join(root, 'project');
const REFERENCE = 'world/2023/08/07/china-russia-foreign-ministers-hail-cooperation-in-call/';

const files: Record<string, string> = {
  'ref.txt': seedArticle,
  'business/rupee.txt': wire({ section: 'Business', headline: 'Rupee firms against dollar', byline: 'Reuters', published: '01 Mar, 2024 03:15pm' }),
  'sports.txt': wire({ section: 'Sports', headline: 'Match drawn in Lahore', byline: 'APP', published: '01 Mar, 2024 01:00pm' }),
  'pakistan.txt': wire({ section: 'Pakistan', headline: 'Late night session ends', published: '01 Mar, 2024 12:05am' }),
  'bad.txt': ' date 2024-03-01\nWorld\n\nNo time here\n\nAFP\n\nBody.\n',
};

/** The project's own parts, copied; node_modules linked (as the mutant runs copy it). */
const PROJECT_PARTS = ['integrations', 'src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** The environment of the copy's commands: none of this run's DATELINE_ settings, the copy's own. */
function copyEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DATELINE_')));
  return {
    ...clean,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ASTRO_TELEMETRY_DISABLED: '1',
    DATELINE_NOW: NOW,
    DATELINE_CONTENT: 'wire',
    // its own compiled themes and caches (node_modules is the repository's, through the link)
    DATELINE_RENDERER_DIR: '.renderer',
    DATELINE_CACHE_DIR: '.astro-cache',
    ...env,
  };
}

/** Runs an npm script of the copy, as a publisher would (`npm run build`, `npm run publish`). */
function npm(script: string, env: Record<string, string> = {}, args: string[] = []) {
  const run = spawnSync('npm', ['run', script, ...(args.length ? ['--', ...args] : [])], {
    cwd: project,
    encoding: 'utf8',
    env: copyEnv(env),
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '') };
}

const walk = (dir: string, prefix = ''): string[] =>
  readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();

describe('npm run build is astro build', () => {
  let build: { status: number | null; output: string };
  const dist = join(project, 'dist');
  const read = (path: string) => readFileSync(join(dist, path), 'utf8');

  beforeAll(() => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(project, { recursive: true });
    for (const part of PROJECT_PARTS) if (existsSync(join(projectRoot, part))) cpSync(join(projectRoot, part), join(project, part), { recursive: true });
    symlinkSync(join(projectRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
    writeContent(join(project, 'wire'), files);
    build = npm('build');
  }, 300_000);

  it('compiles the theme and publishes the whole site into dist/, exit 0 with a rejected file', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/> NODE_COMPILE_CACHE=\S+ ASTRO_TELEMETRY_DISABLED=1 astro build/);
    expect(build.output).toMatch(/^\[dateline\] theme compiled in [\d.]+ s$/m);
    expect(build.output).toMatch(/^\[dateline\] 5 wire files: 4 published, 0 scheduled, 0 superseded, 0 withdrawn, 0 duplicate, 1 rejected$/m);
    expect(build.output).toMatch(/^\[dateline\] {3}rejected wire\/bad\.txt:6: expected "Published/m);
    expect(build.output).toMatch(/^\[dateline\] \d+ route\(s\) affected; \d+ file\(s\) written, 0 removed, 0 unchanged in/m);
    expect(build.output).toMatch(/^\[dateline\] report: \.dateline\/report\.json; changes: \.dateline\/changes\.json$/m);
    // no second compile: the child `astro build` of render/bundle.ts is not run
    expect(build.output).not.toMatch(/compiling the theme/);
  });

  it('writes pages, feeds, sitemaps and robots.txt; nothing of the renderer', () => {
    const home = parseHtml(read('index.html'));
    const links = elements(home, 'a').map((a) => attr(a, 'href'));
    expect(links).toContain(`/${REFERENCE}`);
    expect(elements(home, 'link').some((l) => attr(l, 'rel') === 'alternate' && attr(l, 'href') === 'https://dateline.example.com/rss.xml')).toBe(true);
    const article = parseHtml(read(`${REFERENCE}index.html`));
    expect(elements(article, 'h1').map(textOf).join(' ')).toContain('China, Russia foreign ministers hail cooperation in call');
    expect(elements(article, 'time').map((t) => attr(t, 'datetime'))).toContain('2023-08-07T21:26:00+05:00');
    const stylesheet = elements(article, 'link').find((l) => attr(l, 'rel') === 'stylesheet');
    expect(existsSync(join(dist, attr(stylesheet!, 'href')!))).toBe(true);
    const feed = parseFeed(read('rss.xml'));
    expect(feed.items.map((i) => i.title).sort()).toEqual([
      'China, Russia foreign ministers hail cooperation in call',
      'Late night session ends',
      'Match drawn in Lahore',
      'Rupee firms against dollar',
    ]);
    expect(parseFeed(read('business/rss.xml')).items.map((i) => i.url)).toEqual([
      expect.stringMatching(/^https:\/\/dateline\.example\.com\/business\/2024\/03\/01\/rupee-firms-against-dollar\/$/),
    ]);
    const index = read('sitemap-index.xml');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(sitemaps).toContain('https://dateline.example.com/sitemap-news-0.xml');
    for (const url of sitemaps) expect(existsSync(join(dist, new URL(url).pathname)), url).toBe(true);
    expect(read('robots.txt')).toContain('Sitemap: https://dateline.example.com/sitemap-index.xml');
    expect(existsSync(join(dist, 'og', `${REFERENCE.slice(0, -1)}.png`))).toBe(true);
    expect(existsSync(join(dist, '404.html'))).toBe(true);
    // only the site: the server bundle stays in the renderer folder
    expect(walk(dist).filter((f) => /(^|\/)(server|entry\.mjs|chunks)(\/|$)/.test(f))).toEqual([]);
  });

  it('writes the report and the changes file', () => {
    const report = JSON.parse(readFileSync(join(project, '.dateline', 'report.json'), 'utf8'));
    expect(report.files.map((f: { file: string }) => f.file).sort()).toEqual(Object.keys(files).sort());
    expect(report.counts).toMatchObject({ total: 5, published: 4, rejected: 1 });
    expect(report.files.find((f: { file: string }) => f.file === 'ref.txt').url).toBe(`https://dateline.example.com/${REFERENCE}`);
    const changes = JSON.parse(readFileSync(join(project, '.dateline', 'changes.json'), 'utf8'));
    expect([...changes.written].sort()).toEqual(walk(dist));
    expect(changes.removed).toEqual([]);
  });

  it('keeps the bundle it compiled under its key, and leaves no temporary folder', () => {
    const kept = readdirSync(join(project, '.renderer'));
    expect(kept.filter((n) => /^[0-9a-f]{20}$/.test(n))).toHaveLength(1);
    expect(kept.filter((n) => !/^[0-9a-f]{20}$/.test(n))).toEqual([]);
    expect(existsSync(join(project, '.renderer', kept[0]!, 'server', 'entry.mjs'))).toBe(true);
  });

  it('gives the bytes of a publish from nothing, which renders with that bundle', () => {
    // an empty cache and output folder: a publish then draws everything (and finds the theme compiled)
    const other = {
      DATELINE_OUT_DIR: join(root, 'publish-dist'),
      DATELINE_CACHE_DIR: join(root, 'publish-cache'),
      DATELINE_REPORT: join(root, 'publish-report.json'),
      DATELINE_CHANGES: join(root, 'publish-changes.json'),
    };
    const run = npm('publish', other);
    expect(run.status, run.output).toBe(0);
    expect(run.output).not.toMatch(/compiling the theme|theme compiled/);
    expect(treeDifferences(dist, other.DATELINE_OUT_DIR)).toEqual([]);
    expect(readFileSync(other.DATELINE_REPORT, 'utf8')).toBe(readFileSync(join(project, '.dateline', 'report.json'), 'utf8'));
  });

  it('gives the bytes of the publisher’s full build (what the other tests build with)', () => {
    const other = {
      DATELINE_OUT_DIR: join(root, 'full-dist'),
      DATELINE_CACHE_DIR: join(root, 'full-cache'),
      DATELINE_REPORT: join(root, 'full-report.json'),
      DATELINE_CHANGES: join(root, 'full-changes.json'),
    };
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DATELINE_')));
    const run = spawnSync(process.execPath, [join(project, 'integrations/dateline/cli/build.ts')], {
      cwd: project,
      encoding: 'utf8',
      env: { ...clean, DATELINE_NOW: NOW, DATELINE_CONTENT: 'wire', DATELINE_RENDERER_DIR: '.renderer', ...other },
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/compiling the theme/);
    expect(treeDifferences(dist, other.DATELINE_OUT_DIR)).toEqual([]);
  });

  it('astro preview serves dist/ as a static host does', async () => {
    const child = spawn(process.execPath, [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'preview', '--port', '0'], {
      cwd: project,
      env: copyEnv(),
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      const deadline = Date.now() + 60_000;
      let url: string | undefined;
      while (!(url = /serving \S+ at (http:\/\/\S+)/.exec(output)?.[1])) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`astro preview did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(output).toContain(`serving ${dist} at`);
      const home = await fetch(url);
      expect(home.status).toBe(200);
      expect(await home.text()).toBe(read('index.html'));
      const article = await fetch(new URL(REFERENCE, url));
      expect(await article.text()).toBe(read(`${REFERENCE}index.html`));
      const missing = await fetch(new URL('no-such-page/', url));
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe(read('404.html'));
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('npm run publish after it, with nothing changed, draws nothing (the build and the publish agree on the options)', () => {
    const run = npm('publish');
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/^\[dateline\] 0 route\(s\) affected; 0 file\(s\) written, 0 removed/m);
  });

  it('npm run publish then publishes a new story into dist/ with the same bundle', () => {
    writeFileSync(
      join(project, 'wire', 'late.txt'),
      wire({ section: 'World', headline: 'Late story after the build', byline: 'AFP', published: '02 Mar, 2024 10:00am' }),
    );
    const run = npm('publish');
    expect(run.status, run.output).toBe(0);
    expect(run.output).not.toMatch(/compiling the theme|theme compiled/);
    expect(run.output).toMatch(/live https:\/\/dateline\.example\.com\/world\/2024\/03\/02\/late-story-after-the-build\/ \(wire\/late\.txt\)/);
    expect(existsSync(join(dist, 'world/2024/03/02/late-story-after-the-build/index.html'))).toBe(true);
  });

  it('npm run publish compiles a changed theme with astro build, which then only compiles', () => {
    const before = readdirSync(join(project, '.renderer')).filter((n) => /^[0-9a-f]{20}$/.test(n));
    writeFileSync(join(project, 'public', 'humans.txt'), 'Dateline test\n');
    const run = npm('publish');
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/^\[dateline\] compiling the theme \(astro build of the renderer [0-9a-f]{20}\) …$/m);
    expect(run.output).toMatch(/^\[dateline\] theme compiled in [\d.]+ s$/m);
    // one publish (the child astro build publishes nothing), and the new theme's file is placed
    expect(run.output.match(/wire files: /g)).toHaveLength(1);
    expect(read('humans.txt')).toBe('Dateline test\n');
    const after = readdirSync(join(project, '.renderer'));
    expect(after.filter((n) => /^[0-9a-f]{20}$/.test(n) && !before.includes(n))).toHaveLength(1);
    expect(after.filter((n) => !/^[0-9a-f]{20}$/.test(n))).toEqual([]);
  });
});
