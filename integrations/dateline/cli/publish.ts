// `npm run publish`: brings the output folder up to date with the content folder, in work proportional
// to what changed.
//   npm run publish                    every file of the content folder is checked (size and time)
//   npm run publish -- a.xml b/c.json  only these files changed (an ingest script knows what it wrote;
//                                      paths relative to the content folder, or absolute inside it)
//   npm run publish -- --watch         stay running and publish files as they arrive
//   --no-wait                          refuse at once when another publisher is running
// A long publish shows its progress (publish/progress.ts): in place on a terminal, else a plain line
// every few seconds; `--watch` only the plain lines (its publishes are small).
import { parseArgs } from 'node:util';
import { loadProject } from './project.ts';
import { publishOnce } from '../publish/run.ts';
import { failed } from './fail.ts';
import { outsideContentFolder } from '../publish/publisher.ts';
import { watchAndPublish } from '../publish/watch.ts';
import { commandProgress } from '../publish/progress.ts';

const { values, positionals } = parseArgs({
  options: { watch: { type: 'boolean' }, 'no-wait': { type: 'boolean' }, base: { type: 'string' } },
  allowPositionals: true,
});
let progress: ReturnType<typeof commandProgress> | undefined;
try {
  const project = await loadProject({ command: 'build', ...(values.base ? { base: values.base } : {}) });
  const outside = outsideContentFolder(project.config, positionals);
  if (outside.length) {
    console.error(`[dateline] not in the content folder (${project.config.contentDirLabel}): ${outside.join(', ')}`);
    console.error('[dateline] name files relative to the content folder, or by an absolute path inside it; nothing was published');
    process.exit(1);
  }
  progress = commandProgress({ plain: !!values.watch });
  const common = {
    waitMs: values['no-wait'] ? 0 : 60_000,
    log: progress.log,
    progress: progress.reporter.progress,
    ...(values.base ? { astroArgs: ['--base', values.base] } : {}),
  };
  if (values.watch) {
    const watcher = watchAndPublish(project, { ...common, command: 'npm run publish -- --watch' });
    const stop = () => void watcher.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await watcher.ready;
  } else {
    const code = await publishOnce(project, { ...common, command: 'npm run publish', full: false, ...(positionals.length ? { files: positionals } : {}) });
    progress.reporter.end();
    process.exit(code);
  }
} catch (error) {
  progress?.reporter.end();
  process.exit(failed(error));
}
