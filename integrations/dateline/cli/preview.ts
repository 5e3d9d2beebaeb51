// `npm run preview`: serves the built site (dist/, or DATELINE_OUT_DIR) on http://127.0.0.1:4321/ the
// way a static host does. `--port N` chooses another port.
import { parseArgs } from 'node:util';
import { loadProject } from './project.ts';
import { serveDist } from './static-server.ts';
import { failed } from './fail.ts';

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const project = await loadProject({ command: 'preview' }).catch((error: unknown) => process.exit(failed(error)));
const server = await serveDist(project.outDir, project.config.base, {}, Number(values.port ?? 4321));
console.log(`[dateline] serving ${project.outDir} at ${server.url}`);
