// A small http (or https) server on 127.0.0.1 for the remote-picture tests. It listens on the loopback
// address only, on a port the system picks, and records every request it gets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export interface LoopbackServer {
  /** `127.0.0.1:<port>`, as listed in `hosts`. */
  host: string;
  port: number;
  /** `http://127.0.0.1:<port><path>` (https for an https server). */
  url(path: string): string;
  /** Every request so far: method, path and headers (lower-case names). */
  requests: { method: string; path: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export interface Certificate {
  key: string;
  cert: string;
}

/** A self-signed certificate for 127.0.0.1 (and `localhost`), made with openssl; undefined without openssl. */
export function selfSignedCertificate(): Certificate | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts a server on 127.0.0.1; https when a certificate is given. */
export async function startLoopbackServer(handler: Handler, certificate?: Certificate): Promise<LoopbackServer> {
  const requests: LoopbackServer['requests'] = [];
  const listener: Handler = (request, response) => {
    requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers });
    handler(request, response);
  };
  const server = certificate ? https.createServer(certificate, listener) : http.createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const scheme = certificate ? 'https' : 'http';
  return {
    host: `127.0.0.1:${port}`,
    port,
    url: (path) => `${scheme}://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
