// The compiled theme: `astro build` of the project into a server bundle, kept by a key of everything it
// is built from (the theme and integration sources, public/, the Astro config, the lockfile, and the
// Astro options that change URLs: base and trailingSlash). Content, site URL and options are not part
// of it: they come with the archive at render time (src/lib/site.ts). A bundle is built once per key,
// into a temporary folder renamed into place, so two builds never see half a bundle.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
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

/** The key of the bundle the project's sources and these Astro options would build. */
export function rendererKey(rootPath: string, astro: { base: string; trailingSlash?: string }): string {
  const files: string[] = [];
  for (const source of SOURCES) walk(rootPath, source, files);
  const hash = createHash('sha256').update(JSON.stringify(astro)).update(process.version);
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

/**
 * The bundle for the project as it is, built when there is none for its key. `rendererRoot`: where
 * bundles are kept (they are the compiled theme, not content: by default beside node_modules' other
 * build caches, shared by every content folder and cache folder of the project).
 */
export function ensureRenderer(options: { rootPath: string; rendererRoot: string; base: string; trailingSlash?: string; args?: string[]; log?: (line: string) => void }): RendererBundle {
  const started = performance.now();
  const key = rendererKey(options.rootPath, { base: options.base, trailingSlash: options.trailingSlash });
  const dir = join(options.rendererRoot, key);
  const done = () => ({ dir, key, built: false, milliseconds: Math.round(performance.now() - started) });
  if (existsSync(join(dir, 'server', 'entry.mjs'))) return done();
  mkdirSync(options.rendererRoot, { recursive: true });
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  options.log?.(`compiling the theme (astro build of the renderer ${key}) …`);
  try {
    execFileSync(process.execPath, [join(options.rootPath, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...(options.args ?? [])], {
      cwd: options.rootPath,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, [RENDERER_OUT_VARIABLE]: resolve(tmp), ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`Dateline: compiling the theme failed:\n${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}\n${e.message}`);
  }
  // The bundle imports the project's packages (Astro's runtime, sharp…): outside the project, Node
  // would not find them, so a bundle kept elsewhere (DATELINE_RENDERER_DIR) gets a link to them.
  const inside = !relative(resolve(options.rootPath), resolve(tmp)).startsWith('..');
  if (!inside) symlinkSync(join(resolve(options.rootPath), 'node_modules'), join(tmp, 'node_modules'), 'dir');
  // Another build may have finished the same key meanwhile: its bundle is the same.
  if (existsSync(join(dir, 'server', 'entry.mjs'))) rmSync(tmp, { recursive: true, force: true });
  else renameSync(tmp, dir);
  // Keep the newest few bundles (a publisher may still have an older one loaded).
  const bundles = readdirSync(options.rendererRoot)
    .filter((name) => /^[0-9a-f]{20}$/.test(name) && name !== key)
    .map((name) => ({ name, time: statSync(join(options.rendererRoot, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of bundles.slice(3)) rmSync(join(options.rendererRoot, old.name), { recursive: true, force: true });
  return { ...done(), built: true };
}

/** Files of the bundle's `client/` folder (CSS, scripts, public files), as site paths. */
export function clientFiles(bundleDir: string): string[] {
  const root = join(bundleDir, 'client');
  const files: string[] = [];
  walk(root, '', files);
  return files.map((f) => relative('', f).split('\\').join('/'));
}
