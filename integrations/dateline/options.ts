// The publisher's options for `dateline({...})`, validated with zod. The schema is strict: an unknown
// key (a typo) is an error naming the option, and every default lives here, not in `??` elsewhere.
import { z } from 'astro/zod';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { SitemapItemLoose } from 'sitemap';

const isIanaZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like "#1a1a1a"');

export const SectionSchema = z
  .object({
    /** Section name as written in wire files (matched case-insensitively), e.g. `World`. */
    name: z.string().min(1),
    /** Label shown to readers; defaults to the name. */
    label: z.string().min(1).optional(),
  })
  .strict();

export const OgImageOptionsSchema = z
  .object({
    background: colour.default('#101418'),
    foreground: colour.default('#ffffff'),
    accent: colour.default('#c8102e'),
    muted: colour.default('#b8c0c8'),
    /** Path (relative to the project root) of a PNG or SVG logo drawn on every image. */
    logo: z.string().optional(),
  })
  .strict();

/** Fetching pictures over https from the agencies' servers: off unless hosts are listed. */
export const RemotePhotosSchema = z
  .object({
    /** Host names (`photos.agency.com`, or `host:port`) pictures may be fetched from; redirects must stay among them. */
    hosts: z.array(z.string().min(1)).min(1),
    /**
     * Request headers per host, each naming the environment variable that holds its value (so keys never
     * sit in the config): `{ 'api.agency.com': { Authorization: 'AGENCY_PHOTO_KEY' } }`.
     */
    headers: z.record(z.string().min(1), z.record(z.string().min(1), z.string().min(1))).default({}),
    /** Milliseconds a fetch may take, redirects included. */
    timeout: z.number().int().min(100).default(15_000),
    /** Largest picture fetched, in bytes. */
    maxBytes: z
      .number()
      .int()
      .min(1)
      .default(40 * 1024 * 1024),
    /** Allow plain http (an intranet, a test server); https only otherwise. */
    allowHttp: z.boolean().default(false),
    /** Allow hosts that resolve to private, loopback or link-local addresses (an intranet, a test server). */
    allowPrivateAddresses: z.boolean().default(false),
  })
  .strict();

/** Wire pictures: where they may come from, and what is made of them. */
export const PhotosOptionsSchema = z
  .object({
    /** Remote fetching (`hosts` lists where from); absent: only files inside the content folder are read. */
    remote: RemotePhotosSchema.optional(),
    /** Widths of the responsive files, in pixels (none wider than the source is made). */
    widths: z.array(z.number().int().min(64).max(4096)).min(1).default([400, 800, 1200, 1600]),
    /** Also write AVIF files (several times the work of WebP). */
    avif: z.boolean().default(false),
    /** Use renditions the wire marks as priced. */
    allowPriced: z.boolean().default(false),
    /** Largest picture decoded, in pixels (width × height); a larger one is refused before decoding. */
    maxPixels: z.number().int().min(1).default(100_000_000),
  })
  .strict();

/** A page's entry as `@astrojs/sitemap` hands it to `serialize`, and as the `sitemap` library writes it. */
export type SitemapItem = SitemapItemLoose;

const isFunction = (value: unknown) => typeof value === 'function';

/**
 * The page sitemaps' options, those of `@astrojs/sitemap` and applied as it applies them
 * (sitemaps/pages.ts); its `entryLimit` is `sitemapLimit`, and its `chunks` are Dateline's groups.
 */
export const SitemapOptionsSchema = z
  .object({
    /** Whether a page is listed, by its absolute URL. */
    filter: z.custom<(url: string) => boolean>(isFunction, 'expected a function (url) => boolean').optional(),
    /** Changes a page's entry (`{ url, links, lastmod, priority, changefreq, img }`), or drops it by returning nothing. */
    serialize: z
      .custom<(item: SitemapItem) => SitemapItem | undefined | null | false | Promise<SitemapItem | undefined | null | false>>(
        isFunction,
        'expected a function (item) => item | undefined',
      )
      .optional(),
    /** `changefreq` of every entry. */
    changefreq: z.enum(['always', 'hourly', 'daily', 'weekly', 'monthly', 'yearly', 'never']).optional(),
    /** `lastmod` of the entries of pages that have none (search), and of the custom sitemaps in the index. */
    lastmod: z.date().optional(),
    /** `priority` of every entry. */
    priority: z.number().min(0).max(1).optional(),
    /** An XSL stylesheet for every sitemap and the index (relative to the site's base URL, or absolute). */
    xslURL: z.string().optional(),
    /** The `urlset` namespaces (all on unless `false`). */
    namespaces: z
      .object({ news: z.boolean().optional(), xhtml: z.boolean().optional(), image: z.boolean().optional(), video: z.boolean().optional() })
      .strict()
      .optional(),
    /** Absolute URLs of other sitemaps the index lists (after the news sitemap). */
    customSitemaps: z.array(z.url()).optional(),
  })
  .strict();

export type SitemapOptions = z.output<typeof SitemapOptionsSchema>;

export const DatelineOptionsSchema = z
  .object({
    /** Site name shown in the masthead, titles, feeds and images. */
    siteName: z.string().min(1).default('Dateline'),
    /** Publication name for Google News and JSON-LD `publisher`; defaults to the site name. */
    publicationName: z.string().min(1).optional(),
    /** One-line description for the home page, feeds and meta tags. */
    description: z.string().min(1).default('News from the wire'),
    /** BCP 47 language of the site (`en`, `ur`, …). */
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a BCP 47 tag like "en"')
      .default('en'),
    /** IANA time zone the wire times are written in, and that readers are shown. */
    timeZone: z.string().refine(isIanaZone, 'expected an IANA time zone like "Asia/Karachi"').default('Asia/Karachi'),
    /** Section for files whose wire copy names none. */
    defaultSection: z.string().min(1).default('News'),
    /**
     * Subject codes and names to sections, for agency items (which carry codes, not a section):
     * IPTC Media Topics (`medtop:15000000`), Subject Codes (`subj:04000000`), provider codes (`N2:US`,
     * `anpa:s`) or subject names (`Business`); matched case-insensitively, before the default map. A
     * key that is a section name the wire text gives renames that section (`Pakistan: 'National'`).
     */
    sectionMap: z.record(z.string().min(1), z.string().min(1)).default({}),
    /** Section order in the navigation, with optional labels. Sections not listed follow, A–Z. */
    sections: z.array(z.union([z.string().min(1), SectionSchema])).default([]),
    /** Folder of wire `.txt` files, relative to the project root (env `DATELINE_CONTENT` overrides). */
    contentDir: z.string().min(1).default('content'),
    /** Fail the build when any file is rejected, after listing them all (env `DATELINE_STRICT=1`). */
    strict: z.boolean().default(false),
    /** Articles per section, agency and archive page. */
    pageSize: z.number().int().min(1).max(500).default(20),
    /** Items per RSS feed. */
    feedItems: z.number().int().min(1).max(1000).default(50),
    /** Largest wire file accepted, in bytes. */
    maxFileSize: z
      .number()
      .int()
      .min(1)
      .default(4 * 1024 * 1024),
    /** URLs per sitemap file before it is split (the protocol allows 50,000). */
    sitemapLimit: z.number().int().min(1).max(50_000).default(45_000),
    /** The page sitemaps' `@astrojs/sitemap` options (filter, serialize, changefreq, priority, lastmod, xslURL, namespaces, customSitemaps). */
    sitemap: SitemapOptionsSchema.default({}),
    /**
     * Stories per search-index shard (whole months, oldest first). Pagefind's memory while writing a
     * shard grows with its text (about 150 MB for 1,000 stories of ~2 KB); publishing re-indexes only
     * the newest shard; the search page loads shards newest first as it needs them.
     */
    searchShardSize: z.number().int().min(1).default(1000),
    /** Social images; colours follow the theme. */
    // prefault: zod 4 returns a `.default()` value as is; this parses `{}` so the colour defaults apply.
    ogImage: OgImageOptionsSchema.prefault({}),
    /** Wire pictures (see docs/photos.md). */
    photos: PhotosOptionsSchema.prefault({}),
  })
  .strict();

export type DatelineUserOptions = z.input<typeof DatelineOptionsSchema>;
export type DatelineOptions = z.output<typeof DatelineOptionsSchema>;

/** Options after validation and environment overrides, as the publisher and the pages (Astro.locals.dateline) see them. */
export interface ResolvedDatelineConfig extends Omit<DatelineOptions, 'sections' | 'publicationName'> {
  publicationName: string;
  sections: { name: string; label: string }[];
  /** The content folder as the publisher names it (relative to the root when inside it), for messages. */
  contentDirLabel: string;
  /** Absolute path of the content folder. */
  contentPath: string;
  /** Absolute path of the project root. */
  rootPath: string;
  /** Absolute path of the build report. */
  reportPath: string;
  /** Absolute path of Dateline's cache folder (the archive, social images, search shards, the publish lock). */
  cachePath: string;
  /** Absolute site URL (`site`, env `SITE_URL` overrides). */
  site: string;
  /** Astro's `base`, always with leading and trailing slash (`/`, `/news/`). */
  base: string;
  /** The Astro command running: social images are only rendered by `build`. */
  command: 'dev' | 'build' | 'preview' | 'sync';
  /** Whether per-article social images are rendered (env `DATELINE_OG_IMAGES=0` turns them off). */
  ogImages: boolean;
}

/**
 * A mistake in the options or in an environment override: the message says what to change, so the
 * command-line tools print it alone (cli/fail.ts), and so does Astro, which prints a stack trace only
 * for an error that has one: a trace into Dateline and zod says nothing to whoever mistyped an option.
 */
export class DatelineOptionsError extends Error {
  override name = 'DatelineOptionsError';
  constructor(message: string) {
    super(message);
    this.stack = '';
  }
}

/** Options at each level of the schema (a path without array indexes: `photos.remote`, `sections`). */
const OPTION_LEVELS: Record<string, string[]> = {
  '': Object.keys(DatelineOptionsSchema.shape),
  ogImage: Object.keys(OgImageOptionsSchema.shape),
  photos: Object.keys(PhotosOptionsSchema.shape),
  'photos.remote': Object.keys(RemotePhotosSchema.shape),
  sections: Object.keys(SectionSchema.shape),
  sitemap: Object.keys(SitemapOptionsSchema.shape),
};

/** Edits (insert, delete, substitute, swap two neighbours) between two words, ignoring case. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[x.length]![y.length]!;
}

/**
 * The known option closest to an unknown one, as a full path (`siteName`, `photos.remote`): at the
 * same level within a few edits (a third of the name's length, at least one), else an option of that
 * name at another level (`hosts` at the top → `photos.remote.hosts`).
 */
export function suggestOption(level: string, key: string): string | undefined {
  const known = OPTION_LEVELS[level] ?? [];
  const prefix = level ? `${level}.` : '';
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(key, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (best && best.distance <= Math.max(1, Math.floor(key.length / 3))) return `${prefix}${best.name}`;
  for (const [other, names] of Object.entries(OPTION_LEVELS)) {
    if (other === level) continue;
    const same = names.find((name) => name.toLowerCase() === key.toLowerCase());
    if (same) return `${other}.${same}`;
  }
  return undefined;
}

/** Validates user options and turns zod's error into one that names each bad option (and the option meant, for a typo). */
export function parseOptions(input: unknown): DatelineOptions {
  const result = DatelineOptionsSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length ? `${issue.path.join('.')}.` : '';
      const level = issue.path.filter((p) => typeof p !== 'number').join('.');
      return issue.keys
        .map((k) => {
          const suggestion = suggestOption(level, k);
          return `- unknown option "${where}${k}"${suggestion ? `: did you mean \`${suggestion}\`?` : ''}`;
        })
        .join('\n');
    }
    return `- option "${issue.path.join('.') || '(root)'}": ${issue.message}`;
  });
  throw new DatelineOptionsError(`Invalid dateline() options in astro.config.mjs:\n${lines.join('\n')}\nSee README.md, "Options".`);
}

const envFlag = (value: string | undefined) => value !== undefined && !['', '0', 'false', 'no', 'off'].includes(value.toLowerCase());

type WholeNumberOption = 'sitemapLimit' | 'searchShardSize' | 'maxFileSize';

/** An environment override of a whole-number option, validated by that option's schema. */
function wholeNumberFromEnv(name: string, option: WholeNumberOption, value: string, expected: string): number {
  const parsed = DatelineOptionsSchema.shape[option].safeParse(Number(value));
  if (!/^\d+$/.test(value) || !parsed.success) throw new DatelineOptionsError(`${name}="${value}" must be ${expected}`);
  return parsed.data;
}

/**
 * Applies defaults and the environment overrides (DATELINE_CONTENT, SITE_URL, DATELINE_STRICT,
 * DATELINE_REPORT, DATELINE_OG_IMAGES, DATELINE_CACHE_DIR, DATELINE_SITEMAP_LIMIT, DATELINE_MAX_FILE_SIZE,
 * DATELINE_SEARCH_SHARD_SIZE) to validated options.
 */
export function resolveConfig(
  options: DatelineOptions,
  astro: { rootPath: string; site?: string; base: string; cacheDir: string; command: ResolvedDatelineConfig['command'] },
  env: NodeJS.ProcessEnv = process.env,
): ResolvedDatelineConfig {
  const site = env.SITE_URL || astro.site;
  if (!site) throw new DatelineOptionsError('Dateline needs an absolute site URL: set `site` in astro.config.mjs or SITE_URL');
  const contentPath = resolve(astro.rootPath, env.DATELINE_CONTENT || options.contentDir);
  const fromRoot = relative(astro.rootPath, contentPath);
  const cacheDir = env.DATELINE_CACHE_DIR ? resolve(astro.rootPath, env.DATELINE_CACHE_DIR) : astro.cacheDir;
  const resolved: ResolvedDatelineConfig = {
    ...options,
    publicationName: options.publicationName ?? options.siteName,
    sections: options.sections.map((s) => (typeof s === 'string' ? { name: s, label: s } : { name: s.name, label: s.label ?? s.name })),
    strict: options.strict || envFlag(env.DATELINE_STRICT),
    // without a trailing slash whichever way it came (Astro gives `/site/`, the commands `/site`): the
    // options are part of what every page depends on, and a build then a publish must agree
    rootPath: resolve(astro.rootPath),
    contentPath,
    contentDirLabel: fromRoot.startsWith('..') || isAbsolute(fromRoot) ? contentPath : fromRoot || '.',
    reportPath: resolve(astro.rootPath, env.DATELINE_REPORT || '.dateline/report.json'),
    cachePath: join(cacheDir, 'dateline'),
    ogImages: env.DATELINE_OG_IMAGES === undefined ? true : envFlag(env.DATELINE_OG_IMAGES),
    sitemapLimit: env.DATELINE_SITEMAP_LIMIT
      ? wholeNumberFromEnv('DATELINE_SITEMAP_LIMIT', 'sitemapLimit', env.DATELINE_SITEMAP_LIMIT, 'a whole number from 1 to 50000')
      : options.sitemapLimit,
    maxFileSize: env.DATELINE_MAX_FILE_SIZE
      ? wholeNumberFromEnv('DATELINE_MAX_FILE_SIZE', 'maxFileSize', env.DATELINE_MAX_FILE_SIZE, 'a whole number of bytes, at least 1')
      : options.maxFileSize,
    searchShardSize: env.DATELINE_SEARCH_SHARD_SIZE
      ? wholeNumberFromEnv('DATELINE_SEARCH_SHARD_SIZE', 'searchShardSize', env.DATELINE_SEARCH_SHARD_SIZE, 'a whole number of stories, at least 1')
      : options.searchShardSize,
    site: new URL(site).href,
    base: `/${astro.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/'),
    command: astro.command,
  };
  // `sitemap` may hold functions (filter, serialize): kept out of what is copied to the render workers
  // (structured clone refuses functions) and of the site's key (JSON); the sitemaps keep a key of
  // their own (sitemaps/pages.ts `sitemapSettingsKey`).
  Object.defineProperty(resolved, 'sitemap', { value: options.sitemap, enumerable: false, writable: true, configurable: true });
  return resolved;
}
