// The loaded renderer: the compiled theme's Astro app, asked for a route as a browser would ask a
// server for it. Pages read the archive through the library handed to them (site/library.ts).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { absoluteUrl } from '../urls.ts';
import { NOT_FOUND_ROUTE } from '../site/routes.ts';
import { inlineSources } from '../deploy-headers.ts';

interface AstroApp {
  render(request: Request): Promise<Response>;
}

export interface RenderedRoute {
  status: number;
  body: Uint8Array;
  /** A page's inline scripts and styles as CSP hash sources (found where it was drawn, in parallel). */
  inline?: { scripts: string[]; styles: string[]; styleAttributes: string[] };
}

export class Renderer {
  readonly #app: AstroApp;
  readonly #site: string;

  private constructor(app: AstroApp, site: string) {
    this.#app = app;
    this.#site = site;
  }

  static async load(bundleDir: string, site: string): Promise<Renderer> {
    const entry = (await import(pathToFileURL(join(bundleDir, 'server', 'entry.mjs')).href)) as { app: AstroApp };
    return new Renderer(entry.app, site);
  }

  /** Renders a route (a site path without base; `404` for the not-found page). */
  async render(route: string): Promise<RenderedRoute> {
    // Without the base: the renderer is compiled at `/` with its assets under the base (../index.ts).
    const url = absoluteUrl(this.#site, '/', route === NOT_FOUND_ROUTE ? '404/' : route);
    const response = await this.#app.render(new Request(url));
    const body = new Uint8Array(await response.arrayBuffer());
    const status = route === NOT_FOUND_ROUTE && response.status === 404 ? 200 : response.status;
    if (status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return { status, body };
    const sources = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
    inlineSources(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), sources);
    return { status, body, inline: { scripts: [...sources.scripts], styles: [...sources.styles], styleAttributes: [...sources.styleAttributes] } };
  }
}
