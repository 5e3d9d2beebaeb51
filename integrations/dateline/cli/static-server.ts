// A small static file server: serves a built `dist/` on 127.0.0.1 the way a static host does
// (index.html for folders, 404.html for misses, the site under its base path). `npm run preview` and the
// tests use it.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

export interface StaticServer {
  url: string; // e.g. http://127.0.0.1:40123/news/
  origin: string;
  close(): Promise<void>;
}

/** Response headers: the same for every response, or chosen per request path (e.g. from `_headers`). */
export type ResponseHeaders = Record<string, string> | ((pathname: string) => Record<string, string>);

export async function serveDist(dist: string, base = '/', headers: ResponseHeaders = {}, port = 0): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let pathname = decodeURIComponent(url.pathname);
    const send = (file: string, status = 200) => {
      const extra = typeof headers === 'function' ? headers(url.pathname) : headers;
      res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...extra });
      createReadStream(file).pipe(res);
    };
    const notFound = () => {
      const page = join(dist, '404.html');
      if (existsSync(page)) send(page, 404);
      else {
        res.writeHead(404).end('not found');
      }
    };
    if (!pathname.startsWith(base)) return notFound();
    pathname = pathname.slice(base.length - 1);
    if (pathname === '/_headers') return notFound(); // static hosts read it, never serve it
    const file = normalize(join(dist, pathname));
    if (!file.startsWith(normalize(dist))) return notFound();
    if (existsSync(file) && statSync(file).isFile()) return send(file);
    if (existsSync(join(file, 'index.html'))) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/` }).end();
        return;
      }
      return send(join(file, 'index.html'));
    }
    notFound();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: `${origin}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
