// The article record's schema: what the archive stores for each published story (the `record` column of
// its `articles` table), field by field, as one zod schema. The type every importer uses is inferred from
// it (`ArticleRecord`, re-exported by ./records.ts), the archive checks each record against it before it
// stores it (`checkArticle`, called by the publisher: a record that fails is rejected in the report with
// its wire file and line, and the story is not published), and the theme's live collection
// (src/live.config.ts) reads typed records through it.
//
// The parts that have their own declarations elsewhere (a byline part, a subject code and a market quote
// in ../formats/item.ts, which parsers import without zod; a social image in ../og/paths.ts; a
// photo record in ../pictures/record.ts) are described here too, and the checks at the end of this file
// make the compiler refuse any difference between a declaration and its schema: a field added to one and
// not to the other fails `npm run check`.
//
// Besides the types, the schema states what readers and pages rely on and the types cannot say: a
// headline with something to read, instants in ISO 8601 with an offset, finite numbers, BCP 47
// languages, site paths that end in a slash. Objects are strict: a field the schema does not know is an
// error (a record holds exactly these fields).
import { z } from 'astro/zod';
import type { BylinePart, MarketQuote, SubjectCode, WireFormat } from '../formats/item.ts';
import type { ItemSummary } from '../ingest/summary.ts';
import type { PhotoFile, PhotoRecord } from '../pictures/record.ts';
import type { SocialImage } from '../og/paths.ts';

/** An instant as Dateline stores instants: ISO 8601 with a numeric offset (`2016-01-04T20:43:34+05:00`). */
const instant = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time with an offset' });
/** Text with something to read: a letter, digit, punctuation mark or symbol (not only spaces or invisible characters). */
const readable = z
  .string()
  .regex(/[\p{L}\p{N}\p{P}\p{S}]/u, { error: 'expected text with something to read (it is empty, or only spaces and invisible characters)' });
const nonEmpty = z.string().min(1, { error: 'must not be empty' });
/** A BCP 47 language tag, as the parsers accept them (`en`, `ur`, `nb-NO`). */
const language = z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, { error: 'expected a BCP 47 language tag' });
/** A site path without the base: relative, ending in a slash (`world/2023/08/07/china-russia-…/`). */
const sitePath = z.string().regex(/^[^/].*\/$/, { error: 'expected a site path without a leading slash, ending in a slash' });
/** The first 32 hex digits of a SHA-256. */
const digest = z.string().regex(/^[0-9a-f]{32}$/, { error: 'expected 32 hexadecimal digits' });
const size = z.number().int().positive();

export const wireFormatSchema = z.enum(['text', 'iptc7901', 'anpa1312', 'newsml-g2', 'nitf', 'newsml-1.2', 'ninjs'] satisfies WireFormat[]);

/** One part of a byline: an agency (organisation), a named person, or a desk. */
export const bylinePartSchema = z.strictObject({
  name: readable,
  kind: z.enum(['agency', 'person', 'desk']),
});

/** A subject, genre or category code an item carries, for the section map. */
export const subjectCodeSchema = z.strictObject({
  /** Qualified code as written: `medtop:04000000`, `subj:15000000`, `N2:US`, `anpa:s`, `iptc7901:SPO`. */
  code: z.string().optional(),
  /** Human name, when the item gives one (`Business`, `economy, business and finance`). */
  name: z.string().optional(),
});

/** A quote of the stock-ticker widget (`BAFL 41.78 Decreased By ▼ -0.11 (-0.26%)`), without its line. */
export const marketQuoteSchema = z.strictObject({
  symbol: nonEmpty,
  price: z.number(),
  /** `up` for "Increased By"/▲, `down` for "Decreased By"/▼, `none` when neither is given. */
  direction: z.enum(['up', 'down', 'none']),
  /** Signed change as printed, e.g. -0.11. */
  change: z.number(),
  /** Signed percent change as printed, e.g. -0.26. */
  percent: z.number(),
});

/** Where a story's social image is in the site (pages point at it; ../publish/social-images.ts draws it). */
export const socialImageSchema = z.strictObject({
  /** Site path without base, e.g. `og/world/2023/08/07/china-russia-….png`. */
  path: z.string().regex(/^[^/].*\.(?:png|jpg)$/, { error: 'expected a site path of a .png or .jpg file, without a leading slash' }),
  type: z.enum(['image/png', 'image/jpeg']),
  width: size,
  height: size,
  /** The cached image's content key (its file in the image cache), for articles' own images. */
  key: z.string().optional(),
});

/** One derived file of a picture. */
export const photoFileSchema = z.strictObject({
  /** File name inside the picture's folder (`w800.webp`, `t360.jpg`, `16x9.jpg`, `card.jpg`). */
  name: z.string().regex(/^[^/\\]+$/, { error: 'expected a file name' }),
  /** `responsive`: the article's `srcset`; `thumbnail`: lists (3:2); `crop`: structured data; `card`: the social card (1200×630). */
  role: z.enum(['responsive', 'thumbnail', 'crop', 'card']),
  ratio: z.enum(['16x9', '4x3', '1x1', '3x2', 'card']).optional(),
  format: z.enum(['webp', 'jpeg', 'avif']),
  width: size,
  height: size,
});

/** What an article record keeps of each picture it shows (../pictures/record.ts). */
export const photoRecordSchema = z.strictObject({
  /** The derived set's key (a digest of the source bytes and every setting): its folder under `photos/`. */
  key: nonEmpty,
  /** `lead`: above the story and its social card; `inline`: at its place in the body, else after it. */
  role: z.enum(['lead', 'inline']),
  /** Index of the picture in the wire item's `pictures` (a `picture` body block names it). */
  picture: z.number().int().nonnegative(),
  alt: z.string(),
  caption: z.string().optional(),
  /** Printed under every picture: the wire's credit line, else its creator. */
  credit: z.string().optional(),
  creator: z.string().optional(),
  copyright: z.string().optional(),
  usageTerms: z.string().optional(),
  /** Size of the picture as published (the largest responsive file). */
  width: size,
  height: size,
  files: z.array(photoFileSchema).min(1, { error: 'expected at least one derived file' }),
});

/** The article record: what the article index holds per published story. */
export const articleSchema = z.strictObject({
  // --- the story and where it is -------------------------------------------------------------------
  /** The story's identity key: the entry id, stable across versions. */
  id: nonEmpty,
  /** Path (relative to the content folder) of the wire file of the version shown. */
  file: z.string().regex(/^[^/]/, { error: 'expected a path relative to the content folder' }),
  /** Position of that version's item in its file. */
  item: z.number().int().nonnegative(),
  /** Site path without base, e.g. `world/2023/08/07/china-russia-…/`. */
  path: sitePath,
  sectionSlug: z.string().regex(/^[^/\s]+$/, { error: 'expected a slug (no slash, no space)' }),
  sectionLabel: nonEmpty,
  /** Epoch milliseconds of `published`, for sorting. */
  timestamp: z.number().int(),
  /** Digest of the shown version's wire file. */
  digest,
  /** Warnings on that file (parser, image coverage). */
  warnings: z.array(z.string()),

  // --- what the wire item said (its summary, ../ingest/summary.ts) --------------------------------
  format: wireFormatSchema,
  /** This version corrects an earlier one; `note`: the agency's public note on what was corrected. */
  correction: z.strictObject({ note: z.string().optional() }).optional(),
  headline: readable,
  /** `ur`/`ar` for a headline mostly in Arabic script (see ../ingest/script-language.ts). */
  headlineLang: z.enum(['ur', 'ar']).optional(),
  subheadline: z.string().optional(),
  /**
   * BCP 47 language of the item: the one it declares, else the one its text's letters tell
   * (../ingest/script-language.ts: a story in Urdu is `ur`); absent: the site's language.
   */
  language: language.optional(),
  /** The agency's urgency on IPTC's scale, 1 (most urgent, a flash) … 9 (least); absent: none given. */
  urgency: z.number().int().min(1).max(9).optional(),
  /** Section as the wire names it. */
  section: z.string().optional(),
  subjects: z.array(subjectCodeSchema),
  /** The item's keywords (NITF `key-list`, NewsML-G2 `keyword`, ninjs `keywords`); absent: none. */
  keywords: z.array(z.string()).optional(),
  /** Byline as written (`AFP | Reuters`, `By CHARLES ODUM`), '' when absent. */
  bylineText: z.string(),
  byline: z.array(bylinePartSchema),
  /** The story's publication time: that of its first version. */
  published: instant,
  /** When the version shown was made, for a story updated since it was published. */
  modified: instant.optional(),
  /** Place the story was filed from (`BEIJING`, `FAIRFAX (Virginia)`). */
  dateline: z.string().optional(),
  /** Opening words of the story (first paragraph without its dateline), at most ~300 characters. */
  summary: z.string(),
  quotes: z.array(marketQuoteSchema),
  /** Related-story headlines found in the body, in order. */
  related: z.array(z.string()),
  /** Equal for the same text delivered twice (headline, times, dateline, body, pictures). */
  contentKey: digest,

  // --- what the publisher adds ---------------------------------------------------------------------
  /** The story's social image: its lead photo's card, else a text card (or the site's default). */
  image: socialImageSchema,
  /** The pictures the story shows (the lead first), as published; absent: none. */
  photos: z.array(photoRecordSchema).optional(),
});

export type ArticleRecord = z.infer<typeof articleSchema>;

// ---------------------------------------------------------------------------------------------------
// Checking a record

/** `photos[0].files[2].width` for an issue's path. */
function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : `${text ? '.' : ''}${String(part)}`;
  return text || '(record)';
}

/** What a value is, in a few words, for a message. */
function valueText(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

function issueText(issue: z.core.$ZodIssue, input: unknown): string {
  let value = input;
  for (const part of issue.path) value = value == null ? undefined : (value as Record<PropertyKey, unknown>)[part];
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${article(issue.expected === 'int' ? 'integer' : issue.expected)}, got ${valueText(value)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${valueText(value)}`;
    case 'unrecognized_keys':
      return `unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    case 'too_small':
    case 'too_big': {
      if (!issue.message.startsWith('Too ')) return `${issue.message}, got ${valueText(value)}`;
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const compare = issue.code === 'too_small' ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
      const unit = issue.origin === 'string' ? ' character(s)' : issue.origin === 'array' ? ' item(s)' : '';
      return `expected ${compare} ${String(bound)}${unit}, got ${valueText(value)}`;
    }
    case 'invalid_format':
      return `${issue.message}, got ${valueText(value)}`;
    default:
      return `${issue.message}${value === undefined ? '' : `, got ${valueText(value)}`}`;
  }
}

/**
 * What is wrong with an article record, as the report says it (`headline: expected a string, got
 * nothing`; several problems joined by `; `), or undefined when it matches the schema.
 */
export function checkArticle(record: unknown): string | undefined {
  const result = articleSchema.safeParse(record);
  if (result.success) return undefined;
  return result.error.issues.map((issue) => `${pathText(issue.path)}: ${issueText(issue, record)}`).join('; ');
}

// ---------------------------------------------------------------------------------------------------
// One source of truth: each schema and the declaration it describes must be the same type.

/** Identical types (an optional field left out of one is a difference too), compared field by field. */
type Same<A, B> = (<T>() => T extends Flat<A> ? 1 : 2) extends <T>() => T extends Flat<B> ? 1 : 2 ? true : false;
type Flat<T> = { [K in keyof T]: T[K] };
type Holds<T extends true> = T;
/** The fields of a wire item's summary that an article record does not hold: what identifies a version, and pictures' embargoes (they only decide when the story is looked at again). */
type NotInRecord = 'status' | 'line' | 'key' | 'embargoedUntil' | 'version' | 'pictureEmbargoes';

/** Compile-time only (never used): fails type-checking when a declaration and its schema differ. */
export type SchemaMatchesDeclarations = [
  Holds<Same<z.infer<typeof bylinePartSchema>, BylinePart>>,
  Holds<Same<z.infer<typeof subjectCodeSchema>, SubjectCode>>,
  Holds<Same<z.infer<typeof marketQuoteSchema>, Omit<MarketQuote, 'line'>>>,
  Holds<Same<z.infer<typeof socialImageSchema>, SocialImage>>,
  Holds<Same<z.infer<typeof photoFileSchema>, PhotoFile>>,
  Holds<Same<z.infer<typeof photoRecordSchema>, PhotoRecord>>,
  // the record holds the rest of the item's summary, each field as the summary declares it
  Holds<Same<Pick<ArticleRecord, Exclude<keyof ItemSummary, NotInRecord>>, Omit<ItemSummary, NotInRecord>>>,
];
