// Property tests for NewsML-G2 (see ../xml/property-harness.ts): never throws, keeps the contract.
import { describe } from 'vitest';
import { looksLikeNewsmlG2, parseNewsmlG2 } from '../../../integrations/dateline/formats/newsml-g2/index.ts';
import { xmlProperties } from '../xml/property-harness.ts';
import { g2Doc, g2Item, g2Message, g2Package, g2Picture } from './fixtures.ts';

const nitfContent = `    <inlineXML contenttype="application/nitf+xml"><nitf><body><body.head><hedline><hl1>Inner headline</hl1></hedline>
      <byline>By <person>A Writer</person></byline></body.head><body.content><p>LAHORE (AP) — Inner text.</p><bq><p>Quote.</p><credit>someone</credit></bq></body.content></body></nitf></inlineXML>`;

describe('NewsML-G2 never throws and keeps the contract', () => {
  xmlProperties(parseNewsmlG2, looksLikeNewsmlG2, [
    g2Doc({ signals: ['edStat:C'], edNotes: ['not for publication'], embargoed: '2024-03-02T06:00:00Z', by: 'By Sana Mirza' }),
    g2Message([
      g2Item(),
      g2Item({ guid: 'urn:b', pubStatus: 'stat:canceled', contentSet: '' }),
      g2Item({ guid: 'urn:c', headlines: [], contentSet: nitfContent }),
    ]),
    g2Doc({ contentSet: '    <inlineData contenttype="text/plain"><![CDATA[<p>(APP) - Lahore, March 1 - One.\n   Two.</p>]]></inlineData>' }),
    g2Message(
      [
        g2Picture('a', {
          caption: 'A <b>cap</b>.',
          embargoed: '2024-03-02T06:00:00Z',
          creators: ['<creator role="crol:photographer"><name>P</name></creator>'],
        }),
        g2Item(),
        g2Picture('b', { pubStatus: 'stat:canceled' }),
      ],
      g2Package([['urn:newsml:example.com:20240301:port-terminal', 'urn:newsml:example.com:20240301:a', 'urn:newsml:example.com:20240301:b']]),
    ),
  ]);
});
