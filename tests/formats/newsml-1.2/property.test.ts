// Property tests for NewsML 1.2 (see ../xml/property-harness.ts): never throws, keeps the contract.
import { describe } from 'vitest';
import { looksLikeNewsml12, parseNewsml12 } from '../../../integrations/dateline/formats/newsml-1.2/index.ts';
import { xmlProperties } from '../xml/property-harness.ts';
import { AFP_PHOTO, newsItem12, newsml12, newsml12Doc } from './fixtures.ts';

describe('NewsML 1.2 never throws and keeps the contract', () => {
  xmlProperties(parseNewsml12, looksLikeNewsml12, [
    newsml12Doc(),
    newsml12Doc({
      nested: true,
      status: 'Embargoed',
      statusWillChange: '<StatusWillChange><FutureStatus FormalName="Usable"/><DateAndTime>20240405T000000Z</DateAndTime></StatusWillChange>\n',
    }),
    newsml12([newsItem12({ revision: '2' }), newsItem12({ status: 'Canceled', dataContent: '' })]),
    newsml12Doc({
      photos: `${AFP_PHOTO}<NewsComponent><NewsComponent><Role FormalName="Main"/><ContentItem Href="b.jpg"><MediaType FormalName="Photo"/></ContentItem></NewsComponent></NewsComponent>\n`,
    }),
  ]);
});
