// Schema of the `articles` collection: the lean per-article record (no body; see summary.ts).
import { z } from 'astro/zod';

const isoInstant = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)$/, 'expected ISO 8601 with offset');

export const SocialImageSchema = z.object({
  /** Site path without base, e.g. `og/world/2023/08/07/china-russia-….png`. */
  path: z.string(),
  type: z.enum(['image/png', 'image/jpeg']),
  width: z.number().int(),
  height: z.number().int(),
});

export const ArticleSchema = z.object({
  /** The story's identity key (stable across versions). */
  id: z.string().min(1),
  format: z.enum(['text', 'iptc7901', 'anpa1312', 'newsml-g2', 'nitf', 'newsml-1.2', 'ninjs']),
  /** The wire file of the version shown, and its item's position in the file. */
  file: z.string().min(1),
  item: z.number().int().min(0),
  path: z.string().min(1),
  headline: z.string().min(1),
  headlineLang: z.enum(['ur', 'ar']).optional(),
  subheadline: z.string().optional(),
  /** BCP 47 language the story declares (the site's language when absent). */
  language: z.string().optional(),
  section: z.string().optional(),
  subjects: z.array(z.object({ code: z.string().optional(), name: z.string().optional() })),
  /** The story was corrected (at the version shown or before), with the agency's note when it gave one. */
  correction: z.object({ note: z.string().optional() }).optional(),
  sectionSlug: z.string().min(1),
  sectionLabel: z.string().min(1),
  bylineText: z.string(),
  byline: z.array(z.object({ name: z.string().min(1), kind: z.enum(['agency', 'person', 'desk']) })),
  published: isoInstant,
  modified: isoInstant.optional(),
  timestamp: z.number(),
  dateline: z.string().optional(),
  summary: z.string(),
  quotes: z.array(
    z.object({
      symbol: z.string(),
      price: z.number(),
      direction: z.enum(['up', 'down', 'none']),
      change: z.number(),
      percent: z.number(),
    }),
  ),
  related: z.array(z.string()),
  contentKey: z.string(),
  digest: z.string(),
  warnings: z.array(z.string()),
  image: SocialImageSchema,
});

export type ArticleData = z.infer<typeof ArticleSchema>;
export type SocialImage = z.infer<typeof SocialImageSchema>;
