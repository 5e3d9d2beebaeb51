// structured-data-testing-tool's Google preset on every article page of the demo site: each carries a
// NewsArticle and a BreadcrumbList in JSON-LD, and no test fails. (A sample of real corpus articles is
// tested in tests/e2e/corpus.test.ts.)
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BuiltSite } from '../helpers/build.ts';
import { removeRun, runName } from '../e2e/fixtures.ts';
import { buildDemoSite } from './demo-site.ts';
import { sitePages } from './page-kinds.ts';
import { ARTICLE_SCHEMAS, problems, summarizeStructuredData, testStructuredData } from './structured-data.ts';

const NAME = runName('validators-sdtt');
let site: BuiltSite;

beforeAll(() => {
  site = buildDemoSite(NAME);
});

afterAll(() => removeRun(NAME));

test('every demo article passes the Google preset with no failure', async () => {
  const articles = sitePages(site.dist).filter((p) => p.kind === 'article');
  expect(articles).toHaveLength(site.report.counts.published);
  const results = [];
  for (const page of articles) results.push(await testStructuredData(page.file, page.rel, ARTICLE_SCHEMAS));
  console.log(summarizeStructuredData('demo articles', results));
  for (const w of problems(results, 'warnings')) console.log(`  warning: ${w}`);
  expect(problems(results, 'failed')).toEqual([]);
  expect(problems(results, 'empty'), 'JSON-LD properties with an empty value').toEqual([]);
  // the preset's twelve NewsArticle tests ran on every page (they run only where a NewsArticle is found)
  for (const r of results) {
    expect(r.schemas, r.page).toEqual(expect.arrayContaining(['NewsArticle', 'BreadcrumbList']));
    expect(r.google.NewsArticle, r.page).toBe(12);
  }
});
