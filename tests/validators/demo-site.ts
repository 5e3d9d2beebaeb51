// The demo site as the validator tests build it: the repository's content/ folder as it is, with the
// e2e tests' fixed "now" so every run builds the same pages (social images included, as `npm run build`).
import { join } from 'node:path';
import { buildSite, repoRoot, type BuiltSite } from '../helpers/build.ts';
import { E2E_NOW } from '../e2e/fixtures.ts';

export function buildDemoSite(name: string): BuiltSite {
  return buildSite(name, { contentDir: join(repoRoot, 'content'), env: { DATELINE_NOW: E2E_NOW } });
}
