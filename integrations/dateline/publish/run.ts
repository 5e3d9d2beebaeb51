// One run of the publisher as the command-line tools start it: the project's options, the lock, the
// compiled theme (built when the sources changed), the archive, a publish, and the summary.
import { relative } from 'node:path';
import type { Project } from '../cli/project.ts';
import { ensureRenderer, type RendererBundle } from '../render/bundle.ts';
import { Renderer } from '../render/renderer.ts';
import { formatProblem, printable, STATUSES, type ReportEntry } from '../report.ts';
import { buildNow } from '../time.ts';
import { acquireLock, type Lock } from './lock.ts';
import { Publisher, type PublishResult } from './publisher.ts';
import { setCurrentRenderer } from './renderer-files.ts';

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
}

export async function openSession(project: Project, options: SessionOptions): Promise<Session> {
  const lock = await acquireLock(`${project.config.cachePath}/publish.lock`, options.command, {
    waitMs: options.waitMs,
    onWait: (owner) => options.log(`waiting for the publisher already running for this site${owner ? ` (pid ${owner.pid}, \`${owner.command}\`, since ${owner.started})` : ''} …`),
  });
  try {
    const bundle = ensureRenderer({ rootPath: project.rootPath, rendererRoot: project.rendererRoot, ...project.astro, args: options.astroArgs, log: options.log });
    if (bundle.built) options.log(`theme compiled in ${(bundle.milliseconds / 1000).toFixed(1)} s`);
    setCurrentRenderer(bundle);
    const renderer = await Renderer.load(bundle.dir, project.config.site);
    const publisher = new Publisher({ config: project.config, outDir: project.outDir, changesPath: project.changesPath, rendererKey: bundle.key, renderer, log: options.log }, project.archivePath);
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
const STEPS = [['content', 'content'], ['images', 'images'], ['effects', 'effects'], ['render', 'pages'], ['derived', 'rest'], ['report', 'report']] as const;

/** The lines printed after a build or publish. */
export function summaryLines(project: Project, result: PublishResult, seconds: number, limit = 30): string[] {
  const { counts } = result;
  const items = counts.items === counts.total ? '' : ` (${counts.items} items)`;
  const lines = [
    `${counts.total} wire files${items}: ${STATUSES.map((s) => `${counts[s]} ${s}`).join(', ')}`,
  ];
  const problems = result.entries.flatMap((e): ReportEntry[] => (e.items ? e.items.filter((i) => i.status === 'rejected').map((i) => ({ ...i, file: e.file })) : e.status === 'rejected' ? [e] : []));
  for (const p of problems.slice(0, limit)) lines.push(`  rejected ${formatProblem(project.config.contentDirLabel, p)}`);
  if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more rejected (see the report)`);
  for (const status of ['duplicate', 'withdrawn', 'superseded'] as const) {
    const listed = result.entries.flatMap((e) => (e.items ? e.items.filter((i) => i.status === status).map((i) => ({ ...i, file: e.file })) : e.status === status ? [e] : []));
    for (const f of listed.slice(0, 10)) lines.push(`  ${status} ${printable(`${project.config.contentDirLabel}/${f.file}${f.line ? `:${f.line}` : ''}: ${f.message ?? ''}`)}`);
    if (listed.length > 10) lines.push(`  … and ${listed.length - 10} more ${status} (see the report)`);
  }
  lines.push(...result.notes);
  const t = result.milliseconds;
  lines.push(
    `${result.routes} route(s) affected; ${result.written} file(s) written, ${result.removed} removed, ${result.unchanged} unchanged ` +
      `in ${seconds.toFixed(2)} s (${STEPS.filter(([key]) => t[key] !== undefined).map(([key, name]) => `${name} ${t[key]} ms`).join(', ')})`,
  );
  lines.push(`report: ${relative(process.cwd(), project.config.reportPath) || project.config.reportPath}; changes: ${relative(process.cwd(), project.changesPath)}`);
  return lines;
}

/** What strict mode says when it publishes nothing. */
export function refusalLine(files: number): string {
  return `Dateline strict mode: ${files} wire file(s) rejected, nothing published (see the report)`;
}

/** A publish (or a full build) start to finish; returns the exit code. */
export async function publishOnce(project: Project, options: SessionOptions & { full: boolean; files?: string[] }): Promise<number> {
  const started = performance.now();
  const session = await openSession(project, options);
  try {
    const result = await session.publisher.publish({ full: options.full, ...(options.files ? { files: options.files } : {}), now: buildNow() });
    for (const line of summaryLines(project, result, (performance.now() - started) / 1000)) options.log(line);
    if (result.refused) {
      options.log(refusalLine(result.refused));
      return 1;
    }
    return 0;
  } finally {
    session.close();
  }
}
