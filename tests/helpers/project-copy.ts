// A copy of the project with some of its files edited (a mutant of the publisher, a variant of the
// theme), and the publish equivalence test (tests/publish/equivalence.test.ts) run on it in a child
// Vitest with its own environment.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot, repoRoot } from './build.ts';

/** An edit of one file of the copy: an exact text that must occur once, replaced; or a new file (`from` absent). */
export interface FileEdit {
  file: string;
  from?: string;
  to: string;
}

/** What a copy of the project is made of (node_modules is linked). */
const PROJECT_PARTS = ['integrations', 'src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export function copyProject(into: string, edits: FileEdit[] = [], label = 'edit'): void {
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  for (const part of PROJECT_PARTS) cpSync(join(projectRoot, part), join(into, part), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(into, 'node_modules'), 'dir');
  for (const edit of edits) {
    const path = join(into, edit.file);
    if (edit.from === undefined) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, edit.to);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const found = text.split(edit.from).length - 1;
    // a refactor that moves the code fails loudly rather than leaving the copy unedited
    if (found !== 1)
      throw new Error(
        `${label}: ${edit.file} must hold ${JSON.stringify(edit.from)} exactly once, it holds it ${found} time(s): update the ${label} to the code`,
      );
    writeFileSync(
      path,
      text.replace(edit.from, () => edit.to),
    );
  }
}

export interface EquivalenceRun {
  code: number | null;
  output: string;
  seconds: number;
}

/** The equivalence test on a copy of the project, in a child Vitest (its own env, none of this run's). */
export function runEquivalence(project: string, env: Record<string, string>): Promise<EquivalenceRun> {
  const started = performance.now();
  const childEnv: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  Object.assign(childEnv, { NO_COLOR: '1', FORCE_COLOR: '0', DATELINE_TEST_PROJECT: project, ...env });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'tests/publish/equivalence.test.ts'], {
      cwd: repoRoot,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, seconds: (performance.now() - started) / 1000 }));
  });
}
