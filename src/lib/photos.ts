// `srcset` values of a wire photo's files, under the site's base (Photo.astro, Thumbnail.astro).
import { photoFiles, type PhotoFile, type PhotoFormat, type PhotoRecord } from '@dateline/pictures/record.ts';
import { photoPath } from '@dateline/urls.ts';
import type { Site } from './site.ts';

/** The files of one role and format, narrowest first, as `url 800w, …`. */
export function srcset(site: Site, photo: PhotoRecord, role: PhotoFile['role'], format: PhotoFormat): string {
  return photoFiles(photo, role, format)
    .map((f) => `${site.href(photoPath(photo.key, f.name))} ${f.width}w`)
    .join(', ');
}

/** A file's root-relative URL. */
export const photoHref = (site: Site, photo: PhotoRecord, file: PhotoFile) => site.href(photoPath(photo.key, file.name));
