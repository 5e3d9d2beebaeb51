// `npm run validate`: checks the content folder the way a build would (same options from
// astro.config.mjs, same parsers, same story decisions, same report) without drawing the site, and
// prints what each file became: one line per file (status, then the URL or the reason), one more per
// item of a file of several, then the totals. `--quiet`: only the totals and the rejected files.
// Exits 1 when any file or item is rejected. It keeps its own archive, so the site's is untouched.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadProject } from './project.ts';
import { Publisher } from '../publish/publisher.ts';
import { archiveReport, type BuildReport } from '../report/build-report.ts';
import { printable, summarize } from '../report/summary.ts';
import { buildNow } from '../time.ts';

/** `published content/x.txt: https://…/`, `rejected content/bad.txt:6: expected …`: what each file became. */
function fileLines(report: BuildReport): string[] {
  const dir = report.contentDir;
  const what = (e: { url?: string; message?: string }) => (e.url ? `: ${e.url}` : e.message ? `: ${e.message}` : '');
  return report.files.flatMap((f) => {
    if (!f.items) return [printable(`${f.status} ${dir}/${f.file}${f.status === 'rejected' ? `:${f.line ?? 1}` : ''}${what(f)}`)];
    return [
      printable(`${f.status} ${dir}/${f.file} (${f.items.length} items)`),
      ...f.items.map((i) => printable(`  ${i.status} ${dir}/${f.file}:${i.line}${what(i)}`)),
    ];
  });
}

const { values } = parseArgs({ options: { quiet: { type: 'boolean', short: 'q' } }, allowPositionals: false });
try {
  const project = await loadProject({ command: 'sync' });
  const { config } = project;
  const publisher = new Publisher(
    { config, outDir: project.outDir, changesPath: project.changesPath, rendererKey: 'validate', log: console.log },
    join(config.cachePath, 'validate.db'),
  );
  const now = buildNow();
  const result = await publisher.publish({ now, draw: false });
  const report = archiveReport(publisher.db, { now, contentDir: config.contentDirLabel });
  publisher.close();
  if (values.quiet) for (const line of summarize(report, Infinity)) console.log(line);
  else {
    for (const line of fileLines(report)) console.log(line);
    // the totals (the rejected files are listed above)
    for (const line of summarize(report, Infinity).filter((l, i) => i === 0 || / files have warnings /.test(l))) console.log(line);
  }
  console.log(`${result.parsed} parsed, ${result.reused} unchanged; report: ${config.reportPath}`);
  process.exit(report.counts.rejected > 0 ? 1 : 0);
} catch (error) {
  console.error(`validate: ${(error as Error).message}`);
  process.exit(2);
}
