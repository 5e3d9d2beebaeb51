// `/{section}/rss.xml`: the newest stories of one section (RSS 2.0; built in integrations/dateline/feeds/).
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../integrations/dateline/feeds/index.ts';
import { sectionFeedPath, sectionPath } from '../../../integrations/dateline/urls.ts';
import { getLibrary, type SectionInfo } from '../../lib/articles.ts';
import { config } from '../../lib/site.ts';
import { feedImagePath } from '../../lib/seo/logo.ts';
import { sectionDescription } from '../../lib/seo/description.ts';

export const getStaticPaths = (async () => {
  const { sections } = await getLibrary();
  return sections.map((section) => ({ params: { section: section.slug }, props: { section } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { section } = props as { section: SectionInfo };
  const { findByHeadline } = await getLibrary();
  return feedResponse({
    config,
    title: `${section.label} — ${config.siteName}`,
    description: sectionDescription(section.label),
    pagePath: sectionPath(section.slug),
    feedPath: sectionFeedPath(section.slug),
    imagePath: feedImagePath(),
    articles: section.articles,
    relatedPath: (headline) => findByHeadline(headline)?.path,
  });
};
