// The article schema (integrations/dateline/archive/schema.ts) against real agency copy: `npm run
// validate` over the corpus (about 3,000 stories in the wire text format) and over the agency samples
// (NewsML-G2, ninjs, NITF, NewsML 1.2, IPTC 7901, ANPA 1312) rejects no record for the schema, and every
// record it stored matches it. (validate draws no pictures or social images: the demo build of
// article-schema.test.ts covers those.)
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../integrations/dateline/archive/schema.ts';
import { outputDir, repoRoot, siteEnv } from '../helpers/build.ts';
import { corpusDir, wireSamplesDir } from '../helpers/test-data.ts';

function validate(name: string, contentDir: string): { report: { counts: { published: number } }; text: string; problems: string[]; records: number } {
  const dir = outputDir(name);
  rmSync(dir, { recursive: true, force: true });
  const run = spawnSync(process.execPath, [join(repoRoot, 'integrations/dateline/cli/validate.ts'), '--quiet'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: siteEnv(name, { contentDir, env: { DATELINE_NOW: '2026-11-27T12:00:00+05:00' } }),
    maxBuffer: 64 * 1024 * 1024,
  });
  // 1: some files are rejected by their parsers (the corpus keeps a few raw web pages on purpose)
  expect(run.status, run.stdout + run.stderr).toBeLessThan(2);
  const text = readFileSync(join(dir, 'report.json'), 'utf8');
  const db = new DatabaseSync(join(dir, 'cache', 'dateline', 'validate.db'), { readOnly: true });
  const rows = db.prepare('SELECT record FROM articles').all() as { record: string }[];
  db.close();
  const problems = rows.flatMap(({ record }) => {
    const problem = checkArticle(JSON.parse(record));
    return problem ? [`${(JSON.parse(record) as { file: string }).file}: ${problem}`] : [];
  });
  return { report: JSON.parse(text), text, problems, records: rows.length };
}

describe('the article schema on real agency copy', () => {
  for (const [name, dir, least] of [
    ['article-schema-corpus', corpusDir, 2900],
    ['article-schema-samples', wireSamplesDir, 30],
  ] as const) {
    it(`accepts every record of ${name.replace('article-schema-', 'the ')}`, () => {
      const { report, text, problems, records } = validate(name, dir);
      expect(text).not.toContain('its article record is invalid');
      expect(problems).toEqual([]);
      expect(records).toBe(report.counts.published);
      expect(records).toBeGreaterThanOrEqual(least);
    }, 300_000);
  }
});
