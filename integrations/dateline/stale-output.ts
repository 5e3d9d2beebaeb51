// Dateline keeps the output folder between builds (Vite's `emptyOutDir: false`): Astro's incremental
// build then leaves an unchanged page where it is instead of copying it back from its cache, which was
// most of a publish-one build at 10,000 stories. In exchange, files a build no longer produces must be
// removed here, or a withdrawn, deleted or re-dated story would stay online.
//
// A file is kept when this build produced it: a page or endpoint Astro generated (its `assets`, which
// include the pages it left in place), a file written since the build started (Vite's assets, `public/`
// copies), or a file Dateline places itself (social images, search shards). Everything else is stale.
import type { AstroIntegration } from 'astro';
import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface KeptOutput {
  /** Absolute paths of the pages and endpoints Astro generated in this build. */
  generated: Set<string>;
  /** Site paths (relative to the output folder, `/`-separated) that Dateline places after this step. */
  placed: Set<string>;
  /** Folders (site paths) Dateline rewrites whole after this step. */
  placedFolders: string[];
  /** When the build started (ms): files written since then belong to this build. */
  since: number;
}

/** Removes stale files (and folders left empty) from `outDir`; returns the site paths removed. */
export function removeStaleOutput(outDir: string, keep: KeptOutput): string[] {
  const removed: string[] = [];
  const visit = (dir: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const sitePath = relative(outDir, path).split(sep).join('/');
      if (keep.placedFolders.includes(sitePath)) {
        empty = false;
        continue;
      }
      if (entry.isDirectory()) {
        if (visit(path)) rmdirSync(path);
        else empty = false;
        continue;
      }
      if (keep.generated.has(path) || keep.placed.has(sitePath) || statSync(path).mtimeMs >= keep.since) {
        empty = false;
        continue;
      }
      rmSync(path, { force: true });
      removed.push(sitePath);
    }
    return empty;
  };
  visit(outDir);
  return removed.sort();
}

/**
 * Runs the removal in `astro:build:done` after every other integration's (it is added last), so every
 * file of this build is written by then. `placed`: site paths of the social images Dateline linked.
 */
export function staleOutputIntegration(buildStarted: () => number, placed: () => Iterable<string>): AstroIntegration {
  return {
    name: 'dateline:stale-output',
    hooks: {
      'astro:build:done': ({ dir, assets, logger }) => {
        const removed = removeStaleOutput(fileURLToPath(dir), {
          generated: new Set([...assets.values()].flatMap((urls) => urls.map((u) => fileURLToPath(u)))),
          placed: new Set(placed()),
          placedFolders: ['pagefind'],
          // A second of slack for file-system clocks coarser than Date.now(); an earlier build's last
          // file is always written seconds before this build's start (startup and content sync).
          since: buildStarted() - 1000,
        });
        if (removed.length) logger.info(`removed ${removed.length} file(s) this build no longer produces: ${removed.slice(0, 3).join(', ')}${removed.length > 3 ? ', …' : ''}`);
      },
    },
  };
}
