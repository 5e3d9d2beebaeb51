// The whole real corpus (about 3,000 APP, Dawn and Business Recorder files) built once: no page links
// to a file the build did not write.
import { beforeAll, expect, test } from 'vitest';
import { buildSite, corpusDir, type BuiltSite } from '../helpers/build.ts';
import { findBrokenLinks } from './site-walk.ts';

const SITE_URL = 'https://dateline.example.com';
let site: BuiltSite;

beforeAll(() => {
  site = buildSite('e2e-corpus', { contentDir: corpusDir, env: { DATELINE_OG_IMAGES: '0', SITE_URL } });
}, 900_000);

test('no broken internal link in the corpus site', () => {
  const { pages, links, broken } = findBrokenLinks(site.dist, SITE_URL, '/');
  console.log(`corpus site: ${pages} pages, ${links} internal links checked, ${broken.length} broken`);
  expect(pages).toBeGreaterThan(3000);
  const sample = broken.slice(0, 20);
  expect(sample).toEqual([]);
});
