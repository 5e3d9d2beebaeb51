// The site the deploy tests publish: built with `npm run build`'s command (tests/helpers/build.ts), then
// changed in its content folder and published with `npm run publish`'s command in a child process, with
// the same paths. Also: running the recipes (scripts/deploy/), reading trees, and the change lists.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect } from 'vitest';
import { buildSite, outputDir, repoRoot, writeContent, type BuiltSite } from '../helpers/build.ts';
import { seedArticle, wire } from '../foundation/fixtures.ts';

export const NOW = '2024-03-10T12:00:00+05:00';
const SITE_ENV = { DATELINE_OG_IMAGES: '0', DATELINE_NOW: NOW };

/** Three stories in two sections; Business has one story, so deleting it empties the section. */
export const initialFiles = {
  'world/reference.txt': seedArticle,
  'world/markets.txt': wire({ section: 'World', headline: 'Markets steady after the holiday', byline: 'AFP', published: '09 Mar, 2024 09:00am' }),
  'business/rupee.txt': wire({ section: 'Business', headline: 'Rupee gains against the dollar', byline: 'APP', published: '09 Mar, 2024 10:00am' }),
};

export const story = (headline: string, published: string, body?: string[]) =>
  wire({ section: 'World', headline, byline: 'Reuters', published, ...(body ? { body } : {}) });

export interface Changes {
  since: string;
  generatedAt: string;
  publishes: number;
  full: boolean;
  written: string[];
  removed: string[];
}

export class TestSite {
  readonly name: string;
  readonly dir: string;
  readonly content: string;
  readonly dist: string;
  readonly changesPath: string;
  built: BuiltSite | undefined;

  constructor(name: string) {
    this.name = name;
    this.dir = outputDir(name);
    this.content = join(this.dir, 'content');
    this.dist = join(this.dir, 'dist');
    this.changesPath = join(this.dir, 'changes.json');
  }

  /** The DATELINE_* paths buildSite gives the build, for the publisher and the recipes alike. */
  get env(): Record<string, string> {
    return {
      DATELINE_CONTENT: this.content,
      DATELINE_OUT_DIR: this.dist,
      DATELINE_CACHE_DIR: join(this.dir, 'cache'),
      DATELINE_REPORT: join(this.dir, 'report.json'),
      DATELINE_CHANGES: this.changesPath,
      ...SITE_ENV,
    };
  }

  /** `npm run build` from nothing (a new folder), or again over the same output and cache. */
  build(again = false): BuiltSite {
    if (!again) rmSync(this.dir, { recursive: true, force: true });
    this.built = buildSite(this.name, again ? { env: SITE_ENV, keepCache: true, keepDist: true } : { files: initialFiles, env: SITE_ENV });
    return this.built;
  }

  write(files: Record<string, string>): void {
    writeContent(this.content, files);
  }

  remove(path: string): void {
    rmSync(join(this.content, path));
  }

  /** `npm run publish`: brings dist/ up to date with the content folder and adds to the changes file. */
  publish(): string {
    try {
      return execFileSync(process.execPath, [join(repoRoot, 'integrations/dateline/cli/publish.ts')], {
        cwd: repoRoot,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...this.env },
      });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`publish failed for ${this.name}:\n${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}`);
    }
  }

  /** `npm run publish -- --watch`, started; resolves once it watches the content folder. */
  async watch(): Promise<{ child: ChildProcess; output: () => string; stop: () => Promise<number | null> }> {
    const child = spawn(process.execPath, [join(repoRoot, 'integrations/dateline/cli/publish.ts'), '--watch'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...this.env },
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      const look = (d: Buffer) => {
        output += d.toString();
        if (/watching .* for wire files/.test(output)) resolve();
      };
      child.stdout!.on('data', look);
      child.stderr!.on('data', look);
      void exited.then((code) => reject(new Error(`publish --watch exited (${code}):\n${output}`)));
    });
    return {
      child,
      output: () => output,
      // SIGTERM: the watcher finishes the publish under way (and its changes file), then exits.
      stop: () => {
        child.kill('SIGTERM');
        return exited;
      },
    };
  }

  /** The changes file not yet taken by a deployer. */
  changes(): Changes | undefined {
    return existsSync(this.changesPath) ? (JSON.parse(readFileSync(this.changesPath, 'utf8')) as Changes) : undefined;
  }

  /** Every path still to deploy: the lists a recipe took and has not sent (in `state`), and the changes file. */
  pending(state: string): Set<string> {
    const lists = existsSync(state)
      ? readdirSync(state)
          .filter((f) => /^taken-.*\.json$/.test(f))
          .map((f) => JSON.parse(readFileSync(join(state, f), 'utf8')) as Changes)
      : [];
    const changes = this.changes();
    return new Set([...lists, ...(changes ? [changes] : [])].flatMap((c) => [...c.written, ...c.removed]));
  }

  /** Files of dist/ as site paths. */
  files(): string[] {
    return [...tree(this.dist).files.keys()];
  }
}

/** Every file (path → bytes) and folder under `root`, as '/'-separated relative paths, sorted. */
export function tree(root: string): { files: Map<string, Buffer>; dirs: string[] } {
  const files = new Map<string, Buffer>();
  const dirs: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      const rel = relative(root, path).split(sep).join('/');
      if (entry.isDirectory()) {
        dirs.push(rel);
        visit(path);
      } else files.set(rel, readFileSync(path));
    }
  };
  visit(root);
  return { files, dirs };
}

/** Inode and modification time of every file under `root`: a file a deploy did not touch keeps both. */
export function stamps(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const path of tree(root).files.keys()) {
    const s = statSync(join(root, path), { bigint: true });
    out.set(path, `${s.ino}:${s.mtimeNs}`);
  }
  return out;
}

/** A command the tests need: its version line, or a clear failure saying what to install. */
export function requireCommand(command: string, args: string[], install: string): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0]!;
  } catch (error) {
    throw new Error(`${command} is needed by the deploy tests and could not be run (${(error as Error).message.split('\n')[0]}): ${install}`);
  }
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a recipe (or any command) without blocking this process: the S3 test serves the bucket from it.
 * A variable set to undefined is removed from the environment.
 */
export function run(command: string, args: string[], env: Record<string, string | undefined>): Promise<Run> {
  const full: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...env })) if (value !== undefined) full[key] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env: full, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export const recipe = (name: 'rsync' | 's3') => join(repoRoot, 'scripts', 'deploy', `${name}.sh`);

/**
 * The publishes both recipes are deployed after (new story, edit, deletion), each checked for what
 * its changes file lists; they return the list for the deploy.
 */
export const newsroom = {
  newStory(site: TestSite): Changes {
    site.write({ 'world/floods.txt': story('Floods close the coastal highway', '10 Mar, 2024 08:00am') });
    site.publish();
    const changes = site.changes()!;
    expect(changes.full).toBe(false);
    expect(changes.written).toContain('world/2024/03/10/floods-close-the-coastal-highway/index.html');
    return changes;
  },
  edit(site: TestSite): Changes {
    site.write({
      'world/markets.txt': story('Markets steady after the holiday', '09 Mar, 2024 09:00am', [
        'KARACHI: Markets were steady after the holiday.',
        'Traders expect a busy week.',
        'A third paragraph was added.',
      ]),
    });
    site.publish();
    const changes = site.changes()!;
    expect(changes.written).toContain('world/2024/03/09/markets-steady-after-the-holiday/index.html');
    return changes;
  },
  deletion(site: TestSite): Changes {
    site.remove('business/rupee.txt');
    site.publish();
    const changes = site.changes()!;
    expect(changes.removed).toEqual(
      expect.arrayContaining(['business/index.html', 'business/rss.xml', 'business/2024/03/09/rupee-gains-against-the-dollar/index.html']),
    );
    return changes;
  },
};
