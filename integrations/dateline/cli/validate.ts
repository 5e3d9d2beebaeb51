// `npm run validate`: checks the content folder the way a build would (same options from
// astro.config.mjs, same parsers, same story decisions, same report) without drawing the site.
// Exits 1 when any file or item is rejected. It keeps its own archive, so the site's is untouched.
import { join } from 'node:path';
import { loadProject } from './project.ts';
import { Publisher } from '../publish/publisher.ts';
import { archiveReport } from '../archive/report.ts';
import { summarize } from '../report.ts';
import { buildNow } from '../time.ts';

try {
  const project = await loadProject({ command: 'sync' });
  const { config } = project;
  const publisher = new Publisher({ config, outDir: project.outDir, changesPath: project.changesPath, rendererKey: 'validate', log: console.log }, join(config.cachePath, 'validate.db'));
  const now = buildNow();
  const result = await publisher.publish({ now, draw: false });
  const report = archiveReport(publisher.db, { now, contentDir: config.contentDirLabel });
  publisher.close();
  for (const line of summarize(report, Infinity)) console.log(line);
  console.log(`${result.parsed} parsed, ${result.reused} unchanged; report: ${config.reportPath}`);
  process.exit(report.counts.rejected > 0 ? 1 : 0);
} catch (error) {
  console.error(`validate: ${(error as Error).message}`);
  process.exit(2);
}
