// One generated article (bench/generate.ts `articlePartsFor`) written in the agency formats Dateline
// reads besides its wire text: NewsML-G2 (`.xml`), ninjs 1/2/3 (`.json`), ANPA 1312 (`.tst`) and
// IPTC 7901 (`.txt`), in the layouts the parsers in integrations/dateline/formats/ accept (the test
// fixtures' builders in tests/formats/ show the same layouts). Deterministic: the article and a
// per-article stream of its own (`…:format`) decide everything, so the same seed gives the same bytes.
//
// What each format carries: headline, byline, publication time, dateline, paragraphs, captions and the
// related headline (as a paragraph: only the wire text marks related headlines). The wire text's
// capture line, market quote and print footer have no counterpart and are left out.
//
// Sections: agency items name no section; Dateline files them by their subject codes through the
// default map of integrations/dateline/stories/sections.ts (the bench's site sets no `sectionMap`).
// Four of the generator's eight sections have a top-level Media Topic there that files them under
// the same name (Business, Sports, World, Lifestyle); the other four cannot be reached without a
// `sectionMap` and are given the nearest topic (Pakistan → politics, Markets → economy, Technology →
// science and technology, National → society), so those stories land in Politics, Business, Sci-Tech
// and Society. ANPA category letters do the same where the default map has one (f, s, i, l, p);
// IPTC 7901 categories are not in the default map, so 7901 stories file under the default section.
// An article without a section line carries no subject in any format (default section, as the text).
import { Rng, type ArticleBlock, type ArticleParts } from './generate.ts';

export type BenchFormat = 'text' | 'newsml-g2' | 'ninjs' | 'anpa1312' | 'iptc7901';
export const BENCH_FORMATS: readonly BenchFormat[] = ['text', 'newsml-g2', 'ninjs', 'anpa1312', 'iptc7901'];

export const EXTENSIONS: Record<BenchFormat, string> = {
  text: '.txt',
  'newsml-g2': '.xml',
  ninjs: '.json',
  anpa1312: '.tst',
  iptc7901: '.txt',
};

/**
 * The format of article i in the mixed set: by index, a quarter each of wire text, NewsML-G2, ninjs and
 * teletype; the teletype quarter alternates ANPA 1312 and IPTC 7901.
 */
export function mixedFormatOf(i: number): BenchFormat {
  switch (i % 4) {
    case 0:
      return 'text';
    case 1:
      return 'newsml-g2';
    case 2:
      return 'ninjs';
    default:
      return Math.floor(i / 4) % 2 === 0 ? 'anpa1312' : 'iptc7901';
  }
}

// ---------------------------------------------------------------- subjects

/** Top-level IPTC Media Topic per generated section (see the header for the four that cannot match). */
const MEDIA_TOPICS: Record<string, [code: string, name: string]> = {
  Business: ['04000000', 'economy, business and finance'],
  Markets: ['04000000', 'economy, business and finance'],
  Sports: ['15000000', 'sport'],
  World: ['16000000', 'conflict, war and peace'],
  Lifestyle: ['10000000', 'lifestyle and leisure'],
  Technology: ['13000000', 'science and technology'],
  Pakistan: ['11000000', 'politics'],
  National: ['14000000', 'society'],
};
/** ANPA category letters (AP: f financial, s sports, i international, l lifestyle, p politics, a domestic). */
const ANPA_CATEGORIES: Record<string, string> = {
  Business: 'f',
  Markets: 'f',
  Sports: 's',
  World: 'i',
  Lifestyle: 'l',
  Pakistan: 'p',
  National: 'a',
  Technology: 'a',
};
/** IPTC 7901 categories as dpa writes them (wi economy, s sport, i international, pl politics, ku culture). */
const IPTC7901_CATEGORIES: Record<string, string> = {
  Business: 'wi',
  Markets: 'wi',
  Sports: 's',
  World: 'i',
  Lifestyle: 'ku',
  Pakistan: 'pl',
  National: 'vm',
  Technology: 'wt',
};

const topicOf = (a: ArticleParts) => (a.sectionLine ? MEDIA_TOPICS[a.section] : undefined);

// ---------------------------------------------------------------- shared pieces

const PKT_MS = 5 * 3600_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Versions are never dated after the bench's DATELINE_NOW (2026-01-01 09:00 +05:00), less an hour. */
const LATEST_VERSION = Date.UTC(2026, 0, 1, 3, 0) - 3600_000;
const p2 = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 in UTC (`Z`) or in Pakistan time (`+05:00`). */
function isoTime(ms: number, zone: 'utc' | 'pkt'): string {
  const d = new Date(zone === 'pkt' ? ms + PKT_MS : ms);
  const date = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  return `${date}${zone === 'pkt' ? '+05:00' : 'Z'}`;
}

/** The per-article choices of the agency formats, from their own stream (the text's is untouched). */
interface Delivery {
  /** Times written in UTC or Pakistan time. */
  zone: 'utc' | 'pkt';
  version: number;
  /** This version's time, UTC ms (later than the first when the story was updated). */
  versionCreated: number;
  ninjsGeneration: 1 | 2 | 3;
  /** NewsML-G2: the dateline as `contentMeta/dateline` or as dpa's `span.dateline` in the XHTML. */
  datelineInSpan: boolean;
}

function deliveryOf(a: ArticleParts): Delivery {
  const r = new Rng(`dateline-bench:${a.seed}:${a.index}:format`);
  const zone = r.chance(0.5) ? 'utc' : 'pkt';
  const updated = r.chance(0.2);
  const later = a.published + r.int(5, 600) * 60_000;
  const versionCreated = updated && later <= LATEST_VERSION ? later : a.published;
  const version = versionCreated > a.published ? r.int(2, 4) : 1;
  return { zone, version, versionCreated, ninjsGeneration: (1 + (Math.floor(a.index / 4) % 3)) as 1 | 2 | 3, datelineInSpan: r.chance(0.5) };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => esc(s).replace(/"/g, '&quot;');

/** A block as the text of a paragraph in formats without related or caption markup. */
function blockText(b: Exclude<ArticleBlock, { kind: 'footer' }>): string {
  if (b.kind === 'paragraph') return b.text;
  if (b.kind === 'related') return b.alsoRead ? `Also read: ${b.headline}` : b.headline;
  return `${b.text} — ${b.credit}`;
}

/** The blocks an agency item carries (the print footer is the newspaper's). */
const agencyBlocks = (a: ArticleParts) => a.blocks.filter((b): b is Exclude<ArticleBlock, { kind: 'footer' }> => b.kind !== 'footer');

/** The body as HTML: paragraphs, figures for captions; the first paragraph as given. */
function htmlBlocks(a: ArticleParts, first: string): string[] {
  return [
    `<p>${esc(first)}</p>`,
    ...agencyBlocks(a).map((b) =>
      b.kind === 'caption' ? `<figure><figcaption>${esc(b.text)}</figcaption><cite>${esc(b.credit)}</cite></figure>` : `<p>${esc(blockText(b))}</p>`,
    ),
  ];
}

/** Agencies named in a byline (`AFP | Reuters` → AFP, Reuters). */
function agenciesOf(a: ArticleParts): string[] {
  return a.byline.kind === 'agency' || a.byline.kind === 'app' ? a.byline.text.split(/\s*\|\s*/) : [];
}

/** The APP dateline always followed by a space (ninjs reads a printed dateline only before white space). */
const spacedApp = (printed: string) => printed.replace(/:\s*$/, ': ');

// ---------------------------------------------------------------- NewsML-G2

export function newsmlG2(a: ArticleParts): string {
  const d = deliveryOf(a);
  const topic = topicOf(a);
  const id = String(a.index).padStart(6, '0');
  const day = isoTime(a.published, 'pkt').slice(0, 10).replace(/-/g, '');
  const meta: string[] = [];
  // Agency bylines as creators (joined `AFP | Reuters` by the parser), the others as printed (`by`).
  const agencies = agenciesOf(a);
  const creators = agencies.map((x) => `    <creator literal="${escAttr(x)}"/>`);
  if (a.dateline) meta.push(`    <located><name>${esc(a.dateline.city)}</name></located>`);
  meta.push(...creators, '    <language tag="en"/>');
  if (topic) meta.push(`    <subject type="cpnat:abstract" qcode="medtop:${topic[0]}"><name xml:lang="en">${esc(topic[1])}</name></subject>`);
  meta.push(`    <headline>${esc(a.headline)}</headline>`);
  if (a.byline.text && agencies.length === 0) meta.push(`    <by>${esc(a.byline.text)}</by>`);

  // The dateline: APP's printed in the first paragraph (read off it by the parser); the others in the
  // metadata or, dpa-style, marked up at the start of the paragraph.
  let first = a.lead;
  let firstHtml: string | undefined;
  if (a.dateline?.kind === 'app') first = `${a.dateline.printed}${a.lead}`;
  else if (a.dateline && d.datelineInSpan) firstHtml = `<p><span class="dateline">${esc(a.dateline.printed.trim())}</span> ${esc(a.lead)}</p>`;
  else if (a.dateline) meta.push(`    <dateline>${esc(a.dateline.printed.trim())}</dateline>`);
  const body = htmlBlocks(a, first);
  if (firstHtml) body[0] = firstHtml;

  return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:bench.dateline.example:${day}:${id}" version="${d.version}" standard="NewsML-G2" standardversion="2.29" conformance="power" xml:lang="en">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider qcode="nprov:BENCH"/>
    <versionCreated>${isoTime(d.versionCreated, d.zone)}</versionCreated>
    <firstCreated>${isoTime(a.published, d.zone)}</firstCreated>
    <pubStatus qcode="stat:usable"/>
  </itemMeta>
  <contentMeta>
${meta.join('\n')}
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml">
        <head><title>${esc(a.headline)}</title></head>
        <body>
${body.map((b) => `          ${b}`).join('\n')}
        </body>
      </html>
    </inlineXML>
  </contentSet>
</newsItem>
`;
}

// ---------------------------------------------------------------- ninjs

/**
 * `generation` overrides the ninjs generation chosen by index (the photo set writes ninjs 2.x), and
 * `associations` is written as is (ninjs 2.x/3.x: an array of pictures with their renditions).
 */
export function ninjs(a: ArticleParts, options: { generation?: 1 | 2 | 3; associations?: unknown[] } = {}): string {
  const d = { ...deliveryOf(a), ...(options.generation ? { ninjsGeneration: options.generation } : {}) };
  const topic = topicOf(a);
  const first = a.dateline?.kind === 'app' ? `${spacedApp(a.dateline.printed)}${a.lead}` : a.lead;
  const html = htmlBlocks(a, first).join('');
  const uri = `urn:dateline-bench:${a.seed}:${String(a.index).padStart(6, '0')}`;
  const common = { uri, type: 'text', version: String(d.version) };
  const located = a.dateline ? { located: a.dateline.city } : {};
  let item: Record<string, unknown>;
  if (d.ninjsGeneration === 1) {
    item = {
      ...common,
      firstcreated: isoTime(a.published, d.zone),
      versioncreated: isoTime(d.versionCreated, d.zone),
      pubstatus: 'usable',
      language: 'en',
      headline: a.headline,
      ...(a.byline.text ? { byline: a.byline.text } : {}),
      ...located,
      body_html: html,
      ...(topic ? { subject: [{ code: topic[0], name: topic[1], scheme: 'http://cv.iptc.org/newscodes/mediatopic/' }] } : {}),
    };
  } else {
    const three = d.ninjsGeneration === 3;
    item = {
      ...(three ? { standard: { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json' } } : {}),
      ...common,
      [three ? 'firstCreated' : 'firstcreated']: isoTime(a.published, d.zone),
      [three ? 'versionCreated' : 'versioncreated']: isoTime(d.versionCreated, d.zone),
      [three ? 'pubStatus' : 'pubstatus']: 'usable',
      language: 'en',
      headlines: [{ role: 'main', value: a.headline }],
      ...(a.byline.text ? { by: a.byline.text } : {}),
      ...located,
      bodies: [{ role: 'html', [three ? 'contentType' : 'contenttype']: 'text/html', value: html }],
      ...(topic ? { subjects: [{ uri: `http://cv.iptc.org/newscodes/mediatopic/${topic[0]}`, name: topic[1] }] } : {}),
      ...(options.associations?.length ? { associations: options.associations } : {}),
    };
  }
  return `${JSON.stringify(item, null, 2)}\n`;
}

// ---------------------------------------------------------------- teletype (ANPA 1312, IPTC 7901)

const SOH = '\u0001';
const STX = '\u0002';
const ETX = '\u0003';
const EOT = '\u0004';
const SYN = '\u0016';
const US = '\u001f';
const DEL = '\u007f';
const FF = '\u000c';
const CRLF = '\r\n';

interface Utc {
  yy: string;
  mm: string;
  dd: string;
  hh: string;
  mi: string;
  month: number;
}
function utc(ms: number): Utc {
  const d = new Date(ms);
  return {
    yy: p2(d.getUTCFullYear() % 100),
    mm: p2(d.getUTCMonth() + 1),
    dd: p2(d.getUTCDate()),
    hh: p2(d.getUTCHours()),
    mi: p2(d.getUTCMinutes()),
    month: d.getUTCMonth(),
  };
}

/** Teletype datelines name the sender in brackets: the byline's agency, else the service's own. */
function teletypeDateline(a: ArticleParts, service: string, dash: string): string {
  if (!a.dateline) return '';
  // `MIRPUR (AJK)` → `MIRPUR, AJK`: a bracket before the sender's would be read as the sender.
  const place = a.dateline.city.replace(/ \((.*)\)$/, ', $1');
  return `${place} (${agenciesOf(a)[0] ?? service}) ${dash} `;
}

/** The byline as a teletype `By` line: `By AFP and Reuters`, `By Ali Khan, Dawn.com`. */
function teletypeByline(a: ArticleParts): string | undefined {
  if (!a.byline.text) return undefined;
  const parts = a.byline.text.split(/\s*\|\s*/);
  return `By ${a.byline.kind === 'agency' || a.byline.kind === 'app' ? parts.join(' and ') : parts.join(', ')}`;
}

const wordCount = (a: ArticleParts) => [a.lead, ...agencyBlocks(a).map(blockText)].join(' ').split(/\s+/).length;

/** One ANPA 1312 message in AP's layout (tests/formats/teletype/fixtures.ts `anpa`). */
export function anpa1312(a: ArticleParts): string {
  const t = utc(a.published);
  const keyword = `BC-Bench--Story${String(a.index).padStart(6, '0')}`;
  const words = Math.min(wordCount(a), 99_999);
  const category = a.sectionLine ? (ANPA_CATEGORIES[a.section] ?? 'a') : 'a';
  const text: string[] = [`^${keyword},${words}<`, `^${a.headline}<`];
  const by = teletypeByline(a);
  if (by) text.push(`^${by}=`);
  text.push(`\t   ${teletypeDateline(a, 'AP', '_')}${a.lead}`);
  for (const b of agencyBlocks(a)) text.push(`\t   ${blockText(b)}`);
  const lines = [
    `${SYN}${SYN}${SOH}a${String(a.index % 10_000).padStart(4, '0')}${US}-----`,
    `r ${category}\u0013\u0011 ${keyword}     ${t.mm}-${t.dd} ${String(words).padStart(4, '0')}`,
    STX + text.join(CRLF),
    '',
  ];
  return `${lines.join(CRLF)}\t   ${ETX}AP-WF-${t.mm}-${t.dd}-${t.yy} ${t.hh}${t.mi}GMT<${CRLF}${CRLF}${FF}${CRLF}${EOT}`;
}

/** Paragraph lines wrapped at 60 characters, as dpa sends them. */
function wrap(p: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of p.split(' ')) {
    if (line !== '' && line.length + word.length + 1 > 60) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out;
}

/** One IPTC 7901 message in dpa's layout (tests/formats/teletype/fixtures.ts `iptc`). */
export function iptc7901(a: ArticleParts): string {
  const t = utc(a.published);
  const words = Math.min(wordCount(a), 999_999);
  const category = a.sectionLine ? (IPTC7901_CATEGORIES[a.section] ?? 'vm') : 'vm';
  const head = [a.headline];
  const by = teletypeByline(a);
  if (by) head.push(by);
  head[head.length - 1] += ' =';
  const paragraphs = [`${teletypeDateline(a, 'dpa', '-')}${a.lead}`, ...agencyBlocks(a).map(blockText)];
  const lines = [
    `${SOH}eca${String(a.index % 1000).padStart(3, '0')} 4 ${category} ${words} ccccb   dpa ${String(a.index % 1000).padStart(3, '0')}`,
    '',
    `Bench-story-${String(a.index).padStart(6, '0')}/`,
    `${STX}${head.join(CRLF)}`,
    '',
    ...paragraphs.flatMap((p) => [...wrap(p), '']),
    'dpa bn xy',
    '',
  ];
  return `${lines.join(CRLF)}${ETX}${t.dd}${t.hh}${t.mi} GMT ${MONTHS[t.month]} ${t.yy} ${CRLF}${DEL}${CRLF}${DEL}${EOT}`;
}

// ---------------------------------------------------------------- dispatch

/** The file of an article in a format: path relative to the content folder, and its text (UTF-8). */
export function articleFile(a: ArticleParts, format: Exclude<BenchFormat, 'text'>): { file: string; text: string } {
  const text = format === 'newsml-g2' ? newsmlG2(a) : format === 'ninjs' ? ninjs(a) : format === 'anpa1312' ? anpa1312(a) : iptc7901(a);
  return { file: `${a.stem}${EXTENSIONS[format]}`, text };
}
