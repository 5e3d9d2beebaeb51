// In `astro dev`, a wire file dropped into the content folder appears without a restart, an edited one
// changes, and a deleted one disappears (the loader watches the folder).
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
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
      env: { ...cleanEnv(), ASTRO_DEV_BACKGROUND: '0', ASTRO_TELEMETRY_DISABLED: '1', DATELINE_CONTENT: content, DATELINE_CACHE_DIR: join(dir, 'cache'), DATELINE_REPORT: join(dir, 'report.json'), DATELINE_OG_IMAGES: '0' },
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

    writeFileSync(file, wire({ section: 'Pakistan', headline: 'Dropped in while the server runs', published: '01 Mar, 2024 10:00am', body: ['KARACHI: Edited text arrives.'] }));
    await waitFor(async () => (await (await get(`${origin}${page}`)).text()).includes('Edited text arrives.'), 60_000, 'the edit').catch(fail);

    unlinkSync(file);
    await waitFor(async () => (await status(page)) === 404, 60_000, 'the deletion').catch(fail);
  }, 120_000);
});
