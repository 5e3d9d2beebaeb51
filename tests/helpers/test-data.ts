// The real corpus and the agency wire samples are other people's text: they stay outside the
// repository, in the folder `DATELINE_TEST_DATA` names (see test-data-folder.ts). A test file that reads
// them imports this module: vitest.config.ts leaves such files out when the variable is unset (and
// says so in one line), and refuses to start when it is set but a folder is missing.
import { join } from 'node:path';
import { findTestData, TEST_DATA_VARIABLE } from './test-data-folder.ts';

function required(): string {
  const dir = findTestData();
  if (!dir) throw new Error(`${TEST_DATA_VARIABLE} is not set: this test file reads the real corpus or the agency samples`);
  return dir;
}

export const testDataDir = required();
/** About 3,000 real stories in the wire text format (see its README and VARIANTS.md). */
export const corpusDir = join(testDataDir, 'corpus');
/** Real public samples of NewsML-G2, ninjs, NITF, NewsML 1.2, IPTC 7901 and ANPA 1312 (see its README). */
export const wireSamplesDir = join(testDataDir, 'wire-samples');
