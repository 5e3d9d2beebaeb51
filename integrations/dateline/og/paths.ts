// Where social images live in the site (pages point at them; ../publish/social-images.ts draws them).

export interface SocialImage {
  /** Site path without base, e.g. `og/world/2023/08/07/china-russia-….png`. */
  path: string;
  type: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  /** The cached image's content key (its file in the image cache), for articles' own images. */
  key?: string;
}

/** The site-wide image for pages that are not articles (and for all pages when images are off). */
export const DEFAULT_IMAGE: SocialImage = { path: 'og/default.png', type: 'image/png', width: 1200, height: 630 };
