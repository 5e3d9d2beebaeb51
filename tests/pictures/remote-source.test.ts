// Pictures fetched from agency servers, against test servers on 127.0.0.1 only. Host names other than
// 127.0.0.1 (`photos.test`, `intranet.test`) are resolved by the test's own resolver, to 127.0.0.1 or
// to an IPv4-mapped spelling of it: nothing is looked up in real DNS but `localhost`, and no
// connection goes anywhere but the loopback address.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type http from 'node:http';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RemotePhotosSchema } from '../../integrations/dateline/options.ts';
import { addressKind, isPrivateAddress } from '../../integrations/dateline/pictures/addresses.ts';
import { fetchRemotePicture, hostMatches, type RemoteFetchInternals } from '../../integrations/dateline/pictures/remote.ts';
import { selfSignedCertificate, startLoopbackServer, type LoopbackServer } from './loopback-server.ts';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(400, 7), Buffer.from([0xff, 0xd9])]);
const HTML = '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in</body></html>';

type Route = (request: http.IncomingMessage, response: http.ServerResponse, server: LoopbackServer) => void;
const routes = new Map<string, Route>();
let server: LoopbackServer;
let other: LoopbackServer;
let cacheDir: string;
let flaky: 'ok' | 'down' | 'gone' = 'ok';

/** Resolves the test names only; anything else fails as an unknown host, without real DNS. */
const testResolver: RemoteFetchInternals['resolveHost'] = async (hostname) => {
  const names: Record<string, string[]> = { 'photos.test': ['127.0.0.1'], 'intranet.test': ['::ffff:127.0.0.1'] };
  const found = names[hostname];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return found;
};
/** Counts exactly 127.0.0.1 as public, so a "public" agency can be played on the loopback address. */
const loopbackIsPublic: RemoteFetchInternals = {
  resolveHost: testResolver,
  addressKind: (address) => (address === '127.0.0.1' ? undefined : addressKind(address)),
};

const options = (extra: Record<string, unknown> = {}) =>
  RemotePhotosSchema.parse({ hosts: [server.host], allowHttp: true, allowPrivateAddresses: true, timeout: 3000, maxBytes: 1000, ...extra });

const sendJpeg = (response: http.ServerResponse, headers: Record<string, string> = {}) => {
  response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': String(JPEG.length), ...headers });
  response.end(JPEG);
};

beforeAll(async () => {
  routes.set('/photo.jpg', (request, response) => {
    if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304, { ETag: '"v1"' }).end();
    sendJpeg(response, { ETag: '"v1"' });
  });
  routes.set('/dated.jpg', (request, response) => {
    const date = 'Wed, 01 May 2024 10:00:00 GMT';
    if (request.headers['if-modified-since'] === date) return void response.writeHead(304).end();
    sendJpeg(response, { 'Last-Modified': date });
  });
  routes.set('/plain.jpg', (_request, response) => sendJpeg(response));
  routes.set('/missing.jpg', (_request, response) => void response.writeHead(404).end('no such picture'));
  routes.set('/broken.jpg', (_request, response) => void response.writeHead(500).end('oops'));
  routes.set('/hang.jpg', () => {}); // never answers
  routes.set('/stall.jpg', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': '1000' });
    response.write(JPEG.subarray(0, 100)); // and never the rest
  });
  routes.set('/page.jpg', (_request, response) => void response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(HTML));
  routes.set('/page-untyped.jpg', (_request, response) => void response.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(`\ufeff\n  ${HTML}`));
  routes.set('/big-declared.jpg', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': '5000' });
    response.end(Buffer.alloc(5000, 1));
  });
  routes.set('/big-streamed.jpg', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'image/jpeg' }); // chunked, no length
    for (let i = 0; i < 5; i++) response.write(Buffer.alloc(400, 1));
    response.end();
  });
  routes.set('/short.jpg', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': '900' });
    response.end(JPEG.subarray(0, 100)); // closes early
  });
  routes.set('/keyed.jpg', (request, response) => {
    if (request.headers['x-agency-key'] !== 'secret-value') return void response.writeHead(401).end();
    sendJpeg(response);
  });
  routes.set('/flaky.jpg', (_request, response) => {
    if (flaky === 'down') return void response.writeHead(503).end();
    if (flaky === 'gone') return void response.writeHead(404).end();
    sendJpeg(response, { ETag: '"f1"' });
  });
  routes.set('/to-photo', (_request, response) => void response.writeHead(302, { Location: '/photo.jpg' }).end());
  routes.set('/to-unlisted', (_request, response) => void response.writeHead(302, { Location: 'http://elsewhere.test/x.jpg' }).end());
  routes.set('/to-intranet', (_request, response, s) => void response.writeHead(307, { Location: `http://intranet.test:${s.port}/photo.jpg` }).end());
  routes.set('/to-ftp', (_request, response) => void response.writeHead(301, { Location: 'ftp://127.0.0.1/x.jpg' }).end());
  routes.set('/to-other', (_request, response) => void response.writeHead(303, { Location: other.url('/keyed.jpg') }).end());
  routes.set('/loop', (request, response) => void response.writeHead(308, { Location: request.url! }).end());
  routes.set('/chain', (request, response) => {
    const n = Number(new URL(request.url!, 'http://x').searchParams.get('n') ?? '0');
    if (n >= 5) return sendJpeg(response);
    response.writeHead(301, { Location: `/chain?n=${n + 1}` }).end();
  });
  const handler = (s: () => LoopbackServer) => (request: http.IncomingMessage, response: http.ServerResponse) => {
    const route = routes.get(new URL(request.url!, 'http://x').pathname);
    if (route) route(request, response, s());
    else response.writeHead(404).end();
  };
  server = await startLoopbackServer(handler(() => server));
  other = await startLoopbackServer(handler(() => other));
});

afterAll(async () => {
  await server.close();
  await other.close();
});

beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'dateline-remote-pictures-'));
  flaky = 'ok';
  server.requests.length = 0;
  other.requests.length = 0;
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

const fetchPicture = (
  path: string,
  extra: Record<string, unknown> = {},
  env: NodeJS.ProcessEnv = {},
  internals: RemoteFetchInternals = { resolveHost: testResolver },
) => fetchRemotePicture(server.url(path), options(extra), cacheDir, env, internals);

describe('fetchRemotePicture: answers', () => {
  it('fetches a picture (any bytes: sniffing is done later) and caches it', async () => {
    const result = await fetchPicture('/photo.jpg');
    expect(result).toEqual({ ok: true, bytes: JPEG, fromCache: false });
    const base = join(cacheDir, 'remote', createHash('sha256').update(server.url('/photo.jpg')).digest('hex'));
    expect(readFileSync(`${base}.bin`)).toEqual(JPEG);
    const meta = JSON.parse(readFileSync(`${base}.json`, 'utf8'));
    expect(meta).toMatchObject({ url: server.url('/photo.jpg'), etag: '"v1"', contentType: 'image/jpeg', size: JPEG.length });
    expect(Date.parse(meta.fetchedAt)).not.toBeNaN();
  });

  it('refuses a 404 and a 500 with their status', async () => {
    expect(await fetchPicture('/missing.jpg')).toEqual({ ok: false, reason: 'HTTP 404 Not Found' });
    expect(await fetchPicture('/broken.jpg')).toEqual({ ok: false, reason: 'HTTP 500 Internal Server Error' });
  });

  it('refuses an HTML page served with 200, by its Content-Type or by its first bytes', async () => {
    expect(await fetchPicture('/page.jpg')).toEqual({ ok: false, reason: 'an HTML page, not a picture (served as text/html)' });
    expect(await fetchPicture('/page-untyped.jpg')).toEqual({ ok: false, reason: 'an HTML page, not a picture' });
  });

  it('times out when the server never answers, and when the body stops coming', async () => {
    const started = Date.now();
    expect(await fetchPicture('/hang.jpg', { timeout: 300 })).toEqual({ ok: false, reason: 'timed out after 0.3 s' });
    expect(await fetchPicture('/stall.jpg', { timeout: 300 })).toEqual({ ok: false, reason: 'timed out after 0.3 s' });
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('refuses a body over maxBytes, by Content-Length and while it streams without one', async () => {
    expect(await fetchPicture('/big-declared.jpg')).toEqual({
      ok: false,
      reason: 'larger than the limit (photos.remote.maxBytes, 1,000 bytes): Content-Length is 5,000 bytes',
    });
    expect(await fetchPicture('/big-streamed.jpg')).toEqual({
      ok: false,
      reason: 'larger than the limit (photos.remote.maxBytes, 1,000 bytes): more than that arrived',
    });
    // Nothing is cached of a refused picture.
    expect(existsSync(join(cacheDir, 'remote'))).toBe(false);
  });

  it('refuses a body cut short', async () => {
    expect(await fetchPicture('/short.jpg')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/closed before the whole picture arrived|connection failed/),
    });
  });
});

describe('fetchRemotePicture: the cache', () => {
  it('revalidates with If-None-Match and takes the bytes from the cache on a 304', async () => {
    expect(await fetchPicture('/photo.jpg')).toMatchObject({ ok: true, fromCache: false });
    const second = await fetchPicture('/photo.jpg');
    expect(second).toEqual({ ok: true, bytes: JPEG, fromCache: true });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.headers['if-none-match']).toBeUndefined();
    expect(server.requests[1]!.headers['if-none-match']).toBe('"v1"');
  });

  it('revalidates with If-Modified-Since', async () => {
    await fetchPicture('/dated.jpg');
    expect(await fetchPicture('/dated.jpg')).toEqual({ ok: true, bytes: JPEG, fromCache: true });
    expect(server.requests[1]!.headers['if-modified-since']).toBe('Wed, 01 May 2024 10:00:00 GMT');
  });

  it('downloads again when the server gave nothing to revalidate with', async () => {
    await fetchPicture('/plain.jpg');
    expect(await fetchPicture('/plain.jpg')).toEqual({ ok: true, bytes: JPEG, fromCache: false });
    expect(server.requests[1]!.headers['if-none-match']).toBeUndefined();
  });

  it('ignores a cached copy whose bytes do not match its record', async () => {
    await fetchPicture('/photo.jpg');
    const base = join(cacheDir, 'remote', createHash('sha256').update(server.url('/photo.jpg')).digest('hex'));
    rmSync(`${base}.bin`);
    expect(await fetchPicture('/photo.jpg')).toEqual({ ok: true, bytes: JPEG, fromCache: false });
    expect(server.requests[1]!.headers['if-none-match']).toBeUndefined();
  });

  it('uses the cached copy, saying why, when the server is down or does not answer in time', async () => {
    await fetchPicture('/flaky.jpg');
    flaky = 'down';
    const result = await fetchPicture('/flaky.jpg');
    expect(result).toMatchObject({
      ok: true,
      bytes: JPEG,
      fromCache: true,
      warning: expect.stringMatching(/^HTTP 503 Service Unavailable; used the copy cached on \d{4}-/),
    });
    // The cache is keyed by URL: a copy cached under /flaky.jpg does not stand in for /hang.jpg, but
    // a time-out on a cached URL does fall back on it.
    routes.set('/flaky-hang.jpg', (_request, response) => (flaky === 'ok' ? sendJpeg(response, { ETag: '"h1"' }) : undefined));
    flaky = 'ok';
    await fetchPicture('/flaky-hang.jpg');
    flaky = 'down';
    expect(await fetchPicture('/flaky-hang.jpg', { timeout: 300 })).toMatchObject({
      ok: true,
      fromCache: true,
      warning: expect.stringMatching(/^timed out after 0.3 s; used the copy/),
    });
  });

  it('does not paper over a 404 or a rule with the cached copy', async () => {
    await fetchPicture('/flaky.jpg');
    flaky = 'gone';
    expect(await fetchPicture('/flaky.jpg')).toEqual({ ok: false, reason: 'HTTP 404 Not Found' });
    flaky = 'ok';
    await fetchPicture('/flaky.jpg');
    const result = await fetchRemotePicture(server.url('/flaky.jpg'), options({ hosts: ['photos.example'] }), cacheDir, {});
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/is not in photos.remote.hosts/) });
  });
});

describe('fetchRemotePicture: hosts and schemes', () => {
  it('refuses a host that is not listed, and plain http unless allowHttp', async () => {
    expect(await fetchPicture('/photo.jpg', { hosts: ['photos.example'] })).toEqual({
      ok: false,
      reason: `http://${server.host}: host ${server.host} is not in photos.remote.hosts`,
    });
    expect(await fetchPicture('/photo.jpg', { allowHttp: false })).toEqual({
      ok: false,
      reason: `http://${server.host}: plain http is refused, https only (option photos.remote.allowHttp)`,
    });
    expect(server.requests).toHaveLength(0);
  });

  it('matches hosts case-insensitively, with the port (a listed name without one means the default port)', () => {
    const url = new URL('https://Photos.Agency.com/x.jpg');
    expect(hostMatches('photos.agency.com', url)).toBe(true);
    expect(hostMatches('PHOTOS.AGENCY.COM', url)).toBe(true);
    expect(hostMatches('photos.agency.com:443', url)).toBe(true);
    expect(hostMatches('photos.agency.com:8443', url)).toBe(false);
    expect(hostMatches('agency.com', url)).toBe(false);
    expect(hostMatches('photos.agency.com', new URL('https://photos.agency.com:8443/x.jpg'))).toBe(false);
    expect(hostMatches('photos.agency.com:8443', new URL('https://photos.agency.com:8443/x.jpg'))).toBe(true);
    expect(hostMatches('photos.agency.com', new URL('https://photos.agency.com.evil.example/x.jpg'))).toBe(false);
    expect(hostMatches('127.0.0.1:8080', new URL('http://0x7f.0.0.1:8080/'))).toBe(true);
  });

  it('refuses URLs with credentials, other schemes and nonsense, without throwing', async () => {
    const o = options();
    expect(await fetchRemotePicture(`http://user:pw@${server.host}/photo.jpg`, o, cacheDir, {})).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/user name or password/),
    });
    expect(await fetchRemotePicture('ftp://127.0.0.1/x.jpg', o, cacheDir, {})).toMatchObject({ ok: false, reason: expect.stringMatching(/a ftp: URL/) });
    expect(await fetchRemotePicture('not a url', o, cacheDir, {})).toEqual({ ok: false, reason: 'not a valid URL' });
  });
});

describe('fetchRemotePicture: redirects', () => {
  it('follows a redirect among listed hosts', async () => {
    expect(await fetchPicture('/to-photo')).toEqual({ ok: true, bytes: JPEG, fromCache: false });
    expect(server.requests.map((r) => r.path)).toEqual(['/to-photo', '/photo.jpg']);
  });

  it('follows five redirects, and refuses a sixth', async () => {
    expect(await fetchPicture('/chain')).toMatchObject({ ok: true });
    server.requests.length = 0;
    expect(await fetchPicture('/loop')).toEqual({ ok: false, reason: 'more than 5 redirects' });
    expect(server.requests).toHaveLength(6);
  });

  it('refuses a redirect to an unlisted host, before looking it up', async () => {
    let looked = false;
    const internals: RemoteFetchInternals = { resolveHost: async (h) => ((looked = true), testResolver!(h)) };
    expect(await fetchPicture('/to-unlisted', {}, {}, internals)).toEqual({
      ok: false,
      reason: 'redirected to http://elsewhere.test: host elsewhere.test is not in photos.remote.hosts',
    });
    expect(looked).toBe(false);
  });

  it('refuses a redirect to another scheme', async () => {
    expect(await fetchPicture('/to-ftp')).toMatchObject({ ok: false, reason: expect.stringMatching(/^redirected to a ftp: URL/) });
  });

  it('refuses a redirect to a listed host that resolves to a private address', async () => {
    const hosts = [`photos.test:${server.port}`, `intranet.test:${server.port}`];
    // First, the setup works: photos.test counts as public here, and serves the picture.
    const direct = await fetchRemotePicture(
      `http://photos.test:${server.port}/photo.jpg`,
      options({ hosts, allowPrivateAddresses: false }),
      cacheDir,
      {},
      loopbackIsPublic,
    );
    expect(direct).toMatchObject({ ok: true });
    server.requests.length = 0;
    const result = await fetchRemotePicture(
      `http://photos.test:${server.port}/to-intranet`,
      options({ hosts, allowPrivateAddresses: false }),
      cacheDir,
      {},
      loopbackIsPublic,
    );
    expect(result).toEqual({
      ok: false,
      reason: `redirected to intranet.test:${server.port}, which resolves to ::ffff:127.0.0.1, a loopback address (refused unless photos.remote.allowPrivateAddresses)`,
    });
    expect(server.requests.map((r) => r.path)).toEqual(['/to-intranet']);
  });

  it('sends each host only its own headers', async () => {
    const extra = {
      hosts: [server.host, other.host],
      headers: { [other.host]: { 'X-Agency-Key': 'OTHER_KEY' }, [server.host]: { 'X-First-Key': 'FIRST_KEY' } },
    };
    const result = await fetchPicture('/to-other', extra, { OTHER_KEY: 'secret-value', FIRST_KEY: 'first-secret' });
    expect(result).toMatchObject({ ok: true, fromCache: false });
    expect(server.requests[0]!.headers['x-first-key']).toBe('first-secret');
    expect(server.requests[0]!.headers['x-agency-key']).toBeUndefined();
    expect(other.requests[0]!.headers['x-agency-key']).toBe('secret-value');
    expect(other.requests[0]!.headers['x-first-key']).toBeUndefined();
  });
});

describe('fetchRemotePicture: private addresses', () => {
  it('refuses a listed 127.0.0.1 or localhost unless allowPrivateAddresses', async () => {
    const viaIp = await fetchRemotePicture(server.url('/photo.jpg'), options({ allowPrivateAddresses: false }), cacheDir, {});
    expect(viaIp).toEqual({
      ok: false,
      reason: `${server.host} resolves to 127.0.0.1, a loopback address (refused unless photos.remote.allowPrivateAddresses)`,
    });
    // localhost is looked up for real (the hosts file): whichever address it gives is loopback.
    const viaName = await fetchRemotePicture(
      `http://localhost:${server.port}/photo.jpg`,
      options({ hosts: [`localhost:${server.port}`], allowPrivateAddresses: false }),
      cacheDir,
      {},
    );
    expect(viaName).toMatchObject({ ok: false, reason: expect.stringMatching(new RegExp(`^localhost:${server.port} resolves to .*, a loopback address`)) });
    expect(server.requests).toHaveLength(0);
  });

  it('connects to the address it checked: the host name is not looked up again', async () => {
    // photos.test exists only in the test resolver; connecting by name would fail.
    const result = await fetchRemotePicture(
      `http://photos.test:${server.port}/photo.jpg`,
      options({ hosts: [`photos.test:${server.port}`] }),
      cacheDir,
      {},
      { resolveHost: testResolver },
    );
    expect(result).toMatchObject({ ok: true, bytes: JPEG });
    expect(server.requests[0]!.headers.host).toBe(`photos.test:${server.port}`);
  });

  it('refuses a host when any of its addresses is private', async () => {
    const internals: RemoteFetchInternals = { resolveHost: async () => ['127.0.0.1', '10.0.0.1'], addressKind: loopbackIsPublic.addressKind };
    const result = await fetchRemotePicture(
      `http://photos.test:${server.port}/photo.jpg`,
      options({ hosts: [`photos.test:${server.port}`], allowPrivateAddresses: false }),
      cacheDir,
      {},
      internals,
    );
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/resolves to 10\.0\.0\.1, a private address/) });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a host that cannot be resolved', async () => {
    const result = await fetchRemotePicture(
      `http://nowhere.test:${server.port}/photo.jpg`,
      options({ hosts: [`nowhere.test:${server.port}`] }),
      cacheDir,
      {},
      { resolveHost: testResolver },
    );
    expect(result).toEqual({ ok: false, reason: `nowhere.test:${server.port}: the host name cannot be resolved (ENOTFOUND)` });
  });
});

describe('fetchRemotePicture: headers from the environment', () => {
  const headers = () => ({ [server.host]: { 'X-Agency-Key': 'DATELINE_TEST_PHOTO_KEY' } });

  it('sends the value of the named variable', async () => {
    expect(await fetchPicture('/keyed.jpg', { headers: headers() }, { DATELINE_TEST_PHOTO_KEY: 'secret-value' })).toMatchObject({ ok: true });
    expect(server.requests[0]!.headers['x-agency-key']).toBe('secret-value');
    // Without the key the server says 401, refused with the status.
    expect(await fetchPicture('/keyed.jpg')).toEqual({ ok: false, reason: 'HTTP 401 Unauthorized' });
  });

  it('refuses, naming the variable, when it is not set or empty; nothing is sent', async () => {
    const reason = `environment variable DATELINE_TEST_PHOTO_KEY is not set (it holds the X-Agency-Key header for ${server.host})`;
    expect(await fetchPicture('/keyed.jpg', { headers: headers() }, {})).toEqual({ ok: false, reason });
    expect(await fetchPicture('/keyed.jpg', { headers: headers() }, { DATELINE_TEST_PHOTO_KEY: '' })).toEqual({ ok: false, reason });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a value that would break the request, without printing it', async () => {
    const result = await fetchPicture('/keyed.jpg', { headers: headers() }, { DATELINE_TEST_PHOTO_KEY: 'secret\r\nX-Evil: 1' });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/DATELINE_TEST_PHOTO_KEY .* not allowed in a header/) });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(server.requests).toHaveLength(0);
  });
});

const certificate = selfSignedCertificate();

describe.skipIf(!certificate)('fetchRemotePicture over https (a self-signed certificate made with openssl)', () => {
  let secure: LoopbackServer;
  beforeAll(async () => {
    secure = await startLoopbackServer((request, response) => {
      if (request.url === '/to-http') return void response.writeHead(302, { Location: server.url('/photo.jpg') }).end();
      sendJpeg(response);
    }, certificate);
  });
  afterAll(() => secure.close());
  const httpsOptions = () => RemotePhotosSchema.parse({ hosts: [secure.host, server.host], allowPrivateAddresses: true, timeout: 3000, maxBytes: 1000 });

  it('fetches when the certificate is trusted', async () => {
    const result = await fetchRemotePicture(secure.url('/photo.jpg'), httpsOptions(), cacheDir, {}, { ca: certificate!.cert });
    expect(result).toEqual({ ok: true, bytes: JPEG, fromCache: false });
  });

  it('refuses a certificate it does not trust', async () => {
    const result = await fetchRemotePicture(secure.url('/photo.jpg'), httpsOptions(), cacheDir, {});
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/SELF_SIGNED|self.signed/i) });
  });

  it('refuses a redirect from https to http unless allowHttp', async () => {
    const result = await fetchRemotePicture(secure.url('/to-http'), httpsOptions(), cacheDir, {}, { ca: certificate!.cert });
    expect(result).toEqual({ ok: false, reason: `redirected to http://${server.host}: plain http is refused, https only (option photos.remote.allowHttp)` });
  });
});

describe('addresses', () => {
  const cases: [string, string | undefined][] = [
    ['8.8.8.8', undefined],
    ['93.184.216.34', undefined],
    ['2606:4700:4700::1111', undefined],
    ['::ffff:8.8.8.8', undefined],
    ['64:ff9b::8.8.8.8', undefined],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['::ffff:192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fd00::1', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['255.255.255.255', 'reserved'],
    ['2001:db8::1', 'documentation'],
    ['2002:7f00:1::1', 'loopback (inside 2002:7f00:1::1)'],
    ['64:ff9b::10.0.0.1', 'private (inside 64:ff9b::10.0.0.1)'],
    ['not-an-address', 'not an IP address'],
  ];
  it.each(cases)('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
    expect(isPrivateAddress(address)).toBe(kind !== undefined);
  });

  it('keeps the edges of ranges right', () => {
    expect(isPrivateAddress('172.15.255.255')).toBe(false);
    expect(isPrivateAddress('172.32.0.0')).toBe(false);
    expect(isPrivateAddress('100.63.255.255')).toBe(false);
    expect(isPrivateAddress('100.128.0.0')).toBe(false);
    expect(isPrivateAddress('11.0.0.0')).toBe(false);
    expect(isPrivateAddress('fbff::1')).toBe(false);
    expect(isPrivateAddress('fec0::1')).toBe(true);
  });
});
