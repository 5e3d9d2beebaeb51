// Property tests for NITF (see ../xml/property-harness.ts): never throws, keeps the contract.
import { describe } from 'vitest';
import { looksLikeNitf, parseNitf } from '../../../integrations/dateline/formats/nitf/index.ts';
import { xmlProperties } from '../xml/property-harness.ts';
import { nitfDoc } from './fixtures.ts';

describe('NITF never throws and keeps the contract', () => {
  xmlProperties(parseNitf, looksLikeNitf, [
    nitfDoc(),
    nitfDoc({
      status: 'canceled',
      release: '20240613T040000Z',
      duKey: '        <du-key key="quetta-water-2024" version="2"/>\n',
      docId: 'quetta-water-2024_2',
    }),
    nitfDoc({
      content: `      <p>By Karim Shah</p><p>QUETTA (AP) — Text.</p><media><media-caption>Caption.</media-caption><media-producer>Credit</media-producer></media>
      <note><p>Not for use.</p></note><table><tr><td>a</td><td>b</td></tr></table><pre>one\n\ntwo</pre><ul><li>x</li></ul>`,
    }).replace('<nitf ', '<!DOCTYPE nitf SYSTEM "nitf.dtd">\n<nitf '),
    nitfDoc({
      bodyHeadExtra: '      <media media-type="image"><media-reference source="head.jpg" width="300" height="200"/></media>',
      content: `      <media media-type="image"><media-reference source="a.jpg" mime-type="image/jpeg" width="4000" height="3000" alternate-text="Alt"/>
        <media-reference source="a_wm.jpg"/><media-caption>Caption <em>one</em>.</media-caption><media-producer>Credit</media-producer></media>
      <p>QUETTA (AP) — Text.</p><block><media media-type="image"><media-reference source="https://example.com/b.jpg"/></media></block>
      <media media-type="image"><media-reference source="data:image/png;base64,QUJD"/><media-caption>Data.</media-caption></media><p>More.</p>`,
    }),
  ]);
});
