// Each XML format's document around a hostile payload (see hostile.ts), from the formats' fixtures.
import type { FileParse, FormatOptions } from '../../../integrations/dateline/formats/item.ts';
import { looksLikeNewsml12, parseNewsml12 } from '../../../integrations/dateline/formats/newsml-1.2/index.ts';
import { looksLikeNewsmlG2, parseNewsmlG2 } from '../../../integrations/dateline/formats/newsml-g2/index.ts';
import { looksLikeNitf, parseNitf } from '../../../integrations/dateline/formats/nitf/index.ts';
import { newsml12Doc } from '../newsml-1.2/fixtures.ts';
import { g2Doc } from '../newsml-g2/fixtures.ts';
import { nitfDoc } from '../nitf/fixtures.ts';
import type { Wrap } from './hostile.ts';

/** Puts a DOCTYPE between the XML declaration (the first line) and the root. */
const withDoctype = (doc: string, doctype?: string) => (doctype ? doc.replace(/^(<\?xml[^>]*\?>)\n/, `$1\n${doctype}\n`) : doc);

export interface XmlFormat {
  name: string;
  parse: (bytes: Uint8Array, options: FormatOptions) => FileParse;
  looksLike: (bytes: Uint8Array) => boolean;
  wrap: Wrap;
}

export const XML_FORMATS: XmlFormat[] = [
  {
    name: 'NewsML-G2',
    parse: parseNewsmlG2,
    looksLike: looksLikeNewsmlG2,
    wrap: (p) => withDoctype(g2Doc({ headlines: [`<headline>${p.headline ?? 'Headline'}</headline>`], paragraphs: [p.paragraph ?? 'Text.'] }), p.doctype),
  },
  {
    name: 'NITF',
    parse: parseNitf,
    looksLike: looksLikeNitf,
    wrap: (p) =>
      withDoctype(nitfDoc({ hedline: `        <hl1>${p.headline ?? 'Headline'}</hl1>`, content: `      <p>${p.paragraph ?? 'Text.'}</p>` }), p.doctype),
  },
  {
    name: 'NewsML 1.2',
    parse: parseNewsml12,
    looksLike: looksLikeNewsml12,
    wrap: (p) =>
      withDoctype(newsml12Doc({ headline: `<HeadLine>${p.headline ?? 'Headline'}</HeadLine>`, dataContent: `<p>${p.paragraph ?? 'Text.'}</p>` }), p.doctype),
  },
];
