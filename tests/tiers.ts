// The test files of the `site` and `e2e` tiers (Vitest projects, vitest.config.ts); every other test
// file is in `unit`. What puts a file in a tier is what it runs, not the folder it sits in:
//   - unit: no site built, no browser, no system tool (xmllint, Hugo, Java, Python, rsync, the aws cli):
//     Node and `npm ci` are all it needs, and the tier runs in well under a minute;
//   - site: builds a site (tests/helpers/build.ts buildSite/publishSite, a copy of the project) or runs
//     the project's commands in a child process (astro build, astro dev, publish, validate, the bench),
//     or reads its output with xmllint or Python's feedparser;
//   - e2e: drives Chromium (Playwright, Lighthouse), the W3C Nu Html Checker (Java), the deploy recipes
//     (rsync, the aws cli against s3rver), or checks every system tool the suite needs.
// tests/unit/tiers.test.ts checks that no file of the unit tier builds a site or starts a browser.

/** Files that build sites or run the project's commands (tier `site`). */
export const SITE_TESTS = [
  'tests/bench-smoke.test.ts', // the bench's smoke run: Dateline builds and Hugo
  'tests/e2e/pages.test.ts', // builds the demo site; html-validate, no browser
  'tests/foundation/astro-build.test.ts',
  'tests/foundation/build.test.ts',
  'tests/foundation/commands.test.ts',
  'tests/foundation/corpus.test.ts',
  'tests/foundation/dev-watch.test.ts', // astro dev in a child process
  'tests/foundation/options.test.ts', // astro build, astro sync, cli/build.ts and validate on a project of its own
  'tests/hostile/injection.test.ts',
  'tests/hostile/limits.test.ts',
  'tests/hostile/names.test.ts',
  'tests/hostile/nothing-lost.test.ts',
  'tests/hostile/reproducible.test.ts',
  'tests/publish/article-schema-corpus.test.ts', // npm run validate over the corpus
  'tests/publish/article-schema.test.ts',
  'tests/publish/concurrency.test.ts',
  'tests/publish/crash.test.ts',
  'tests/publish/equivalence.test.ts',
  'tests/publish/mutants.test.ts',
  'tests/publish/progress.test.ts', // a build and a publish of 150 stories, their progress lines
  'tests/publish/publish.test.ts',
  'tests/publish/theme-variant.test.ts',
  'tests/publish/watch-messages.test.ts',
  'tests/publish/watch-schedule.test.ts',
  'tests/publish/watch-strict.test.ts',
  'tests/publish/watch.test.ts',
  'tests/seo/feeds.test.ts',
  'tests/seo/head.test.ts',
  'tests/seo/sitemap-options.test.ts',
  'tests/seo/sitemaps.test.ts',
  'tests/seo/story-language.test.ts',
  'tests/seo/units.test.ts', // builds no site, but checks the sitemaps it renders with xmllint
  'tests/site/demo-formats.test.ts', // builds the demo site: a published story in every format
  'tests/site/photos.test.ts',
  'tests/site/remote-photos.test.ts', // builds a copy of the project against a loopback picture server
  'tests/site/social-images.test.ts',
  'tests/site/story-versions.test.ts',
  'tests/validators/structured-data.test.ts', // builds the demo site; structured-data-testing-tool
];

/** Files that drive a browser, the HTML checker or the deploy recipes (tier `e2e`). */
export const E2E_TESTS = [
  'tests/deploy/rsync.test.ts',
  'tests/deploy/s3.test.ts',
  'tests/e2e/a11y-screens.test.ts',
  'tests/e2e/corpus.test.ts', // Chromium and vnu over the corpus site
  'tests/e2e/navigation.test.ts',
  'tests/e2e/search-matching.test.ts',
  'tests/e2e/story-language.test.ts',
  'tests/hostile/deploy-headers.test.ts', // the site under its _headers, walked in Chromium
  'tests/theme/front-page.test.ts', // builds two sites; their front, list and article pages measured in Chromium
  'tests/validators/html-checker.test.ts',
  'tests/validators/lighthouse.test.ts',
  'tests/foundation/test-tools.test.ts', // the tool check with every tool present: needs them all
];
