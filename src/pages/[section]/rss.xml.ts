// `/{section}/rss.xml`: the newest stories of one section (RSS 2.0; built in integrations/dateline/feeds/).
import type { APIRoute } from 'astro';
import { feedResponse } from '../../../integrations/dateline/feeds/index.ts';
import { sectionFeedPath, sectionPath } from '../../../integrations/dateline/urls.ts';
import { getLibrary } from '../../lib/articles.ts';
import { config } from '../../lib/site.ts';
import { feedImagePath } from '../../lib/seo/logo.ts';
import { sectionDescription } from '../../lib/seo/description.ts';

export const GET: APIRoute = async ({ params }) => {
  const library = getLibrary();
  const section = library.section(params.section ?? '');
  if (!section) return new Response(null, { status: 404 });
  return feedResponse({
    config,
    title: `${section.label} — ${config.siteName}`,
    description: sectionDescription(section.label),
    pagePath: sectionPath(section.slug),
    feedPath: sectionFeedPath(section.slug),
    imagePath: feedImagePath(),
    articles: library.sectionLatest(section.slug, config.feedItems),
    relatedPath: (headline) => library.findByHeadline(headline)?.path,
    wireItem: (article) => library.wireItem(article),
  });
};
