// Wire files for the foundation build tests, written by the tests (no corpus text is copied).
import { readFileSync } from 'node:fs';
import { seedArticlePath } from '../helpers/build.ts';
import { wire } from '../helpers/wire.ts';

export const seedArticle = readFileSync(seedArticlePath, 'utf8');

export { wire };
