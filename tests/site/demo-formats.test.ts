// The demo content (content/, what `npm ci && npm run build` publishes) shows every format Dateline
// reads: built as the e2e tests build it (their fixed "now"), each format of FORMAT_NAMES has at least
// one published story, told by the archive's record of it (the format its file was recognised as, not
// its extension). The agency items name their agency in the byline, so each is listed on that agency's
// page, and every file under content/agency/ is published without a warning.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../integrations/dateline/archive/schema.ts';
import { FORMAT_NAMES, type WireFormat } from '../../integrations/dateline/formats/item.ts';
import { agencyPath, agencySlug } from '../../integrations/dateline/urls.ts';
import { buildSite, repoRoot, type BuiltSite } from '../helpers/build.ts';
import { archiveRecords } from '../helpers/archive-records.ts';
import { E2E_NOW, removeRun, runName } from '../e2e/fixtures.ts';
import { attr, elements, parseHtml, textOf } from '../seo/html.ts';

const NAME = runName('demo-formats');
let site: BuiltSite;
let records: ArticleRecord[];

beforeAll(() => {
  site = buildSite(NAME, { contentDir: join(repoRoot, 'content'), env: { DATELINE_NOW: E2E_NOW, DATELINE_OG_IMAGES: '0' } });
  records = archiveRecords(site.dir);
}, 300_000);

afterAll(() => removeRun(NAME));

describe('the demo content', () => {
  it('publishes every file, and a record per published story', () => {
    expect(site.report.counts.rejected).toBe(0);
    expect(site.report.files.filter((f) => f.status !== 'published').map((f) => `${f.file}: ${f.status}`)).toEqual([]);
    expect(records.length).toBe(site.report.counts.published);
  });

  it('has at least one published story in every format Dateline reads', () => {
    const formats = Object.keys(FORMAT_NAMES) as WireFormat[];
    expect(formats).toHaveLength(7); // text, IPTC 7901, ANPA 1312, NewsML-G2, NITF, NewsML 1.2, ninjs
    const byFormat = Object.fromEntries(formats.map((format) => [format, records.filter((r) => r.format === format).map((r) => r.file)]));
    const missing = formats.filter((format) => byFormat[format]!.length === 0).map((format) => FORMAT_NAMES[format]);
    expect(missing, JSON.stringify(byFormat)).toEqual([]);
    // the agency formats are the items under content/agency/
    for (const format of formats.filter((f) => f !== 'text')) {
      expect(
        byFormat[format]!.every((file) => file.startsWith('agency/')),
        `${format}: ${byFormat[format]}`,
      ).toBe(true);
    }
  });

  it('publishes the agency items without a warning', () => {
    const agencyFiles = site.report.files.filter((f) => f.file.startsWith('agency/'));
    expect(agencyFiles.length).toBeGreaterThanOrEqual(Object.keys(FORMAT_NAMES).length - 1);
    for (const f of agencyFiles) {
      expect(f.status, f.file).toBe('published');
      expect(f.warnings ?? [], f.file).toEqual([]);
    }
  });

  it("lists each teletype and NewsML 1.2 story on its agency's page, with its headline and dateline on its own page", () => {
    for (const format of ['iptc7901', 'anpa1312', 'newsml-1.2'] as const) {
      for (const record of records.filter((r) => r.format === format)) {
        const agencies = record.byline.filter((p) => p.kind === 'agency');
        expect(agencies.length, `${record.file}: ${record.bylineText}`).toBeGreaterThan(0);
        for (const agency of agencies) {
          expect(site.read(`${agencyPath(agencySlug(agency.name))}index.html`), `${record.file} on ${agency.name}'s page`).toContain(`href="/${record.path}"`);
        }
        const page = parseHtml(site.read(`${record.path}index.html`));
        expect(elements(page, 'h1').map(textOf), record.file).toEqual([record.headline]);
        expect(record.dateline, record.file).toBeTruthy();
        const dateline = elements(page, 'span')
          .filter((s) => attr(s, 'class') === 'dateline')
          .map(textOf);
        expect(dateline, record.file).toHaveLength(1);
        expect(dateline[0]!.toLowerCase(), record.file).toContain(record.dateline!.toLowerCase());
        expect(record.published.slice(0, 10) >= '2026-11-25' && record.published.slice(0, 10) <= '2026-11-26', `${record.file}: ${record.published}`).toBe(
          true,
        );
      }
    }
  });
});
