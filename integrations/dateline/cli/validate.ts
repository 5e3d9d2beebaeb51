// `npm run validate`: checks the content folder the way a build would (same options from
// astro.config.mjs, same parser, same report) without building. Exits 1 when any file is rejected.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { analyzeContent } from '../ingest/index.ts';
import { integrationOptions } from '../index.ts';
import { resolveConfig } from '../options.ts';
import { summarize, writeReport } from '../report.ts';
import { buildNow } from '../time.ts';

const root = process.cwd();
const { default: astroConfig } = (await import(pathToFileURL(resolve(root, 'astro.config.mjs')).href)) as {
  default: { site?: string; base?: string; integrations?: unknown[] };
};
const integration = (astroConfig.integrations ?? []).flat(Infinity as 1).find((i) => (i as AstroIntegration)?.name === 'dateline') as AstroIntegration | undefined;
const options = integration && integrationOptions.get(integration);
if (!options) {
  console.error('validate: no dateline() integration found in astro.config.mjs');
  process.exit(2);
}
const config = resolveConfig(options, {
  rootPath: root,
  site: astroConfig.site,
  base: astroConfig.base ?? '/',
  cacheDir: join(root, 'node_modules', '.astro'),
  command: 'sync',
});
const { report, parsed, reused } = analyzeContent(config, { now: buildNow(), site: config.site, base: config.base });
writeReport(report, config.reportPath);
for (const line of summarize(report, Infinity)) console.log(line);
console.log(`${parsed} parsed, ${reused} unchanged; report: ${config.reportPath}`);
process.exit(report.counts.rejected > 0 ? 1 : 0);
