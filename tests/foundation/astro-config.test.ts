// The command-line tools read astro.config.mjs with a light `astro/config` (cli/astro-config.ts). A
// config that takes more than defineConfig from it must still be read whole, with the real module.
// Run in a plain Node process, as `npm run publish` reads it (Vitest's own module loader would not
// go through Node's resolve hooks).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'dateline-astro-config-'));
symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'), 'dir');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function read(config: string): { config: Record<string, unknown> } {
  const path = join(scratch, `astro.config.${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(path, config);
  const script = `
    import { readAstroConfig } from ${JSON.stringify(pathToFileURL(join(ROOT, 'integrations/dateline/cli/astro-config.ts')).href)};
    console.log(JSON.stringify({ config: await readAstroConfig(${JSON.stringify(path)}) }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.trim().split('\n').pop()!);
}

describe('reading astro.config.mjs', () => {
  it('reads a config that takes only defineConfig', () => {
    const { config } = read(
      `import { defineConfig } from 'astro/config';\nexport default defineConfig({ site: 'https://news.example.org', trailingSlash: 'always', base: '/desk' });\n`,
    );
    expect(config).toEqual({ site: 'https://news.example.org', trailingSlash: 'always', base: '/desk' });
  });

  it('reads a config that takes more from astro/config with the real module', () => {
    const { config } = read(
      `import { defineConfig, passthroughImageService } from 'astro/config';\nexport default defineConfig({ site: 'https://news.example.org', image: { service: passthroughImageService() } });\n`,
    );
    expect(config).toEqual({ site: 'https://news.example.org', image: { service: { entrypoint: 'astro/assets/services/noop', config: {} } } });
  });

  it('passes on a config that fails for its own reasons', () => {
    expect(() => read(`import { defineConfig } from 'astro/config';\nthrow new Error('config broke here');\n`)).toThrow(/config broke here/);
  });
});
