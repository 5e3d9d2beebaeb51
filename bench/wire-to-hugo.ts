// Converts a folder of wire .txt files into Hugo content (Markdown with front matter), so Hugo can
// build the same articles Dateline builds. Not part of Hugo's timed build: Hugo cannot read wire
// files, and this step stands in for whatever a Hugo newsroom would run at ingest time.
//
// The parser here is deliberately small (enough for the generated corpus and the common real
// variants): capture line, optional section, headline, `[byline] Published DD Mon, YYYY hh:mmam`,
// body paragraphs with a dateline, related headlines, captions and print footers.
//
// CLI: node bench/wire-to-hugo.ts --in bench/.work/content --out bench/.work/hugo-site
import slugify from '@sindresorhus/slugify';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Byline parts that get an agency page (as in Dateline: agencies only, not desks or reporters). */
const AGENCIES = new Set(['afp', 'reuters', 'ap', 'app', 'ppi', 'bloomberg', 'xinhua', 'anadolu', 'nni', 'inp', 'agencies', 'online', 'dpa']);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PUBLISHED = /^(.*?)\s*Published (\d{1,2}) ([A-Z][a-z]{2}), (\d{4}) (\d{1,2}):(\d{2}) ?([ap]m)$/i;
const DATELINE = /^([A-Z][A-Z .'-]+(?: \([A-Za-z ]+\))?)(?:,? [A-Za-z]{3,9}\.? \d{1,2},?\s*\((?:APP|AAPP|APPP|app|AP)\))?:+\s*/;
const FOOTER = /^(Published in Dawn|An abridged version of this article)/;
const CAPTION = /\s[—–-]\s[A-Za-z .]+\/File$/;

export interface WireLite {
  section?: string;
  headline: string;
  byline: string[];
  /** ISO 8601 with +05:00. */
  published: string;
  quote?: string;
  dateline?: string;
  blocks: ({ kind: 'p' | 'caption' | 'footer'; text: string } | { kind: 'related'; headline: string })[];
}

export function parseWireLite(text: string): WireLite | undefined {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  let k = 0;
  let quote: string | undefined;
  const first = /^\s*date (\d{4}-\d{2}-\d{2})\s*(.*)$/.exec(lines[0] ?? '');
  if (first) {
    quote = first[2] || undefined;
    k = 1;
  }
  let section: string | undefined;
  if (k === 1 && lines[1]?.trim()) {
    section = lines[1].trim();
    k = 2;
  }
  while (k < lines.length && !lines[k].trim()) k++;
  const headline = lines[k++]?.trim();
  while (k < lines.length && !lines[k].trim()) k++;
  const pub = PUBLISHED.exec(lines[k++]?.trim() ?? '');
  if (!headline || !pub) return undefined;
  const month = MONTHS.findIndex((m) => m.toLowerCase() === pub[3].toLowerCase());
  let hour = Number(pub[5]) % 12;
  if (pub[7].toLowerCase() === 'pm') hour += 12;
  const p2 = (n: number | string) => String(n).padStart(2, '0');
  const published = `${pub[4]}-${p2(month + 1)}-${p2(pub[2])}T${p2(hour)}:${pub[6]}:00+05:00`;
  const byline = pub[1]
    ? pub[1]
        .split(' | ')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

  const paras = lines
    .slice(k)
    .map((l) => l.trim())
    .filter(Boolean);
  const blocks: WireLite['blocks'] = [];
  let dateline: string | undefined;
  paras.forEach((p, idx) => {
    if (idx === 0) {
      const m = DATELINE.exec(p);
      if (m) {
        dateline = m[1];
        p = p.slice(m[0].length);
      }
    }
    if (FOOTER.test(p)) blocks.push({ kind: 'footer', text: p });
    else if (CAPTION.test(p)) blocks.push({ kind: 'caption', text: p });
    else if (/^Also read: /.test(p)) blocks.push({ kind: 'related', headline: p.slice('Also read: '.length) });
    else if (idx > 0 && p.length < 160 && !/[.!?…:”"’)]$/.test(p)) blocks.push({ kind: 'related', headline: p });
    else blocks.push({ kind: 'p', text: p });
  });
  if (!blocks.some((b) => b.kind === 'p')) return undefined;
  return { section, headline, byline, published, quote, dateline, blocks };
}

const slug = (s: string, max = 80) => {
  const x = slugify(s, { decamelize: false });
  if (x.length <= max) return x;
  const cut = x.slice(0, max);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
};
const hash = (s: string) => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0').slice(0, 6);
};
/** Escapes what Markdown would otherwise interpret in wire text. */
const md = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
const yaml = (s: string) => JSON.stringify(s);

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.txt')) out.push(p);
  }
  return out;
}

export interface ConvertResult {
  converted: number;
  skipped: string[];
  sections: string[];
}

/**
 * Writes a Hugo site at `siteDir`: the config and layouts from bench/hugo/, and one Markdown page
 * per readable wire file under content/<section>/<yyyy>/<mm>/. URLs follow Dateline's
 * `/{section}/{yyyy}/{mm}/{dd}/{slug}/`; related headlines link to the article when it is in the set.
 */
export function convertToHugo(contentDir: string, siteDir: string, defaultSection = 'News'): ConvertResult {
  const template = join(dirname(fileURLToPath(import.meta.url)), 'hugo');
  rmSync(siteDir, { recursive: true, force: true });
  cpSync(template, siteDir, { recursive: true });
  const parsed: { file: string; a: WireLite; section: string; url: string }[] = [];
  const skipped: string[] = [];
  const urls = new Set<string>();
  const byHeadline = new Map<string, string>();
  for (const file of walk(contentDir).sort()) {
    const a = parseWireLite(readFileSync(file, 'utf8'));
    if (!a) {
      skipped.push(relative(contentDir, file));
      continue;
    }
    const section = a.section ?? defaultSection;
    const [date] = a.published.split('T');
    let url = `/${slug(section) || 'section'}/${date.replaceAll('-', '/')}/${slug(a.headline) || `story-${hash(a.headline)}`}/`;
    if (urls.has(url)) url = `${url.slice(0, -1)}-${hash(relative(contentDir, file))}/`;
    urls.add(url);
    byHeadline.set(a.headline.toLowerCase(), url);
    parsed.push({ file, a, section, url });
  }
  const sections = new Map<string, string>();
  for (const { file, a, section, url } of parsed) {
    const sectionSlug = slug(section) || 'section';
    sections.set(sectionSlug, section);
    const [date] = a.published.split('T');
    const [yyyy, mm] = date.split('-');
    const first = a.blocks.find((b) => b.kind === 'p') as { text: string };
    const description = first.text.length > 200 ? `${first.text.slice(0, first.text.lastIndexOf(' ', 197))}…` : first.text;
    const fm = [
      '---',
      `title: ${yaml(a.headline)}`,
      `date: ${a.published}`,
      `url: ${url}`,
      `section_name: ${yaml(section)}`,
      `byline: ${yaml(a.byline.join(' | '))}`,
      `agencies: [${a.byline
        .filter((b) => AGENCIES.has(b.toLowerCase()))
        .map(yaml)
        .join(', ')}]`,
      `days: [${yaml(date)}]`,
      ...(a.dateline ? [`dateline: ${yaml(a.dateline)}`] : []),
      ...(a.quote ? [`quote: ${yaml(a.quote)}`] : []),
      `description: ${yaml(description)}`,
      '---',
      '',
    ];
    let firstParagraph = true;
    const body = a.blocks.map((b) => {
      switch (b.kind) {
        case 'p': {
          const lead = firstParagraph && a.dateline ? `<strong class="dateline">${escapeHtml(a.dateline)}:</strong> ` : '';
          firstParagraph = false;
          return lead + md(b.text);
        }
        case 'caption':
          return `<p class="caption" dir="auto"><span class="visually-hidden">Photo caption: </span>${escapeHtml(b.text)}</p>`;
        case 'footer':
          return `<p class="print-footer">${escapeHtml(b.text)}</p>`;
        case 'related': {
          const target = byHeadline.get(b.headline.toLowerCase());
          const item = target ? `<a href="${target}">${escapeHtml(b.headline)}</a>` : escapeHtml(b.headline);
          return `<aside class="related" aria-label="Related stories"><h2>Related</h2><ul><li dir="auto">${item}</li></ul></aside>`;
        }
      }
    });
    const out = join(
      siteDir,
      'content',
      sectionSlug,
      yyyy,
      mm,
      `${relative(contentDir, file)
        .replace(/[\\/]/g, '_')
        .replace(/\.txt$/, '')}.md`,
    );
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${fm.join('\n')}${body.join('\n\n')}\n`);
  }
  for (const [s, name] of sections) {
    writeFileSync(join(siteDir, 'content', s, '_index.md'), `---\ntitle: ${yaml(name)}\n---\n`);
  }
  return { converted: parsed.length, skipped, sections: [...sections.values()].sort() };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { in: { type: 'string', default: 'bench/.work/content' }, out: { type: 'string', default: 'bench/.work/hugo-site' } },
  });
  const t = performance.now();
  const r = convertToHugo(values.in!, values.out!);
  console.log(`converted ${r.converted} files (${r.skipped.length} skipped) into ${values.out} in ${((performance.now() - t) / 1000).toFixed(2)} s`);
  for (const s of r.skipped) console.log(`  skipped ${s}`);
}
