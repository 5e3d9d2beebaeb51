// From a content folder to the list of articles to publish and a report line for every input file.
// No Astro here: the loader and `npm run validate` share it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findContentFiles } from './content-files.ts';
import { placeArticles, type ParsedFile, type Placement } from './identity.ts';
import type { ResolvedDatelineConfig } from './options.ts';
import { ParseCache, type CachedParse } from './parse-cache.ts';
import { parseWire } from './formats/text/index.ts';
import type { Diagnostic, WireArticle } from './formats/text/types.ts';
import { makeReport, type BuildReport, type ReportEntry } from './report.ts';
import { summarizeArticle, type WireSummary } from './summary.ts';
import { toMillis } from './time.ts';
import { absoluteUrl, sectionSlug } from './urls.ts';

/** What the content store holds per published article (see ArticleSchema). */
export interface ArticleRecord extends WireSummary {
  /** Path of the wire file relative to the content folder: the entry id. */
  file: string;
  /** Site path without base, e.g. `world/2023/08/07/china-russia-…/`. */
  path: string;
  sectionSlug: string;
  sectionLabel: string;
  /** Epoch milliseconds of `published`, for sorting. */
  timestamp: number;
  /** Digest of the wire file's bytes. */
  digest: string;
  /** Warnings on this file (parser, image coverage). */
  warnings: string[];
}

export interface ContentAnalysis {
  articles: ArticleRecord[];
  report: BuildReport;
  parsed: number;
  reused: number;
}

const warningText = (d: Diagnostic) => `line ${d.line}: ${d.message}`;

/**
 * One label per section slug: the configured label when the section is configured, else the name the
 * oldest article uses (names such as `World` and `world` share a slug and so a page).
 */
function sectionLabels(config: ResolvedDatelineConfig, placements: Placement[]): Map<string, string> {
  const configured = new Map(config.sections.map((s) => [sectionSlug(s.name), s.label]));
  const labels = new Map<string, string>();
  for (const p of placements) {
    if (p.status === 'duplicate' || labels.has(p.sectionSlug)) continue;
    labels.set(p.sectionSlug, configured.get(p.sectionSlug) ?? p.sectionName);
  }
  return labels;
}

export function analyzeContent(
  config: ResolvedDatelineConfig,
  /** `onParsed`: called with each file parsed in this run (not taken from the parse cache). */
  options: { now: Date; site: string; base: string; onParsed?: (file: string, article: WireArticle) => void },
): ContentAnalysis {
  const cache = new ParseCache(join(config.cachePath, 'parse-cache.json'), {
    timeZone: config.timeZone,
  });
  const inputs = findContentFiles(config.contentPath, config.maxFileSize);
  const entries: ReportEntry[] = [];
  const nextCache = new Map<string, CachedParse>();
  const parsedFiles: (ParsedFile & { parse: Extract<CachedParse, { ok: true }> })[] = [];
  let parsed = 0;
  let reused = 0;

  for (const input of inputs) {
    if (input.rejection) {
      entries.push({ file: input.file, status: 'rejected', line: 1, message: input.rejection });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(input.path);
    } catch (error) {
      entries.push({ file: input.file, status: 'rejected', line: 1, message: `cannot read the file: ${(error as Error).message}` });
      continue;
    }
    const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    let result = cache.get(input.file, digest);
    if (result) reused++;
    else {
      parsed++;
      const parse = parseWire(bytes, { timeZone: config.timeZone });
      if (parse.ok) options.onParsed?.(input.file, parse.article);
      result = parse.ok
        ? { digest, ok: true, summary: summarizeArticle(parse.article), warnings: parse.warnings }
        : { digest, ok: false, errors: parse.errors, warnings: parse.warnings };
    }
    nextCache.set(input.file, result);
    if (!result.ok) {
      const [first, ...more] = result.errors;
      const extra = more.length ? ` (and ${more.length} more: ${more.map(warningText).join('; ')})` : '';
      entries.push({ file: input.file, status: 'rejected', line: first?.line ?? 1, message: `${first?.message ?? 'unreadable'}${extra}` });
      continue;
    }
    const { summary } = result;
    parsedFiles.push({
      file: input.file,
      headline: summary.headline,
      section: summary.section,
      published: summary.published,
      timestamp: toMillis(summary.published),
      storyKey: summary.storyKey,
      parse: result,
    });
  }
  cache.save(nextCache);

  const byFile = new Map(parsedFiles.map((p) => [p.file, p]));
  const placements = placeArticles(parsedFiles, { timeZone: config.timeZone, defaultSection: config.defaultSection, now: options.now });
  const labels = sectionLabels(config, placements);
  const articles: ArticleRecord[] = [];
  for (const placement of placements) {
    const parsedFile = byFile.get(placement.file)!;
    const warnings = parsedFile.parse.warnings.map(warningText);
    const withWarnings = warnings.length ? { warnings } : {};
    if (placement.status === 'duplicate') {
      entries.push({ file: placement.file, status: 'duplicate', message: `same story (headline, time and text) as ${placement.duplicateOf}`, ...withWarnings });
      continue;
    }
    if (placement.status === 'scheduled') {
      entries.push({ file: placement.file, status: 'scheduled', message: `embargoed until ${parsedFile.published}`, ...withWarnings });
      continue;
    }
    entries.push({ file: placement.file, status: 'published', url: absoluteUrl(options.site, options.base, placement.path), ...withWarnings });
    articles.push({
      ...parsedFile.parse.summary,
      file: placement.file,
      path: placement.path,
      sectionSlug: placement.sectionSlug,
      sectionLabel: labels.get(placement.sectionSlug) ?? placement.sectionName,
      timestamp: parsedFile.timestamp,
      digest: parsedFile.parse.digest,
      warnings,
    });
  }
  const report = makeReport(entries, { now: options.now, contentDir: config.contentDirLabel });
  return { articles, report, parsed, reused };
}
