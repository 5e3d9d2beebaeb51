// dist/_headers: a Content-Security-Policy the site satisfies, nosniff, referrer policy, a long cache
// for fingerprinted files, all under Astro's base. The site (demo content plus the injection fixtures,
// built under /news/) is served with those headers per path and walked in Chromium: home, a section,
// articles (one hostile), search with a run query, and the 404 page, with no CSP violation, no page
// error and no dialog. The site has no inline script: the search page's script is a bundled module
// file under `_astro/` (src/scripts/search.ts), allowed by `script-src 'self'` and no hash.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, formatHeaders, headerRules } from '../../integrations/dateline/publish/deploy-headers.ts';
import { inlineSources } from '../../integrations/dateline/render/inline-sources.ts';
import { inlineSourcesIn } from '../helpers/inline-sources.ts';
import { launchBrowser } from '../e2e/browser.ts';
import { buildSite, repoRoot, type BuiltSite } from '../helpers/build.ts';
import { INJ, injectionFiles, NOW, runName, wire } from './fixtures.ts';
import { headersFor, parseHeadersFile, serveWithHeaders } from './headers-server.ts';
import type { StaticServer as HeaderServer } from '../helpers/serve.ts';

const BASE = '/news/';
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A story wholly in Urdu (its language told from its text): its search result reads right to left. */
const URDU = {
  file: 'extra/urdu-mangroves.txt',
  headline: 'کراچی کی ساحلی پٹی پر مینگرووز لگانے کی مہم شروع',
  body: [
    'کراچی: صوبائی محکمہ جنگلات نے منگل کے روز ساحلی پٹی پر مینگرووز کے دس ہزار پودے لگانے کی مہم شروع کر دی۔',
    'محکمے کے ایک افسر نے بتایا کہ پودے ابراہیم حیدری کے قریب لگائے جائیں گے۔',
  ],
};
/** An English story under an Urdu headline: its headline reads right to left, its text left to right. */
const MIXED = {
  file: 'extra/urdu-headline-english-text.txt',
  headline: 'قومی اسمبلی نے بجٹ منظور کر لیا',
  body: ['ISLAMABAD: The National Assembly passed the federal budget on Friday after a week of debate.', 'The opposition walked out before the vote.'],
};

describe('deploy headers: unit', () => {
  it('hash executed inline scripts and styles, not JSON-LD or external scripts', () => {
    const sets = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
    inlineSources(
      [
        '<script type="application/ld+json">{"a":1}</script>',
        '<script type="module" src="/x.js"></script>',
        '<script>alert(1)</script>',
        '<script type="module">import("/y.js")</script>',
        '<style>p{color:red}</style>',
        '<p style="color: red">x</p>',
      ].join(''),
      sets,
    );
    expect(sets.scripts).toEqual(new Set([hash('alert(1)'), hash('import("/y.js")')]));
    expect(sets.styles).toEqual(new Set([hash('p{color:red}')]));
    expect(sets.styleAttributes).toEqual(new Set([hash('color: red')]));
    const csp = contentSecurityPolicy({ scripts: [...sets.scripts], styles: [...sets.styles], styleAttributes: [...sets.styleAttributes] });
    expect(csp).toContain("'unsafe-hashes'");
  });

  it('hash nothing that is only text: markup in attribute values, comments, titles', () => {
    const sets = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
    inlineSources(
      [
        '<meta content="</script><script>alert(1)</script>">',
        "<meta content='<style>x</style>' data-x=<script>",
        '<!-- <script>alert(2)</script> -->',
        '<title><script>alert(3)</script></title>',
        '<p title="a>b">&lt;script&gt;alert(4)&lt;/script&gt;</p>',
        '<script type="application/ld+json">{"h":"\\u003cscript\\u003e"}</script>',
        '<SCRIPT TYPE="MODULE">go()</SCRIPT >',
      ].join('\n'),
      sets,
    );
    expect(sets.scripts).toEqual(new Set([hash('go()')]));
    expect(sets.styles.size + sets.styleAttributes.size).toBe(0);
  });

  it('write paths under the base', () => {
    const text = formatHeaders(headerRules('/news/', { scripts: [], styles: [], styleAttributes: [] }));
    const rules = parseHeadersFile(text);
    expect(rules.map((r) => r.path)).toEqual(['/news/*', '/news/_astro/*', '/news/pagefind/*', '/news/photos/*']);
    expect(headersFor(rules, '/news/_astro/x.css')['Cache-Control']).toBe(IMMUTABLE);
    expect(headersFor(rules, '/news/')['Cache-Control']).toBeUndefined();
    expect(parseHeadersFile(formatHeaders(headerRules('/', { scripts: [], styles: [], styleAttributes: [] }))).map((r) => r.path)[0]).toBe('/*');
  });
});

describe('deploy headers: the built site in Chromium', () => {
  let site: BuiltSite;
  let server: HeaderServer;
  let browser: Browser;
  const pathOf = (file: string) => new URL(site.report.files.find((f) => f.file === file)!.url!).pathname.slice(BASE.length);

  beforeAll(async () => {
    const demo = Object.fromEntries(
      readdirSync(join(repoRoot, 'content'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => [`demo/${f}`, readFileSync(join(repoRoot, 'content', f))]),
    );
    const started = performance.now();
    const urdu = wire({ section: 'Pakistan', headline: URDU.headline, byline: 'APP', published: '01 Mar, 2024 11:00am', body: URDU.body });
    const mixed = wire({ section: 'Pakistan', headline: MIXED.headline, byline: 'APP', published: '01 Mar, 2024 11:30am', body: MIXED.body });
    site = buildSite(runName('hostile-headers'), {
      files: { ...demo, ...injectionFiles, [URDU.file]: urdu, [MIXED.file]: mixed },
      env: { DATELINE_NOW: NOW },
      args: ['--base', BASE],
    });
    console.log(`headers build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    server = await serveWithHeaders(site.dist, BASE);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('_headers holds the policy, security headers and immutable cache under the base', () => {
    const rules = parseHeadersFile(site.read('_headers'));
    const all = headersFor(rules, `${BASE}index.html`);
    const csp = all['Content-Security-Policy']!;
    for (const directive of [
      "default-src 'self'",
      "img-src 'self' data:",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
    ])
      expect(csp).toContain(directive);
    // No inline script in the whole site (search's is a bundled file), so no script hash; wire text never gets one.
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
    expect(csp.match(/'sha256-/g)).toBeNull();
    expect(all['X-Content-Type-Options']).toBe('nosniff');
    expect(all['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(all['Cache-Control']).toBeUndefined();
    // The build wrote no inline script (the policy would have to list its hash).
    expect(inlineSourcesIn(site.dist).scripts).toEqual([]);
    const astro = readdirSync(join(site.dist, '_astro'));
    expect(astro.length).toBeGreaterThan(0);
    for (const file of astro) expect(headersFor(rules, `${BASE}_astro/${file}`)['Cache-Control'], file).toBe(IMMUTABLE);
    // Search shards live in folders named by their content: all immutable; the list of them is not.
    const { shards } = JSON.parse(site.read('search/shards.json')) as { shards: { path: string }[] };
    expect(shards.length).toBeGreaterThan(0);
    for (const { path } of shards) {
      const fragment = readdirSync(join(site.dist, 'pagefind', path, 'fragment'))[0]!;
      expect(headersFor(rules, `${BASE}pagefind/${path}/fragment/${fragment}`)['Cache-Control']).toBe(IMMUTABLE);
      expect(headersFor(rules, `${BASE}pagefind/${path}/pagefind.js`)['Cache-Control']).toBe(IMMUTABLE);
    }
    expect(headersFor(rules, `${BASE}search/shards.json`)['Cache-Control']).toBeUndefined();
  });

  /** Opens a page with CSP violations, console errors, page errors and dialogs recorded. */
  async function visit(
    path: string,
    then?: (page: Page) => Promise<void>,
    at: HeaderServer = server,
  ): Promise<{ problems: string[]; status: number | undefined; headers: Record<string, string> }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    await page.addInitScript(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
      });
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) {
        // The 404 page's own status is not a problem.
        if (!/status of 404/.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
      }
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', async (d) => {
      problems.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && problems.push(`worker console: ${m.text()}`)));
    try {
      const response = await page.goto(`${at.url}${path}`, { waitUntil: 'load' });
      if (then) await then(page);
      await page.waitForTimeout(100);
      problems.push(...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).map((v) => `CSP: ${v}`));
      return { problems, status: response?.status(), headers: (await response?.allHeaders()) ?? {} };
    } finally {
      await page.close();
    }
  }

  it('home, sections, an agency, a day archive, search, articles and the 404 page load with no violation or error', async () => {
    const hostileSection = `${pathOf('inject/everything.txt').split('/')[0]}/`;
    for (const path of [
      '',
      'world/',
      hostileSection,
      'agency/afp/',
      '2024/03/01/',
      'search/',
      pathOf('demo/world-china-russia-call.txt'),
      pathOf('inject/everything.txt'),
      pathOf('inject/javascript-headline.txt'),
    ]) {
      const { problems, status, headers } = await visit(path);
      expect(problems, path).toEqual([]);
      expect(status, path).toBe(200);
      expect(headers['content-security-policy'], path).toContain("default-src 'self'");
      expect(headers['x-content-type-options'], path).toBe('nosniff');
    }
    const missing = await visit('no/such/page/');
    expect(missing.status).toBe(404);
    expect(missing.problems).toEqual([]);
  });

  it('search runs under the policy (Pagefind and its WebAssembly), also for hostile text', async () => {
    const ENTITIES = 'Rates &lt;b&gt;rise&lt;/b&gt; &amp; &#60;i&#62; &nbsp; more';
    for (const [query, expected, excerpt] of [
      ['Lavrov', 'China, Russia foreign ministers hail cooperation in call', 'Lavrov'],
      // (the story's photo caption has no picture: it is left out of search, so its words find nothing)
      ['Officials', INJ.headline, 'Officials said <script>alert("x")</script> was not a threat'],
      ['traders', INJ.related, INJ.related],
      // Pagefind's excerpt HTML leaves `&` unescaped: the page must still show the text as written.
      // (the excerpt is the story's text; its headline is not repeated in it)
      ['Rates', ENTITIES, `KARACHI: ${ENTITIES}`],
    ] as const) {
      let titles: string[] = [];
      let excerpts: string[] = [];
      const { problems } = await visit(`search/?q=${encodeURIComponent(query)}`, async (page) => {
        await page.locator('#search-results a').first().waitFor({ timeout: 20_000 });
        titles = await page.locator('#search-results a').allTextContents();
        excerpts = await page.locator('#search-results p').allTextContents();
        expect(await page.locator('#search-results mark').count(), query).toBeGreaterThan(0);
        // Nothing from the excerpt became an element other than <mark>.
        const tags = await page.locator('#search-results p *').evaluateAll((els) => els.map((e) => e.tagName));
        expect(tags.filter((t) => t !== 'MARK')).toEqual([]);
      });
      expect(problems, query).toEqual([]);
      expect(titles, query).toContain(expected);
      expect(excerpts[titles.indexOf(expected)], query).toContain(excerpt);
    }
  });

  it('the search page has no inline script: its one script is the bundled module under _astro/', () => {
    const html = site.read('search/index.html');
    const sources = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
    inlineSources(html, sources);
    expect([...sources.scripts]).toEqual([]);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([^]*?)<\/script\s*>/gi)].filter((m) => !/type="application\/ld\+json"/.test(m[1]!));
    expect(scripts).toHaveLength(1);
    const [, attrs, body] = scripts[0]!;
    expect(body).toBe('');
    expect(attrs).toMatch(/\btype="module"/);
    const src = /\bsrc="([^"]+)"/.exec(attrs!)?.[1] ?? '';
    // under the base (Astro's assetsPrefix), content-hashed, so cached as immutable
    expect(src).toMatch(new RegExp(`^${BASE}_astro/[\\w.-]+\\.[\\w-]{8}\\.js$`));
    const file = src.slice(BASE.length);
    expect(site.exists(file)).toBe(true);
    // the page's own code (src/scripts/search.ts), which loads each shard's pagefind.js at run time
    expect(site.read(file)).toContain('search/shards.json');
    expect(site.read(file)).toContain('pagefind.js');
  });

  it('a query typed into the form finds stories under the policy, the text reading as written', async () => {
    // query, the result's headline, text in its excerpt, the direction of its text and of its headline
    for (const [query, headline, excerpt, dir, headlineDir] of [
      // Pagefind's excerpt HTML leaves `&` unescaped: the page shows the text as written
      [
        'Rates',
        'Rates &lt;b&gt;rise&lt;/b&gt; &amp; &#60;i&#62; &nbsp; more',
        'KARACHI: Rates &lt;b&gt;rise&lt;/b&gt; &amp; &#60;i&#62; &nbsp; more was reported on the wire today.',
        'ltr',
        'ltr',
      ],
      // a story wholly in Urdu: its result reads right to left
      ['مینگرووز', URDU.headline, 'ساحلی پٹی پر مینگرووز کے دس ہزار پودے', 'rtl', 'rtl'],
      // an English story with an Urdu headline: the headline right to left, the text left to right
      ['Assembly', MIXED.headline, 'ISLAMABAD: The National Assembly passed the federal budget', 'ltr', 'rtl'],
    ] as const) {
      let found:
        | { status: string; titles: string[]; excerpts: string[]; marks: string[]; dirs: string[]; headlineDirs: string[]; scripts: string[] }
        | undefined;
      const { problems } = await visit('search/', async (page) => {
        await page.getByLabel('Search all stories').fill(query);
        await page.getByRole('button', { name: 'Search' }).click();
        await page.locator('#search-results a').first().waitFor({ timeout: 20_000 });
        await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/found/);
        found = {
          status: (await page.locator('#search-status').textContent()) ?? '',
          titles: await page.locator('#search-results h2 a').allTextContents(),
          excerpts: await page.locator('#search-results li p').allTextContents(),
          marks: await page.locator('#search-results mark').allTextContents(),
          dirs: await page.locator('#search-results li p').evaluateAll((els) => els.map((e) => getComputedStyle(e).direction)),
          headlineDirs: await page
            .locator('#search-results h2')
            .evaluateAll((els) => els.map((e) => ((e as HTMLElement).matches(':dir(rtl)') ? 'rtl' : 'ltr'))),
          // what ran: the bundled page script and Pagefind's, all from the site itself
          scripts: await page.evaluate(() =>
            performance
              .getEntriesByType('resource')
              .map((e) => new URL(e.name).pathname)
              .filter((p) => /\.js$/.test(p)),
          ),
        };
        expect(new URL(page.url()).searchParams.get('q'), query).toBe(query);
      });
      expect(problems, query).toEqual([]);
      const r = found!;
      expect(r.status, query).toMatch(new RegExp(`^\\d+ (story|stories) found for “${query}”, newest first\\.$`));
      expect(r.titles, query).toContain(headline);
      const i = r.titles.indexOf(headline);
      expect(r.excerpts[i], query).toContain(excerpt);
      expect(r.dirs[i], query).toBe(dir);
      expect(r.headlineDirs[i], query).toBe(headlineDir);
      expect(
        r.marks.map((m) => m.toLocaleLowerCase()),
        query,
      ).toContain(query.toLocaleLowerCase());
      expect(
        r.scripts.some((p) => new RegExp(`^${BASE}_astro/[\\w.-]+\\.js$`).test(p)),
        r.scripts.join(' '),
      ).toBe(true);
      expect(
        r.scripts.some((p) => new RegExp(`^${BASE}pagefind/[\\w.-]+/pagefind\\.js$`).test(p)),
        r.scripts.join(' '),
      ).toBe(true);
    }
  });

  it("is enforced: without script-src 'self' (the bundled script) or without wasm-unsafe-eval, search breaks with a reported violation", async () => {
    const weakened = (drop: RegExp) =>
      serveWithHeaders(site.dist, BASE, (rules) =>
        rules.map((r) => ({
          ...r,
          headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, k === 'Content-Security-Policy' ? v.replace(drop, '') : v])),
        })),
      );
    for (const [drop, violation] of [
      // the page's own script is refused: nothing runs, no result
      [/(?<=script-src) 'self'/, new RegExp(`CSP: script-src(-elem)? blocked [^ ]*${BASE}_astro/[\\w.-]+\\.js`)],
      // Pagefind cannot compile its WebAssembly
      [/ 'wasm-unsafe-eval'/, /CSP: script-src|Content Security Policy|WebAssembly/i],
    ] as const) {
      const other = await weakened(drop);
      try {
        let results = -1;
        const { problems } = await visit(
          'search/?q=Lavrov',
          async (page) => {
            await page.waitForTimeout(1500);
            results = await page.locator('#search-results li').count();
          },
          other,
        );
        expect(
          problems.some((p) => violation.test(p)),
          `${drop}: ${problems.join(' | ')}`,
        ).toBe(true);
        expect(results, String(drop)).toBe(0);
      } finally {
        await other.close();
      }
    }
  });
});
