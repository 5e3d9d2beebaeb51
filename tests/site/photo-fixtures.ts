// Wire items with pictures for the site tests: ninjs 2 stories (their pictures as `associations`) and a
// NITF story with a picture in its body. The text is our own; pictures are made by tests/pictures/images.ts.

export interface PictureFixture {
  href: string;
  caption?: string;
  alt?: string;
  by?: string;
  credit?: string;
  copyright?: string;
  usage?: string;
  pubstatus?: string;
  embargoed?: string;
  /** Extra renditions before the real one (e.g. a watermarked preview). */
  before?: { name: string; title?: string; href: string; width?: number; height?: number }[];
  width?: number;
  height?: number;
  contenttype?: string;
}

export interface StoryFixture {
  uri: string;
  version?: number;
  headline: string;
  /** ISO with offset. */
  published: string;
  updated?: string;
  pubstatus?: string;
  /** A Media Topic number: 04000000 economy (Business), 15000000 sport. */
  topic?: string;
  paragraphs?: string[];
  pictures?: PictureFixture[];
}

const PARAGRAPHS = [
  'The port authority said on Tuesday that night shifts had cleared most of the backlog at the east wharf.',
  'Ships waited an average of two days, down from six at the start of the month, officials said.',
  'Importers welcomed the change but asked for longer opening hours at the customs hall.',
];

export function ninjsStory(s: StoryFixture): string {
  const associations = (s.pictures ?? []).map((p, i) => ({
    name: i === 0 ? 'featureimage' : `picture${i}`,
    uri: `${s.uri}/picture/${i + 1}`,
    type: 'picture',
    version: '1',
    pubstatus: p.pubstatus ?? 'usable',
    ...(p.embargoed ? { embargoed: p.embargoed } : {}),
    ...(p.by ? { by: p.by } : {}),
    ...(p.credit ? { creditline: p.credit } : {}),
    descriptions: [...(p.caption ? [{ role: 'caption', value: p.caption }] : []), ...(p.alt ? [{ role: 'alt', value: p.alt }] : [])],
    ...(p.copyright ? { copyrightnotice: p.copyright } : {}),
    ...(p.usage ? { usageterms: p.usage } : {}),
    renditions: [
      ...(p.before ?? []).map((r) => ({ contenttype: 'image/jpeg', ...r })),
      { name: 'original', href: p.href, contenttype: p.contenttype ?? 'image/jpeg', ...(p.width ? { width: p.width, height: p.height } : {}) },
    ],
  }));
  return JSON.stringify(
    {
      uri: s.uri,
      type: 'text',
      version: String(s.version ?? 1),
      firstcreated: s.published,
      versioncreated: s.updated ?? s.published,
      pubstatus: s.pubstatus ?? 'usable',
      language: 'en',
      by: 'Staff Reporter',
      headlines: [{ role: 'main', value: s.headline }],
      subjects: [{ name: s.topic === '15000000' ? 'sport' : 'economy', uri: `http://cv.iptc.org/newscodes/mediatopic/${s.topic ?? '04000000'}` }],
      bodies: [{ role: 'main', contenttype: 'text/html', value: (s.paragraphs ?? PARAGRAPHS).map((p) => `<p>${p}</p>`).join('') }],
      ...(associations.length ? { associations } : {}),
    },
    null,
    2,
  );
}

/** A NITF story with one picture between its second and third paragraphs. */
export function nitfStory(s: { id: string; headline: string; published: string; source: string; alt: string; caption: string; producer: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN">
  <head>
    <title>${s.headline}</title>
    <tobject tobject.type="news"><tobject.subject tobject.subject.ipr="IPTC" tobject.subject.refnum="04000000" tobject.subject.type="Economy, Business and Finance"/></tobject>
    <docdata management-status="usable">
      <doc-id regsrc="test" id-string="${s.id}"/>
      <date.issue norm="${s.published}"/>
    </docdata>
  </head>
  <body>
    <body.head><hedline><hl1>${s.headline}</hl1></hedline><byline>By <person>Hira Aslam</person></byline></body.head>
    <body.content>
      <p>First paragraph before the picture.</p>
      <p>Second paragraph before the picture.</p>
      <media media-type="image">
        <media-reference mime-type="image/png" source="${s.source}" alternate-text="${s.alt}"/>
        <media-caption>${s.caption}</media-caption>
        <media-producer>${s.producer}</media-producer>
      </media>
      <p>Third paragraph after the picture.</p>
    </body.content>
  </body>
</nitf>
`;
}
