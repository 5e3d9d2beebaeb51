// The theme's content collections: live collections over the publisher's archive (loaders in
// integrations/dateline/collections/loaders.ts). Pages read stories, lists, sections, agencies, days
// and market quotes only through these (getLiveEntry / getLiveCollection from 'astro:content'), so
// every read is recorded for the page and a publish redraws exactly the pages a change affects,
// whatever the theme shows. Stories are validated against the archive's one article schema.
import { defineLiveCollection } from 'astro:content';
import { z } from 'astro/zod';
import { articleSchema } from '@dateline/archive/schema.ts';
import type { WireItem } from '@dateline/formats/item.ts';
import { articleLoader, agencyLoader, dayLoader, listLoader, quoteLoader, sectionLoader } from '@dateline/collections/loaders.ts';

export const collections = {
  // the archive's one article schema, and with a single story the wire item its page shows
  articles: defineLiveCollection({ loader: articleLoader(), schema: articleSchema.extend({ wire: z.custom<WireItem>().optional() }) }),
  lists: defineLiveCollection({ loader: listLoader() }),
  sections: defineLiveCollection({ loader: sectionLoader() }),
  agencies: defineLiveCollection({ loader: agencyLoader() }),
  days: defineLiveCollection({ loader: dayLoader() }),
  quotes: defineLiveCollection({ loader: quoteLoader() }),
};
