// The loader that calls this module is bundled by Astro's Vite. Bundle the module the same way (SSR,
// node_modules external) into another folder, run it there and check that fonts, fontkit and sharp are
// still found (import.meta.url now points into the bundle) and the image is drawn.
import { execFileSync } from 'node:child_process';
import { readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from './helpers.ts';

const root = resolve(import.meta.dirname, '../..');

describe('bundled by Vite', () => {
  it('renders from a Vite SSR bundle in another folder', async () => {
    const out = tempDir('bundle');
    await build({
      root,
      logLevel: 'silent',
      configFile: false,
      build: { ssr: resolve(root, 'integrations/dateline/og/index.ts'), outDir: join(out, 'dist'), emptyOutDir: true, minify: false },
      ssr: { external: true },
    });
    const entry = readdirSync(join(out, 'dist')).find((n) => /\.m?js$/.test(n))!;
    const script = join(out, 'run.mjs');
    writeFileSync(
      script,
      `
      const m = await import(${JSON.stringify(join(out, 'dist', entry))});
      const r = await m.renderOgImages([{ id: 'a', card: { siteName: 'Dateline', sectionLabel: 'World', headline: 'قومی اسمبلی نے بجٹ منظور کر لیا 国会', byline: 'AFP', dateText: '7 August 2023' } }],
        { cacheDir: ${JSON.stringify(join(out, 'cache'))}, theme: { background: '#ffffff', foreground: '#000000', accent: '#c0392b', muted: '#666666' } });
      console.log(JSON.stringify({ bytes: r.images.get('a').bytes, warnings: [...r.warnings], missing: m.uncoveredCharacters('国ے😀') }));
    `,
    );
    // Like dist/ inside a project: node_modules is found by walking up from the chunk.
    symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
    const res = JSON.parse(execFileSync(process.execPath, [script], { cwd: out, encoding: 'utf8' }).trim().split('\n').pop()!);
    expect(res.warnings).toEqual([]);
    expect(res.bytes).toBeGreaterThan(5000);
    expect(res.missing).toEqual(['😀']);
  });
});

afterAll(removeTempDirs);
