// Options are validated strictly: a typo names the option, bad values say what was expected.
import { describe, expect, it } from 'vitest';
import { parseOptions, resolveConfig } from '../../integrations/dateline/options.ts';

describe('dateline() options', () => {
  it('fills defaults', () => {
    const o = parseOptions({});
    expect(o).toMatchObject({ language: 'en', timeZone: 'Asia/Karachi', contentDir: 'content', strict: false, pageSize: 20, feedItems: 50 });
  });

  it('names an unknown option (a typo) and a bad value', () => {
    expect(() => parseOptions({ siteNmae: 'x' })).toThrow(/unknown option "siteNmae"/);
    expect(() => parseOptions({ ogImage: { backgroud: '#000000' } })).toThrow(/unknown option "ogImage.backgroud"/);
    expect(() => parseOptions({ timeZone: 'Pakistan/Lahore' })).toThrow(/option "timeZone": expected an IANA time zone/);
    expect(() => parseOptions({ pageSize: 0 })).toThrow(/option "pageSize"/);
  });

  it('applies environment overrides', () => {
    const config = resolveConfig(
      parseOptions({ sections: ['World', { name: 'Sci-Tech', label: 'Science' }] }),
      { rootPath: '/site', site: 'https://a.example', base: '/news', cacheDir: '/site/node_modules/.astro', command: 'build' },
      { SITE_URL: 'https://b.example', DATELINE_CONTENT: 'wire', DATELINE_STRICT: '1', DATELINE_OG_IMAGES: '0' },
    );
    expect(config).toMatchObject({
      site: 'https://b.example/',
      base: '/news/',
      contentPath: '/site/wire',
      contentDirLabel: 'wire',
      strict: true,
      ogImages: false,
      sections: [{ name: 'World', label: 'World' }, { name: 'Sci-Tech', label: 'Science' }],
    });
  });
});
