// Pictures the wire links to on an agency's server (`https://photos.agency.com/…`), fetched under the
// rules of `photos.remote` (../options.ts): https only, listed hosts only (redirects included), no
// private addresses, a time limit for the whole fetch and a size limit counted while the bytes arrive.
//
// node:http/node:https are used, not fetch(), so that this code resolves the host name itself, checks
// every address, and then connects to the address it checked (the `lookup` given to the request
// returns only that one: a second DNS answer cannot swap it, the "DNS rebinding" trick). Redirects are
// followed here, one hop at a time, each checked like the first URL.
//
// Cache: `<cacheDir>/remote/<sha256(url)>.bin` holds the bytes and `.json` what is needed to ask again
// (etag, lastModified, contentType, fetchedAt, and the size and sha256 of the bytes, so a torn or
// edited pair is ignored). A cached picture is always asked for again, with If-None-Match /
// If-Modified-Since; a 304 uses the cached bytes. When asking fails for a passing reason (the network,
// a time-out, a 5xx, 408 or 429) and a copy is cached, the copy is used and `warning` says why: a build
// should not lose pictures it already has because an agency server is briefly away. A definite answer
// (404, 410, an HTML page, too large) or a rule (host no longer listed, private address, missing key)
// is never papered over by the cache.
import { createHash, randomBytes } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import type { RemotePhotosSchema } from '../options.ts';
import { addressKind as defaultAddressKind } from './addresses.ts';

export type RemotePhotosOptions = z.output<typeof RemotePhotosSchema>;

export type RemotePicture =
  | {
      ok: true;
      bytes: Buffer;
      /** The bytes are the cached copy (a 304, or the server could not be reached: see `warning`). */
      fromCache: boolean;
      /** Set when the cached copy was used because asking the server failed: why. */
      warning?: string;
    }
  | { ok: false; reason: string };

/** Seams for tests; the defaults are the real thing. */
export interface RemoteFetchInternals {
  /** A host name's addresses (default: `dns.lookup` with `all`). */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /** What kind of non-public address this is, undefined when public (default: ./addresses.ts). */
  addressKind?: (address: string) => string | undefined;
  /** Certificate authorities trusted for https instead of Node's (a test's self-signed certificate). */
  ca?: string | Buffer;
}

interface CacheMeta {
  url: string;
  etag?: string;
  lastModified?: string;
  contentType?: string;
  fetchedAt: string;
  checkedAt?: string;
  size: number;
  sha256: string;
}

/** The end of one fetch (after redirects): new bytes, "not modified", or a refusal. */
type Outcome =
  | { kind: 'bytes'; bytes: Buffer; etag?: string; lastModified?: string; contentType?: string }
  | { kind: 'not-modified'; etag?: string; lastModified?: string }
  | { kind: 'refused'; reason: string; passing: boolean };

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const refused = (reason: string, passing = false): Outcome => ({ kind: 'refused', reason, passing });
const errorText = (error: unknown) => (error as NodeJS.ErrnoException)?.code ?? (error as Error)?.message ?? String(error);
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
/** Scheme and host of a URL, for messages: paths and queries can carry tokens, so they are left out. */
const origin = (url: URL) => `${url.protocol}//${url.host}`;

/** Whether an entry of `hosts` (or a key of `headers`), `name` or `name:port`, is this URL's host. */
export function hostMatches(entry: string, url: URL): boolean {
  const m = /^(\[[^\]]+\]|[^:/\s@]+)(?::(\d{1,5}))?$/.exec(entry.trim());
  if (!m) return false;
  let hostname: string;
  try {
    // The URL parser spells the entry as it spells the URL: lower case, punycode, canonical IP forms.
    hostname = new URL(`http://${m[1]}/`).hostname;
  } catch {
    return false;
  }
  const strip = (h: string) => h.replace(/\.$/, '');
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  return strip(hostname) === strip(url.hostname) && (m[2] !== undefined ? String(Number(m[2])) : defaultPort) === (url.port || defaultPort);
}

/** Why this URL may not be fetched (scheme, host list, credentials), or undefined. */
function urlRefusal(url: URL, options: RemotePhotosOptions, redirected: boolean): string | undefined {
  const what = redirected ? `redirected to ${origin(url)}` : origin(url);
  if (url.protocol === 'http:') {
    if (!options.allowHttp) return `${what}: plain http is refused, https only (option photos.remote.allowHttp)`;
  } else if (url.protocol !== 'https:') {
    return `${redirected ? `redirected to a ${url.protocol} URL` : `a ${url.protocol} URL`}: only https${options.allowHttp ? ' and http' : ''} are fetched`;
  }
  if (url.username || url.password) return `${what}: a URL with a user name or password is refused`;
  if (!options.hosts.some((entry) => hostMatches(entry, url))) return `${what}: host ${url.host} is not in photos.remote.hosts`;
  return undefined;
}

/** The request headers configured for this URL's host, read from the environment. */
function configuredHeaders(url: URL, options: RemotePhotosOptions, env: NodeJS.ProcessEnv): { headers: Record<string, string> } | { reason: string } {
  const headers: Record<string, string> = {};
  for (const [host, names] of Object.entries(options.headers)) {
    if (!hostMatches(host, url)) continue;
    for (const [name, variable] of Object.entries(names)) {
      if (!HEADER_NAME.test(name)) return { reason: `photos.remote.headers["${host}"]: "${name}" is not a valid header name` };
      const value = env[variable];
      // The value is a secret: it is never part of a message.
      if (value === undefined || value === '') return { reason: `environment variable ${variable} is not set (it holds the ${name} header for ${host})` };
      if (!HEADER_VALUE.test(value))
        return { reason: `environment variable ${variable} (the ${name} header for ${host}) holds characters not allowed in a header, such as a line break` };
      headers[name] = value;
    }
  }
  return { headers };
}

/** Waits for a promise, or rejects when the signal aborts (DNS look-ups cannot be cancelled). */
function orAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

async function systemResolve(hostname: string): Promise<string[]> {
  const found = await dnsLookup(hostname, { all: true, order: 'verbatim' });
  return found.map((a) => a.address);
}

/** Sends one GET to `url`, connected to `address` whatever the host name resolves to now. */
function send(url: URL, address: string, headers: Record<string, string>, signal: AbortSignal, ca: string | Buffer | undefined): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const family = isIP(address);
    const secure = url.protocol === 'https:';
    const options: https.RequestOptions = {
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers,
      signal,
      // A fresh connection each time: a pooled socket could be one opened to another address.
      agent: false,
      lookup: ((_hostname: string, opts: { all?: boolean }, callback: (...args: unknown[]) => void) => {
        if (opts?.all) callback(null, [{ address, family }]);
        else callback(null, address, family);
      }) as unknown as https.RequestOptions['lookup'],
    };
    if (secure && ca !== undefined) options.ca = ca;
    const request = (secure ? https : http).request(options, resolve);
    request.on('error', reject);
    request.end();
  });
}

/** Whether the first bytes are an HTML document (`<!doctype`, `<html`, after a BOM and white space). */
function looksLikeHtml(bytes: Buffer): boolean {
  const start = bytes
    .subarray(0, 1024)
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart()
    .toLowerCase();
  return start.startsWith('<!doctype') || start.startsWith('<html');
}

/** Reads a 200's body: at most `maxBytes`, checked against Content-Length, and not an HTML page. */
async function readBody(response: http.IncomingMessage, maxBytes: number): Promise<Outcome> {
  const limit = `photos.remote.maxBytes, ${maxBytes.toLocaleString('en')} bytes`;
  const type = header(response.headers['content-type'])?.split(';')[0]?.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') {
    response.destroy();
    return refused(`an HTML page, not a picture (served as ${type})`);
  }
  const encoding = header(response.headers['content-encoding'])?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    response.destroy();
    return refused(`sent compressed (Content-Encoding: ${encoding}), not as a picture file`);
  }
  const lengthHeader = header(response.headers['content-length']);
  const declared = lengthHeader !== undefined && /^\d+$/.test(lengthHeader.trim()) ? Number(lengthHeader) : undefined;
  if (declared !== undefined && declared > maxBytes) {
    response.destroy();
    return refused(`larger than the limit (${limit}): Content-Length is ${declared.toLocaleString('en')} bytes`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      response.destroy();
      return refused(`larger than the limit (${limit}): more than that arrived`);
    }
    chunks.push(chunk);
  }
  if (!response.complete || (declared !== undefined && total !== declared)) {
    return refused('the connection closed before the whole picture arrived', true);
  }
  const bytes = Buffer.concat(chunks, total);
  if (looksLikeHtml(bytes)) return refused('an HTML page, not a picture');
  return {
    kind: 'bytes',
    bytes,
    etag: header(response.headers.etag),
    lastModified: header(response.headers['last-modified']),
    contentType: type,
  };
}

/** Fetches `start`, following redirects under the rules; `cached` adds the revalidation headers. */
async function download(
  start: URL,
  options: RemotePhotosOptions,
  env: NodeJS.ProcessEnv,
  internals: RemoteFetchInternals,
  signal: AbortSignal,
  cached: CacheMeta | undefined,
): Promise<Outcome> {
  const resolveHost = internals.resolveHost ?? systemResolve;
  const addressKind = internals.addressKind ?? defaultAddressKind;
  let url = start;
  for (let redirects = 0; ; redirects++) {
    const redirected = redirects > 0;
    const rule = urlRefusal(url, options, redirected);
    if (rule) return refused(rule);
    const configured = configuredHeaders(url, options, env);
    if ('reason' in configured) return refused(configured.reason);

    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    let addresses: string[];
    try {
      addresses = isIP(hostname) ? [hostname] : await orAbort(resolveHost(hostname), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      return refused(`${url.host}: the host name cannot be resolved (${errorText(error)})`, true);
    }
    if (addresses.length === 0) return refused(`${url.host}: the host name resolves to no address`, true);
    if (!options.allowPrivateAddresses) {
      // Every address must be public: a name resolving to a mix is as suspect as a private one.
      for (const address of addresses) {
        const kind = addressKind(address);
        if (kind) {
          const where = redirected ? `redirected to ${url.host}, which` : url.host;
          return refused(`${where} resolves to ${address}, a ${kind} address (refused unless photos.remote.allowPrivateAddresses)`);
        }
      }
    }

    const headers: Record<string, string> = {
      'User-Agent': 'Dateline (picture fetch)',
      Accept: 'image/*, */*;q=0.5',
      ...configured.headers,
      'Accept-Encoding': 'identity',
    };
    if (cached?.etag) headers['If-None-Match'] = cached.etag;
    if (cached?.lastModified) headers['If-Modified-Since'] = cached.lastModified;

    let response: http.IncomingMessage;
    try {
      response = await send(url, addresses[0]!, headers, signal, internals.ca);
    } catch (error) {
      if (signal.aborted) throw error;
      return refused(`${url.host}: ${errorText(error)}`, true);
    }
    const status = response.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      response.destroy();
      const location = header(response.headers.location);
      if (!location) return refused(`HTTP ${status} redirect without a Location`);
      if (redirects === MAX_REDIRECTS) return refused(`more than ${MAX_REDIRECTS} redirects`);
      try {
        url = new URL(location, url);
      } catch {
        return refused(`HTTP ${status} redirect to an invalid URL`);
      }
      continue;
    }
    if (status === 304) {
      response.destroy();
      if (!cached) return refused('HTTP 304 Not Modified, but no copy is cached');
      return { kind: 'not-modified', etag: header(response.headers.etag), lastModified: header(response.headers['last-modified']) };
    }
    if (status !== 200) {
      response.destroy();
      const text = `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`;
      return refused(redirected ? `${text} (from ${origin(url)}, after a redirect)` : text, status >= 500 || status === 408 || status === 429);
    }
    try {
      return await readBody(response, options.maxBytes);
    } catch (error) {
      if (signal.aborted) throw error;
      return refused(`${url.host}: the connection failed while the picture arrived (${errorText(error)})`, true);
    }
  }
}

function cachePaths(cacheDir: string, url: string) {
  const base = join(cacheDir, 'remote', sha256(url));
  return { bin: `${base}.bin`, json: `${base}.json` };
}

/** The cached copy of `url`, when both files are there and agree. */
async function readCache(cacheDir: string, url: string): Promise<{ meta: CacheMeta; bytes: Buffer } | undefined> {
  const paths = cachePaths(cacheDir, url);
  try {
    const meta = JSON.parse(await readFile(paths.json, 'utf8')) as CacheMeta;
    const bytes = await readFile(paths.bin);
    if (meta.url !== url || meta.size !== bytes.length || meta.sha256 !== sha256(bytes)) return undefined;
    return { meta, bytes };
  } catch {
    return undefined;
  }
}

/** Writes through a temporary name and a rename, so a reader never sees half a file. */
async function writeAtomically(path: string, data: string | Buffer): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function writeCache(cacheDir: string, meta: CacheMeta, bytes?: Buffer): Promise<void> {
  const paths = cachePaths(cacheDir, meta.url);
  await mkdir(join(cacheDir, 'remote'), { recursive: true });
  if (bytes) await writeAtomically(paths.bin, bytes);
  await writeAtomically(paths.json, `${JSON.stringify(meta, null, 2)}\n`);
}

/**
 * Fetches a picture from an agency server under `options` (`photos.remote`, as parsed), through the
 * cache in `<cacheDir>/remote/`. Header values come from `env` by the variable names the options give.
 * Never throws: a refusal carries a short reason naming what broke the rule (never a header's value,
 * nor a URL's path or query, which may carry tokens).
 */
export async function fetchRemotePicture(
  url: string,
  options: RemotePhotosOptions,
  cacheDir: string,
  env: NodeJS.ProcessEnv = process.env,
  internals: RemoteFetchInternals = {},
): Promise<RemotePicture> {
  let start: URL;
  try {
    start = new URL(url);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timed out')), options.timeout);
  try {
    const cached = await readCache(cacheDir, url);
    let outcome: Outcome;
    try {
      outcome = await download(start, options, env, internals, controller.signal, cached?.meta);
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      outcome = refused(`timed out after ${options.timeout / 1000} s`, true);
    }
    clearTimeout(timer);
    const now = new Date().toISOString();
    if (outcome.kind === 'bytes') {
      const meta: CacheMeta = {
        url,
        etag: outcome.etag,
        lastModified: outcome.lastModified,
        contentType: outcome.contentType,
        fetchedAt: now,
        size: outcome.bytes.length,
        sha256: sha256(outcome.bytes),
      };
      // A cache that cannot be written costs the next build a download, nothing more.
      await writeCache(cacheDir, meta, outcome.bytes).catch(() => {});
      return { ok: true, bytes: outcome.bytes, fromCache: false };
    }
    if (outcome.kind === 'not-modified') {
      const meta = cached!.meta;
      await writeCache(cacheDir, { ...meta, etag: outcome.etag ?? meta.etag, lastModified: outcome.lastModified ?? meta.lastModified, checkedAt: now }).catch(
        () => {},
      );
      return { ok: true, bytes: cached!.bytes, fromCache: true };
    }
    if (outcome.passing && cached) {
      return { ok: true, bytes: cached.bytes, fromCache: true, warning: `${outcome.reason}; used the copy cached on ${cached.meta.fetchedAt}` };
    }
    return { ok: false, reason: outcome.reason };
  } catch (error) {
    return { ok: false, reason: `unexpected error: ${errorText(error)}` };
  } finally {
    clearTimeout(timer);
  }
}
