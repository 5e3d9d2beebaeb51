// Lighthouse 12 on the demo site served over HTTP with the headers of its own dist/_headers (so
// best-practices sees the real Content-Security-Policy): the home page, a section, an article, an article
// with a lead photo and a section with photo thumbnails, and the
// search page both empty and running a linked query (`?q=`, the page's JavaScript and the Pagefind
// index). Accessibility, best practices and SEO score 1; performance (mobile, simulated throttling) at
// least 0.95 (the median of three runs when the first falls short). Each page's report is written to
// test-results/lighthouse/<page>.html.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BuiltSite } from '../helpers/build.ts';
import type { StaticServer } from '../helpers/serve.ts';
import { removeRun, runName, SEED } from '../e2e/fixtures.ts';
import { parseHeadersFile, serveWithHeaders } from '../hostile/headers-server.ts';
import { buildDemoSite } from './demo-site.ts';
import { informative, launchChrome, reportsDir, runLighthouse, shortfalls, summarize, THRESHOLDS, type Chrome } from './lighthouse.ts';

const PAGES = [
  { name: 'home', path: '' },
  { name: 'section', path: 'world/' },
  { name: 'article', path: SEED.path },
  // the demo's NewsML-G2 story: its lead photo is the page's largest paint; Business lists photo thumbnails
  { name: 'photo-article', path: 'business/2026/11/26/night-shifts-clear-container-backlog-at-karachis-east-wharf/' },
  { name: 'photo-section', path: 'business/' },
  { name: 'search', path: 'search/' },
  { name: 'search-query', path: `search/?q=${SEED.bodyWord}` },
];

const NAME = runName('validators-lighthouse');
let site: BuiltSite;
let server: StaticServer;
let chrome: Chrome;
const printed = new Set<string>();

beforeAll(async () => {
  site = buildDemoSite(NAME);
  server = await serveWithHeaders(site.dist, '/');
  chrome = await launchChrome();
});

afterAll(async () => {
  await chrome?.close();
  await server?.close();
  removeRun(NAME);
});

test('pages are served with the Content-Security-Policy of dist/_headers', async () => {
  const csp = parseHeadersFile(site.read('_headers')).find((r) => r.path === '/*')?.headers['Content-Security-Policy'];
  expect(csp).toMatch(/script-src/);
  const response = await fetch(server.url);
  expect(response.headers.get('content-security-policy')).toBe(csp);
});

test.each(PAGES)('$name: accessibility, best practices and SEO 1, performance at least 0.95', async ({ name, path }) => {
  const url = `${server.url}${path}`;
  const runs = [await runLighthouse(chrome.port, url, name)];
  // The performance score varies from run to run on a busy machine (other test files build sites
  // beside this one, and simulated throttling multiplies whatever slowed the CPU). As Lighthouse's
  // documentation on variability advises, a page that falls short is measured twice more and judged
  // on the median run. The other categories must hold in every run.
  const performance = (r: (typeof runs)[number]) => r.categories.performance?.score ?? 0;
  if (performance(runs[0]!) < THRESHOLDS.performance)
    runs.push(await runLighthouse(chrome.port, url, `${name}-2`), await runLighthouse(chrome.port, url, `${name}-3`));
  for (const r of runs) expect(shortfalls(r, { ...THRESHOLDS, performance: 0 }), `Lighthouse scores of ${url}`).toEqual([]);
  const lhr = [...runs].sort((a, b) => performance(a) - performance(b))[Math.floor(runs.length / 2)]!;
  if (runs.length > 1) console.log(`lighthouse ${name}: performance ${runs.map(performance).join(', ')} in ${runs.length} runs; the median run:`);
  console.log(summarize(name, lhr));
  for (const line of informative(lhr).filter((l) => !printed.has(l))) {
    printed.add(line);
    console.log(`  not scored (printed once): ${line}`);
  }
  for (const warning of lhr.runWarnings) console.log(`  run warning: ${warning}`);
  expect(lhr.finalDisplayedUrl).toBe(url);
  expect(shortfalls(lhr), `Lighthouse scores of ${url} (full report: ${reportsDir}/${name}.html)`).toEqual([]);
});
