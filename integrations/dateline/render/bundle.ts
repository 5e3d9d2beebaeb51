// The compiled theme: `astro build` of the project into a server bundle, kept by a key of everything it
// is built from (the theme and integration sources, public/, the Astro config, the lockfile, and the
// Astro options that change URLs: base and trailingSlash). Content, site URL and options are not part
// of it: they come with the archive at render time (src/lib/site.ts). A bundle is built into a
// temporary folder renamed into place, so nobody sees half a bundle. `astro build` (`npm run build`)
// compiles it and keeps it under its key (index.ts, keepRenderer); `npm run publish` uses the bundle of
// its key, and compiles one (ensureRenderer: `astro build` with DATELINE_RENDERER_OUT, which makes the
// integration only compile) when there is none.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { RENDERER_OUT_VARIABLE } from './adapter.ts';

/** Folders and files the bundle is built from, relative to the project root. */
const SOURCES = ['src', 'integrations', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

function walk(root: string, path: string, into: string[]): void {
  const full = join(root, path);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const name of readdirSync(full).sort()) if (!name.startsWith('.')) walk(root, join(path, name), into);
  } else if (stat.isFile()) into.push(path);
}

/**
 * The key of the bundle the project's sources and these Astro options would build (trailingSlash as
 * Astro resolves it: unset is 'ignore', so the command-line tools and Astro's own hooks agree).
 */
export function rendererKey(rootPath: string, astro: { base: string; trailingSlash?: string }): string {
  const files: string[] = [];
  for (const source of SOURCES) walk(rootPath, source, files);
  const hash = createHash('sha256')
    .update(JSON.stringify({ base: astro.base, trailingSlash: astro.trailingSlash ?? 'ignore' }))
    .update(process.version);
  for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(join(rootPath, file)));
  return hash.digest('hex').slice(0, 20);
}

export interface RendererBundle {
  /** Folder holding `server/entry.mjs` and `client/` (the CSS, scripts and public files). */
  dir: string;
  key: string;
  /** Whether this call built it. */
  built: boolean;
  milliseconds: number;
}

/** Where the bundle of `key` is kept, and the temporary folder this process compiles it into. */
export function rendererPaths(rendererRoot: string, key: string): { dir: string; tmp: string } {
  const dir = join(rendererRoot, key);
  return { dir, tmp: `${dir}.${process.pid}.tmp` };
}

/**
 * The bundle for the project as it is, built when there is none for its key. `rendererRoot`: where
 * bundles are kept (they are the compiled theme, not content: by default beside node_modules' other
 * build caches, shared by every content folder and cache folder of the project).
 */
export function ensureRenderer(options: {
  rootPath: string;
  rendererRoot: string;
  base: string;
  trailingSlash?: string;
  args?: string[];
  log?: (line: string) => void;
}): RendererBundle {
  const started = performance.now();
  const key = rendererKey(options.rootPath, { base: options.base, trailingSlash: options.trailingSlash });
  const { dir, tmp } = rendererPaths(options.rendererRoot, key);
  const done = () => ({ dir, key, built: false, milliseconds: Math.round(performance.now() - started) });
  if (existsSync(join(dir, 'server', 'entry.mjs'))) {
    markUsed(dir);
    return done();
  }
  mkdirSync(options.rendererRoot, { recursive: true });
  rmSync(tmp, { recursive: true, force: true });
  options.log?.(`compiling the theme (astro build of the renderer ${key}) …`);
  try {
    execFileSync(process.execPath, [join(options.rootPath, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...(options.args ?? [])], {
      cwd: options.rootPath,
      stdio: ['ignore', 'pipe', 'pipe'],
      // DATELINE_RENDERER_OUT: compile into this folder, and publish nothing (index.ts).
      env: { ...process.env, [RENDERER_OUT_VARIABLE]: resolve(tmp), ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`Dateline: compiling the theme failed:\n${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}\n${e.message}`);
  }
  // Another build may have finished the same key meanwhile: its bundle is the same.
  keepRenderer({ rootPath: options.rootPath, rendererRoot: options.rendererRoot, key, tmp, replace: false });
  return { ...done(), built: true };
}

/**
 * Puts a bundle compiled into `tmp` in its place under `key`, and keeps the newest few bundles (a
 * publisher may still have an older one loaded). A bundle already there for the key (built from the same
 * sources) is kept when `replace` is false, else replaced by this one: renamed aside, this one renamed
 * in, the old one removed (a publisher holding it loaded has the same files, the names of Astro's
 * chunks being digests of their contents).
 */
export function keepRenderer(options: { rootPath: string; rendererRoot: string; key: string; tmp: string; replace: boolean }): string {
  const { dir } = rendererPaths(options.rendererRoot, options.key);
  const { tmp } = options;
  // The bundle imports the project's packages (Astro's runtime, sharp…): outside the project, Node
  // would not find them, so a bundle kept elsewhere (DATELINE_RENDERER_DIR) gets a link to them.
  const inside = !relative(resolve(options.rootPath), resolve(tmp)).startsWith('..');
  if (!inside && !existsSync(join(tmp, 'node_modules'))) symlinkSync(join(resolve(options.rootPath), 'node_modules'), join(tmp, 'node_modules'), 'dir');
  if (!existsSync(join(dir, 'server', 'entry.mjs'))) {
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  } else if (options.replace) {
    const aside = `${dir}.${process.pid}.old`;
    renameSync(dir, aside);
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another build put its bundle of the key there meanwhile
    }
    rmSync(aside, { recursive: true, force: true });
  } else rmSync(tmp, { recursive: true, force: true });
  // a compile that failed or was killed leaves its temporary folder: gone after an hour
  for (const name of readdirSync(options.rendererRoot).filter((n) => /^[0-9a-f]{20}\.\d+\.(tmp|old)$/.test(n))) {
    try {
      if (Date.now() - statSync(join(options.rendererRoot, name)).mtimeMs > 3_600_000)
        rmSync(join(options.rendererRoot, name), { recursive: true, force: true });
    } catch {
      // removed meanwhile
    }
  }
  markUsed(dir);
  // Beyond the newest few, a bundle goes once no one has used it for an hour: another publisher, or a
  // test building a copy of the project beside this one, may be loading it right now.
  const bundles = readdirSync(options.rendererRoot)
    .filter((name) => /^[0-9a-f]{20}$/.test(name) && name !== options.key)
    .map((name) => ({ name, time: statSync(join(options.rendererRoot, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of bundles.slice(3)) if (Date.now() - old.time > UNUSED_MS) rmSync(join(options.rendererRoot, old.name), { recursive: true, force: true });
  return dir;
}

/** How long a bundle beyond the newest few is kept after its last use. */
const UNUSED_MS = 3_600_000;

/** Notes that a bundle was used now (its folder's time), so it is not removed while in use. */
function markUsed(dir: string): void {
  const now = new Date();
  try {
    utimesSync(dir, now, now);
  } catch {
    // removed meanwhile: the caller finds out when it loads it
  }
}

/** Files of the bundle's `client/` folder (CSS, scripts, public files), as site paths. */
export function clientFiles(bundleDir: string): string[] {
  const root = join(bundleDir, 'client');
  const files: string[] = [];
  walk(root, '', files);
  return files.map((f) => relative('', f).split('\\').join('/'));
}
