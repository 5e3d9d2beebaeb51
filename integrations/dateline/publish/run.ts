// One run of the publisher as the command-line tools and `astro build` start it: the project's options,
// the lock, the compiled theme (the one `astro build` just made, else the one of the sources' key, built
// when there is none), the archive, a publish, and the summary.
import { relative } from 'node:path';
import type { Project } from './project.ts';
import { ensureRenderer, type RendererBundle } from '../render/bundle.ts';
import { STATUSES, type ReportEntry } from '../archive/statuses.ts';
import { formatProblem, printable } from '../report/summary.ts';
import { buildNow } from '../time.ts';
import { acquireLock, type Lock } from './lock.ts';
import { Publisher, type PublishResult } from './publisher.ts';
import { setCurrentRenderer } from './renderer-files.ts';
import type { Progress } from './progress.ts';

export interface Session {
  publisher: Publisher;
  bundle: RendererBundle;
  lock: Lock;
  close(): void;
}

export interface SessionOptions {
  command: string;
  /** Wait this long for another publisher to finish (0: refuse at once). */
  waitMs: number;
  log: (line: string) => void;
  /** Extra `astro build` arguments for compiling the theme (`--base`). */
  astroArgs?: string[];
  /** The compiled theme to render with (`astro build` just made it); else the bundle of the sources' key, compiled when there is none. */
  bundle?: RendererBundle;
  /** How far each long stage of a publish has got (publish/progress.ts shows it). */
  progress?: Progress;
}

export async function openSession(project: Project, options: SessionOptions): Promise<Session> {
  const lock = await acquireLock(`${project.config.cachePath}/publish.lock`, options.command, {
    waitMs: options.waitMs,
    onWait: (owner) =>
      options.log(
        `waiting for the publisher already running for this site${owner ? ` (pid ${owner.pid}, \`${owner.command}\`, since ${owner.started})` : ''} …`,
      ),
  });
  try {
    const bundle =
      options.bundle ??
      ensureRenderer({ rootPath: project.rootPath, rendererRoot: project.rendererRoot, ...project.astro, args: options.astroArgs, log: options.log });
    if (bundle.built) options.log(`theme compiled in ${(bundle.milliseconds / 1000).toFixed(1)} s`);
    setCurrentRenderer(bundle);
    const publisher = new Publisher(
      {
        config: project.config,
        outDir: project.outDir,
        changesPath: project.changesPath,
        rendererKey: bundle.key,
        bundleDir: bundle.dir,
        log: options.log,
        ...(options.progress ? { progress: options.progress } : {}),
      },
      project.archivePath,
    );
    return {
      publisher,
      bundle,
      lock,
      close: () => {
        publisher.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** The publisher's timed steps, as the summary names them (a refused publish stops after the first two). */
const STEPS = [
  ['content', 'content'],
  ['images', 'images'],
  ['effects', 'effects'],
  ['render', 'pages'],
  ['derived', 'rest'],
  ['report', 'report'],
] as const;

/** An entry per rejected file or item (an item carries its file's name and its own line). */
const rejectedOf = (entries: ReportEntry[]): ReportEntry[] =>
  entries.flatMap((e): ReportEntry[] =>
    e.items ? e.items.filter((i) => i.status === 'rejected').map((i) => ({ ...i, file: e.file })) : e.status === 'rejected' ? [e] : [],
  );

/** `R route(s) affected; W file(s) written, X removed, U unchanged in S s (steps)`: what this publish did. */
function totalsLine(result: PublishResult, seconds: number): string {
  const t = result.milliseconds;
  return (
    `${result.routes} route(s) affected; ${result.written} file(s) written, ${result.removed} removed, ${result.unchanged} unchanged ` +
    `in ${seconds.toFixed(2)} s (${STEPS.filter(([key]) => t[key] !== undefined)
      .map(([key, name]) => `${name} ${t[key]} ms`)
      .join(', ')})`
  );
}

/** `17 removed: 12 replaced search-index files, 3 pages, 2 sitemaps`, when anything was removed. */
function removedLine(result: PublishResult): string | undefined {
  if (!result.removed) return undefined;
  return `${result.removed} removed: ${result.removedKinds.map(([kind, n]) => `${n} ${n === 1 ? kind.replace(/s$/, '') : kind}`).join(', ')}`;
}

/** `live https://…/ (content/x.txt)`: the stories a publish put live, updated or took down. */
function storyLines(project: Project, result: PublishResult, limit: number): string[] {
  const dir = project.config.contentDirLabel;
  const gone = new Set(result.gone);
  const lines = result.stories
    .slice(0, limit)
    .map((s) => printable(`${s.change} ${s.url} (${dir}/${s.file}${s.change === 'taken down' && gone.has(s.file) ? ' deleted' : ''})`));
  if (result.stories.length > limit) lines.push(`… and ${result.stories.length - limit} more stories (see the report)`);
  // a deleted file that had nothing on the site (rejected, superseded, …)
  const shown = new Set(result.stories.map((s) => s.file));
  for (const file of result.gone.filter((f) => !shown.has(f)).slice(0, limit)) lines.push(printable(`deleted ${dir}/${file}: nothing of it was on the site`));
  return lines;
}

/** What strict mode prints when it publishes nothing: every rejected file, and no claim that anything was published. */
function refusalLines(project: Project, result: PublishResult): string[] {
  const dir = project.config.contentDirLabel;
  const rejected = result.rejected ?? rejectedOf(result.entries);
  const others = result.counts.total - (result.refused ?? 0);
  return [
    refusalLine(result.refused ?? 0),
    ...rejected.map((p) => `  rejected ${formatProblem(dir, p)}`),
    `dist/ is as it was; the other ${others} wire file(s) wait until ${rejected.length === 1 ? 'this file is' : 'these files are'} mended or removed`,
  ];
}

/**
 * The lines printed after a one-shot build or publish. `rejected`: every rejected file of the content
 * folder (else those this publish read).
 */
export function summaryLines(project: Project, result: PublishResult, seconds: number, limit = 30, rejected?: ReportEntry[]): string[] {
  const reportLine = `report: ${relative(process.cwd(), project.config.reportPath) || project.config.reportPath}; changes: ${relative(process.cwd(), project.changesPath)}`;
  if (result.refused !== undefined)
    return [...refusalLines(project, result), `report: ${relative(process.cwd(), project.config.reportPath) || project.config.reportPath}`];
  const { counts } = result;
  const items = counts.items === counts.total ? '' : ` (${counts.items} items)`;
  const lines = [`${counts.total} wire files${items}: ${STATUSES.map((s) => `${counts[s]} ${s}`).join(', ')}`];
  const problems = rejected ?? rejectedOf(result.entries);
  for (const p of problems.slice(0, limit)) lines.push(`  rejected ${formatProblem(project.config.contentDirLabel, p)}`);
  if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more rejected (see the report)`);
  for (const status of ['duplicate', 'withdrawn', 'superseded'] as const) {
    const listed = result.entries.flatMap((e) =>
      e.items ? e.items.filter((i) => i.status === status).map((i) => ({ ...i, file: e.file })) : e.status === status ? [e] : [],
    );
    for (const f of listed.slice(0, 10))
      lines.push(`  ${status} ${printable(`${project.config.contentDirLabel}/${f.file}${f.line ? `:${f.line}` : ''}: ${f.message ?? ''}`)}`);
    if (listed.length > 10) lines.push(`  … and ${listed.length - 10} more ${status} (see the report)`);
  }
  for (const line of storyLines(project, result, 10)) lines.push(`  ${line}`);
  lines.push(...result.notes);
  lines.push(totalsLine(result, seconds));
  const removed = removedLine(result);
  if (removed) lines.push(removed);
  lines.push(reportLine);
  return lines;
}

/**
 * What `--watch` prints for one publish of the files `files` (undefined: the whole folder, at start):
 * only this publish's counts, what went live or was taken down, and for a change that published
 * nothing, why (each rejected file with its line and message).
 */
export function watchLines(project: Project, result: PublishResult, files: string[] | undefined, seconds: number): string[] {
  const dir = project.config.contentDirLabel;
  const limit = 20;
  const capped = (lines: string[], what: string) =>
    lines.length > limit ? [...lines.slice(0, limit), `  … and ${lines.length - limit} more ${what} (see the report)`] : lines;
  if (result.refused !== undefined) {
    const rejected = result.rejected ?? rejectedOf(result.entries);
    return [
      `nothing published (strict mode: ${result.refused} wire file(s) rejected); waiting for the change that mends or removes ${rejected.length === 1 ? 'it' : 'them'}`,
      ...rejected.map((p) => `  rejected ${formatProblem(dir, p)}`),
    ];
  }
  const rejected = rejectedOf(result.entries);
  const rejectedFiles = new Set(rejected.map((r) => r.file));
  const totals = totalsLine(result, seconds);
  const removed = removedLine(result);
  const stories = storyLines(project, result, limit).map((l) => `  ${l}`);
  const others = (['duplicate', 'withdrawn', 'superseded', 'scheduled'] as const).flatMap((status) =>
    capped(
      result.entries
        .flatMap((e) => (e.items ? e.items.filter((i) => i.status === status).map((i) => ({ ...i, file: e.file })) : e.status === status ? [e] : []))
        .map((f) => `  ${status} ${printable(`${dir}/${f.file}${f.line ? `:${f.line}` : ''}${f.message ? `: ${f.message}` : ''}`)}`),
      status,
    ),
  );
  const good = (files ?? []).filter((f) => !rejectedFiles.has(f));
  const lines: string[] = [];
  if (files && good.length === 0 && rejected.length > 0) {
    // Only rejected files: nothing of them is published (an edit that broke a published file takes its story down).
    const [first, ...more] = rejected;
    lines.push(`nothing published: rejected ${formatProblem(dir, first!)}`);
    for (const p of more) lines.push(`  rejected ${formatProblem(dir, p)}`);
    if (result.stories.length || result.written || result.removed) lines.push(...stories, `  ${totals}`, ...(removed ? [`  ${removed}`] : []));
    return [...lines, ...others];
  }
  if (!files) lines.push(`caught up with ${dir}: ${totals}`);
  else if (good.every((f) => result.gone.includes(f))) lines.push(`removed ${good.length} deleted file(s): ${totals}`);
  else lines.push(`published ${good.length} changed file(s): ${totals}`);
  lines.push(...stories);
  lines.push(
    ...capped(
      rejected.map((p) => `  rejected ${formatProblem(dir, p)} (not published)`),
      'rejected',
    ),
  );
  lines.push(...others);
  if (removed) lines.push(`  ${removed}`);
  return lines;
}

/** What strict mode says when it publishes nothing. */
export function refusalLine(files: number): string {
  return `strict mode: ${files} wire file(s) rejected, nothing published`;
}

/** A publish (or a full build) start to finish; returns the exit code. */
export async function publishOnce(project: Project, options: SessionOptions & { full: boolean; files?: string[] }): Promise<number> {
  const started = performance.now();
  const session = await openSession(project, options);
  try {
    const result = await session.publisher.publish({ full: options.full, ...(options.files ? { files: options.files } : {}), now: buildNow() });
    // every file still rejected, not only those read now (a warm cache reads only what changed)
    const rejected = result.refused === undefined ? session.publisher.rejectedEntries() : undefined;
    for (const line of summaryLines(project, result, (performance.now() - started) / 1000, 30, rejected)) options.log(line);
    return result.refused === undefined ? 0 : 1;
  } finally {
    session.close();
  }
}
