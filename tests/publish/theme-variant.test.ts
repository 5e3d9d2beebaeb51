// The theme is the publisher's to reshape: a variant of it that reads other things stays correct under
// publishing with no line of integrations/ changed. The variant (below, applied to a copy of the
// project) adds:
//   - on every article page, a box of the five latest Business stories;
//   - in every page's footer, each agency with its story count;
//   - a new page, /cities/, listing the latest stories by their dateline's city;
// and the publish equivalence test (30 random steps, each compared with a full build) must pass on it:
// each publish redraws what the variant's pages read, found from the reads recorded as they rendered,
// not from a list of what the stock theme shows. The variant's boxes are then checked in its output.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputDir } from '../helpers/build.ts';
import { copyProject, runEquivalence, type FileEdit } from '../helpers/project-copy.ts';
import { attr, elements, parseHtml, textOf, type Node } from '../seo/html.ts';

const ARTICLE_PAGE = 'src/pages/[section]/[yyyy]/[mm]/[dd]/[slug].astro';

const VARIANT: FileEdit[] = [
  {
    file: 'src/components/LatestIn.astro',
    to: `---
// Variant theme: the newest stories of one section, in a box.
import { getLiveCollection } from 'astro:content';
import { all } from '../lib/collections.ts';
import { siteOf } from '../lib/site.ts';

interface Props {
  section: string;
  label: string;
}
const { section, label } = Astro.props;
const { href } = siteOf(Astro.locals);
const stories = all(await getLiveCollection('articles', { section, latest: 5 })).map((e) => e.data);
---
{stories.length > 0 && (
  <aside class="latest-in" aria-label={\`Latest in \${label}\`}>
    <h2>Latest in {label}</h2>
    <ol>{stories.map((a) => <li><a href={href(a.path)}>{a.headline}</a></li>)}</ol>
  </aside>
)}
`,
  },
  {
    file: ARTICLE_PAGE,
    from: "import Photo from '../../../../../components/Photo.astro';",
    to: "import Photo from '../../../../../components/Photo.astro';\nimport LatestIn from '../../../../../components/LatestIn.astro';",
  },
  { file: ARTICLE_PAGE, from: '  </div>\n</Base>', to: '  </div>\n  <LatestIn section="business" label="Business" />\n</Base>' },
  {
    file: 'src/components/AgencyCounts.astro',
    to: `---
// Variant theme: every agency and how many stories it has on the site.
import { getLiveCollection } from 'astro:content';
import { all } from '../lib/collections.ts';
import { siteOf } from '../lib/site.ts';
import { agencyPath } from '@dateline/urls.ts';

const { href } = siteOf(Astro.locals);
const agencies = all(await getLiveCollection('agencies')).map((e) => e.data);
---
<ul class="agency-counts">{agencies.map((a) => <li><a href={href(agencyPath(a.slug))}>{a.name}</a>: <span class="count">{a.count}</span></li>)}</ul>
`,
  },
  {
    file: 'src/components/Footer.astro',
    from: "import { all } from '../lib/collections.ts';",
    to: "import { all } from '../lib/collections.ts';\nimport AgencyCounts from './AgencyCounts.astro';",
  },
  { file: 'src/components/Footer.astro', from: '  </div>\n</footer>', to: '    <AgencyCounts />\n  </div>\n</footer>' },
  {
    file: 'src/pages/cities.astro',
    to: `---
// Variant theme: a new page, the latest stories by the city of their dateline.
import { getLiveCollection } from 'astro:content';
import Base from '../layouts/Base.astro';
import { all } from '../lib/collections.ts';
import { siteOf } from '../lib/site.ts';

const { config, href } = siteOf(Astro.locals);
const stories = all(await getLiveCollection('articles', { latest: 30 })).map((e) => e.data);
const cities = new Map<string, typeof stories>();
for (const story of stories) {
  const city = story.dateline ?? 'No dateline';
  cities.set(city, [...(cities.get(city) ?? []), story]);
}
---
<Base kind="search" title={\`Stories by city — \${config.siteName}\`} path="cities/">
  <h1>Stories by city</h1>
  {[...cities].sort(([a], [b]) => a.localeCompare(b, 'en')).map(([city, list]) => (
    <section class="city"><h2>{city}</h2><ul>{list.map((a) => <li><a href={href(a.path)}>{a.headline}</a></li>)}</ul></section>
  ))}
</Base>
`,
  },
];

describe('a variant theme that reads other things', () => {
  it(
    'passes 30 publish equivalence steps with no change in integrations/, and shows what it reads',
    async () => {
      const project = join(outputDir('theme-variant'), 'project');
      copyProject(project, VARIANT, 'theme variant');
      const run = await runEquivalence(project, { DATELINE_TEST_STEPS: '30' });
      console.log(`variant theme: equivalence ${run.code === 0 ? 'passes' : 'FAILS'} in ${run.seconds.toFixed(0)} s`);
      expect(run.code, run.output.slice(-6000)).toBe(0);

      // What the variant shows is there, in the published site the equivalence run left.
      const dist = join(project, 'tests', '.output', 'publish-equivalence', 'dist');
      const page = (path: string) => parseHtml(readFileSync(join(dist, path), 'utf8'));
      const withClass = (root: Node, tag: string, name: string) => elements(root, tag).filter((e) => (attr(e, 'class') ?? '').split(/\s+/).includes(name));
      const home = page('index.html');
      const counts = withClass(home, 'ul', 'agency-counts').flatMap((ul) => elements(ul, 'li'));
      expect(counts.length).toBeGreaterThan(0);
      for (const li of counts) expect(textOf(li).trim()).toMatch(/^\S.*: \d+$/);
      // an article page (the lead story's), with the box of the latest Business stories
      const lead = withClass(home, 'article', 'teaser')[0];
      const link =
        lead &&
        elements(lead, 'a')
          .map((a) => attr(a, 'href'))
          .find((h) => h && /\/\d{4}\/\d\d\/\d\d\/[^/]+\/$/.test(h));
      expect(link, 'a story link on the front page').toBeTruthy();
      const article = page(join(link!.replace(/^\//, ''), 'index.html'));
      const box = withClass(article, 'aside', 'latest-in')[0];
      expect(box && textOf(elements(box, 'h2')[0]!).trim()).toBe('Latest in Business');
      expect(elements(box!, 'a').length).toBeGreaterThan(0);
      const cities = page('cities/index.html');
      expect(textOf(elements(cities, 'h1')[0]!).trim()).toBe('Stories by city');
      expect(withClass(cities, 'section', 'city').flatMap((s) => elements(s, 'a')).length).toBeGreaterThan(0);
      rmSync(project, { recursive: true, force: true });
    },
    30 * 60_000,
  );
});
