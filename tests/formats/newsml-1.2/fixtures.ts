// NewsML 1.2 fixtures written for these tests (our own story text), in AFP's layout.

export interface Newsml12Parts {
  declaration?: string;
  revision?: string;
  publicId?: string;
  identifier?: string;
  status?: string;
  statusWillChange?: string;
  firstCreated?: string | null;
  revisionCreated?: string | null;
  headline?: string;
  subheadline?: string;
  byline?: string;
  dateline?: string;
  creditline?: string;
  language?: string;
  subjects?: string;
  format?: string;
  dataContent?: string;
  update?: string;
  /** Wrap the text component in a nested NewsComponent next to a photo (AFP's newer feed). */
  nested?: boolean;
  /** Photo components (raw XML) put before the text in the item's top component. */
  photos?: string;
}

export const DEFAULT_DATA = `<nitf><body><body.content>
<p>The national carrier will start daily flights to three Central Asian capitals in May, its chief executive said on Thursday.</p>
<p>Tickets go on sale next week.</p>
<p>ab/cd</p>
</body.content></body></nitf>`;

export function newsItem12(parts: Newsml12Parts = {}): string {
  const rev = parts.revision ?? '1';
  const identifier =
    parts.identifier ??
    `<NewsIdentifier>
<ProviderId>example.com</ProviderId>
<DateId>20240404</DateId>
<NewsItemId>TX-FLIGHTS-01</NewsItemId>
<RevisionId PreviousRevision="${Number(rev) - 1}" Update="N">${rev}</RevisionId>
<PublicIdentifier>${parts.publicId ?? `urn:newsml:example.com:20240404:TX-FLIGHTS-01:${rev}`}</PublicIdentifier>
</NewsIdentifier>`;
  const time = (name: string, v: string | null | undefined, d: string) => (v === null ? '' : `<${name}>${v ?? d}</${name}>\n`);
  const text = `<ContentItem>
<MediaType FormalName="Text"/>
<Format FormalName="${parts.format ?? 'NITF3.1'}"/>
<DataContent>
${parts.dataContent ?? DEFAULT_DATA}
</DataContent>
</ContentItem>`;
  const lines = `<NewsLines>
${parts.headline ?? '<HeadLine>Airline adds Central Asian routes</HeadLine>'}
${parts.subheadline ?? ''}${parts.byline ?? ''}${parts.dateline ?? '<DateLine>ISLAMABAD, April 4, 2024 (XNA) -</DateLine>'}
${parts.creditline ?? ''}<CopyrightLine>(c) 2024 Example</CopyrightLine>
</NewsLines>`;
  const meta = `<AdministrativeMetadata><Provider><Party FormalName="AFP"/></Provider></AdministrativeMetadata>
<DescriptiveMetadata>
<Language FormalName="${parts.language ?? 'en'}"/>
${parts.subjects ?? '<SubjectCode><Subject FormalName="04000000" cat="ECO"/></SubjectCode>\n<SubjectCode><SubjectDetail FormalName="04015001"/></SubjectCode>\n<Genre FormalName="business"/>'}
<Location HowPresent="Origin"><Property FormalName="City" Value="Islamabad"/></Location>
</DescriptiveMetadata>`;
  const component = parts.nested
    ? `<NewsComponent>
${lines}
${meta}
<NewsComponent><ContentItem><MediaType FormalName="Photo"/><DataContent>not text</DataContent></ContentItem></NewsComponent>
<NewsComponent>
${text}
</NewsComponent>
</NewsComponent>`
    : `<NewsComponent>
${lines}
${meta}
${parts.photos ?? ''}${text}
</NewsComponent>`;
  return `<NewsItem xml:lang="en">
<Identification>
${identifier}
<NameLabel>airline-routes</NameLabel>
</Identification>
<NewsManagement>
<NewsItemType FormalName="News"/>
${time('FirstCreated', parts.firstCreated, '20240404T063000Z')}${time('ThisRevisionCreated', parts.revisionCreated, '20240404T063000Z')}<Status FormalName="${parts.status ?? 'Usable'}"/>
${parts.statusWillChange ?? ''}</NewsManagement>
${parts.update ?? ''}${component}
</NewsItem>`;
}

export function newsml12(items: string[], declaration = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  return `${declaration}
<NewsML Version="1.2">
<NewsEnvelope>
<DateAndTime>20240404T063500Z</DateAndTime>
<NewsService FormalName="WORLD"/>
<NewsProduct FormalName="ASIA"/>
</NewsEnvelope>
${items.join('\n')}
</NewsML>
`;
}

export const newsml12Doc = (parts: Newsml12Parts = {}) => newsml12([newsItem12(parts)], parts.declaration);

/** An AFP-style photo component (Role Photo) with its caption, credit, rights and three renditions. */
export const AFP_PHOTO = `<NewsComponent Duid="photo-1">
<Role FormalName="Photo"/>
<NewsLines>
<HeadLine>Passengers board the first flight</HeadLine>
<CreditLine>Example News/Amir Khan</CreditLine>
</NewsLines>
<AdministrativeMetadata><Provider><Party FormalName="AFP"/></Provider><Creator><Party FormalName="Amir Khan"/></Creator></AdministrativeMetadata>
<RightsMetadata>
<Copyright><CopyrightHolder>Example News</CopyrightHolder><CopyrightDate>2024</CopyrightDate></Copyright>
<UsageRights><UsageType>Editorial use only</UsageType><Limitations>No archiving</Limitations></UsageRights>
</RightsMetadata>
<NewsComponent>
<Role FormalName="Caption"/>
<ContentItem><MediaType FormalName="Text"/><Format FormalName="NITF3.1"/>
<DataContent><p>Passengers board the first flight to Almaty at Islamabad airport on <b>Thursday</b>.</p></DataContent>
</ContentItem>
</NewsComponent>
<NewsComponent>
<Role FormalName="HighDef"/>
<ContentItem Href="photo-1-hd.jpg"><MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/>
<Characteristics><SizeInBytes>2400000</SizeInBytes><Property FormalName="Width" Value="3000"/><Property FormalName="Height" Value="2000"/></Characteristics>
</ContentItem>
</NewsComponent>
<NewsComponent>
<Role FormalName="Thumbnail"/>
<ContentItem Href="photo-1-thumb.jpg"><MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/>
<Characteristics><SizeInBytes>9000</SizeInBytes><Property FormalName="Width" Value="150"/><Property FormalName="Height" Value="100"/></Characteristics>
</ContentItem>
</NewsComponent>
<NewsComponent>
<Role FormalName="Preview"/>
<ContentItem Href="photo-1_wm.jpg"><MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/>
<Characteristics><Property FormalName="Width" Value="3000"/><Property FormalName="Height" Value="2000"/></Characteristics>
</ContentItem>
</NewsComponent>
</NewsComponent>
`;
