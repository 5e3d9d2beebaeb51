// Where the outside test data is: the folder `DATELINE_TEST_DATA` names, holding `corpus/` and
// `wire-samples/` (`.ci/run` sets it to `../shared`). Read by vitest.config.ts and tests/helpers/test-data.ts.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEST_DATA_VARIABLE = 'DATELINE_TEST_DATA';
export const TEST_DATA_FOLDERS = ['corpus', 'wire-samples'] as const;

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The test-data folder (absolute), or undefined when the variable is unset; throws when a folder is missing. */
export function findTestData(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[TEST_DATA_VARIABLE];
  if (!value) return undefined;
  const dir = resolve(repoRoot, value);
  const missing = TEST_DATA_FOLDERS.filter((f) => !existsSync(join(dir, f)));
  if (missing.length) {
    throw new Error(
      `${TEST_DATA_VARIABLE}=${value}: ${missing.map((f) => join(dir, f)).join(' and ')} not found ` +
        `(the folder must hold ${TEST_DATA_FOLDERS.map((f) => `${f}/`).join(' and ')})`,
    );
  }
  return dir;
}
