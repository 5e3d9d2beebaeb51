// Limits: a file over the size limit (DATELINE_MAX_FILE_SIZE), a line over 100,000 characters, symbolic
// links out of the content folder, to nothing and to a folder, binary files named .txt, a FIFO. Each is
// rejected with a reason naming the file (and line) in the report and the build output; the build goes
// on and publishes the rest, including a file reached through a link that stays inside the folder.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOptions, resolveConfig } from '../../integrations/dateline/options.ts';
import { buildSite, outputDir, type BuiltSite } from '../helpers/build.ts';
import { gzipSync } from 'node:zlib';
import { MAX_FILE_SIZE, NOW, pngBytes, randomBytesWithNul, runName, writeLimitFixtures } from './fixtures.ts';
import { wireInputs } from './util.ts';

describe('limits', () => {
  let site: BuiltSite;
  let rejected: ReturnType<typeof writeLimitFixtures>;
  let content: string;

  beforeAll(() => {
    const name = runName('hostile-limits');
    const dir = outputDir(name);
    content = join(dir, 'content');
    rmSync(content, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    rejected = writeLimitFixtures(content, join(dir, 'outside'));
    const started = performance.now();
    site = buildSite(name, { contentDir: content, env: { DATELINE_NOW: NOW, DATELINE_MAX_FILE_SIZE: String(MAX_FILE_SIZE), DATELINE_OG_IMAGES: '0' } });
    console.log(`limits build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });

  const entry = (file: string) => site.report.files.find((f) => f.file === file)!;

  // The FIFO would block anything that later reads every file under tests/.output.
  afterAll(() => rmSync(join(content, 'limits', 'pipe.txt'), { force: true }));

  it('lists every input once', () => {
    const inputs = wireInputs(content);
    expect(inputs).toContain('limits/pipe.txt');
    expect(site.report.files.map((f) => f.file)).toEqual(inputs);
  });

  it('rejects each with a clear reason naming the file and line, in the report and the build output', () => {
    for (const [file, { reason, line }] of Object.entries(rejected)) {
      const e = entry(file);
      expect(e, file).toMatchObject({ status: 'rejected' });
      expect(e.message, file).toMatch(reason);
      if (line !== undefined) expect(e.line, file).toBe(line);
      // Control characters in a name are shown escaped (JSON style) in the build output.
      const shown = file.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      expect(site.output, file).toContain(`${shown}:${e.line}: ${e.message}`);
    }
  });

  it('prints no control character from a file name (no terminal escapes, no forged lines)', () => {
    expect(site.output).not.toContain('\u001b[2J');
    expect(site.output).not.toContain('\u001b[31mred');
    expect(site.output.split('\n').filter((l) => l.includes('forged.txt') && !l.includes('two\\u000aforged.txt'))).toEqual([]);
  });

  it('publishes the rest, including a file reached through a link inside the folder', () => {
    expect(entry('limits/ok.txt').status).toBe('published');
    // The link is the same story as its target: published once (the first path), the other a duplicate naming it.
    expect(entry('limits/inside-link.txt').status).toBe('published');
    const target = entry('limits/real/target.txt');
    expect(target.status).toBe('duplicate');
    expect(target.message).toContain('limits/inside-link.txt');
    for (const f of site.report.files.filter((f) => f.status === 'published')) {
      expect(site.exists(`${new URL(f.url!).pathname.slice(1)}index.html`), f.file).toBe(true);
    }
    expect(site.report.counts).toMatchObject({ total: site.report.files.length, published: 2, duplicate: 1, rejected: Object.keys(rejected).length });
  });

  it('publishes nothing from a rejected file or from outside the content folder', () => {
    const everything = site.read('rss.xml') + site.read('index.html');
    for (const text of ['A story too big to publish', 'A story with an endless line', 'A secret outside the content folder']) {
      expect(everything).not.toContain(text);
    }
  });
});

describe('a content folder where nothing can be published', () => {
  it('still builds a working site: home, search, 404, feed, sitemaps, headers', () => {
    const site = buildSite(runName('hostile-nothing'), {
      files: { 'empty.txt': '', 'binary.txt': randomBytesWithNul(256), 'notes.md': 'not a wire file' },
      env: { DATELINE_NOW: NOW, DATELINE_OG_IMAGES: '0' },
    });
    expect(site.report.counts).toMatchObject({ total: 2, published: 0, rejected: 2 });
    for (const f of ['index.html', 'search/index.html', '404.html', 'rss.xml', 'sitemap-index.xml', 'robots.txt', '_headers'])
      expect(site.exists(f), f).toBe(true);
    expect(site.output).toMatch(/empty\.txt:1: .*empty/);
    expect(site.output).toMatch(/binary\.txt:\d+: binary file/);
  });
});

describe("binary files under a wire file's name", () => {
  // A picture, a document or an archive saved as .xml, .json or .txt is said to be one (by its magic
  // number), not quoted as escaped bytes ("found text starting \"\u0089PNG\r\n\u001a…\"").
  const zip = (entry: string) =>
    Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0]), Buffer.alloc(16), Buffer.from(entry), Buffer.alloc(64)]);
  const cases: Record<string, { bytes: Uint8Array; found: string }> = {
    'logo.xml': { bytes: pngBytes(), found: 'not NewsML-G2, NITF, NewsML 1.2: found a binary file (PNG image)' },
    'photo.xml': {
      bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('JFIF\0'), Buffer.alloc(64)]),
      found: 'found a binary file (JPEG image)',
    },
    'anim.json': { bytes: Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64)]), found: 'not ninjs: found a binary file (GIF image)' },
    'story.txt': { bytes: Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), Buffer.alloc(32)]), found: 'found a binary file (PDF document)' },
    'letter.xml': { bytes: zip('[Content_Types].xml word/document.xml'), found: 'found a binary file (Word document (.docx, a ZIP archive))' },
    'bundle.xml': { bytes: zip('notes/readme.md'), found: 'found a binary file (ZIP archive)' },
    'feed.json': { bytes: gzipSync('{"items": []}'), found: 'not ninjs: found a binary file (gzip-compressed file)' },
    'card.xml': {
      bytes: Buffer.concat([Buffer.from('RIFF'), Buffer.from([64, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(64)]),
      found: 'found a binary file (WebP image)',
    },
    'noise.xml': { bytes: randomBytesWithNul(512), found: 'not NewsML-G2, NITF, NewsML 1.2: found a binary file' },
  };

  it('names the kind of file in the report and the build output', () => {
    const site = buildSite(runName('hostile-binary'), {
      files: Object.fromEntries(Object.entries(cases).map(([f, c]) => [f, c.bytes])),
      env: { DATELINE_NOW: NOW, DATELINE_OG_IMAGES: '0' },
    });
    for (const [file, { found }] of Object.entries(cases)) {
      const entry = site.report.files.find((f) => f.file === file)!;
      expect(entry, file).toMatchObject({ status: 'rejected', line: 1 });
      expect(entry.message, file).toContain(found);
      if (file === 'noise.xml') expect(entry.message).toBe(found);
      expect(site.output, file).toContain(`${file}:1: ${entry.message}`);
    }
    expect(site.output).not.toMatch(/text starting/);
    expect(site.output).not.toContain('\\u001a');
  });
});

describe('DATELINE_MAX_FILE_SIZE', () => {
  const astro = { rootPath: '/site', site: 'https://x.example/', base: '/', cacheDir: '/site/node_modules/.astro', command: 'build' as const };
  it('overrides maxFileSize with a whole number of bytes, and refuses anything else', () => {
    const options = parseOptions({ maxFileSize: 5000 });
    expect(resolveConfig(options, astro, {}).maxFileSize).toBe(5000);
    expect(resolveConfig(options, astro, { DATELINE_MAX_FILE_SIZE: '150000' }).maxFileSize).toBe(150_000);
    for (const bad of ['0', '-1', '1.5', '1e6', 'big']) {
      expect(() => resolveConfig(options, astro, { DATELINE_MAX_FILE_SIZE: bad }), bad).toThrow(/DATELINE_MAX_FILE_SIZE/);
    }
  });
});
