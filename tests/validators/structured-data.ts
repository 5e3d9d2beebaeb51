// structured-data-testing-tool (glitchdigital, npm `structured-data-testing-tool`) on built pages: its
// Google preset (the properties Google's rich results need for each schema it finds, e.g. a NewsArticle's
// headline, image, datePublished, author and publisher logo) plus the schemas a page kind must carry.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface SdttTest {
  test: string;
  description?: string;
  type?: string;
  groups?: string[];
  group?: string;
  value?: unknown;
  error?: { type: string; message: string };
}

interface SdttResponse {
  tests: SdttTest[];
  passed: SdttTest[];
  failed: SdttTest[];
  warnings: SdttTest[];
  optional: SdttTest[];
  skipped: SdttTest[];
  schemas: string[];
}

// The package is CommonJS without types.
const { structuredDataTest } = require('structured-data-testing-tool') as {
  structuredDataTest(input: Buffer | string, options: object): Promise<SdttResponse>;
};
const { Google } = require('structured-data-testing-tool/presets') as { Google: object };

/** Schemas an article page must carry (sdtt then also tests each is there). */
export const ARTICLE_SCHEMAS = ['jsonld:NewsArticle', 'jsonld:BreadcrumbList'];

export interface PageResult {
  page: string;
  schemas: string[];
  /** Pass/fail tests run (sdtt's count; optional and skipped tests are not in it). */
  run: number;
  passed: number;
  failed: string[];
  warnings: string[];
  /** Properties found on the page whose value is empty (sdtt's optional auto-detected tests that failed). */
  empty: string[];
  /** Tests of the Google preset that ran, by schema (a schema's tests run only where it is found). */
  google: Record<string, number>;
}

const describe = (t: SdttTest) => `${[...(t.groups ?? []), t.group].filter(Boolean).join(' > ')}: ${t.description ?? t.test} — ${t.error?.message ?? 'failed'}`;

/** Tests one HTML file with the Google preset; `schemas` are required to be there (e.g. `jsonld:NewsArticle`). */
export async function testStructuredData(file: string, page: string, schemas: string[]): Promise<PageResult> {
  let response: SdttResponse;
  try {
    response = await structuredDataTest(readFileSync(file), { presets: [Google], schemas });
  } catch (error) {
    const e = error as { type?: string; res?: SdttResponse };
    if (e.type !== 'VALIDATION_FAILED' || !e.res) throw error;
    response = e.res;
  }
  return {
    page,
    schemas: response.schemas,
    run: response.passed.length + response.failed.length,
    passed: response.passed.length,
    failed: response.failed.map(describe),
    warnings: response.warnings.map(describe),
    empty: response.optional.filter((t) => t.error).map(describe),
    google: Object.fromEntries(
      Object.entries(
        Object.groupBy(
          response.tests.filter((t) => t.groups?.[0] === 'Google'),
          (t) => t.groups?.[1] ?? '',
        ),
      ).map(([k, v]) => [k, v?.length ?? 0]),
    ),
  };
}

export function summarizeStructuredData(label: string, results: PageResult[]): string {
  const sum = (f: (r: PageResult) => number) => results.reduce((n, r) => n + f(r), 0);
  return (
    `structured-data-testing-tool (Google preset) ${label}: ${results.length} pages, ` +
    `${sum((r) => r.run)} tests run, ${sum((r) => r.passed)} passed, ${sum((r) => r.failed.length)} failed, ` +
    `${sum((r) => r.warnings.length)} warnings, ${sum((r) => r.empty.length)} empty properties`
  );
}

/** Every failure, warning and empty property, one line each, prefixed with the page. */
export const problems = (results: PageResult[], key: 'failed' | 'warnings' | 'empty') => results.flatMap((r) => r[key].map((m) => `${r.page}: ${m}`));
