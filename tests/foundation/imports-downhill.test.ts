// The integration's imports run downhill: every file of integrations/dateline/ sits in one stage of the
// pipeline, and no module imports one from a later stage (README "How it works", index.ts). Imports are
// read with TypeScript's own pre-processor: static, type-only, re-exports and dynamic `import()` alike.
// A file in no stage (a new folder, or a new file at the root) fails too: place it in STAGES first.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../integrations/dateline');

/** The pipeline's stages, first to last: folders (ending in `/`) and root files. A stage may import its own and earlier ones. */
const STAGES: [name: string, members: string[]][] = [
  // the "one place" modules: the options, every URL, every time, how names are joined
  ['root', ['options.ts', 'urls.ts', 'time.ts', 'byline-names.ts']],
  ['formats', ['formats/']],
  // what the archive keeps of an item: its summary and language, its story's versions and place, its
  // pictures and social card (og/ draws cards and names their paths; pictures/ makes the photo files)
  ['ingest', ['ingest/', 'stories/', 'pictures/', 'og/']],
  ['archive', ['archive/']],
  // what the site shows, read from the archive: pages' queries and routes, the theme's collections,
  // feeds, sitemaps, search records and the build report
  ['site', ['site/', 'collections/', 'feeds/', 'sitemaps/', 'search/', 'report/']],
  ['render', ['render/']],
  ['publish', ['publish/']],
  // the two front doors: the Astro integration and the command-line tools
  ['entry', ['cli/', 'index.ts']],
];

function stageOf(file: string): number {
  return STAGES.findIndex(([, members]) => members.some((m) => (m.endsWith('/') ? file.startsWith(m) : file === m)));
}

/** The relative specifiers a module imports (static, type-only, re-exported or dynamic). */
function importsOf(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith('.'));
}

const files = (readdirSync(root, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.split('\\').join('/'))
  .sort();

describe('imports run downhill (formats → ingest → archive → site → render → publish → cli)', () => {
  it('reads every kind of import', () => {
    const source = [
      "import a from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "const e = await import('./e.ts');",
      "import 'node:fs';",
      "import { z } from 'astro/zod';",
      "// import f from './f.ts';",
    ].join('\n');
    expect(importsOf(source)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './e.ts']);
  });

  it('every file of integrations/dateline is in a stage', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => stageOf(f) === -1)).toEqual([]);
  });

  it('no module imports one from a later stage', () => {
    const uphill: string[] = [];
    for (const file of files) {
      const from = stageOf(file);
      if (from === -1) continue; // reported above
      for (const specifier of importsOf(readFileSync(join(root, file), 'utf8'))) {
        const target = posix.normalize(posix.join(posix.dirname(file), specifier));
        if (target.startsWith('../')) {
          uphill.push(`${file} imports ${specifier}, outside integrations/dateline/`);
          continue;
        }
        const to = stageOf(target);
        if (to > from) uphill.push(`${file} (${STAGES[from]![0]}) imports ${target} (${STAGES[to]![0]})`);
      }
    }
    expect(uphill).toEqual([]);
  });

  it('finds the imports it checks (index.ts loads the publisher with a dynamic import)', () => {
    expect(importsOf(readFileSync(join(root, 'index.ts'), 'utf8'))).toContain('./publish/run.ts');
  });
});
