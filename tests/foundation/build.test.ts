// Builds a fixture content folder with `astro build` (what `npm run build` runs) and a fixed "now", and
// checks dist/ and the build report: every input file once with the right status, URLs, embargo,
// duplicates, hostile names, encodings.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { seedArticle, wire } from './fixtures.ts';
import { elements, parseHtml, textOf } from '../seo/html.ts';

const NOW = '2024-03-02T12:00:00+05:00';

const cp1252 = (text: string) => {
  // Windows-1252 bytes for the few non-ASCII characters used below.
  const map: Record<string, number> = { '’': 0x92, '“': 0x93, '”': 0x94, é: 0xe9, '–': 0x96 };
  return Uint8Array.from(Array.from(text, (c) => map[c] ?? c.charCodeAt(0)));
};

const files: Record<string, string | Uint8Array> = {
  'world/reference.txt': seedArticle,
  'empty.txt': '',
  'no-published.txt': ' date 2024-03-01\nWorld\n\nA headline without a time\n\nAFP 01 Mar, 2024 10:00am\n\nBody text.\n',
  'future.txt': wire({ section: 'World', headline: 'Embargoed budget story', byline: 'APP', published: '03 Mar, 2024 09:00am' }),
  'dupes/original.txt': wire({ section: 'Business', headline: 'Rupee firms against dollar', byline: 'Reuters', published: '01 Mar, 2024 03:15pm' }),
  'dupes/copy.txt': wire({ section: 'Business', headline: 'Rupee firms against dollar', byline: 'Reuters', published: '01 Mar, 2024 03:15pm' }),
  'collide-a.txt': wire({ section: 'Sports', headline: 'Match drawn', published: '01 Mar, 2024 01:00pm', body: ['LAHORE: The first match was drawn.'] }),
  'collide-b.txt': wire({ section: 'Sports', headline: 'Match drawn', published: '01 Mar, 2024 06:00pm', body: ['KARACHI: The second match was drawn too.'] }),
  'hostile-path.txt': wire({ section: '../../../etc', headline: 'Section that looks like a path', published: '01 Mar, 2024 11:00am' }),
  'hostile-amp.txt': wire({ section: 'Culture & Heritage <b>', headline: 'Section with markup', published: '01 Mar, 2024 11:05am' }),
  'hostile-urdu.txt': wire({ section: 'قومی خبریں', headline: 'Section in Urdu', published: '01 Mar, 2024 11:10am' }),
  'reserved.txt': wire({ section: 'og', headline: 'Section named like a reserved path', published: '01 Mar, 2024 11:15am' }),
  'crlf-bom.txt': `\ufeff${wire({ section: 'Pakistan', headline: 'Windows line endings and a BOM', byline: 'APP', published: '01 Mar, 2024 12:05am' }).replace(/\n/g, '\r\n')}`,
  'cp1252.txt': cp1252(wire({ section: 'Pakistan', headline: 'Minister’s “café” visit – old feed encoding', published: '01 Mar, 2024 12:00pm' })),
  'notes.md': 'not a wire file',
};

describe('foundation build', () => {
  let site: BuiltSite;
  beforeAll(() => {
    site = buildSite('foundation', { files, astro: true, env: { DATELINE_NOW: NOW } });
  });

  const entry = (file: string) => site.report.files.find((f) => f.file === file)!;
  const pathOf = (file: string) => new URL(entry(file).url!).pathname;

  it('lists every wire file exactly once, and nothing else', () => {
    const wireFiles = Object.keys(files)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    expect(site.report.files.map((f) => f.file).sort()).toEqual(wireFiles);
    expect(site.report.counts).toEqual({ total: 14, items: 14, published: 10, scheduled: 1, superseded: 0, withdrawn: 0, duplicate: 1, rejected: 2 });
  });

  it('publishes the reference article at its dated URL', () => {
    const e = entry('world/reference.txt');
    expect(e.status).toBe('published');
    expect(e.url).toBe('https://dateline.example.com/world/2023/08/07/china-russia-foreign-ministers-hail-cooperation-in-call/');
    const html = site.read('world/2023/08/07/china-russia-foreign-ministers-hail-cooperation-in-call/index.html');
    expect(html).toContain('China, Russia foreign ministers hail cooperation in call');
    expect(html).toContain('datetime="2023-08-07T21:26:00+05:00"');
  });

  it('rejects bad files with file, line and reason, and goes on', () => {
    expect(entry('empty.txt')).toMatchObject({ status: 'rejected', line: 1 });
    expect(entry('empty.txt').message).toMatch(/empty/i);
    const missing = entry('no-published.txt');
    expect(missing.status).toBe('rejected');
    expect(missing.line).toBeGreaterThanOrEqual(1);
    expect(missing.line).toBeLessThanOrEqual(9);
    expect(missing.message).toMatch(/Published/);
    expect(site.output).toMatch(/no-published\.txt:\d+: .*Published/);
  });

  it('keeps embargoed articles out of dist entirely', () => {
    expect(entry('future.txt')).toMatchObject({ status: 'scheduled' });
    const everything = walk(site.dist)
      .map((f) => site.read(f))
      .join('\n');
    expect(everything).not.toContain('Embargoed budget story');
    expect(everything).not.toContain('embargoed-budget-story');
  });

  it('publishes a story delivered twice once, and names the original', () => {
    const statuses = [entry('dupes/original.txt').status, entry('dupes/copy.txt').status].sort();
    expect(statuses).toEqual(['duplicate', 'published']);
    const dup = entry('dupes/copy.txt').status === 'duplicate' ? entry('dupes/copy.txt') : entry('dupes/original.txt');
    expect(dup.message).toMatch(/dupes\/(original|copy)\.txt/);
  });

  it('gives colliding headlines distinct URLs; the earlier story keeps the plain one', () => {
    expect(pathOf('collide-a.txt')).toBe('/sports/2024/03/01/match-drawn/');
    expect(pathOf('collide-b.txt')).toMatch(/^\/sports\/2024\/03\/01\/match-drawn-[0-9a-f]{6}\/$/);
    expect(site.exists('sports/2024/03/01/match-drawn/index.html')).toBe(true);
    expect(site.exists(`${pathOf('collide-b.txt').slice(1)}index.html`)).toBe(true);
  });

  it('turns hostile section names into safe slugs inside dist', () => {
    for (const file of ['hostile-path.txt', 'hostile-amp.txt', 'hostile-urdu.txt', 'reserved.txt']) {
      const path = pathOf(file);
      expect(path).toMatch(/^\/[a-z0-9-]+\/\d{4}\/\d\d\/\d\d\/[a-z0-9-]+\/$/);
      expect(resolve(site.dist, `.${path}`).startsWith(site.dist)).toBe(true);
      expect(site.exists(`${path.slice(1)}index.html`)).toBe(true);
    }
    expect(pathOf('reserved.txt').startsWith('/og-section/')).toBe(true);
    // Markup in a section name is text in the page: parsed, the page has no <b> element, and the
    // section heading's text is the name as written.
    const page = parseHtml(site.read(`${pathOf('hostile-amp.txt').split('/')[1]}/index.html`));
    expect(elements(page, 'b')).toEqual([]);
    expect(elements(page, 'h1').map(textOf).join(' ')).toContain('Culture & Heritage <b>');
    for (const f of walk(site.dist)) expect(relative(site.dist, join(site.dist, f)).startsWith('..')).toBe(false);
  });

  it('reads CRLF, BOM and Windows-1252 files without leaking them', () => {
    expect(entry('crlf-bom.txt').status).toBe('published');
    expect(entry('cp1252.txt').status).toBe('published');
    const html = site.read(`${pathOf('cp1252.txt').slice(1)}index.html`);
    expect(html).toContain('Minister’s “café” visit – old feed encoding');
    const all = walk(site.dist)
      .filter((f) => f.endsWith('.html'))
      .map((f) => site.read(f))
      .join('');
    expect(all).not.toMatch(/[\ufffd\ufeff\r]/);
    // 12:05am is five past midnight.
    expect(site.read(`${pathOf('crlf-bom.txt').slice(1)}index.html`)).toContain('datetime="2024-03-01T00:05:00+05:00"');
  });
});

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(dir, join(prefix, e.name)) : [join(prefix, e.name)]));
}
