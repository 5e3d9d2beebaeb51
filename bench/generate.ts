// Synthetic wire articles for the benchmark: deterministic (same count + seed → byte-identical
// files), shaped like the real corpus (../shared/corpus/VARIANTS.md) but made of our own words.
//
// Article i depends only on (seed, i) except for its related-headline link, which points at another
// article of the same set of n; so a set of n is reproducible, and `articleFor(seed, n, n)` is a
// well-formed "next" article for incremental-build measurements.
//
// The same articles can be written in the agency formats too (bench/formats.ts): `--formats mixed`
// writes a quarter each of wire text, NewsML-G2, ninjs and teletype (ANPA 1312 and IPTC 7901), by index.
//
// CLI: node bench/generate.ts --articles 1000 --out bench/.work/content [--seed 1] [--formats text|mixed]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ADJECTIVES,
  CLAUSES,
  DESKS,
  FIRST_NAMES,
  HOME_CITIES,
  LAST_NAMES,
  NOUNS,
  OBJECTS,
  QUALIFIERS,
  SECTIONS,
  SUBJECTS,
  SYMBOLS,
  TIME_PHRASES,
  TITLES,
  URDU_CITIES,
  URDU_NOUNS,
  URDU_PHRASES,
  URDU_TEMPLATES,
  VERBS,
  VERBS_PAST,
  WORLD_CITIES,
} from './words.ts';
import { articleFile, mixedFormatOf, type BenchFormat } from './formats.ts';

// ---------------------------------------------------------------- PRNG (sfc32 seeded by cyrb128)

function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(key: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(key);
    for (let i = 0; i < 12; i++) this.next();
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.a |= 0;
    this.b |= 0;
    this.c |= 0;
    this.d |= 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  weighted<T extends { weight: number }>(list: readonly T[]): T {
    const total = list.reduce((s, x) => s + x.weight, 0);
    let r = this.next() * total;
    for (const x of list) {
      r -= x.weight;
      if (r < 0) return x;
    }
    return list[list.length - 1];
  }
}

// ---------------------------------------------------------------- dates (Asia/Karachi, UTC+5, no DST)

const PKT_MS = 5 * 3600_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Generated publication times fall in [FIRST, LAST], Pakistan time. */
const FIRST_PUBLISHED = Date.UTC(2021, 0, 1, 0, 0) - PKT_MS;
const LAST_PUBLISHED = Date.UTC(2025, 11, 31, 23, 59) - PKT_MS;
/** A "now" after every generated article (use as DATELINE_NOW), and the time of the "next" article. */
export const BENCH_NOW = '2026-01-01T09:00:00+05:00';
export const NEXT_ARTICLE_PUBLISHED = Date.UTC(2026, 0, 1, 8, 30) - PKT_MS;
/**
 * The last minute of the generated set's newest month: a story filed then is news of the day, in the
 * month every publish lands in (the first story of a new month is a rarer, costlier publish, measured
 * as a case of its own).
 */
export const LAST_MINUTE_PUBLISHED = LAST_PUBLISHED;

interface Local {
  yyyy: string;
  mm: string;
  dd: string;
  month: number;
  day: number;
  year: number;
  hour: number;
  minute: number;
}
function local(utcMs: number): Local {
  const d = new Date(utcMs + PKT_MS);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return {
    yyyy: String(d.getUTCFullYear()),
    mm: p2(d.getUTCMonth() + 1),
    dd: p2(d.getUTCDate()),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    year: d.getUTCFullYear(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}
/** `07 Aug, 2023 09:26pm`; 00:05 is `12:05am`, 12:00 is `12:00pm`. */
function wireTime(l: Local): string {
  const h12 = l.hour % 12 === 0 ? 12 : l.hour % 12;
  return `${l.dd} ${MONTHS[l.month]}, ${l.yyyy} ${String(h12).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}${l.hour < 12 ? 'am' : 'pm'}`;
}
function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}
/** ISO 8601 with the +05:00 offset, for Hugo front matter and checks. */
export function isoPkt(utcMs: number): string {
  const l = local(utcMs);
  return `${l.yyyy}-${l.mm}-${l.dd}T${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}:00+05:00`;
}

// ---------------------------------------------------------------- headlines (unique per index)

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const titleCase = (s: string) =>
  s
    .toLowerCase()
    .replace(/\b[a-z]/g, (c) => c.toUpperCase())
    .replace(/\(ajk\)/i, '(AJK)');
const SUBJECTS_PER_SECTION = 30;
const TUPLES = SUBJECTS_PER_SECTION * VERBS.length * OBJECTS.length * QUALIFIERS.length;
const URDU_TUPLES = URDU_CITIES.length * URDU_NOUNS.length * (URDU_NOUNS.length - 1) * URDU_TEMPLATES.length;
// Multipliers coprime with the tuple counts (whose prime factors are 2, 3, 5, 7), so i → tuple is a
// bijection on [0, TUPLES): two articles of one set never share a headline below that many.
const MUL = 1_000_003;

function tuple(i: number, seed: number, sizes: number[], total: number): number[] {
  let k = (i * MUL + (cyrb128(`offset:${seed}`)[0] % total)) % total;
  const out: number[] = [];
  for (const s of sizes) {
    out.push(k % s);
    k = Math.floor(k / s);
  }
  return out;
}

interface Head {
  section: string;
  sectionLine: boolean;
  headline: string;
  urdu: boolean;
  subject: string;
  verb: string;
  object: string;
  qualifier: string;
}

/** Section and headline of article i: computed from their own stream so related links can name them. */
export function headlineOf(seed: number, i: number): Head {
  const r = new Rng(`dateline-bench:${seed}:${i}:head`);
  const section = r.weighted(SECTIONS).name;
  const sectionLine = !r.chance(0.03);
  const urdu = r.chance(0.02);
  const [s, v, o, q] = tuple(i, seed, [SUBJECTS_PER_SECTION, VERBS.length, OBJECTS.length, QUALIFIERS.length], TUPLES);
  const subject = SUBJECTS[section][s];
  const head: Head = { section, sectionLine, urdu, subject, verb: VERBS[v], object: OBJECTS[o], qualifier: QUALIFIERS[q], headline: '' };
  if (urdu) {
    const [c, a, b, t] = tuple(i, seed + 7, [URDU_CITIES.length, URDU_NOUNS.length, URDU_NOUNS.length - 1, URDU_TEMPLATES.length], URDU_TUPLES);
    head.headline = URDU_TEMPLATES[t](URDU_CITIES[c], URDU_NOUNS[a], URDU_NOUNS[b >= a ? b + 1 : b]);
  } else {
    head.headline = `${subject} ${VERBS[v]} ${OBJECTS[o]} ${QUALIFIERS[q]}`;
    if (r.chance(0.08)) head.headline = `‘${cap(OBJECTS[o])} ${QUALIFIERS[q]}’: ${subject} ${VERBS[v]} plan`;
  }
  return head;
}

// ---------------------------------------------------------------- body text

const person = (r: Rng) => `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;

function sentence(r: Rng, subject: string): string {
  switch (r.int(0, 9)) {
    case 0:
      return `The ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} was ${r.pick(VERBS_PAST)} ${r.pick(TIME_PHRASES)}, ${r.pick(TITLES)} said.`;
    case 1:
      return `${person(r)}, ${r.pick(TITLES)}, said ${r.pick(CLAUSES)}.`;
    case 2:
      return `According to ${r.pick(TITLES)}, ${r.pick(CLAUSES)}.`;
    case 3:
      return `“${cap(r.pick(CLAUSES))},” ${r.pick(TITLES)} told reporters ${r.pick(TIME_PHRASES)}.`;
    case 4:
      return `The ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} is worth Rs${r.int(2, 900)} billion, ${r.int(2, 40)} per cent more than ${r.pick(['last year', 'planned', 'the previous estimate'])}.`;
    case 5:
      return `The ${r.pick(NOUNS)} rose ${r.int(0, 19)}.${r.int(0, 9)} per cent to ${r.int(100, 99_999).toLocaleString('en-US')} ${r.pick(TIME_PHRASES)}, data showed.`;
    case 6:
      return `${subject}’s ${r.pick(NOUNS)} — ${r.pick(ADJECTIVES)} by any measure — was ${r.pick(VERBS_PAST)} ${r.pick(TIME_PHRASES)}.`;
    case 7:
      return `Officials said ${r.pick(CLAUSES)}, while critics argued that ${r.pick(CLAUSES)}.`;
    case 8:
      return `The ${r.pick(NOUNS)} ${r.pick(VERBS_PAST)} the ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} after ${r.pick(['a long debate', 'two rounds of talks', 'a public hearing', 'months of delay', 'a court order'])}.`;
    default:
      return `${person(r)} said the ${r.pick(NOUNS)} would be ${r.pick(VERBS_PAST)} ${r.pick(TIME_PHRASES)} and that ${r.pick(CLAUSES)}.`;
  }
}

function paragraph(r: Rng, subject: string): string {
  const n = r.int(1, 4);
  const out: string[] = [];
  for (let k = 0; k < n; k++) out.push(sentence(r, subject));
  return out.join(' ');
}

function marketQuote(r: Rng): string {
  const price = r.int(150, 60_000) / 100;
  const up = r.chance(0.5);
  const change = Math.max(0.01, Math.round(price * r.next() * 0.05 * 100) / 100);
  const before = up ? price - change : price + change;
  const pct = (change / before) * 100;
  const pctText = r.chance(0.1) ? pct.toFixed(0) : pct.toFixed(2);
  return up
    ? `${r.pick(SYMBOLS)} ${price.toFixed(2)} Increased By ▲ ${change.toFixed(2)} (${pctText}%)`
    : `${r.pick(SYMBOLS)} ${price.toFixed(2)} Decreased By ▼ -${change.toFixed(2)} (-${pctText}%)`;
}

export type BylineKind = 'none' | 'agency' | 'app' | 'desk' | 'reporter';
function byline(r: Rng): { text: string; kind: BylineKind } {
  const x = r.next();
  if (x < 0.35) return { text: '', kind: 'none' };
  if (x < 0.47) return { text: 'AFP', kind: 'agency' };
  if (x < 0.59) return { text: 'Reuters', kind: 'agency' };
  if (x < 0.71) return { text: 'APP', kind: 'app' };
  if (x < 0.74) return { text: 'AFP | Reuters', kind: 'agency' };
  if (x < 0.75) return { text: 'Reuters | AFP', kind: 'agency' };
  if (x < 0.9) return { text: r.pick(DESKS), kind: 'desk' };
  if (x < 0.98) return { text: person(r), kind: 'reporter' };
  return { text: `${person(r)} | Dawn.com`, kind: 'reporter' };
}

// ---------------------------------------------------------------- one article

/** A block of an article's body after the first paragraph (the first is `ArticleParts.lead`). */
export type ArticleBlock =
  | { kind: 'paragraph'; text: string }
  /** Another article's headline (`Also read: …` when `alsoRead`). */
  | { kind: 'related'; headline: string; alsoRead: boolean }
  /** A photo caption with its credit (`Reuters/File`). */
  | { kind: 'caption'; text: string; credit: string }
  /** The print footer (`Published in Dawn, January 1st, 2025`). */
  | { kind: 'footer'; text: string };

/**
 * Article i as data, before it is written in a format: what every format carries (bench/formats.ts
 * writes the agency formats, `wireText` the wire text).
 */
export interface ArticleParts {
  seed: number;
  index: number;
  /** Publication time, UTC ms (whole minutes). */
  published: number;
  /** The wire text's capture date (`YYYY-MM-DD`) and its market quote, which only the wire text has. */
  captureDate: string;
  quote?: string;
  section: string;
  /** False for the ~3% whose wire text has no section line (filed under the default section). */
  sectionLine: boolean;
  headline: string;
  /** The headline is in Urdu. */
  urdu: boolean;
  byline: { text: string; kind: BylineKind };
  /**
   * The dateline opening the first paragraph: the city (`MIRPUR (AJK)`, `FAIRFAX (Virginia)`) and the
   * wire text's printed form (`KARACHI: `, `ISLAMABAD, Jan 5 (APP): `, the APP form sometimes without
   * the space).
   */
  dateline?: { city: string; kind: 'colon' | 'app'; printed: string };
  /** The first paragraph, without its dateline. */
  lead: string;
  blocks: ArticleBlock[];
  /** Relative path without extension: `YYYY/MM/YYYY-MM-DD-000123`. */
  stem: string;
}

/**
 * Article i of a set of n, as data. `published` (UTC ms) overrides the random publication time (used
 * for the "new article" of the incremental build).
 */
export function articlePartsFor(seed: number, i: number, n: number, published?: number): ArticleParts {
  const head = headlineOf(seed, i);
  const r = new Rng(`dateline-bench:${seed}:${i}:body`);
  const pub = published ?? FIRST_PUBLISHED + Math.floor(r.next() * ((LAST_PUBLISHED - FIRST_PUBLISHED) / 60_000)) * 60_000;
  const l = local(pub);
  const capture = local(pub + (r.chance(0.6) ? r.int(0, 3) : r.int(4, 900)) * 86_400_000);
  const quote = r.chance(0.25) ? marketQuote(r) : undefined;
  const by = byline(r);

  // Dateline on the first paragraph.
  const worldly = SECTIONS.find((s) => s.name === head.section)?.places ?? 'mixed';
  const city = worldly === 'world' || (worldly === 'mixed' && by.kind === 'agency' && r.chance(0.5)) ? r.pick(WORLD_CITIES) : r.pick(HOME_CITIES);
  let dateline: ArticleParts['dateline'];
  if (by.kind === 'app') {
    const day = r.chance(0.1) ? String(l.day).padStart(2, '0') : String(l.day);
    dateline = { city, kind: 'app', printed: `${city.replace(/ \(.*\)$/, '')}, ${MONTHS[l.month]} ${day} (APP):${r.chance(0.15) ? '' : ' '}` };
  } else if (by.kind !== 'none' ? r.chance(0.9) : r.chance(0.4)) {
    dateline = { city, kind: 'colon', printed: `${city}: ` };
  }
  const title = r.pick(TITLES);
  const leadSentence = `${head.subject} ${head.verb} the ${head.object} ${head.qualifier}, ${title} said ${r.pick(TIME_PHRASES)}.`;
  const lead = `${leadSentence} ${paragraph(r, head.subject)}`;
  // blocks[k - 1] is paragraph k; the first paragraph (k = 0) is `lead`.
  const blocks: ArticleBlock[] = [];

  const paragraphs = r.int(4, 14);
  const urduPhrase = !head.urdu && r.chance(0.03) ? r.int(1, paragraphs - 1) : -1;
  for (let k = 1; k < paragraphs; k++) {
    if (k === urduPhrase) {
      const [roman, urdu] = r.pick(URDU_PHRASES);
      blocks.push({
        kind: 'paragraph',
        text: `The programme, known locally as ${roman} (${urdu}), ${r.pick(['would be expanded', 'was launched', 'will be reviewed'])} ${r.pick(TIME_PHRASES)}. ${sentence(r, head.subject)}`,
      });
    } else {
      blocks.push({ kind: 'paragraph', text: paragraph(r, head.subject) });
    }
  }
  // A related-story headline (no final punctuation) after the 2nd–4th paragraph, naming another article.
  if (n > 1 && paragraphs >= 4 && r.chance(0.25)) {
    let j = r.int(0, n - 2);
    if (j >= i) j++;
    const related = headlineOf(seed, j).headline;
    const at = Math.min(r.int(2, 4), paragraphs - 1);
    blocks.splice(at - 1, 0, { kind: 'related', headline: related, alsoRead: r.chance(0.1) });
  }
  if (r.chance(0.04)) {
    const text = `${cap(r.pick(ADJECTIVES))} ${r.pick(NOUNS)} officials meet in ${titleCase(city)} ${r.pick(TIME_PHRASES)}.`;
    blocks.splice(0, 0, { kind: 'caption', text, credit: `${r.pick(['Reuters', 'AFP', 'APP', 'White Star'])}/File` });
  }
  if (r.chance(0.15)) {
    const next = local(pub + 86_400_000);
    blocks.push({ kind: 'footer', text: `Published in Dawn, ${MONTHS_LONG[next.month]} ${ordinal(next.day)}, ${next.yyyy}` });
  }
  return {
    seed,
    index: i,
    published: pub,
    captureDate: `${capture.yyyy}-${capture.mm}-${capture.dd}`,
    ...(quote !== undefined ? { quote } : {}),
    section: head.section,
    sectionLine: head.sectionLine,
    headline: head.headline,
    urdu: head.urdu,
    byline: by,
    ...(dateline ? { dateline } : {}),
    lead,
    blocks,
    stem: `${l.yyyy}/${l.mm}/${l.yyyy}-${l.mm}-${l.dd}-${String(i).padStart(6, '0')}`,
  };
}

/** The wire text of an article: capture line (with the ticker), section line or blank, headline, byline + Published, body. */
export function wireText(a: ArticleParts): string {
  const lines: string[] = [];
  lines.push(` date ${a.captureDate}${a.quote !== undefined ? ` ${a.quote}` : ''}`);
  lines.push(a.sectionLine ? a.section : '');
  if (a.sectionLine) lines.push('');
  lines.push(a.headline, '');
  lines.push(`${a.byline.text ? `${a.byline.text} ` : ''}Published ${wireTime(local(a.published))}`, '');
  const body = [`${a.dateline?.printed ?? ''}${a.lead}`, ...a.blocks.map(blockLine)];
  lines.push(body.join('\n\n'), '');
  return lines.join('\n');
}

function blockLine(b: ArticleBlock): string {
  switch (b.kind) {
    case 'paragraph':
    case 'footer':
      return b.text;
    case 'related':
      return b.alsoRead ? `Also read: ${b.headline}` : b.headline;
    case 'caption':
      return `${b.text} — ${b.credit}`;
  }
}

export interface GeneratedArticle {
  /** Path relative to the content folder: `YYYY/MM/YYYY-MM-DD-000123.txt`. */
  file: string;
  text: string;
  headline: string;
  section?: string;
  published: string;
}

/**
 * Article i of a set of n as a wire text file. `published` (UTC ms) overrides the random publication
 * time (used for the "new article" of the incremental build).
 */
export function articleFor(seed: number, i: number, n: number, published?: number): GeneratedArticle {
  const a = articlePartsFor(seed, i, n, published);
  return { file: `${a.stem}.txt`, text: wireText(a), headline: a.headline, section: a.sectionLine ? a.section : undefined, published: isoPkt(a.published) };
}

export interface GenerateResult {
  files: string[];
  bytes: number;
  /** Files per format (`text`, `newsml-g2`, `ninjs`, `anpa1312`, `iptc7901`). */
  formats: Partial<Record<BenchFormat, number>>;
}

/** `text`: every article as wire text; `mixed`: a quarter each of text, NewsML-G2, ninjs and teletype (bench/formats.ts). */
export type FormatSet = 'text' | 'mixed';

/** Writes n articles under dir (sub-folders by year/month), replacing whatever was there. */
export function generateArticles(n: number, dir: string, seed = 1, set: FormatSet = 'text'): GenerateResult {
  rmSync(dir, { recursive: true, force: true });
  const made = new Set<string>();
  const files: string[] = [];
  const formats: GenerateResult['formats'] = {};
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const parts = articlePartsFor(seed, i, n);
    const format = set === 'mixed' ? mixedFormatOf(i) : 'text';
    const a = format === 'text' ? { file: `${parts.stem}.txt`, text: wireText(parts) } : articleFile(parts, format);
    const path = join(dir, a.file);
    const parent = dirname(path);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(path, a.text);
    files.push(a.file);
    formats[format] = (formats[format] ?? 0) + 1;
    bytes += Buffer.byteLength(a.text);
  }
  return { files, bytes, formats };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      out: { type: 'string', default: 'bench/.work/content' },
      seed: { type: 'string', default: '1' },
      formats: { type: 'string', default: 'text' },
    },
  });
  if (values.formats !== 'text' && values.formats !== 'mixed') {
    console.error('--formats must be text or mixed');
    process.exit(2);
  }
  const t = performance.now();
  const res = generateArticles(Number(values.articles), values.out!, Number(values.seed), values.formats);
  const by = Object.entries(res.formats)
    .map(([f, c]) => `${c} ${f}`)
    .join(', ');
  console.log(
    `wrote ${res.files.length} files (${by}; ${(res.bytes / 1e6).toFixed(1)} MB) to ${values.out} in ${((performance.now() - t) / 1000).toFixed(2)} s`,
  );
}
