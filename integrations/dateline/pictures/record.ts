// What an article record keeps of each picture it shows: the words the page prints (alt, caption,
// credit, rights) and the derived files, named by the derived set's key. Pages, feeds, structured data
// and sitemaps all build their URLs from this with `photoPath` (../urls.ts); the files themselves are
// placed in the output folder by the publisher (publish/photos.ts) from the picture cache.

export type PhotoFormat = 'webp' | 'jpeg' | 'avif';

/** One derived file of a picture. */
export interface PhotoFile {
  /** File name inside the picture's folder (`w800.webp`, `t360.jpg`, `16x9.jpg`, `card.jpg`). */
  name: string;
  /** `responsive`: the article's `srcset`; `thumbnail`: lists (3:2); `crop`: structured data; `card`: the social card (1200×630). */
  role: 'responsive' | 'thumbnail' | 'crop' | 'card';
  ratio?: '16x9' | '4x3' | '1x1' | '3x2' | 'card';
  format: PhotoFormat;
  width: number;
  height: number;
}

export interface PhotoRecord {
  /** The derived set's key (a digest of the source bytes and every setting): its folder under `photos/`. */
  key: string;
  /** `lead`: above the story and its social card; `inline`: at its place in the body, else after it. */
  role: 'lead' | 'inline';
  /** Index of the picture in the wire item's `pictures` (a `picture` body block names it). */
  picture: number;
  alt: string;
  caption?: string;
  /** Printed under every picture: the wire's credit line, else its creator. */
  credit?: string;
  creator?: string;
  copyright?: string;
  usageTerms?: string;
  /** Size of the picture as published (the largest responsive file). */
  width: number;
  height: number;
  files: PhotoFile[];
}

/** The files of one role (and format, when given), narrowest first. */
export function photoFiles(photo: PhotoRecord, role: PhotoFile['role'], format?: PhotoFormat): PhotoFile[] {
  return photo.files.filter((f) => f.role === role && (!format || f.format === format)).sort((a, b) => a.width - b.width);
}

/** The lead photo of an article, when it has one. */
export function leadPhoto(photos: PhotoRecord[] | undefined): PhotoRecord | undefined {
  return photos?.find((p) => p.role === 'lead');
}

/** The photo a list shows for a story: its lead, else its first picture. */
export function listPhoto(photos: PhotoRecord[] | undefined): PhotoRecord | undefined {
  return leadPhoto(photos) ?? photos?.[0];
}
