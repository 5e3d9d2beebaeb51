// NITF fixtures written for these tests (our own story text). `nitfDoc` builds a document from parts.

export interface NitfParts {
  declaration?: string;
  docdata?: string;
  docId?: string | null;
  duKey?: string;
  status?: string;
  issue?: string | null;
  release?: string;
  tobject?: string;
  meta?: string[];
  title?: string;
  hedline?: string;
  byline?: string;
  dateline?: string;
  distributor?: string;
  bodyHeadExtra?: string;
  content?: string;
  end?: string;
  baselang?: string;
}

export const DEFAULT_CONTENT = `      <p>QUETTA (AP) — The provincial government opened a new water treatment plant on Wednesday, the first in the valley.</p>
      <p>Engineers said the plant would supply clean water to about 200,000 homes.</p>
      <hl2>Years of shortages</hl2>
      <p>Residents have relied on tankers for a decade.</p>`;

export function nitfDoc(parts: NitfParts = {}): string {
  const status = parts.status === undefined ? '' : ` management-status="${parts.status}"`;
  const docId = parts.docId === null ? '' : `        <doc-id regsrc="EX" id-string="${parts.docId ?? 'EX.20240612.quetta-water'}"/>\n`;
  const issue = parts.issue === null ? '' : `        <date.issue norm="${parts.issue ?? '20240612T061500Z'}"/>\n`;
  const release = parts.release === undefined ? '' : `        <date.release norm="${parts.release}"/>\n`;
  return `${parts.declaration ?? '<?xml version="1.0" encoding="UTF-8"?>'}
<nitf version="-//IPTC//DTD NITF 3.6//EN"${parts.baselang ? ` baselang="${parts.baselang}"` : ''}>
  <head>
    <title>${parts.title ?? 'Quetta opens water treatment plant'}</title>
${(parts.meta ?? ['<meta name="anpa-category" content="a"/>']).map((m) => `    ${m}`).join('\n')}
${parts.tobject ?? '    <tobject tobject.type="News"><tobject.subject tobject.subject.ipr="IPTC" tobject.subject.refnum="06000000" tobject.subject.type="Environment"/></tobject>'}
    <docdata${status}>
${parts.docdata ?? ''}${docId}${parts.duKey ?? ''}${issue}${release}        <ed-msg info="Editors: photo to follow, not for publication"/>
    </docdata>
  </head>
  <body>
    <body.head>
      <hedline>
${parts.hedline ?? '        <hl1>Quetta opens water treatment plant</hl1>\n        <hl2>First plant in the valley</hl2>'}
      </hedline>
${parts.byline ?? '      <byline>By <person>Nadia Baloch</person>, <byttl>Staff Correspondent</byttl></byline>'}
${parts.distributor ?? '      <distributor>Example News</distributor>'}
${parts.dateline ?? '      <dateline><location><city>Quetta</city></location><story.date norm="20240612T061500Z">June 12</story.date></dateline>'}
${parts.bodyHeadExtra ?? '      <abstract><p>A summary that is not body text.</p></abstract>'}
    </body.head>
    <body.content>
${parts.content ?? DEFAULT_CONTENT}
    </body.content>
    <body.end>
${parts.end ?? '      <tagline>Additional reporting by the city desk.</tagline>'}
    </body.end>
  </body>
</nitf>
`;
}
