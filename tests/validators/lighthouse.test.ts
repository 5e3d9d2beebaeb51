// Lighthouse 12 on the demo site served over HTTP with the headers of its own dist/_headers (so
// best-practices sees the real Content-Security-Policy): the home page, a section, an article, and the
// search page both empty and running a linked query (`?q=`, the page's JavaScript and the Pagefind
// index). Accessibility, best practices and SEO score 1; performance (mobile, simulated throttling) at
// least 0.95. Each page's report is written to test-results/lighthouse/<page>.html.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BuiltSite } from '../helpers/build.ts';
import type { StaticServer } from '../helpers/serve.ts';
import { removeRun, runName, SEED } from '../e2e/fixtures.ts';
import { parseHeadersFile, serveWithHeaders } from '../hostile/headers-server.ts';
import { buildDemoSite } from './demo-site.ts';
import { informative, launchChrome, reportsDir, runLighthouse, shortfalls, summarize, type Chrome } from './lighthouse.ts';

const PAGES = [
  { name: 'home', path: '' },
  { name: 'section', path: 'world/' },
  { name: 'article', path: SEED.path },
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
  const lhr = await runLighthouse(chrome.port, url, name);
  console.log(summarize(name, lhr));
  for (const line of informative(lhr).filter((l) => !printed.has(l))) {
    printed.add(line);
    console.log(`  not scored (printed once): ${line}`);
  }
  for (const warning of lhr.runWarnings) console.log(`  run warning: ${warning}`);
  expect(lhr.finalDisplayedUrl).toBe(url);
  expect(shortfalls(lhr), `Lighthouse scores of ${url} (full report: ${reportsDir}/${name}.html)`).toEqual([]);
});
