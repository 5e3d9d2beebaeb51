// The loaded renderer: the compiled theme's Astro app, asked for a route as a browser would ask a
// server for it. Pages read the archive through the library handed to them (collections/archive.ts).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { absoluteUrl } from '../urls.ts';
import { NOT_FOUND_ROUTE } from '../site/routes.ts';
import { inlineSources } from './inline-sources.ts';
import { recordReads, Reads } from '../site/reads.ts';
import type { Library } from '../site/library.ts';
import type { RouteReads } from '../archive/reads.ts';

interface AstroApp {
  render(request: Request): Promise<Response>;
  manifestData: { routes: { type: string; params: string[]; pathname?: string; origin?: string }[] };
}

export interface RenderedRoute {
  status: number;
  body: Uint8Array;
  /** A page's inline scripts and styles as CSP hash sources (found where it was drawn, in parallel). */
  inline?: { scripts: string[]; styles: string[]; styleAttributes: string[] };
  /** What the route read while it rendered (site/reads.ts). */
  reads: RouteReads;
}

export class Renderer {
  readonly #app: AstroApp;
  readonly #site: string;

  private constructor(app: AstroApp, site: string) {
    this.#app = app;
    this.#site = site;
  }

  /** Loads the compiled theme and hands it the library its pages read. */
  static async load(bundleDir: string, library: Library): Promise<Renderer> {
    const entry = (await import(pathToFileURL(join(bundleDir, 'server', 'entry.mjs')).href)) as { app: AstroApp; attachLibrary(library: Library): void };
    entry.attachLibrary(library);
    return new Renderer(entry.app, library.config.site);
  }

  /**
   * The theme's own pages and endpoints with a fixed address (`src/pages/cities.astro` → `cities/`,
   * an endpoint `src/pages/latest.json.ts` → `latest.json`): routes of the site that no story names.
   * Pages with parameters are the integration's (site/routes.ts enumerates them from the archive).
   */
  themeRoutes(): string[] {
    return this.#app.manifestData.routes
      .filter((r) => (r.type === 'page' || r.type === 'endpoint') && r.params.length === 0 && r.origin !== 'internal' && r.pathname !== undefined)
      .map((r) => r.pathname!.replace(/^\//, ''))
      .map((path) => (path === '' || path.endsWith('/') || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`))
      .filter((path) => path !== '404/' && path !== '500/');
  }

  /** Renders a route (a site path without base; `404` for the not-found page). */
  async render(route: string): Promise<RenderedRoute> {
    // Without the base: the renderer is compiled at `/` with its assets under the base (../index.ts).
    const url = absoluteUrl(this.#site, '/', route === NOT_FOUND_ROUTE ? '404/' : route);
    const recorded = new Reads();
    const { response, body } = await recordReads(recorded, async () => {
      const response = await this.#app.render(new Request(url));
      return { response, body: new Uint8Array(await response.arrayBuffer()) };
    });
    const reads = { keys: [...recorded.keys], ranges: recorded.ranges };
    const status = route === NOT_FOUND_ROUTE && response.status === 404 ? 200 : response.status;
    if (status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return { status, body, reads };
    const sources = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
    inlineSources(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), sources);
    return { status, body, reads, inline: { scripts: [...sources.scripts], styles: [...sources.styles], styleAttributes: [...sources.styleAttributes] } };
  }
}
