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
  file: z.string().min(1),
  path: z.string().min(1),
  headline: z.string().min(1),
  headlineLang: z.enum(['ur', 'ar']).optional(),
  section: z.string().optional(),
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
  storyKey: z.string(),
  digest: z.string(),
  warnings: z.array(z.string()),
  image: SocialImageSchema,
});

export type ArticleData = z.infer<typeof ArticleSchema>;
export type SocialImage = z.infer<typeof SocialImageSchema>;
