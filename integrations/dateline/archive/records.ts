// The article record: what the article index holds per published story (stored as JSON in the
// archive's `articles` table, beside the columns its lists are queried by). It is declared once, as a
// zod schema (./schema.ts): the type is inferred from it, and the archive checks every record against
// it before storing it.
export type { ArticleRecord } from './schema.ts';
