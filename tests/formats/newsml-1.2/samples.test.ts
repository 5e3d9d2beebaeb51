// Both NewsML 1.2 samples in $DATELINE_TEST_DATA/wire-samples/newsml-1.2/ (read in place), expected values read
// from the samples by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeNewsml12, parseNewsml12 } from '../../../integrations/dateline/formats/newsml-1.2/index.ts';
import { wireSamplesDir } from '../../helpers/test-data.ts';
import { firstParagraph, lineOf, onlyItem } from '../xml/helpers.ts';

const dir = join(wireSamplesDir, 'newsml-1.2');
const bytesOf = (file: string) => readFileSync(join(dir, file));
const opts = { timeZone: 'Asia/Karachi' };

describe('NewsML 1.2 samples', () => {
  it('covers both samples, each recognised as NewsML 1.2', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .sort();
    expect(files).toEqual(['afp.xml', 'afp20-declares-latin1-is-utf8.xml']);
    for (const f of files) expect(looksLikeNewsml12(bytesOf(f)), f).toBe(true);
  });

  it("afp.xml: identity without the revision, basic-ISO times, AFP's dateline line, initials dropped", () => {
    const bytes = bytesOf('afp.xml');
    const a = onlyItem(parseNewsml12(bytes, opts), bytes);
    expect(a.identity).toEqual({ key: 'id:urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86', version: 1 });
    expect(a.status).toBe('usable');
    expect(a.published).toBe('2014-08-29T18:49:51+05:00');
    expect(a.modified).toBeUndefined();
    expect(a.headline).toBe('Sweden court accepts receivership for Saab carmaker');
    expect(a.headlineLine).toBe(lineOf(bytes.toString('utf8'), '<HeadLine'));
    expect(a.bylineText).toBe('AFP');
    expect(a.dateline).toBe('STOCKHOLM');
    expect(a.datelineText).toBe('STOCKHOLM, Aug 29, 2014 (AFP) -');
    expect(a.language).toBe('en');
    expect(a.subjects).toEqual([
      { code: 'service:DGTE' },
      { code: 'subj:04011002' },
      { code: 'cat:ECO' },
      { code: 'subj:04016007' },
      { code: 'subj:04000000' },
      { code: 'subj:04016038' },
      { code: 'subj:04011000' },
      { code: 'genre:business', name: 'business' },
      { code: 'genre:bankruptcy', name: 'bankruptcy' },
    ]);
    expect(firstParagraph(a)).toMatch(/^A Chinese-owned company set up to take over Saab's assets/);
    expect(a.body).toHaveLength(9);
    expect(JSON.stringify(a)).not.toContain('hh/ph/ts/hd');
  });

  it('afp20-declares-latin1-is-utf8.xml: the UTF-8 bytes win over the ISO-8859-1 declaration', () => {
    const bytes = bytesOf('afp20-declares-latin1-is-utf8.xml');
    const r = parseNewsml12(bytes, opts);
    const a = onlyItem(r, bytes);
    expect(r.warnings).toEqual([{ line: 1, message: 'encoding: declared iso-8859-1 but the bytes are UTF-8; read as UTF-8' }]);
    expect(a.identity).toEqual({ key: 'id:urn:newsml:afp.com:20240710:240710125902.qpsp2jzk', version: 1 });
    expect(a.published).toBe('2024-07-10T17:59:02+05:00');
    expect(a.headline).toBe("Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée");
    expect(a.dateline).toBe('Strasbourg');
    expect(a.datelineText).toBe('Strasbourg, 10 juil 2024 (AFP)');
    expect(a.language).toBe('fr');
    expect(a.bylineText).toBe('AFP');
    expect(firstParagraph(a)).toMatch(/^L'opératrice du Samu condamnée pour non-assistance à personne en danger/);
    expect(a.body).toHaveLength(2);
    expect(JSON.stringify(a)).not.toMatch(/Ã|\uFFFD/);
  });
});

describe('NewsML 1.2 samples: pictures', () => {
  it("afp.xml: AFP's text names its photo only by reference (NewsManagement/AssociatedWith), which is not followed: no pictures", () => {
    const bytes = bytesOf('afp.xml');
    const a = onlyItem(parseNewsml12(bytes, opts), bytes);
    expect(bytes.toString('utf8')).toContain('<AssociatedWith NewsItem="urn:newsml:afp.com:20140829:ccd3ebb1-ff99-452d-a1c2-5dc0fa24c204"/>');
    expect(a.pictures).toBeUndefined();
    expect(a.body.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('afp20-declares-latin1-is-utf8.xml: no photo component, no pictures', () => {
    const bytes = bytesOf('afp20-declares-latin1-is-utf8.xml');
    for (const i of parseNewsml12(bytes, opts).items) if (i.ok) expect(i.item.pictures).toBeUndefined();
  });
});
