// A full build without Astro's CLI: the whole site from the content folder, from nothing (every story
// decided again and every page drawn; files whose bytes did not change are left as they are, then
// everything the site no longer has removed from the output folder), with the compiled theme of the
// sources' key, compiled only when there is none. `npm run build` is `astro build`, which compiles the
// theme every time and then publishes exactly this way (index.ts, `astro:build:done`); this command is
// for tools that build many sites from one theme (the tests). Options: `--base /path/` (Astro's base),
// `--no-wait`. Long stages show their progress (publish/progress.ts).
import { parseArgs } from 'node:util';
import { loadProject } from './project.ts';
import { publishOnce } from '../publish/run.ts';
import { commandProgress } from '../publish/progress.ts';
import { failed } from './fail.ts';

const { values } = parseArgs({ options: { base: { type: 'string' }, 'no-wait': { type: 'boolean' } }, allowPositionals: false });
let code: number;
let progress: ReturnType<typeof commandProgress> | undefined;
try {
  const project = await loadProject({ command: 'build', ...(values.base ? { base: values.base } : {}) });
  progress = commandProgress();
  code = await publishOnce(project, {
    command: 'npm run build',
    full: true,
    waitMs: values['no-wait'] ? 0 : 60_000,
    log: progress.log,
    progress: progress.reporter.progress,
    ...(values.base ? { astroArgs: ['--base', values.base] } : {}),
  });
} catch (error) {
  progress?.reporter.end();
  code = failed(error);
}
progress?.reporter.end();
process.exit(code);
