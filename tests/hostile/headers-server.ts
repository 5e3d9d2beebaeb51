// A static server that applies a `_headers` file (Netlify / Cloudflare Pages format) per path, the way
// those hosts do: every rule whose path matches the request adds its headers. Paths are exact or end
// in a `*` splat. Serves like tests/helpers/serve.ts: index.html for folders, 404.html for misses.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

/** Reads a `_headers` file: a path line, then indented `Name: value` lines; `#` comments. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon === -1) throw new Error(`_headers: header line outside a rule or without a colon: ${line}`);
    const name = line.slice(0, colon).trim();
    if (name.toLowerCase() in Object.fromEntries(Object.keys(rule.headers).map((k) => [k.toLowerCase(), 1]))) throw new Error(`_headers: ${name} twice in ${rule.path}`);
    rule.headers[name] = line.slice(colon + 1).trim();
  }
  return rules;
}

export function matches(rulePath: string, pathname: string): boolean {
  return rulePath.endsWith('*') ? pathname.startsWith(rulePath.slice(0, -1)) : pathname === rulePath;
}

/** The headers a request path gets: every matching rule's, repeated names joined with `, ` (as the hosts do). */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules.filter((r) => matches(r.path, pathname))) {
    for (const [name, value] of Object.entries(rule.headers)) out[name] = out[name] ? `${out[name]}, ${value}` : value;
  }
  return out;
}

export interface HeaderServer {
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** `edit` may change the rules read from `_headers` (to check that the policy is really enforced). */
export async function serveWithHeaders(dist: string, base = '/', edit: (rules: HeaderRule[]) => HeaderRule[] = (r) => r): Promise<HeaderServer> {
  const rules = edit(parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8')));
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (file: string, status = 200) => {
      res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headersFor(rules, url.pathname) });
      createReadStream(file).pipe(res);
    };
    const notFound = () => {
      const page = join(dist, '404.html');
      if (existsSync(page)) send(page, 404);
      else res.writeHead(404).end('not found');
    };
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) return notFound();
    pathname = pathname.slice(base.length - 1);
    if (pathname === '/_headers') return notFound(); // the hosts never serve it
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return { origin, url: `${origin}${base}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
