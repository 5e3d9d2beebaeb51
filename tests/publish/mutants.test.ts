// The equivalence test (equivalence.test.ts) must be able to fail. Each mutant below is one bug in what
// a publish redraws (integrations/dateline/site/effects.ts, and the publisher's pending work), one per
// kind of dependency a page has; each is applied to a fresh copy of the project, by an exact string
// replacement that must match once (a refactor that moves the code fails this test loudly rather than
// letting a mutant pass for want of its bug), and the equivalence test is run on the copy, comparing
// with a full build after every publish (DATELINE_TEST_EVERY_STEP=1). Every mutant must make it fail
// with a difference from the full build. Then the copy without a mutant must pass the same steps, up to
// the last step at which a mutant was caught: so no mutant was caught by a difference of its own.
// Two run at a time; the table of mutants, the step that caught each and its time are printed.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputDir, projectRoot, repoRoot } from '../helpers/build.ts';

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
const PUBLISHER = 'integrations/dateline/publish/publisher.ts';

const MUTANTS: Mutant[] = [
  { name: '"More from" reach cut to 1', kind: '"More from" box', file: EFFECTS, from: 'const reach = MORE_FROM_SECTION + 1;', to: 'const reach = 1;' },
  { name: 'section and agency fronts not redrawn', kind: 'latest beside list fronts', file: EFFECTS, from: 'if (latestFronts) {', to: 'if (latestFronts && false) {' },
  { name: 'pages whose related headlines name the story not redrawn', kind: 'related headlines', file: EFFECTS, from: 'if (mentioner) side.routes.add(mentioner.path);', to: 'if (mentioner && false) side.routes.add(mentioner.path);' },
  { name: 'day neighbours not redrawn', kind: 'day archive appears / disappears', file: EFFECTS, from: "if (list.kind === 'day' && (n0 === 0) !== (n1 === 0)) {", to: "if (list.kind === 'day' && false) {" },
  { name: 'agency lists skipped', kind: 'agency lists', file: EFFECTS, from: "if (part.kind === 'agency') lists.push(", to: "if (part.kind === 'agency' && false) lists.push(" },
  { name: 'a list that appears or empties not drawn', kind: "agency's first / last story", file: EFFECTS, from: 'if (shiftFrom === Infinity && n0 === n1) continue;', to: 'if ((shiftFrom === Infinity && n0 === n1) || n0 === 0 || n1 === 0) continue;' },
  { name: 'a new or emptied section does not redraw every page (navigation)', kind: "section's first / last story", file: PUBLISHER, from: '.map((s) => [s.slug, s.label])) !== sectionsBefore;', to: '.map((s) => [s.slug, s.label])) !== sectionsBefore && false;' },
  { name: 'section feed window taken as pageSize', kind: 'window: section feed', file: EFFECTS, from: 'if (at < config.feedItems) side.routes.add(sectionFeedPath(list.id));', to: 'if (at < config.pageSize) side.routes.add(sectionFeedPath(list.id));' },
  { name: 'site feed window one story short', kind: 'window: site feed', file: EFFECTS, from: 'if (all < config.feedItems) side.routes.add(SITE_FEED_PATH);', to: 'if (all < config.feedItems - 1) side.routes.add(SITE_FEED_PATH);' },
  { name: 'latest-beside-fronts window one story short', kind: 'window: latest beside list fronts', file: EFFECTS, from: 'if (all < LATEST_BESIDE_LISTS) latestFronts = true;', to: 'if (all < LATEST_BESIDE_LISTS - 1) latestFronts = true;' },
  { name: 'list front page not redrawn', kind: 'window: list front page', file: EFFECTS, from: 'routes.add(listPagePath(list.kind, list.id!, 0));', to: '/* mutant: front page not redrawn */' },
  { name: 'archive pages redrawn from one page too late', kind: 'window: archive page (a story filed or taken off deep in a list)', file: EFFECTS, from: 'Math.floor(shiftFrom / pageSize) + 1;', to: 'Math.floor(shiftFrom / pageSize) + 2;' },
  { name: 'newest archive page not redrawn when the page count changes', kind: 'window: archive page (a page added or removed)', file: EFFECTS, from: 'if (k0 !== k1) for (const page of [k0, k1])', to: 'if (k0 !== k1 && false) for (const page of [k0, k1])' },
  { name: '"changed in place" list page skipped', kind: 'list: a story changed in place', file: EFFECTS, from: 'routes.add(listPagePath(list.kind, list.id!, pageOfPosition(n1, pageSize, p1)));', to: '/* mutant: list page not redrawn */' },
  { name: 'a dropped or replaced picture not pending photo:', kind: 'picture replaced / dropped', file: PUBLISHER, from: 'for (const a of [c.before, c.after]) for (const photo of a?.photos ?? [])', to: 'for (const a of [c.after]) for (const photo of a?.photos ?? [])' },
];

/** What a copy of the project is made of (node_modules is linked). */
const PROJECT_PARTS = ['integrations', 'src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
const PARALLEL = 2;
const CAUGHT = /publish equivalence: differs from a full build after step (\d+)/;

function copyProject(into: string, mutant?: Mutant): void {
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  for (const part of PROJECT_PARTS) cpSync(join(projectRoot, part), join(into, part), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(into, 'node_modules'), 'dir');
  if (!mutant) return;
  const path = join(into, mutant.file);
  const text = readFileSync(path, 'utf8');
  const found = text.split(mutant.from).length - 1;
  if (found !== 1) throw new Error(`mutant "${mutant.name}": ${mutant.file} must hold ${JSON.stringify(mutant.from)} exactly once, it holds it ${found} time(s): update the mutant to the code`);
  writeFileSync(path, text.replace(mutant.from, () => mutant.to));
}

interface Run {
  code: number | null;
  output: string;
  seconds: number;
}

/** The equivalence test on a copy of the project, in a child Vitest (its own env, none of this run's). */
function equivalence(project: string, env: Record<string, string>): Promise<Run> {
  const started = performance.now();
  const childEnv: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  Object.assign(childEnv, { NO_COLOR: '1', FORCE_COLOR: '0', DATELINE_TEST_PROJECT: project, DATELINE_TEST_EVERY_STEP: '1', ...env });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'tests/publish/equivalence.test.ts'], { cwd: repoRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, seconds: (performance.now() - started) / 1000 }));
  });
}

describe('the equivalence test catches every mutant of what a publish redraws', () => {
  it(`${MUTANTS.length} mutants, each caught; the project without them passes the same steps`, async () => {
    const root = outputDir('mutants');
    rmSync(root, { recursive: true, force: true });
    const started = performance.now();
    const results = new Map<Mutant, Run & { step?: number }>();
    const queue = [...MUTANTS];
    // copies are made (and a mutant that no longer matches the code fails) before any run
    MUTANTS.forEach((m, i) => copyProject(join(root, `mutant-${i + 1}`), m));
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
    expect(survivors.map((m) => `${m.name}\n${results.get(m)!.output.slice(-3000)}`), 'mutants the equivalence test did not catch').toEqual([]);

    // The same steps without a mutant: no difference up to the last step that caught one (and one
    // more: a run cut short publishes its last step alone, where the mutant's may have batched two).
    const last = Math.max(...[...results.values()].map((r) => r.step!)) + 1;
    const control = join(root, 'unmutated');
    copyProject(control);
    const run = await equivalence(control, { DATELINE_TEST_STEPS: String(last) });
    console.log(`without a mutant: ${run.code === 0 ? 'passes' : 'FAILS'} ${last} steps in ${run.seconds.toFixed(0)} s; in all ${((performance.now() - started) / 1000).toFixed(0)} s`);
    expect(run.code, `the equivalence test fails without a mutant, so a mutant may have been caught by that:\n${run.output.slice(-5000)}`).toBe(0);
    rmSync(root, { recursive: true, force: true });
  }, 40 * 60_000);
});
