// ninjs picture associations written for these tests (no agency text): the harbour ferry story of
// fixtures.ts with its photos, in the shapes of the three generations.
import { v1, v2, v3 } from './fixtures.ts';

export const PHOTO = {
  uri: 'urn:example:dateline:ferry-photo-1',
  headline: 'The ferry at the landing stage',
  caption: 'The harbour ferry leaves the repaired landing stage on Tuesday morning.',
  alt: 'A white ferry pulls away from a wooden pier.',
  by: 'Jon Reyes',
  copyright: '© 2024 Example News',
  usage: 'Editorial use only',
  base: 'https://images.example.com/ferry-1-base.jpg',
  thumb: 'https://images.example.com/ferry-1-thumb.jpg',
  second: 'photos/ferry-2.jpg',
};

/** ninjs 1.x: `associations` keyed by name, `renditions` keyed by name, lower-case fields. */
export function v1Pictures(): Record<string, unknown> {
  return v1({
    type: 'composite',
    associations: {
      // Listed first, but not the lead: `featureimage` is.
      gallery2: {
        uri: 'urn:example:dateline:ferry-photo-2',
        type: 'picture',
        description_text: 'Passengers queue for the first crossing.',
        renditions: { viewImage: { href: PHOTO.second, mimetype: 'image/jpeg', width: 1200, height: 800 } },
      },
      video: {
        uri: 'urn:example:dateline:ferry-video',
        type: 'video',
        renditions: { mp4: { href: 'https://images.example.com/ferry.mp4', mimetype: 'video/mp4' } },
      },
      featureimage: {
        uri: PHOTO.uri,
        type: 'picture',
        headline: PHOTO.headline,
        byline: PHOTO.by,
        description_text: PHOTO.caption,
        copyrightnotice: PHOTO.copyright,
        usageterms: PHOTO.usage,
        renditions: {
          thumbnail: { href: PHOTO.thumb, mimetype: 'image/jpeg', width: 300, height: 200, sizeinbytes: 21000 },
          baseImage: { href: PHOTO.base, mimetype: 'image/jpeg', width: 3000, height: 2000, sizeinbytes: 2400000 },
        },
      },
    },
  });
}

/** ninjs 2.x: `associations[]` with names, `renditions[]`, `descriptions[]` with roles, `by`. */
export function v2Pictures(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return v2({
    associations: [
      {
        name: 'a001',
        uri: PHOTO.uri,
        type: 'picture',
        headlines: [{ role: 'main', value: PHOTO.headline }],
        by: PHOTO.by,
        descriptions: [
          { role: 'alt', value: PHOTO.alt },
          { role: 'caption', value: PHOTO.caption },
        ],
        copyrightnotice: PHOTO.copyright,
        usageterms: PHOTO.usage,
        renditions: [
          { name: 'thumbnail', href: PHOTO.thumb, contenttype: 'image/jpeg', width: 300, height: 200, sizeinbytes: 21000 },
          { name: 'baseImage', href: PHOTO.base, contenttype: 'image/jpeg', width: 3000, height: 2000, sizeinbytes: 2400000 },
        ],
      },
      {
        name: 'a002',
        uri: 'urn:example:dateline:ferry-photo-2',
        type: 'picture',
        pubstatus: 'canceled',
        renditions: [{ name: 'baseImage', href: PHOTO.second, contenttype: 'image/jpeg' }],
      },
      {
        name: 'a003',
        uri: 'urn:example:dateline:ferry-photo-3',
        type: 'graphic',
        embargoed: '2024-03-06T08:00:00+01:00',
        renditions: [{ name: 'baseImage', href: 'https://images.example.com/route-map.png', contenttype: 'image/png', width: 800, height: 600 }],
      },
    ],
    ...overrides,
  });
}

/** ninjs 3.x: camelCase (`contentType`, `sizeInBytes`, `copyrightNotice`, `usageTerms`, `pubStatus`, `embargoedUntil`), a `poi` in pixels. */
export function v3Pictures(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return v3({
    associations: [
      {
        name: 'inline-1',
        uri: 'urn:example:dateline:ferry-photo-2',
        type: 'picture',
        renditions: [{ name: 'baseImage', href: PHOTO.second, contentType: 'image/jpeg', width: 1200, height: 800 }],
      },
      {
        name: 'feature',
        rel: 'irel:feature',
        uri: PHOTO.uri,
        type: 'picture',
        headlines: [{ value: PHOTO.headline }],
        by: PHOTO.by,
        descriptions: [{ value: PHOTO.caption }],
        copyrightNotice: PHOTO.copyright,
        usageTerms: PHOTO.usage,
        pubStatus: 'usable',
        embargoedUntil: '2024-03-05T12:00:00Z',
        renditions: [
          { name: 'baseImage', href: PHOTO.base, contentType: 'image/jpeg', width: 3000, height: 2000, sizeInBytes: 2400000, poi: { x: 750, y: 1500 } },
        ],
      },
    ],
    ...overrides,
  });
}

/** One of the three, for property seeds. */
export const withPictures = (generation: 1 | 2 | 3) => (generation === 1 ? v1Pictures() : generation === 2 ? v2Pictures() : v3Pictures());
