// Wire photos fetched over http from an agency server, through whole builds of a project whose
// astro.config.mjs turns `photos.remote` on (the only place the option can come from). The "agency" is a
// node:http server on 127.0.0.1 started here (hence `allowHttp` and `allowPrivateAddresses`), which
// refuses any request without the API key the config names, and counts what it is asked. The builds run
// as child processes, awaited, so the server answers while they run.
//
// 1. `astro build` (what `npm run build` runs) of ninjs 2, NewsML-G2 and NITF stories: the good pictures
//    (one behind a redirect on the same host, one redirected to a second listed host, the CDN, which
//    must not get the first host's key) are on their pages, made into sRGB files without GPS; each
//    refused one (404, 500, a time-out, an HTML page, redirects off the list, too large) costs its story
//    nothing, and the report names the URL and why. Exit 0.
// 2. The publisher's full build again, with the cache: each picture is asked for again with
//    If-None-Match (remote.ts always revalidates); a 304 uses the cached bytes, a 503 falls back to the
//    cached copy with a warning, and no picture is made again (the derive cache).
// 3. `npm run publish` with nothing changed asks the server nothing; a new version of a story asks for
//    its picture only; a picture the agency has since removed (404) is not kept from the cache.
// 4. The same content built with allowPrivateAddresses off: nothing reaches the loopback server.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommand, outputDir, siteAt, siteEnv, writeContent, type BuiltSite } from '../helpers/build.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { g2Item, g2Message, g2Picture } from '../formats/newsml-g2/fixtures.ts';
import { exifTags, HTML_PAGE, photoLike } from '../pictures/images.ts';
import { startLoopbackServer, type LoopbackServer } from '../pictures/loopback-server.ts';
import { attr, elements, parseHtml, textOf, type Node } from '../seo/html.ts';
import { ninjsStory, nitfStory } from './photo-fixtures.ts';

const NAME = 'site-remote-photos';
const NOW = '2026-11-20T12:00:00+05:00';
const root = outputDir(NAME);
/** The site built with allowPrivateAddresses off (its own dist, cache and report). */
const PRIVATE = `${NAME}-private`;
const project = join(root, 'project');
const content = join(root, 'content');

/** The API key: its header is configured by variable name, its value lives only in the environment. */
const KEY_VARIABLE = 'DATELINE_TEST_AGENCY_KEY';
const KEY = 'test-key-7f3a9c';
const TIMEOUT = 4000;
const MAX_BYTES = 1_000_000;

/** The config's photos.remote: the server's host and port come from the environment (the port is the system's pick). */
const CONFIG_EDIT = {
  file: 'astro.config.mjs',
  from: "      defaultSection: 'News',\n",
  to:
    "      defaultSection: 'News',\n" +
    '      photos: {\n' +
    '        remote: {\n' +
    '          hosts: [process.env.TEST_AGENCY_HOST, process.env.TEST_AGENCY_CDN],\n' +
    `          headers: { [process.env.TEST_AGENCY_HOST]: { 'X-Agency-Key': '${KEY_VARIABLE}' } },\n` +
    `          timeout: ${TIMEOUT},\n` +
    `          maxBytes: ${MAX_BYTES},\n` +
    '          allowHttp: true,\n' +
    // the test server is on the loopback address: allowed, unless the run says otherwise
    "          allowPrivateAddresses: process.env.TEST_AGENCY_PRIVATE !== 'refuse',\n" +
    '        },\n' +
    '      },\n',
};

let server: LoopbackServer;
/** A second listed host (the agency's CDN), with no header configured: the key must never reach it. */
let cdn: LoopbackServer;
/** Pictures served (made with sharp here: the repository holds no binary fixtures). */
const pictures: Record<string, Buffer> = {};
/** What /g2.jpg answers: the picture, or 503 (the agency briefly away). */
let g2Mode: 'ok' | 'down' = 'ok';
/** Whether the CDN still has its picture. */
let cdnGone = false;

const GOOD = {
  slug: 'good',
  headline: 'Agency picture arrives over the wire',
  alt: 'Cranes over the east wharf at dawn.',
  caption: 'Cranes at the east wharf.',
  credit: 'Agency/Omar Farooq',
};
const CDN = { headline: 'A picture comes from the agency CDN' };
const G2 = { headline: 'Port opens a second container terminal', caption: 'The new terminal seen from the water.' };

/** Each refused picture: its story, the path the server has, and the warning the report must give. */
const REFUSED: { slug: string; path: string; reason: (host: string) => string }[] = [
  { slug: 'missing', path: '/p/missing.jpg', reason: () => 'HTTP 404 Not Found' },
  { slug: 'broken', path: '/p/broken.jpg', reason: () => 'HTTP 500 Internal Server Error' },
  { slug: 'slow', path: '/p/slow.jpg', reason: () => `timed out after ${TIMEOUT / 1000} s` },
  { slug: 'html', path: '/p/login.jpg', reason: () => 'an HTML page, not a picture (served as text/html)' },
  { slug: 'disguised', path: '/p/disguised.jpg', reason: () => 'an HTML page, not a picture' },
  {
    slug: 'off-list',
    path: '/p/elsewhere.jpg',
    reason: (host) => `redirected to http://localhost:${host.split(':')[1]}: host localhost:${host.split(':')[1]} is not in photos.remote.hosts`,
  },
  { slug: 'metadata', path: '/p/metadata.jpg', reason: () => 'redirected to http://169.254.169.254: host 169.254.169.254 is not in photos.remote.hosts' },
  {
    slug: 'large',
    path: '/p/large.jpg',
    reason: () =>
      `larger than the limit (photos.remote.maxBytes, ${MAX_BYTES.toLocaleString('en')} bytes): Content-Length is ${pictures.large!.length.toLocaleString('en')} bytes`,
  },
  {
    slug: 'large-stream',
    path: '/p/large-stream.jpg',
    reason: () => `larger than the limit (photos.remote.maxBytes, ${MAX_BYTES.toLocaleString('en')} bytes): more than that arrived`,
  },
];
/** The NITF story: its inline picture is a 404 too. */
const NITF = { headline: 'An inline agency picture is gone', path: '/p/nitf-gone.jpg' };

const sendJpeg = (request: http.IncomingMessage, response: http.ServerResponse, bytes: Buffer, etag: string) => {
  if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { ETag: etag }).end();
  response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': String(bytes.length), ETag: etag });
  response.end(bytes);
};

function agency(request: http.IncomingMessage, response: http.ServerResponse): void {
  if (request.headers['x-agency-key'] !== KEY) return void response.writeHead(401, { 'Content-Type': 'text/plain' }).end('API key required');
  const port = server.port;
  switch (request.url) {
    case '/p/good.jpg':
      return void sendJpeg(request, response, pictures.good!, '"good-1"');
    case '/p/g2-link.jpg':
      return void response.writeHead(302, { Location: '/p/g2.jpg' }).end();
    case '/p/g2.jpg':
      if (g2Mode === 'down') return void response.writeHead(503).end('maintenance');
      return void sendJpeg(request, response, pictures.g2!, '"g2-1"');
    case '/p/missing.jpg':
    case '/p/nitf-gone.jpg':
      return void response.writeHead(404).end('no such picture');
    case '/p/broken.jpg':
      return void response.writeHead(500).end('oops');
    case '/p/slow.jpg':
      return; // never answers: the fetch's time limit ends it
    case '/p/login.jpg':
      return void response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(HTML_PAGE);
    case '/p/disguised.jpg':
      return void response.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(HTML_PAGE);
    case '/p/cdn.jpg':
      return void response.writeHead(302, { Location: cdn.url('/p/cdn.jpg') }).end();
    case '/p/elsewhere.jpg':
      return void response.writeHead(302, { Location: `http://localhost:${port}/p/good.jpg` }).end();
    case '/p/metadata.jpg':
      return void response.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end();
    case '/p/large.jpg':
      return void response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': String(pictures.large!.length) }).end(pictures.large);
    case '/p/large-stream.jpg': {
      // no Content-Length: the limit is counted as the bytes arrive
      response.writeHead(200, { 'Content-Type': 'image/jpeg' });
      const bytes = pictures.large!;
      for (let at = 0; at < bytes.length; at += 64 * 1024) response.write(bytes.subarray(at, at + 64 * 1024));
      return void response.end();
    }
    default:
      return void response.writeHead(404).end();
  }
}

function cdnServer(request: http.IncomingMessage, response: http.ServerResponse): void {
  if (request.url === '/p/cdn.jpg' && !cdnGone) return void sendJpeg(request, response, pictures.g2!, '"cdn-1"');
  response.writeHead(404).end();
}

const requestsFor = (path: string, from = 0) => server.requests.slice(from).filter((r) => r.path === path);

/** A command of the copy, awaited (the test's server must keep answering while it runs). */
function run(args: string[], name = NAME, extra: Record<string, string> = {}): Promise<{ status: number | null; output: string }> {
  const env = siteEnv(name, {
    contentDir: content,
    env: { DATELINE_NOW: NOW, TEST_AGENCY_HOST: server.host, TEST_AGENCY_CDN: cdn.host, [KEY_VARIABLE]: KEY, ...extra },
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output: output.replace(/\u001b\[[0-9;]*m/g, '') }));
  });
}

const site = () => siteAt(root, join(root, 'dist'), join(root, 'report.json'));

/** Every warning of a file's report entry, its items' included. */
function warningsOf(s: BuiltSite, file: string): string[] {
  const entry = s.report.files.find((f) => f.file === file);
  if (!entry) throw new Error(`${file} is not in the report`);
  return [...(entry.warnings ?? []), ...(entry.items ?? []).flatMap((i) => i.warnings ?? [])];
}

function statusOf(s: BuiltSite, file: string): string[] {
  const entry = s.report.files.find((f) => f.file === file)!;
  return entry.items ? entry.items.map((i) => i.status) : [entry.status];
}

/** The article page whose `<h1>` is `headline`, found through the report's URLs. */
function pageOf(s: BuiltSite, headline: string): Node {
  for (const entry of s.report.files) {
    for (const url of [entry.url, ...(entry.items ?? []).map((i) => i.url)]) {
      if (!url) continue;
      const path = `${new URL(url).pathname.slice(1)}index.html`;
      if (!s.exists(path)) continue;
      const doc = parseHtml(s.read(path));
      if (elements(doc, 'h1').some((h) => textOf(h).trim() === headline)) return doc;
    }
  }
  throw new Error(`no published page for "${headline}"`);
}

const photoFolders = (s: BuiltSite) => (existsSync(join(s.dist, 'photos')) ? readdirSync(join(s.dist, 'photos')).sort() : []);
const remoteUrl = (path: string) => server.url(path);

let first: { status: number | null; output: string };
let firstSite: BuiltSite;
let firstRequests: number;
/** The picture folders of dist/photos/ after the first build (dist/ is the same folder for every later run). */
let firstFolders: string[];

beforeAll(async () => {
  server = await startLoopbackServer(agency);
  cdn = await startLoopbackServer(cdnServer);
  const gps = { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '24/1 51/1 36/1', GPSLongitudeRef: 'E', GPSLongitude: '67/1 0/1 36/1' } };
  pictures.good = await (await photoLike(1600, 1067, { seed: 11 }))
    .withExif({ IFD0: { Make: 'TestCam', Model: 'Model 1' }, ...gps })
    .jpeg({ quality: 80 })
    .toBuffer();
  pictures.g2 = await (await photoLike(1200, 800, { seed: 12, grain: 0 })).jpeg({ quality: 80 }).toBuffer();
  pictures.large = await sharp({ create: { width: 1500, height: 1000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 50 } } })
    .jpeg({ quality: 95 })
    .toBuffer();
  expect(pictures.good.length).toBeLessThan(MAX_BYTES);
  // the source carries GPS and camera tags, for the derived files to be without them
  expect(Object.keys(exifTags((await sharp(pictures.good).metadata()).exif!)).filter((k) => k.startsWith('gps.') || k === 'ifd0.10f').length).toBeGreaterThan(
    1,
  );
  expect(pictures.large.length).toBeGreaterThan(MAX_BYTES);

  rmSync(root, { recursive: true, force: true });
  rmSync(outputDir(PRIVATE), { recursive: true, force: true });
  copyProject(project, [CONFIG_EDIT], 'remote photos config');
  mkdirSync(content, { recursive: true });
  const files: Record<string, string> = {
    'good.json': ninjsStory({
      uri: 'urn:test:remote:good',
      headline: GOOD.headline,
      published: '2026-11-19T09:00:00+05:00',
      pictures: [{ href: remoteUrl('/p/good.jpg'), alt: GOOD.alt, caption: GOOD.caption, credit: GOOD.credit, width: 1600, height: 1067 }],
    }),
    'g2.xml': g2Message([
      g2Item({
        guid: 'urn:newsml:test:remote:terminal',
        headlines: [`<headline>${G2.headline}</headline>`],
        firstCreated: '2026-11-19T04:00:00Z',
        versionCreated: '2026-11-19T04:30:00Z',
      }),
      g2Picture('terminal', {
        caption: G2.caption,
        creditline: 'Agency/Nadia Karim',
        contentSet: `    <remoteContent href="${remoteUrl('/p/g2-link.jpg')}" rendition="rnd:highRes" contenttype="image/jpeg" width="1200" height="800"/>`,
      }),
    ]),
    'nitf.xml': nitfStory({
      id: 'test.remote.nitf',
      headline: NITF.headline,
      published: '20261119T070000+0500',
      source: remoteUrl(NITF.path),
      alt: 'A picture that is gone.',
      caption: 'Gone.',
      producer: 'Agency',
    }),
  };
  // redirected from the agency's host to its CDN, another listed host
  files['cdn.json'] = ninjsStory({
    uri: 'urn:test:remote:cdn',
    headline: CDN.headline,
    published: '2026-11-19T08:00:00+05:00',
    pictures: [{ href: remoteUrl('/p/cdn.jpg'), alt: 'The terminal from the CDN.', credit: 'Agency CDN' }],
  });
  for (const [i, r] of REFUSED.entries()) {
    files[`refused-${r.slug}.json`] = ninjsStory({
      uri: `urn:test:remote:${r.slug}`,
      headline: `Refused picture ${r.slug} costs nothing`,
      published: `2026-11-18T0${i}:00:00+05:00`,
      pictures: [{ href: remoteUrl(r.path), alt: `Picture ${r.slug}.` }],
    });
  }
  writeContent(content, files);

  // `npm run build`: astro build compiles the copy's theme, then publishes the site.
  first = await run(buildCommand(project, true));
  if (!existsSync(join(root, 'report.json'))) throw new Error(`astro build wrote no report (exit ${first.status}):\n${first.output}`);
  firstSite = site();
  firstRequests = server.requests.length;
  firstFolders = photoFolders(firstSite);
}, 600_000);

afterAll(async () => {
  await server?.close();
  await cdn?.close();
});

describe('astro build with photos.remote on', () => {
  it('exits 0, publishes every story, and the report has no rejected file', () => {
    expect(first.status, first.output).toBe(0);
    expect(firstSite.report.counts.rejected).toBe(0);
    for (const file of ['good.json', 'g2.xml', 'cdn.json', 'nitf.xml', ...REFUSED.map((r) => `refused-${r.slug}.json`)]) {
      expect(statusOf(firstSite, file), file).toEqual(['published']);
    }
  });

  it('sent the configured header with every request, and never wrote its value anywhere', () => {
    expect(server.requests.length).toBeGreaterThan(0);
    for (const r of server.requests) expect(r.headers['x-agency-key'], r.path).toBe(KEY);
    expect(readFileSync(join(root, 'report.json'), 'utf8')).not.toContain(KEY);
    expect(first.output).not.toContain(KEY);
    expect(readFileSync(join(project, 'astro.config.mjs'), 'utf8')).not.toContain(KEY);
  });

  it('shows the fetched picture on its story page as a <figure> with a responsive <picture>', () => {
    const doc = pageOf(firstSite, GOOD.headline);
    const figures = elements(doc, 'figure');
    expect(figures).toHaveLength(1);
    const figure = figures[0]!;
    expect(elements(figure, 'picture')).toHaveLength(1);
    const img = elements(figure, 'img')[0]!;
    expect(attr(img, 'alt')).toBe(GOOD.alt);
    expect([Number(attr(img, 'width')), Number(attr(img, 'height'))]).toEqual([1600, 1067]);
    const caption = textOf(elements(figure, 'figcaption')[0]!);
    expect(caption).toContain(GOOD.caption);
    expect(caption).toContain(GOOD.credit);
    // the page names only the files Dateline made, never the agency's URL
    expect(firstSite.read(`${new URL(firstSite.report.files.find((f) => f.file === 'good.json')!.url!).pathname.slice(1)}index.html`)).not.toContain(
      server.host,
    );
    expect(warningsOf(firstSite, 'good.json')).toEqual([]);
  });

  it('wrote every srcset file into dist/photos/: the width it claims, sRGB, without GPS or camera metadata', async () => {
    const figure = elements(pageOf(firstSite, GOOD.headline), 'figure')[0]!;
    const sources = [...elements(figure, 'source'), ...elements(figure, 'img')];
    const candidates = sources.flatMap((s) =>
      (attr(s, 'srcset') ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    );
    expect(candidates.length).toBeGreaterThanOrEqual(6);
    const types = new Set(elements(figure, 'source').map((s) => attr(s, 'type')));
    expect(types.has('image/webp')).toBe(true);
    for (const candidate of candidates) {
      const [url, descriptor] = candidate.split(/\s+/) as [string, string];
      const path = new URL(url, 'https://dateline.example.com/').pathname;
      expect(path, candidate).toMatch(/^\/photos\/[0-9a-f]{20}\/w\d+\.(webp|jpg)$/);
      const file = join(firstSite.dist, path.slice(1));
      expect(existsSync(file), file).toBe(true);
      const m = await sharp(file).metadata();
      expect(`${m.width}w`, candidate).toBe(descriptor);
      expect(m.height!, candidate).toBe(Math.round((m.width! * 1067) / 1600));
      expect(m.width!).toBeLessThanOrEqual(1600);
      expect(m.space, candidate).toBe('srgb');
      if (m.exif)
        expect(
          Object.keys(exifTags(m.exif)).filter((k) => /^gps\.|\.8825$|\.10f$|\.110$/.test(k)),
          candidate,
        ).toEqual([]);
    }
  });

  it('follows a redirect that stays on a listed host: the NewsML-G2 picture is published', () => {
    expect(requestsFor('/p/g2-link.jpg')).toHaveLength(1);
    expect(requestsFor('/p/g2.jpg')).toHaveLength(1);
    const figure = elements(pageOf(firstSite, G2.headline), 'figure');
    expect(figure).toHaveLength(1);
    expect(textOf(elements(figure[0]!, 'figcaption')[0]!)).toContain(G2.caption);
    expect(warningsOf(firstSite, 'g2.xml')).toEqual([]);
  });

  it("follows a redirect to another listed host, without the first host's header", () => {
    expect(requestsFor('/p/cdn.jpg')).toHaveLength(1);
    expect(cdn.requests.map((r) => r.path)).toEqual(['/p/cdn.jpg']);
    expect(cdn.requests[0]!.headers['x-agency-key']).toBeUndefined();
    expect(elements(pageOf(firstSite, CDN.headline), 'figure')).toHaveLength(1);
    expect(warningsOf(firstSite, 'cdn.json')).toEqual([]);
  });

  describe('a refused picture costs its story nothing; the report names the URL and why', () => {
    for (const r of REFUSED) {
      it(r.slug, () => {
        const file = `refused-${r.slug}.json`;
        expect(statusOf(firstSite, file)).toEqual(['published']);
        expect(warningsOf(firstSite, file)).toEqual([`picture ${remoteUrl(r.path)} not published: ${r.reason(server.host)}`]);
        const doc = pageOf(firstSite, `Refused picture ${r.slug} costs nothing`);
        expect(elements(doc, 'figure')).toHaveLength(0);
        expect(elements(doc, 'picture')).toHaveLength(0);
      });
    }

    it('a NITF story whose inline picture is a 404', () => {
      expect(warningsOf(firstSite, 'nitf.xml')).toEqual([`picture ${remoteUrl(NITF.path)} not published: HTTP 404 Not Found`]);
      const doc = pageOf(firstSite, NITF.headline);
      expect(elements(doc, 'figure')).toHaveLength(0);
      expect(textOf(doc)).toContain('Third paragraph after the picture.');
    });

    it('nothing was asked of a host off the list, and each refused URL was asked once', () => {
      expect(server.requests.filter((r) => r.path.startsWith('/latest/'))).toEqual([]);
      for (const r of REFUSED) expect(requestsFor(r.path), r.path).toHaveLength(1);
      // the redirect to localhost was not followed: /p/good.jpg was asked for only by its own story
      expect(requestsFor('/p/good.jpg')).toHaveLength(1);
    });
  });

  it('the log sums the pictures up: 3 made, 10 refused', () => {
    expect(first.output).toContain('pictures: 3 made, 0 from the cache, 10 refused');
    expect(firstFolders).toHaveLength(3);
  });
});

describe('a second build and a publish, with the cache', () => {
  let second: { status: number | null; output: string };
  let secondSite: BuiltSite;
  let from: number;

  beforeAll(async () => {
    from = server.requests.length;
    expect(from).toBe(firstRequests);
    g2Mode = 'down';
    // the publisher's full build (the compiled theme is the one astro build kept): every story decided again
    second = await run(buildCommand(project));
    secondSite = site();
  }, 600_000);

  it('asks for each cached picture again with If-None-Match, and uses the cached bytes on a 304', () => {
    expect(second.status, second.output).toBe(0);
    const asked = requestsFor('/p/good.jpg', from);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.headers['if-none-match']).toBe('"good-1"');
    expect(cdn.requests.slice(1).map((r) => [r.path, r.headers['if-none-match'], r.headers['x-agency-key']])).toEqual([['/p/cdn.jpg', '"cdn-1"', undefined]]);
    expect(elements(pageOf(secondSite, GOOD.headline), 'figure')).toHaveLength(1);
    expect(warningsOf(secondSite, 'good.json')).toEqual([]);
  });

  it('uses the cached copy when the server answers 503, and the report says so', () => {
    expect(requestsFor('/p/g2.jpg', from)).toHaveLength(1);
    expect(requestsFor('/p/g2.jpg', from)[0]!.headers['if-none-match']).toBe('"g2-1"');
    expect(elements(pageOf(secondSite, G2.headline), 'figure')).toHaveLength(1);
    const warnings = warningsOf(secondSite, 'g2.xml');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(
        `^picture ${remoteUrl('/p/g2-link.jpg').replace(/[.]/g, '\\.')}: HTTP 503 Service Unavailable \\(from http://${server.host.replace(/[.]/g, '\\.')}, after a redirect\\); used the copy cached on \\d{4}-\\d\\d-\\d\\dT`,
      ),
    );
  });

  it('makes no picture again: the same files, all from the derive cache; refusals stay refused', () => {
    expect(second.output).toContain('pictures: 0 made, 3 from the cache, 10 refused');
    expect(photoFolders(secondSite)).toEqual(firstFolders);
    for (const r of REFUSED) expect(warningsOf(secondSite, `refused-${r.slug}.json`), r.slug).toEqual(warningsOf(firstSite, `refused-${r.slug}.json`));
  });

  it('npm run publish with nothing changed asks the server nothing', async () => {
    const before = server.requests.length + cdn.requests.length;
    const publish = await run([join(project, 'integrations/dateline/cli/publish.ts')]);
    expect(publish.status, publish.output).toBe(0);
    expect(server.requests.length + cdn.requests.length).toBe(before);
    const after = site();
    expect(elements(pageOf(after, GOOD.headline), 'figure')).toHaveLength(1);
    expect(photoFolders(after)).toEqual(firstFolders);
  });

  it('a new version of a story asks again for its picture only, and keeps it', async () => {
    g2Mode = 'ok';
    const before = server.requests.length;
    writeFileSync(
      join(content, 'good.json'),
      ninjsStory({
        uri: 'urn:test:remote:good',
        version: 2,
        headline: GOOD.headline,
        published: '2026-11-19T09:00:00+05:00',
        updated: '2026-11-19T11:00:00+05:00',
        pictures: [{ href: remoteUrl('/p/good.jpg'), alt: GOOD.alt, caption: GOOD.caption, credit: GOOD.credit, width: 1600, height: 1067 }],
      }),
    );
    const publish = await run([join(project, 'integrations/dateline/cli/publish.ts')]);
    expect(publish.status, publish.output).toBe(0);
    expect(server.requests.slice(before).map((r) => [r.path, r.headers['if-none-match']])).toEqual([['/p/good.jpg', '"good-1"']]);
    const after = site();
    expect(elements(pageOf(after, GOOD.headline), 'figure')).toHaveLength(1);
    expect(photoFolders(after)).toEqual(firstFolders);
  });
  it('a picture the agency has taken down (404) leaves its story with the next version, cache or not', async () => {
    cdnGone = true;
    const folder = (s: BuiltSite) =>
      new URL(attr(elements(elements(pageOf(s, CDN.headline), 'figure')[0]!, 'img')[0]!, 'src')!, 'https://dateline.example.com/').pathname.split('/')[2]!;
    const key = folder(site());
    writeFileSync(
      join(content, 'cdn.json'),
      ninjsStory({
        uri: 'urn:test:remote:cdn',
        version: 2,
        headline: CDN.headline,
        published: '2026-11-19T08:00:00+05:00',
        updated: '2026-11-19T11:30:00+05:00',
        pictures: [{ href: remoteUrl('/p/cdn.jpg'), alt: 'The terminal from the CDN.', credit: 'Agency CDN' }],
      }),
    );
    const publish = await run([join(project, 'integrations/dateline/cli/publish.ts')]);
    expect(publish.status, publish.output).toBe(0);
    const after = site();
    expect(warningsOf(after, 'cdn.json')).toEqual([
      `picture ${remoteUrl('/p/cdn.jpg')} not published: HTTP 404 Not Found (from http://${cdn.host}, after a redirect)`,
    ]);
    expect(elements(pageOf(after, CDN.headline), 'figure')).toHaveLength(0);
    expect(photoFolders(after)).not.toContain(key);
    expect(photoFolders(after)).toHaveLength(firstFolders.length - 1);
  });
});

describe('without allowPrivateAddresses', () => {
  it('refuses the loopback server before connecting: every story published without its picture, the report says why', async () => {
    const name = PRIVATE;
    const before = server.requests.length + cdn.requests.length;
    const build = await run(buildCommand(project), name, { TEST_AGENCY_PRIVATE: 'refuse' });
    expect(build.status, build.output).toBe(0);
    expect(server.requests.length + cdn.requests.length).toBe(before);
    const s = siteAt(outputDir(name), join(outputDir(name), 'dist'), join(outputDir(name), 'report.json'));
    const why = `${server.host} resolves to 127.0.0.1, a loopback address (refused unless photos.remote.allowPrivateAddresses)`;
    expect(warningsOf(s, 'good.json')).toEqual([`picture ${remoteUrl('/p/good.jpg')} not published: ${why}`]);
    expect(warningsOf(s, 'g2.xml')).toEqual([`picture ${remoteUrl('/p/g2-link.jpg')} not published: ${why}`]);
    expect(statusOf(s, 'good.json')).toEqual(['published']);
    expect(elements(pageOf(s, GOOD.headline), 'figure')).toHaveLength(0);
    expect(photoFolders(s)).toEqual([]);
  });
});
