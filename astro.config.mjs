// @ts-check
import { defineConfig } from 'astro/config';
import dateline from './integrations/dateline/index.ts';

export default defineConfig({
  site: 'https://dateline.example.com',
  trailingSlash: 'always',
  // Test and benchmark builds write inside the project; the dev server must not reload for them.
  vite: { server: { watch: { ignored: ['**/tests/.output/**', '**/bench/.work/**', '**/test-results/**'] } } },
  integrations: [
    dateline({
      siteName: 'Dateline',
      publicationName: 'Dateline News',
      description: 'World, Pakistan and business news from the wire',
      language: 'en',
      timeZone: 'Asia/Karachi',
      defaultSection: 'News',
      sections: ['World', 'Pakistan', 'Business', 'Markets', 'Sports', { name: 'Sci-Tech', label: 'Science & Technology' }],
    }),
  ],
});
