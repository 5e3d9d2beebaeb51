// `astro preview`: the published site in Astro's outDir (or DATELINE_OUT_DIR) served as a static host
// serves it, under the base, by the same server as `npm run preview` (static-server.ts). The
// renderer's server bundle is not what a reader gets, so it is not what is previewed. Dateline's adapter
// (../render/adapter.ts) names this file as its preview entry.
import type { PreviewServer, PreviewServerParams } from 'astro';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist } from './static-server.ts';

export default async function preview(params: PreviewServerParams): Promise<PreviewServer> {
  const root = fileURLToPath(params.root);
  const dist = process.env.DATELINE_OUT_DIR ? resolve(root, process.env.DATELINE_OUT_DIR) : resolve(fileURLToPath(params.outDir));
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`[preview] ${dist} holds no site. Did you run \`npm run build\`?`);
  const base = `/${params.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server = await serveDist(dist, base, {}, params.port);
  params.logger.info(`serving ${dist} at ${server.url}`);
  let ended!: () => void;
  const closed = new Promise<void>((resolve) => (ended = resolve));
  return {
    host: '127.0.0.1',
    port: Number(new URL(server.origin).port),
    closed: () => closed,
    stop: async () => {
      await server.close();
      ended();
    },
  };
}
