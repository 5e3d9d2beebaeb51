// The README is what a newcomer reads first, and docs/ holds the reference (issue 21, item 8): every
// link between them resolves to a file of the repository, nothing points outside it (the development
// workspace's ../shared is not a user's), and the README stays short enough to read in one go.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build.ts';

const pages = [
  'README.md',
  ...readdirSync(join(repoRoot, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The Markdown links of a page that are not web addresses or anchors within it. */
function localLinks(page: string): string[] {
  const text = readFileSync(join(repoRoot, page), 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((href) => !/^(?:[a-z]+:|#)/i.test(href));
}

describe('README and docs/', () => {
  it('every local link resolves to a file or folder of the repository', () => {
    const broken = pages.flatMap((page) =>
      localLinks(page)
        .filter((href) => !existsSync(resolve(dirname(join(repoRoot, page)), href.split('#')[0]!)))
        .map((href) => `${page}: ${href}`),
    );
    expect(broken).toEqual([]);
    expect(localLinks('README.md').length).toBeGreaterThan(5);
  });
  // (the test command may name it: DATELINE_TEST_DATA=../shared is how a developer runs the corpus tests)
  it('no documentation points into the development workspace beside the clone', () => {
    expect(pages.filter((page) => /\.\.\/shared\/(?:docs|corpus)\//.test(readFileSync(join(repoRoot, page), 'utf8')))).toEqual([]);
  });
  it('the README is the newcomer part (the reference is in docs/): under 150 lines, with the screenshot, quick start and an index of docs/', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThan(150);
    expect(readme).toMatch(/!\[[^\]]+\]\(docs\/screenshots\/front-page\.png\)/);
    expect(readme).toMatch(/^## Quick start$/m);
    for (const doc of ['configuration', 'formats', 'photos', 'publishing', 'deploying', 'theme', 'testing']) expect(readme).toContain(`(docs/${doc}.md)`);
    // a second preview is one option away
    expect(readme).toMatch(/npm run preview .*--port/);
  });
});
