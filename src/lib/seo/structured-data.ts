// schema.org structured data (JSON-LD objects) for each kind of page: NewsArticle and BreadcrumbList
// on articles, CollectionPage and BreadcrumbList on section pages, WebSite on the home page. Plain
// objects here; SeoHead serialises them with serializeJsonLd().
import type { Article, SectionInfo } from '../articles.ts';
import type { Site } from '../site.ts';
import { agencyPath, agencySlug, listPagePath, photoPath, sectionPath } from '@dateline/urls.ts';
import { leadPhoto, photoFiles } from '@dateline/pictures/record.ts';
import { siteLogo } from './logo.ts';
import { correctionText } from '@dateline/stories/correction.ts';

type Thing = Record<string, unknown>;
const CONTEXT = 'https://schema.org';

const home = (site: Site) => site.absolute('');

export function publisher(site: Site): Thing {
  const logo = siteLogo(site.config.rootPath);
  return {
    '@type': 'Organization',
    '@id': `${home(site)}#publisher`,
    name: site.config.publicationName,
    url: home(site),
    ...(logo ? { logo: { '@type': 'ImageObject', url: site.absolute(logo.path), width: logo.width, height: logo.height } } : {}),
  };
}

/** Agencies and desks are organisations, named writers are people; no byline → the publisher. */
function authors(site: Site, article: Article): Thing[] {
  if (article.byline.length === 0) return [{ '@type': 'Organization', name: site.config.publicationName, url: home(site) }];
  return article.byline.map((part) =>
    part.kind === 'person'
      ? { '@type': 'Person', name: part.name }
      : part.kind === 'agency'
        ? { '@type': 'Organization', name: part.name, url: site.absolute(agencyPath(agencySlug(part.name))) }
        : { '@type': 'Organization', name: part.name },
  );
}

/**
 * The story's images: its lead photo cut at 16:9, 4:3 and 1:1 (1200 px wide where the source allows),
 * each with the licence metadata Google reads (credit, creator, copyright); else its social card.
 */
function articleImages(site: Site, article: Article): Thing[] {
  const lead = leadPhoto(article.photos);
  const crops = lead ? photoFiles(lead, 'crop') : [];
  if (!lead || crops.length === 0)
    return [{ '@type': 'ImageObject', url: site.absolute(article.image.path), width: article.image.width, height: article.image.height }];
  const order = ['16x9', '4x3', '1x1'];
  crops.sort((a, b) => order.indexOf(a.ratio ?? '') - order.indexOf(b.ratio ?? ''));
  return crops.map((crop) => ({
    '@type': 'ImageObject',
    url: site.absolute(photoPath(lead.key, crop.name)),
    contentUrl: site.absolute(photoPath(lead.key, crop.name)),
    width: crop.width,
    height: crop.height,
    ...(lead.caption ? { caption: lead.caption } : {}),
    ...(lead.credit ? { creditText: lead.credit } : {}),
    ...(lead.creator ? { creator: { '@type': 'Person', name: lead.creator } } : {}),
    ...(lead.copyright ? { copyrightNotice: lead.copyright } : {}),
  }));
}

export function newsArticle(site: Site, article: Article, description: string): Thing {
  const url = site.absolute(article.path);
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    headline: article.headline,
    ...(article.subheadline ? { alternativeHeadline: article.subheadline } : {}),
    description,
    datePublished: article.published,
    dateModified: article.modified ?? article.published,
    author: authors(site, article),
    publisher: publisher(site),
    image: articleImages(site, article),
    articleSection: article.sectionLabel,
    ...(article.dateline ? { dateline: article.dateline } : {}),
    inLanguage: article.language ?? site.config.language,
    ...(article.correction ? { correction: { '@type': 'CorrectionComment', text: correctionText(article.correction) } } : {}),
    isAccessibleForFree: true,
  };
}

export function breadcrumbs(site: Site, trail: { name: string; path: string }[]): Thing {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, i) => ({ '@type': 'ListItem', position: i + 1, name: crumb.name, item: site.absolute(crumb.path) })),
  };
}

export function articleBreadcrumbs(site: Site, article: Article): Thing {
  return breadcrumbs(site, [
    { name: site.config.siteName, path: '' },
    { name: article.sectionLabel, path: sectionPath(article.sectionSlug) },
    { name: article.headline, path: article.path },
  ]);
}

export function sectionBreadcrumbs(site: Site, section: SectionInfo, page: number): Thing {
  const trail = [
    { name: site.config.siteName, path: '' },
    { name: section.label, path: sectionPath(section.slug) },
  ];
  if (page > 0) trail.push({ name: `${section.label}, page ${page}`, path: listPagePath('section', section.slug, page) });
  return breadcrumbs(site, trail);
}

/** A section page: the list of stories it shows, as an ItemList. */
export function collectionPage(site: Site, section: SectionInfo, stories: Article[], path: string, title: string, description: string): Thing {
  const url = site.absolute(path);
  return {
    '@context': CONTEXT,
    '@type': 'CollectionPage',
    '@id': url,
    url,
    name: title,
    description,
    inLanguage: site.config.language,
    isPartOf: { '@type': 'WebSite', '@id': `${home(site)}#website`, name: site.config.siteName, url: home(site) },
    about: { '@type': 'Thing', name: section.label },
    mainEntity: {
      '@type': 'ItemList',
      itemListOrder: 'https://schema.org/ItemListOrderDescending',
      numberOfItems: stories.length,
      itemListElement: stories.map((a, i) => ({ '@type': 'ListItem', position: i + 1, url: site.absolute(a.path), name: a.headline })),
    },
  };
}

export function webSite(site: Site): Thing {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': `${home(site)}#website`,
    url: home(site),
    name: site.config.siteName,
    description: site.config.description,
    inLanguage: site.config.language,
    publisher: publisher(site),
  };
}
