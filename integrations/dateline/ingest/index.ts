// From a content folder to the stories to publish and a report line for every input file:
//   files (content-files.ts) → items of any format (../formats/, cached by digest in parse-cache.ts)
//   → stories and their versions (../stories/versions.ts) → sections and URLs (../stories/)
//   → one lean record per published story, and the report.
// No Astro here: the loader, the publisher and `npm run validate` share it.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseWireFile } from '../formats/index.ts';
import type { Diagnostic, FormatOptions } from '../formats/item.ts';
import type { ResolvedDatelineConfig } from '../options.ts';
import { makeReport, type BuildReport, type FileStatus, type ReportEntry, type ReportItem } from '../report.ts';
import { placeStories } from '../stories/placement.ts';
import { normaliseSectionMap, sectionOf } from '../stories/sections.ts';
import { decideStories, type Story, type VersionDecision, type VersionInput } from '../stories/versions.ts';
import type { WireItem } from '../formats/item.ts';
import { toIsoInZone, toMillis } from '../time.ts';
import { absoluteUrl, sectionSlug } from '../urls.ts';
import { findContentFiles } from './content-files.ts';
import { ParseCache, type CachedItem, type CachedParse } from './parse-cache.ts';
import { summarizeItem, type ItemSummary } from './summary.ts';

/** What the article index holds per published story (see ArticleSchema). */
export interface ArticleRecord extends Omit<ItemSummary, 'status' | 'line' | 'key' | 'embargoedUntil' | 'version'> {
  /** The story's identity key: the entry id, stable across versions. */
  id: string;
  /** Path (relative to the content folder) of the wire file of the version shown. */
  file: string;
  /** Position of that version's item in its file. */
  item: number;
  /** Site path without base, e.g. `world/2023/08/07/china-russia-…/`. */
  path: string;
  sectionSlug: string;
  sectionLabel: string;
  /** Epoch milliseconds of `published`, for sorting. */
  timestamp: number;
  /** Digest of the shown version's wire file. */
  digest: string;
  /** Warnings on that file (parser, image coverage). */
  warnings: string[];
}

export interface ContentAnalysis {
  articles: ArticleRecord[];
  report: BuildReport;
  parsed: number;
  reused: number;
}

const warningText = (d: Diagnostic) => `line ${d.line}: ${d.message}`;

/** A version of a story, as the story decisions see it, with where it came from. */
interface IngestedItem extends VersionInput {
  summary: ItemSummary;
  digest: string;
  warnings: string[];
}

/** Teletype trailers leave out the year, which is taken from the file's own time: cached with it. */
const USES_FILE_TIME = new Set(['iptc7901', 'anpa1312']);

function cachedParse(parse: ReturnType<typeof parseWireFile>, digest: string, fileTime: number): CachedParse {
  const items: CachedItem[] = parse.items.map((p) =>
    p.ok ? { ok: true, summary: summarizeItem(p.item), warnings: p.warnings } : { ok: false, line: p.line, errors: p.errors, warnings: p.warnings },
  );
  const cached: CachedParse = { digest, format: parse.format, items, errors: parse.errors, warnings: parse.warnings };
  if (USES_FILE_TIME.has(parse.format)) cached.fileTime = fileTime;
  return cached;
}

const firstProblem = (errors: Diagnostic[]) => {
  const [first, ...more] = errors;
  const extra = more.length ? ` (and ${more.length} more: ${more.map(warningText).join('; ')})` : '';
  return { line: first?.line ?? 1, message: `${first?.message ?? 'unreadable'}${extra}` };
};

/**
 * One label per section slug: the configured label when the section is configured, else the name the
 * oldest story uses (names such as `World` and `world` share a slug and so a page).
 */
function sectionLabels(config: ResolvedDatelineConfig, stories: { slug: string; name: string }[]): Map<string, string> {
  const configured = new Map(config.sections.map((s) => [sectionSlug(s.name), s.label]));
  const labels = new Map<string, string>();
  for (const s of stories) if (!labels.has(s.slug)) labels.set(s.slug, configured.get(s.slug) ?? s.name);
  return labels;
}

/** `file` or `file:line` (for an item of a file of several). */
const where = (v: IngestedItem) => (v.summary.line > 1 ? `${v.file}:${v.summary.line}` : v.file);

function decisionMessage(item: IngestedItem, decision: VersionDecision, timeZone: string): string | undefined {
  switch (decision.status) {
    case 'duplicate':
      return `same story, version and text as ${where(decision.of as IngestedItem)}`;
    case 'superseded':
      return `an earlier version of the story; ${where(decision.by as IngestedItem)} is published`;
    case 'withdrawn': {
      const kill = decision.by as IngestedItem;
      const what = kill.summary.status === 'withheld' ? 'withheld' : 'killed';
      return kill === item ? `this item ${what === 'killed' ? 'kills' : 'withholds'} the story: it appears nowhere on the site` : `the story was ${what} by ${where(kill)}: it appears nowhere on the site`;
    }
    case 'scheduled':
      return `embargoed until ${toIsoInZone(decision.dueAt, timeZone)}`;
    default:
      return undefined;
  }
}

export function analyzeContent(
  config: ResolvedDatelineConfig,
  /** `onParsed`: called with each item parsed in this run (not taken from the parse cache). */
  options: { now: Date; site: string; base: string; onParsed?: (file: string, index: number, item: WireItem) => void },
): ContentAnalysis {
  const cache = new ParseCache(join(config.cachePath, 'parse-cache.json'), { timeZone: config.timeZone, maxFileSize: config.maxFileSize });
  const inputs = findContentFiles(config.contentPath, config.maxFileSize);
  const entries = new Map<string, ReportEntry>();
  const nextCache = new Map<string, CachedParse>();
  const items: IngestedItem[] = [];
  /** Per file, its items in order (undefined: rejected on its own), for the report. */
  const fileItems = new Map<string, (IngestedItem | { rejected: { line: number; message: string }; warnings: string[] })[]>();
  let parsed = 0;
  let reused = 0;

  for (const input of inputs) {
    if (input.rejection) {
      entries.set(input.file, { file: input.file, status: 'rejected', line: 1, message: input.rejection });
      continue;
    }
    let bytes: Buffer;
    let fileTime: number;
    try {
      bytes = readFileSync(input.path);
      fileTime = Math.floor(statSync(input.path).mtimeMs);
    } catch (error) {
      entries.set(input.file, { file: input.file, status: 'rejected', line: 1, message: `cannot read the file: ${(error as Error).message}` });
      continue;
    }
    const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    let result = cache.get(input.file, digest);
    if (result && result.fileTime !== undefined && result.fileTime !== fileTime) result = undefined;
    if (result) reused++;
    else {
      parsed++;
      const formatOptions: FormatOptions = { timeZone: config.timeZone, fileTime };
      const parse = parseWireFile(input.file, bytes, formatOptions);
      parse.items.forEach((p, i) => {
        if (p.ok) options.onParsed?.(input.file, i, p.item);
      });
      result = cachedParse(parse, digest, fileTime);
    }
    nextCache.set(input.file, result);
    const fileWarnings = result.warnings.map(warningText);
    if (result.errors.length || result.items.length === 0) {
      const problem = result.errors.length ? firstProblem(result.errors) : { line: 1, message: `no news item found in this ${result.format} file` };
      entries.set(input.file, { file: input.file, status: 'rejected', ...problem, ...(fileWarnings.length ? { warnings: fileWarnings } : {}) });
      continue;
    }
    const list: NonNullable<ReturnType<typeof fileItems.get>> = [];
    result.items.forEach((cachedItem, index) => {
      const warnings = [...(index === 0 ? fileWarnings : []), ...cachedItem.warnings.map(warningText)];
      if (!cachedItem.ok) {
        list.push({ rejected: firstProblem(cachedItem.errors), warnings });
        return;
      }
      const s = cachedItem.summary;
      const published = toMillis(s.published);
      const item: IngestedItem = {
        file: input.file,
        index,
        line: s.line,
        key: s.key,
        published,
        versionTime: s.modified ? toMillis(s.modified) : published,
        status: s.status,
        contentKey: s.contentKey,
        summary: s,
        digest,
        warnings,
      };
      if (s.version !== undefined) item.version = s.version;
      if (s.embargoedUntil !== undefined) item.embargoedUntil = toMillis(s.embargoedUntil);
      items.push(item);
      list.push(item);
    });
    fileItems.set(input.file, list);
  }
  cache.save(nextCache);

  const { stories, decisions } = decideStories(items, options.now.getTime());
  const publisherMap = normaliseSectionMap(config.sectionMap);
  const sectionNames = new Map(stories.map((s) => [s.key, sectionOf(s.first.summary, publisherMap, config.defaultSection)]));
  const placements = placeStories(
    stories.map((s) => ({ key: s.key, published: s.published, publishedIso: s.versions.find((v) => v.published === s.published)!.summary.published, headline: s.first.summary.headline, sectionName: sectionNames.get(s.key)! })),
    config.timeZone,
  );
  const byPublished = [...stories].sort((a, b) => a.published - b.published || (a.key < b.key ? -1 : 1));
  const labels = sectionLabels(config, byPublished.map((s) => ({ slug: placements.get(s.key)!.sectionSlug, name: sectionNames.get(s.key)! })));
  const storyOf = new Map<IngestedItem, Story<IngestedItem>>();
  for (const story of stories) for (const v of story.versions) storyOf.set(v, story);

  const articles: ArticleRecord[] = [];
  for (const story of stories) {
    if (story.status !== 'published') continue;
    const shown = story.shown!;
    const place = placements.get(story.key)!;
    const first = story.versions.find((v) => v.published === story.published)!;
    const { status: _s, line: _l, key: _k, embargoedUntil: _e, version: _v, ...summary } = shown.summary;
    // A story corrected at any version up to the one shown carries the latest correction's note.
    const corrected = story.versions.slice(0, story.versions.indexOf(shown) + 1).filter((v) => v.summary.correction).at(-1);
    const record: ArticleRecord = {
      ...summary,
      id: story.key,
      file: shown.file,
      item: shown.index,
      path: place.path,
      sectionSlug: place.sectionSlug,
      sectionLabel: labels.get(place.sectionSlug)!,
      published: first.summary.published,
      timestamp: story.published,
      digest: shown.digest,
      warnings: shown.warnings,
    };
    delete record.modified;
    delete record.correction;
    if (story.modified !== undefined) record.modified = shown.summary.modified ?? shown.summary.published;
    if (corrected) record.correction = corrected.summary.correction!;
    articles.push(record);
  }

  const urlOf = (v: IngestedItem) => {
    const story = storyOf.get(v);
    return story?.status === 'published' && story.shown === v ? absoluteUrl(options.site, options.base, placements.get(story.key)!.path) : undefined;
  };
  for (const [file, list] of fileItems) {
    const reported: ReportItem[] = list.map((entry) => {
      if ('rejected' in entry) return { line: entry.rejected.line, status: 'rejected', message: entry.rejected.message, ...(entry.warnings.length ? { warnings: entry.warnings } : {}) };
      const decision = decisions.get(entry)!;
      const url = urlOf(entry);
      const message = decisionMessage(entry, decision, config.timeZone);
      return {
        line: entry.summary.line,
        status: decision.status,
        ...(entry.summary.headline ? { headline: entry.summary.headline } : {}),
        ...(url ? { url } : {}),
        ...(message ? { message } : {}),
        ...(entry.warnings.length ? { warnings: entry.warnings } : {}),
      };
    });
    if (reported.length === 1) {
      const { line, headline: _h, ...only } = reported[0]!;
      entries.set(file, { file, ...only, ...(only.status === 'rejected' ? { line } : {}) });
    } else {
      const status = (['published', 'scheduled', 'superseded', 'withdrawn', 'duplicate', 'rejected'] as FileStatus[]).find((s) => reported.some((r) => r.status === s))!;
      entries.set(file, { file, status, items: reported });
    }
  }
  const report = makeReport([...entries.values()], { now: options.now, contentDir: config.contentDirLabel });
  return { articles, report, parsed, reused };
}
