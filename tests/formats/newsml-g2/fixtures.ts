// NewsML-G2 fixtures written for these tests (the story text is ours, not an agency's). `g2Item` builds a
// newsItem from parts; `g2Message` wraps items in a newsMessage.

export interface G2Parts {
  guid?: string | null;
  version?: string | null;
  lang?: string;
  pubStatus?: string | null;
  signals?: string[];
  firstCreated?: string | null;
  versionCreated?: string | null;
  embargoed?: string;
  edNotes?: string[];
  service?: string;
  headlines?: string[];
  by?: string;
  creators?: string[];
  creditline?: string;
  dateline?: string;
  located?: string;
  language?: string;
  subjects?: string[];
  /** Raw contentSet inner XML; by default an XHTML body of `paragraphs`. */
  contentSet?: string;
  paragraphs?: string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const DEFAULT_PARAGRAPHS = [
  'KARACHI (Reuters) - The port authority opened a second container terminal on Tuesday, doubling the number of ships it can unload at once.',
  'Officials said the new berths would cut waiting times for freighters from four days to less than two.',
  'Work on a third terminal is due to start next year.',
];

export function xhtml(paragraphs: string[]): string {
  return `    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml">
        <head><title>ignored</title></head>
        <body>
${paragraphs.map((p) => `          <p>${p}</p>`).join('\n')}
        </body>
      </html>
    </inlineXML>`;
}

export function g2Item(parts: G2Parts = {}): string {
  const attr = (name: string, value: string | null | undefined, fallback: string) => (value === null ? '' : ` ${name}="${value ?? fallback}"`);
  const time = (name: string, value: string | null | undefined, fallback: string) => (value === null ? '' : `    <${name}>${value ?? fallback}</${name}>\n`);
  const headlines = parts.headlines ?? ['<headline>Port opens second container terminal</headline>'];
  return `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"${attr('guid', parts.guid, 'urn:newsml:example.com:20240301:port-terminal')}${attr('version', parts.version, '1')} standard="NewsML-G2" standardversion="2.29" xml:lang="${parts.lang ?? 'en'}">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider qcode="nprov:EXAMPLE"/>
${time('versionCreated', parts.versionCreated, '2024-03-01T09:30:00Z')}${time('firstCreated', parts.firstCreated, '2024-03-01T09:00:00Z')}${parts.embargoed !== undefined ? `    <embargoed>${parts.embargoed}</embargoed>\n` : ''}${parts.pubStatus === null ? '' : `    <pubStatus qcode="${parts.pubStatus ?? 'stat:usable'}"/>\n`}${parts.service ?? '    <service qcode="svc:world"><name>World service</name></service>\n'}${(parts.edNotes ?? []).map((n) => `    <edNote>${n}</edNote>\n`).join('')}${(parts.signals ?? []).map((s) => `    <signal qcode="${s}"/>\n`).join('')}  </itemMeta>
  <contentMeta>
${parts.located ?? '    <located qcode="city:KHI"><name>Karachi</name></located>'}
${(parts.creators ?? ['<creator literal="Reuters"/>']).map((c) => `    ${c}`).join('\n')}
    <language tag="${parts.language ?? 'en'}"/>
${(parts.subjects ?? ['<subject qcode="medtop:04000000"><name>economy, business and finance</name></subject>']).map((s) => `    ${s}`).join('\n')}
${headlines.map((h) => `    ${h}`).join('\n')}
${parts.by !== undefined ? `    <by>${parts.by}</by>\n` : ''}${parts.dateline !== undefined ? `    <dateline>${parts.dateline}</dateline>\n` : ''}${parts.creditline !== undefined ? `    <creditline>${parts.creditline}</creditline>\n` : ''}  </contentMeta>
  <contentSet>
${parts.contentSet ?? xhtml(parts.paragraphs ?? DEFAULT_PARAGRAPHS)}
  </contentSet>
</newsItem>`;
}

export function g2Message(items: string[], extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header><sent>2024-03-01T10:00:00Z</sent></header>
  <itemSet>
${extra}${items.join('\n')}
  </itemSet>
</newsMessage>
`;
}

export const g2Doc = (parts: G2Parts = {}) => `<?xml version="1.0" encoding="UTF-8"?>\n${g2Item(parts)}\n`;
export { esc };

export interface G2PictureParts {
  guid?: string;
  itemClass?: string;
  pubStatus?: string;
  signals?: string[];
  embargoed?: string;
  headline?: string;
  caption?: string;
  descriptions?: string[];
  creditline?: string;
  creators?: string[];
  copyrightNotice?: string;
  usageTerms?: string;
  /** Raw contentSet inner XML; by default three renditions under `images.example.com/<name>-*.jpg`. */
  contentSet?: string;
}

/** A picture newsItem (our own photo of the port story). */
export function g2Picture(name: string, parts: G2PictureParts = {}): string {
  const base = `https://images.example.com/${name}`;
  return `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${parts.guid ?? `urn:newsml:example.com:20240301:${name}`}" version="1" standard="NewsML-G2" standardversion="2.29">
  <rightsInfo>
    <copyrightHolder literal="Example News"/>
${parts.copyrightNotice !== undefined ? `    <copyrightNotice>${parts.copyrightNotice}</copyrightNotice>\n` : ''}${parts.usageTerms !== undefined ? `    <usageTerms>${parts.usageTerms}</usageTerms>\n` : ''}  </rightsInfo>
  <itemMeta>
    <itemClass qcode="${parts.itemClass ?? 'ninat:picture'}"/>
    <provider qcode="nprov:EXAMPLE"/>
    <versionCreated>2024-03-01T09:20:00Z</versionCreated>
${parts.embargoed !== undefined ? `    <embargoed>${parts.embargoed}</embargoed>\n` : ''}    <pubStatus qcode="${parts.pubStatus ?? 'stat:usable'}"/>
${(parts.signals ?? []).map((s) => `    <signal qcode="${s}"/>\n`).join('')}  </itemMeta>
  <contentMeta>
${(parts.creators ?? []).map((c) => `    ${c}\n`).join('')}${parts.creditline !== undefined ? `    <creditline>${parts.creditline}</creditline>\n` : ''}${parts.headline !== undefined ? `    <headline>${parts.headline}</headline>\n` : ''}${parts.caption !== undefined ? `    <description role="drol:caption">${parts.caption}</description>\n` : ''}${(parts.descriptions ?? []).map((d) => `    ${d}\n`).join('')}  </contentMeta>
  <contentSet>
${
  parts.contentSet ??
  `    <remoteContent href="${base}-high.jpg" rendition="rnd:highRes" contenttype="image/jpeg" width="4000" height="2667" size="3100000"/>
    <remoteContent href="${base}-thumb.jpg" rendition="rnd:thumbnail" contenttype="image/jpeg" width="150" height="100" size="9000"/>
    <remoteContent href="${base}-preview.jpg" rendition="rnd:preview" contenttype="image/jpeg" width="640" height="427" size="80000"/>`
}
  </contentSet>
</newsItem>`;
}

/** A packageItem grouping items by guid: each group a list of guids. */
export function g2Package(groups: string[][], guid = 'urn:newsml:example.com:20240301:package'): string {
  return `    <packageItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${guid}" version="1" standard="NewsML-G2" standardversion="2.29">
      <itemMeta><itemClass qcode="ninat:composite"/><provider qcode="nprov:EXAMPLE"/><versionCreated>2024-03-01T09:30:00Z</versionCreated></itemMeta>
      <groupSet root="G1">
${groups.map((refs, i) => `        <group id="G${i + 1}" role="group:${i === 0 ? 'main' : 'sidebar'}">\n${refs.map((r) => `          <itemRef residref="${r}"/>`).join('\n')}\n        </group>`).join('\n')}
      </groupSet>
    </packageItem>
`;
}
