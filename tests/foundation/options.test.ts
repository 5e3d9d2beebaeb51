// Options are validated strictly: a typo names the option, bad values say what was expected.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOptions, resolveConfig } from '../../integrations/dateline/options.ts';
import { repoRoot } from '../helpers/build.ts';
import { wire } from './fixtures.ts';
import { json, v1 } from '../formats/ninjs/fixtures.ts';

describe('dateline() options', () => {
  it('fills defaults', () => {
    const o = parseOptions({});
    expect(o).toMatchObject({ language: 'en', timeZone: 'Asia/Karachi', contentDir: 'content', strict: false, pageSize: 20, feedItems: 50 });
  });

  it('names an unknown option (a typo) and a bad value', () => {
    expect(() => parseOptions({ siteNmae: 'x' })).toThrow(/unknown option "siteNmae"/);
    expect(() => parseOptions({ ogImage: { backgroud: '#000000' } })).toThrow(/unknown option "ogImage.backgroud"/);
    expect(() => parseOptions({ timeZone: 'Pakistan/Lahore' })).toThrow(/option "timeZone": expected an IANA time zone/);
    expect(() => parseOptions({ pageSize: 0 })).toThrow(/option "pageSize"/);
  });

  it('suggests the option meant by a typo, at any level', () => {
    expect(() => parseOptions({ sitename: 'x' })).toThrow(/unknown option "sitename": did you mean `siteName`\?/);
    expect(() => parseOptions({ photos: { remot: { hosts: ['a.example'] } } })).toThrow(/unknown option "photos\.remot": did you mean `photos\.remote`\?/);
    expect(() => parseOptions({ photos: { remote: { host: ['a.example'] } } })).toThrow(
      /unknown option "photos\.remote\.host": did you mean `photos\.remote\.hosts`\?/,
    );
    expect(() => parseOptions({ sections: [{ name: 'World', lable: 'W' }] })).toThrow(/unknown option "sections\.0\.lable": did you mean `sections\.label`\?/);
    expect(() => parseOptions({ secionMap: {} })).toThrow(/did you mean `sectionMap`\?/);
    // an option of another level, written at the top
    expect(() => parseOptions({ hosts: ['a.example'] })).toThrow(/unknown option "hosts": did you mean `photos\.remote\.hosts`\?/);
    // nothing close: no guess
    expect(() => parseOptions({ colourScheme: 'dark' })).toThrow(/unknown option "colourScheme"\n/);
  });

  it('applies environment overrides', () => {
    const config = resolveConfig(
      parseOptions({ sections: ['World', { name: 'Sci-Tech', label: 'Science' }] }),
      { rootPath: '/site', site: 'https://a.example', base: '/news', cacheDir: '/site/node_modules/.astro', command: 'build' },
      { SITE_URL: 'https://b.example', DATELINE_CONTENT: 'wire', DATELINE_STRICT: '1', DATELINE_OG_IMAGES: '0' },
    );
    expect(config).toMatchObject({
      site: 'https://b.example/',
      base: '/news/',
      contentPath: '/site/wire',
      contentDirLabel: 'wire',
      strict: true,
      ogImages: false,
      sections: [
        { name: 'World', label: 'World' },
        { name: 'Sci-Tech', label: 'Science' },
      ],
    });
  });
});

// The commands on a project of its own (an astro.config.mjs with these options), as a new user runs them.
describe("a project's options, as the commands report them", () => {
  const scratch = mkdtempSync(join(tmpdir(), 'dateline-options-'));
  for (const entry of ['node_modules', 'integrations', 'src', 'public', 'package.json', 'tsconfig.json'])
    symlinkSync(join(repoRoot, entry), join(scratch, entry));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const config = (options: string) =>
    writeFileSync(
      join(scratch, 'astro.config.mjs'),
      `import { defineConfig } from 'astro/config';\nimport dateline from './integrations/dateline/index.ts';\nexport default defineConfig({ site: 'https://news.example.org', trailingSlash: 'always', integrations: [dateline(${options})] });\n`,
    );
  const env = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ASTRO_TELEMETRY_DISABLED: '1',
    DATELINE_CACHE_DIR: join(scratch, 'cache'),
    DATELINE_REPORT: join(scratch, 'report.json'),
    DATELINE_OUT_DIR: join(scratch, 'dist'),
  };
  const run = (script: string, args: string[] = []) => {
    const r = spawnSync(process.execPath, [join(repoRoot, script), ...args], { cwd: scratch, encoding: 'utf8', env });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  };

  it('a mistyped option: the message and the option meant, and no stack trace (npm run build, astro)', () => {
    config(`{ sitename: 'Wire Desk', photos: { remot: { hosts: ['photos.example'] } } }`);
    // `npm run build` is `astro build`: Astro prints the message, with no stack trace, and exits 1
    const astroBuild = run('node_modules/astro/bin/astro.mjs', ['build']);
    expect(astroBuild.status, astroBuild.output).toBe(1);
    expect(astroBuild.output).toContain('- unknown option "photos.remot": did you mean `photos.remote`?');
    expect(astroBuild.output).toContain('- unknown option "sitename": did you mean `siteName`?');
    expect(astroBuild.output).not.toMatch(/Stack trace|^\s+at |warning/m);
    // the publisher's own full build (cli/build.ts) prints the message alone
    const build = run('integrations/dateline/cli/build.ts');
    expect(build.status).toBe(1);
    expect(build.output.trim().split('\n')).toEqual([
      '[dateline] Invalid dateline() options in astro.config.mjs:',
      '[dateline] - unknown option "photos.remot": did you mean `photos.remote`?',
      '[dateline] - unknown option "sitename": did you mean `siteName`?',
      '[dateline] See README.md, "Options".',
    ]);
    // `npm run dev` and `npm run check` go through Astro, which prints a stack trace for an error that has one
    const astro = run('node_modules/astro/bin/astro.mjs', ['sync']);
    expect(astro.output).toContain('- unknown option "sitename": did you mean `siteName`?');
    expect(astro.output).not.toMatch(/Stack trace|^\s+at /m);
  });

  it('sectionMap renames a section the wire text names (and still maps agency codes)', () => {
    config(`{ sectionMap: { pakistan: 'National', 'medtop:15000000': 'Cricket' } }`);
    mkdirSync(join(scratch, 'content'), { recursive: true });
    writeFileSync(
      join(scratch, 'content', 'rain.txt'),
      wire({ section: 'Pakistan', headline: 'Rain alert for the north', byline: 'APP', published: '01 Mar, 2024 10:00am' }),
    );
    writeFileSync(join(scratch, 'content', 'world.txt'), wire({ section: 'World', headline: 'Talks go on', byline: 'AFP', published: '01 Mar, 2024 11:00am' }));
    writeFileSync(
      join(scratch, 'content', 'match.json'),
      json(v1({ subject: [{ code: '15000000', name: 'sport', scheme: 'http://cv.iptc.org/newscodes/mediatopic/' }] })),
    );
    const validate = run('integrations/dateline/cli/validate.ts');
    expect(validate.status, validate.output).toBe(0);
    expect(validate.output).toContain('published content/match.json: https://news.example.org/cricket/2024/03/05/harbour-ferry-back-in-service-after-repairs/');
    expect(validate.output).toContain('published content/rain.txt: https://news.example.org/national/2024/03/01/rain-alert-for-the-north/');
    expect(validate.output).toContain('published content/world.txt: https://news.example.org/world/2024/03/01/talks-go-on/');
    const report = JSON.parse(readFileSync(join(scratch, 'report.json'), 'utf8'));
    expect(report.files.find((f: { file: string }) => f.file === 'rain.txt').url).toBe(
      'https://news.example.org/national/2024/03/01/rain-alert-for-the-north/',
    );
  });
});
