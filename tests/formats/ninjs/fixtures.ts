// ninjs fixtures written for these tests (no agency text): one made-up story about a harbour ferry, in
// the three generations, and the variants the samples lack.

export const STORY_URI = 'urn:example:dateline:ferry-2024-0001';

export const PARAGRAPHS = [
  'The harbour ferry resumed its morning crossings on Tuesday after a week of repairs to the landing stage.',
  'Passengers queued from dawn, and the first boat left four minutes late.',
  'The operator said the evening timetable would return next month.',
];

const html = (paras: string[]) => paras.map((p) => `<p>${p}</p>`).join('');

/** ninjs 1.x: `headline`, `body_html`, `byline`, lower-case times. */
export function v1(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uri: STORY_URI,
    type: 'text',
    version: '1',
    firstcreated: '2024-03-05T06:10:00Z',
    versioncreated: '2024-03-05T06:10:00Z',
    pubstatus: 'usable',
    language: 'en',
    headline: 'Harbour ferry back in service after repairs',
    byline: 'By Amina Clarke',
    located: 'Port Seaton',
    body_html: html(PARAGRAPHS),
    subject: [{ code: '04000000', name: 'economy, business and finance', scheme: 'http://cv.iptc.org/newscodes/mediatopic/' }],
    ...overrides,
  };
}

/** ninjs 2.x: `headlines[]`, `bodies[]` with `contenttype`, `by`. */
export function v2(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uri: STORY_URI,
    type: 'text',
    version: '1',
    firstcreated: '2024-03-05T06:10:00Z',
    versioncreated: '2024-03-05T06:10:00Z',
    pubstatus: 'usable',
    language: 'en',
    headlines: [{ role: 'main', value: 'Harbour ferry back in service after repairs' }],
    by: 'Amina Clarke',
    located: 'Port Seaton',
    bodies: [{ role: 'html', contenttype: 'text/html', value: html(PARAGRAPHS) }],
    subjects: [{ uri: 'http://cv.iptc.org/newscodes/mediatopic/04000000', name: 'economy, business and finance' }],
    ...overrides,
  };
}

/** ninjs 3.x: camelCase (`firstCreated`, `pubStatus`, `contentType`, `embargoedUntil`). */
export function v3(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uri: STORY_URI,
    standard: { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json' },
    type: 'text',
    version: '1',
    firstCreated: '2024-03-05T06:10:00Z',
    versionCreated: '2024-03-05T06:10:00Z',
    pubStatus: 'usable',
    language: 'en',
    headlines: [{ role: 'main', value: 'Harbour ferry back in service after repairs' }],
    by: 'Amina Clarke',
    located: 'Port Seaton',
    bodies: [{ role: 'html', contentType: 'text/html', value: html(PARAGRAPHS) }],
    subjects: [{ uri: 'http://cv.iptc.org/newscodes/mediatopic/04000000', name: 'economy, business and finance' }],
    ...overrides,
  };
}

/** A second version of the story: later versioncreated, one more paragraph. */
export function v1Second(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return v1({
    version: '2',
    versioncreated: '2024-03-05T09:45:00Z',
    body_html: html([...PARAGRAPHS, 'A spokesperson added that season tickets would be extended by a week.']),
    ...overrides,
  });
}

/** A picture item (no story). */
export function picture(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uri: 'urn:example:dateline:ferry-photo-1',
    type: 'picture',
    versioncreated: '2024-03-05T06:00:00Z',
    headline: 'The ferry at the landing stage',
    renditions: { main: { href: 'https://example.com/ferry.jpg', mimetype: 'image/jpeg' } },
    ...overrides,
  };
}

/** An AP Media API-like item whose body is only linked. */
export function linkedOnly(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uri: 'https://api.example.com/media/v/content/abc123?qt=QUERY1&et=0a1aza0c0',
    altids: { itemid: 'abc123', etag: 'abc123_0a1aza0c0' },
    version: 0,
    type: 'text',
    firstcreated: '2024-03-05T06:10:00Z',
    versioncreated: '2024-03-05T06:10:00Z',
    pubstatus: 'usable',
    signals: ['newscontent'],
    headline: 'Ferry back in service',
    provider: 'AP',
    renditions: { nitf: { href: 'https://api.example.com/media/v/content/abc123.0/download?type=text&format=NITF', mimetype: 'text/xml' } },
    ...overrides,
  };
}

export const json = (value: unknown) => JSON.stringify(value, null, 2);
