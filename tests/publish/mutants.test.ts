// The equivalence test (equivalence.test.ts) must be able to fail. Each mutant below is one bug in what
// a publish redraws (the reads the library records, site/library.ts; what a change touches,
// site/effects.ts; the read index; the publisher's pending work), one per
// kind of dependency a page has; each is applied to a fresh copy of the project, by an exact string
// replacement that must match once (a refactor that moves the code fails this test loudly rather than
// letting a mutant pass for want of its bug), and the equivalence test is run on the copy, comparing
// with a full build after every publish (DATELINE_TEST_EVERY_STEP=1). Every mutant must make it fail
// with a difference from the full build. Then the copy without a mutant must pass the same steps, up to
// the last step at which a mutant was caught: so no mutant was caught by a difference of its own.
// Two run at a time; the table of mutants, the step that caught each and its time are printed.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputDir } from '../helpers/build.ts';
import { copyProject, runEquivalence, type EquivalenceRun } from '../helpers/project-copy.ts';

const PARALLEL = 2;
const CAUGHT = /publish equivalence: differs from a full build after step (\d+)/;
/** A mutant's copy, compared with a full build after every publish. */
const equivalence = (project: string, env: Record<string, string>) => runEquivalence(project, { DATELINE_TEST_EVERY_STEP: '1', ...env });
const copyMutant = (into: string, m?: Mutant) => copyProject(into, m ? [{ file: m.file, from: m.from, to: m.to }] : [], m ? `mutant "${m.name}"` : 'copy');

interface Mutant {
  /** The bug, as a reader of the table knows it. */
  name: string;
  /** The kind of dependency it breaks (equivalence.test.ts KINDS). */
  kind: string;
  file: string;
  from: string;
  to: string;
}

const EFFECTS = 'integrations/dateline/site/effects.ts';
const LIBRARY = 'integrations/dateline/site/library.ts';
const PUBLISHER = 'integrations/dateline/publish/publisher.ts';

const MUTANTS: Mutant[] = [
  {
    name: '"More from" read recorded as its nearest story only',
    kind: 'window: "More from" box',
    file: LIBRARY,
    from: 'readRange(list, orderKey(older.at(-1)!), orderKey(article));',
    to: 'readRange(list, orderKey(older[0]!), orderKey(article));',
  },
  {
    name: 'a related-headline lookup not recorded',
    kind: 'related: a named story published',
    file: LIBRARY,
    from: 'readKey(`headline:${headlineKey(headline)}`);',
    to: '/* mutant: headline read not recorded */',
  },
  {
    name: "a day's neighbours read not recorded",
    kind: 'day archive appears',
    file: LIBRARY,
    from: "readRange('days', near.older ? dayKey(near.older.key) : LOWEST, near.newer ? dayKey(near.newer.key) : HIGHEST);",
    to: '/* mutant: day neighbours not recorded */',
  },
  {
    name: 'agency lists not touched by a change',
    kind: 'agency: first story',
    file: EFFECTS,
    from: "if (part.kind === 'agency') lists.push(",
    to: "if (part.kind === 'agency' && false) lists.push(",
  },
  { name: 'a list that appears or empties not drawn', kind: 'section: first story', file: EFFECTS, from: 'if (n0 === 0 || n1 === 0) {', to: 'if (false) {' },
  {
    name: 'the navigation read not recorded',
    kind: 'section: last story gone',
    file: LIBRARY,
    from: "readKey('sections');\n    return this.#remember('sections'",
    to: "return this.#remember('sections'",
  },
  {
    name: 'a newest-first slice recorded as its newest story only',
    kind: 'window: site feed',
    file: LIBRARY,
    from: 'readRange(list, got.length < asked ? LOWEST : orderKey(got.at(-1)!), HIGHEST);',
    to: 'readRange(list, got.length ? orderKey(got[0]!) : LOWEST, HIGHEST);',
  },
  {
    name: "a list front page's count read not recorded",
    kind: 'window: list front page',
    file: LIBRARY,
    from: '      readKey(`count:${list}`);\n      readRange(list, orderKey(articles.at(-1)!), HIGHEST);',
    to: '      readRange(list, orderKey(articles.at(-1)!), HIGHEST);',
  },
  {
    name: 'an archive page recorded as its own stories only',
    kind: 'window: archive page',
    file: LIBRARY,
    from: 'readRange(list, LOWEST, orderKey(articles[0]!));',
    to: 'readRange(list, orderKey(articles.at(-1)!), orderKey(articles[0]!));',
  },
  {
    name: 'an archive page does not record whether it is the newest',
    kind: 'window: archive page',
    file: LIBRARY,
    from: 'readKey(`last-page:${list}:${page}`);',
    to: '/* mutant: newest page not recorded */',
  },
  {
    name: 'ranges found by the place after the change only',
    kind: 'list: a story changed in place',
    file: EFFECTS,
    from: 'for (const list of listsOf(a, timeZone)) for (const route',
    to: 'if (a === c.after) for (const list of listsOf(a, timeZone)) for (const route',
  },
  { name: 'count reads not touched', kind: 'day archive appears', file: EFFECTS, from: 'touch(`count:${name}`);', to: '/* mutant: counts not touched */' },
  {
    name: "a feed's reads not kept",
    kind: 'window: section feed',
    file: PUBLISHER,
    from: 'this.reads.replace(route, route ===',
    to: 'if (!isFeed(route)) this.reads.replace(route, route ===',
  },
  {
    name: 'a dropped or replaced picture not pending photo:',
    kind: 'picture replaced / dropped',
    file: PUBLISHER,
    from: 'for (const a of [c.before, c.after]) for (const photo of a?.photos ?? [])',
    to: 'for (const a of [c.after]) for (const photo of a?.photos ?? [])',
  },
];

describe('the equivalence test catches every mutant of what a publish redraws', () => {
  it(
    `${MUTANTS.length} mutants, each caught; the project without them passes the same steps`,
    async () => {
      const root = outputDir('mutants');
      rmSync(root, { recursive: true, force: true });
      const started = performance.now();
      const results = new Map<Mutant, EquivalenceRun & { step?: number }>();
      const queue = [...MUTANTS];
      // copies are made (and a mutant that no longer matches the code fails) before any run
      MUTANTS.forEach((m, i) => copyMutant(join(root, `mutant-${i + 1}`), m));
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          for (let m = queue.shift(); m; m = queue.shift()) {
            const dir = join(root, `mutant-${MUTANTS.indexOf(m) + 1}`);
            const run = await equivalence(dir, {});
            const step = CAUGHT.exec(run.output)?.[1];
            results.set(m, { ...run, ...(step ? { step: Number(step) } : {}) });
            console.log(`mutant "${m.name}": ${step ? `caught after step ${step}` : `NOT CAUGHT (exit ${run.code})`} in ${run.seconds.toFixed(0)} s`);
            // a caught mutant's copy is not needed any more; one that survived is kept to be looked at
            if (step && run.code !== 0) rmSync(dir, { recursive: true, force: true });
          }
        }),
      );
      const table = [
        '| mutation | kind of dependency | equivalence test | time |',
        '|---|---|---|---|',
        ...MUTANTS.map((m) => {
          const r = results.get(m)!;
          return `| ${m.name} | ${m.kind} | ${r.step && r.code !== 0 ? `fails (caught after step ${r.step})` : '**passes**'} | ${r.seconds.toFixed(0)} s |`;
        }),
      ].join('\n');
      console.log(`${table}\nall mutants: ${((performance.now() - started) / 1000).toFixed(0)} s`);
      const survivors = MUTANTS.filter((m) => !(results.get(m)!.step && results.get(m)!.code !== 0));
      expect(
        survivors.map((m) => `${m.name}\n${results.get(m)!.output.slice(-3000)}`),
        'mutants the equivalence test did not catch',
      ).toEqual([]);

      // The same steps without a mutant: no difference up to the last step that caught one (and one
      // more: a run cut short publishes its last step alone, where the mutant's may have batched two).
      const last = Math.max(...[...results.values()].map((r) => r.step!)) + 1;
      const control = join(root, 'unmutated');
      copyMutant(control);
      const run = await equivalence(control, { DATELINE_TEST_STEPS: String(last) });
      console.log(
        `without a mutant: ${run.code === 0 ? 'passes' : 'FAILS'} ${last} steps in ${run.seconds.toFixed(0)} s; in all ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
      expect(run.code, `the equivalence test fails without a mutant, so a mutant may have been caught by that:\n${run.output.slice(-5000)}`).toBe(0);
      rmSync(root, { recursive: true, force: true });
    },
    40 * 60_000,
  );
});
