// Builds a site in a child process, with its own content, output, cache, report and changes paths, so
// several test builds can run side by side. Either as `npm run build` does (`astro build`: the theme
// compiled, then the whole site published by the integration's `astro:build:done`), or, by default, with
// the full build's publisher alone (integrations/dateline/cli/build.ts), which takes the compiled theme
// of the sources' key and compiles it only when there is none: the same publish, without Astro's few
// seconds of compiling per build (tests/foundation/astro-build.test.ts checks that both give the same
// bytes).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildReport } from '../../integrations/dateline/report/build-report.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/**
 * The project whose commands buildSite() and publishSite() run: this repository, or a copy of it named
 * by `DATELINE_TEST_PROJECT` (the mutant runs of tests/publish/mutants.test.ts: a copy with one change
 * in `integrations/`). Test sites are then built inside the copy, so runs on different copies never
 * share a folder.
 */
export const projectRoot = process.env.DATELINE_TEST_PROJECT ? resolve(process.env.DATELINE_TEST_PROJECT) : repoRoot;
/** The reference article (the example of the wire-format description), kept in the demo content. */
export const seedArticlePath = join(repoRoot, 'content', 'world-china-russia-call.txt');
/** The sitemaps.org and extension schemas (tests/schemas/README.md). */
export const sitemapSchema = join(repoRoot, 'tests', 'schemas', 'all-sitemaps.xsd');

export interface BuiltSite {
  dir: string;
  dist: string;
  report: BuildReport;
  output: string;
  /** Reads a file of the built site (path relative to dist). */
  read(path: string): string;
  exists(path: string): boolean;
}

export interface BuildOptions {
  /** Wire files to write: path relative to the content folder → text or bytes. */
  files?: Record<string, string | Uint8Array>;
  /** Use an existing content folder instead of `files`. */
  contentDir?: string;
  env?: Record<string, string>;
  args?: string[];
  /** Keep the cache folder of an earlier build with the same name (warm build). */
  keepCache?: boolean;
  /** Keep the output folder of an earlier build too, as a publisher's machine does. */
  keepDist?: boolean;
  /** Run this project's command (a copy of the project) instead of projectRoot's. */
  project?: string;
  /** Build with `astro build` (what `npm run build` runs; `args` go to it, e.g. `--base /news/`). */
  astro?: boolean;
}

/**
 * Test sites are built inside the repository (gitignored): with an outDir outside the root, Astro puts
 * its temporary prerender chunks in the shared `.astro/` folder and parallel builds collide. The dev
 * server ignores this folder (astro.config.mjs `vite.server.watch.ignored`).
 */
export const outputRoot = join(projectRoot, 'tests', '.output');

export function outputDir(name: string): string {
  return join(outputRoot, name);
}

export function writeContent(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, text] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

/** The environment of a test site's commands: its own content, output, cache, report and changes. */
export function siteEnv(name: string, options: { contentDir?: string; env?: Record<string, string> } = {}): NodeJS.ProcessEnv {
  const dir = outputDir(name);
  return {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    // Plain text output: tests read the build log (CI=true makes Astro colour it).
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    DATELINE_CONTENT: options.contentDir ?? join(dir, 'content'),
    DATELINE_OUT_DIR: join(dir, 'dist'),
    DATELINE_CACHE_DIR: join(dir, 'cache'),
    DATELINE_REPORT: join(dir, 'report.json'),
    DATELINE_CHANGES: join(dir, 'changes.json'),
    ...options.env,
  };
}

/** The command line (after node) of a full build of `project`: `astro build`, or the publisher's full build. */
export function buildCommand(project: string, astro = false): string[] {
  return astro ? [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'] : [join(project, 'integrations/dateline/cli/build.ts')];
}

export function buildSite(name: string, options: BuildOptions = {}): BuiltSite {
  const dir = outputDir(name);
  const content = options.contentDir ?? join(dir, 'content');
  const dist = join(dir, 'dist');
  const cache = join(dir, 'cache');
  const reportPath = join(dir, 'report.json');
  if (!options.keepDist) rmSync(dist, { recursive: true, force: true });
  if (!options.keepCache) rmSync(cache, { recursive: true, force: true });
  if (options.files) {
    rmSync(content, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    writeContent(content, options.files);
  }
  let output: string;
  try {
    const project = options.project ?? projectRoot;
    output = execFileSync(process.execPath, [...buildCommand(project, options.astro), ...(options.args ?? [])], {
      cwd: project,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: siteEnv(name, { contentDir: content, ...(options.env ? { env: options.env } : {}) }),
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${options.astro ? 'astro build' : 'build'} failed for ${name}:\n${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}`);
  }
  // Strip any colour codes that still get through, so tests can match the log as text.
  return siteAt(dir, dist, reportPath, output.replace(/\u001b\[[0-9;]*m/g, ''));
}

export interface PublishRun {
  status: number | null;
  output: string;
  site: BuiltSite;
}

/**
 * `npm run publish` (integrations/dateline/cli/publish.ts) on a test site built before with the same
 * name: its dist/, cache and archive are kept. `args`: named files, `--no-wait`.
 */
export function publishSite(name: string, options: { args?: string[]; env?: Record<string, string>; contentDir?: string; project?: string } = {}): PublishRun {
  const dir = outputDir(name);
  const project = options.project ?? projectRoot;
  const run = spawnSync(process.execPath, [join(project, 'integrations/dateline/cli/publish.ts'), ...(options.args ?? [])], {
    cwd: project,
    encoding: 'utf8',
    env: siteEnv(name, options),
    maxBuffer: 256 * 1024 * 1024,
  });
  const output = `${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  if (run.status !== 0 && !existsSync(join(dir, 'report.json'))) throw new Error(`publish failed for ${name}:\n${output}`);
  return { status: run.status, output, site: siteAt(dir, join(dir, 'dist'), join(dir, 'report.json'), output) };
}

export function siteAt(dir: string, dist: string, reportPath: string, output = ''): BuiltSite {
  return {
    dir,
    dist,
    output,
    report: JSON.parse(readFileSync(reportPath, 'utf8')) as BuildReport,
    read: (path) => readFileSync(join(dist, path), 'utf8'),
    exists: (path) => existsSync(join(dist, path)),
  };
}

export function copyDir(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}
