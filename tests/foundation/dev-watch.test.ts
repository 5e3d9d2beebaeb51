// In `astro dev`, a wire file dropped into the content folder appears without a restart, an edited one
// changes, and a deleted one disappears (the loader watches the folder).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputDir, repoRoot, writeContent } from '../helpers/build.ts';
import { seedArticle, wire } from './fixtures.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST'));

const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(15_000) });

async function waitFor(check: () => Promise<boolean>, ms = 60_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('astro dev watches the content folder', () => {
  const dir = outputDir('dev-watch');
  // The content folder sits outside tests/.output, which the dev server is told to ignore.
  const content = join(tmpdir(), `dateline-dev-watch-${process.pid}`);
  let dev: ChildProcess;
  let origin = '';
  let log = '';

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(content, { recursive: true, force: true });
    writeContent(content, { 'ref.txt': seedArticle });
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    dev = spawn(process.execPath, [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: repoRoot,
      // Without Vitest's own variables (VITEST, NODE_ENV=test), which change how Vite serves.
      env: {
        ...cleanEnv(),
        ASTRO_DEV_BACKGROUND: '0',
        ASTRO_TELEMETRY_DISABLED: '1',
        DATELINE_CONTENT: content,
        DATELINE_CACHE_DIR: join(dir, 'cache'),
        DATELINE_REPORT: join(dir, 'report.json'),
        DATELINE_OG_IMAGES: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    dev.stdout!.on('data', (d) => (log += d));
    dev.stderr!.on('data', (d) => (log += d));
    await waitFor(async () => (await get(`${origin}/`)).ok, 90_000).catch((e) => {
      throw new Error(`astro dev did not come up: ${e.message}\n${log}`);
    });
  }, 120_000);

  afterAll(() => {
    dev?.kill('SIGTERM');
    rmSync(content, { recursive: true, force: true });
  });

  const fail = (e: Error) => {
    throw new Error(`${e.message}\n${log}`);
  };
  const status = async (path: string) => (await get(`${origin}${path}`)).status;

  it('serves a new file, an edit and a deletion without a restart', async () => {
    expect(await status('/world/2023/08/07/china-russia-foreign-ministers-hail-cooperation-in-call/')).toBe(200);
    const page = '/pakistan/2024/03/01/dropped-in-while-the-server-runs/';
    expect(await status(page)).toBe(404);

    const file = join(content, 'later/new.txt');
    writeContent(content, { 'later/new.txt': wire({ section: 'Pakistan', headline: 'Dropped in while the server runs', published: '01 Mar, 2024 10:00am' }) });
    await waitFor(async () => (await status(page)) === 200, 60_000, 'the new article').catch(fail);

    writeFileSync(
      file,
      wire({ section: 'Pakistan', headline: 'Dropped in while the server runs', published: '01 Mar, 2024 10:00am', body: ['KARACHI: Edited text arrives.'] }),
    );
    await waitFor(async () => (await (await get(`${origin}${page}`)).text()).includes('Edited text arrives.'), 60_000, 'the edit').catch(fail);

    unlinkSync(file);
    await waitFor(async () => (await status(page)) === 404, 60_000, 'the deletion').catch(fail);
  }, 120_000);
});

// Astro restarts the dev server in place when astro.config.mjs changes (a new user edits it often: a
// section map, a typo mended) and runs the integration's server hook again. The archive of the server
// before must stop watching: each change was read and logged once per restart since the start.
describe('astro dev after a restart logs each change once', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'dateline-dev-restart-'));
  const content = join(scratch, 'wire');
  let dev: ChildProcess;
  let origin = '';
  let log = '';
  const config = (comment: string) =>
    writeFileSync(
      join(scratch, 'astro.config.mjs'),
      `import { defineConfig } from 'astro/config';\nimport dateline from './integrations/dateline/index.ts';\n// ${comment}\nexport default defineConfig({ site: 'https://news.example.org', trailingSlash: 'always', integrations: [dateline({ contentDir: 'wire' })] });\n`,
    );

  beforeAll(async () => {
    // src/ is copied: Astro requires the live collections' config at <root>/src/live.config.ts, and a
    // linked folder resolves elsewhere
    for (const entry of ['node_modules', 'integrations', 'public', 'package.json', 'tsconfig.json']) symlinkSync(join(repoRoot, entry), join(scratch, entry));
    cpSync(join(repoRoot, 'src'), join(scratch, 'src'), { recursive: true });
    config('first');
    writeContent(content, { 'ref.txt': seedArticle });
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    dev = spawn(process.execPath, [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: scratch,
      env: {
        ...cleanEnv(),
        NO_COLOR: '1',
        ASTRO_DEV_BACKGROUND: '0',
        ASTRO_TELEMETRY_DISABLED: '1',
        DATELINE_CACHE_DIR: join(scratch, 'cache'),
        DATELINE_REPORT: join(scratch, 'report.json'),
        DATELINE_OG_IMAGES: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    dev.stdout!.on('data', (d) => (log += d));
    dev.stderr!.on('data', (d) => (log += d));
    await waitFor(async () => (await get(`${origin}/`)).ok, 90_000).catch((e) => {
      throw new Error(`astro dev did not come up: ${e.message}\n${log}`);
    });
  }, 120_000);

  afterAll(() => {
    dev?.kill('SIGTERM');
    rmSync(scratch, { recursive: true, force: true });
  });

  it('a rejected file dropped after the config changed is read and logged once', async () => {
    config('edited');
    await waitFor(async () => /server restarted/.test(log), 60_000, 'the restart').catch((e: Error) => {
      throw new Error(`${e.message}\n${log}`);
    });
    writeFileSync(join(content, 'bad.txt'), ' date 2024-03-05\nWorld\n\nNo time here\n\nAFP\n\nBody.\n');
    await waitFor(async () => /rejected \S*bad\.txt:6: /.test(log), 30_000, 'the rejection').catch((e: Error) => {
      throw new Error(`${e.message}\n${log}`);
    });
    // a second watcher would log a moment later
    await new Promise((r) => setTimeout(r, 2000));
    const lines = log.split('\n').filter((l) => l.includes('bad.txt'));
    expect(lines, log).toHaveLength(2);
    expect(lines[0]).toMatch(/\[dateline\] content changed \(bad\.txt\): 1 published, 1 rejected \(1 read\)/);
    expect(lines[1]).toMatch(/\[dateline\] rejected wire\/bad\.txt:6: expected "Published DD Mon, YYYY hh:mm\(am\|pm\)", found "AFP"/);
    // the pages still read the archive of the server now running
    expect((await get(`${origin}/world/2023/08/07/china-russia-foreign-ministers-hail-cooperation-in-call/`)).status).toBe(200);
  }, 120_000);
});
