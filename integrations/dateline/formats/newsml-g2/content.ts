// `contentSet`: the story text of a news item, inline as XHTML or NITF (`inlineXML`) or as text
// (`inlineData`). Remote content (`remoteContent href=…`) is a reference Dateline does not fetch.
import type { BodyBlock } from '../item.ts';
import { readNitfBody, readNitfStoryHead, type NitfStoryHead } from '../nitf/index.ts';
import { readTextBody, readXhtmlBody } from '../shared/xhtml-body.ts';
import { child, children, elementsOf, type XmlElement } from '../shared/xml.ts';

const CI = { ci: true } as const;

export interface StoryContent {
  kind: 'xhtml' | 'nitf' | 'text' | 'remote' | 'none';
  blocks: BodyBlock[];
  /** Line of the element the text came from (for messages). */
  line: number;
  /** NITF's own head (headline, byline, dateline) when the text is NITF. */
  nitfHead?: NitfStoryHead;
  /** The dateline marked up in the XHTML (dpa's `<span class="dateline">`), already out of the text. */
  datelineText?: string;
}

function readInlineXml(el: XmlElement, lastLine: number): StoryContent {
  const root = elementsOf(el)[0];
  const nitf = root?.name === 'nitf' ? root : undefined;
  if (nitf) {
    return { kind: 'nitf', blocks: readNitfBody(nitf, { lastLine }), line: el.line, nitfHead: readNitfStoryHead(nitf) };
  }
  const read = readXhtmlBody(root?.name.toLowerCase() === 'html' ? root : el, lastLine);
  return { kind: 'xhtml', line: el.line, ...read };
}

/**
 * The item's text: the first inline rendition that has any (XML before data, in document order), else
 * a note that the text is remote or missing.
 */
export function readContentSet(contentSet: XmlElement | undefined, itemLine: number, lastLine: number): StoryContent {
  if (!contentSet) return { kind: 'none', blocks: [], line: itemLine };
  const inline = [...children(contentSet, 'inlineXML', CI), ...children(contentSet, 'inlineData', CI)];
  let empty: StoryContent | undefined;
  for (const el of inline) {
    const content =
      el.name.toLowerCase() === 'inlinexml' ? readInlineXml(el, lastLine) : { kind: 'text' as const, blocks: readTextBody(el, lastLine), line: el.line };
    if (content.blocks.length) return content;
    empty ??= content;
  }
  if (empty) return empty;
  const remote = child(contentSet, 'remoteContent', CI);
  if (remote) return { kind: 'remote', blocks: [], line: remote.line };
  return { kind: 'none', blocks: [], line: contentSet.line };
}
