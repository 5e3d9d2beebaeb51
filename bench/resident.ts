// The resident publisher (`npm run publish -- --watch`) measured as a publisher's machine runs it: started
// once on a built site, then for each change a new wire file and an edited one are renamed into the
// content folder, and the time is taken until the publisher reports the change published (its log line
// is printed once dist/, the report and changes.json are written). Its memory is read from /proc: the
// resident set after the publishes and the high-water mark since it started.
import { spawn } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ResidentChange {
  /**
   * Files to write, relative to the content folder, with their text or bytes: each written beside the
   * folder and renamed in, in this order (a picture before the item that names it).
   */
  files: { file: string; text: string | Buffer }[];
  /**
   * Files the publisher counts as published for this change ("published N changed file(s)"): the wire
   * files (a picture renamed into the folder is not one). Default: all of `files`.
   */
  expect?: number;
}

export interface ResidentResult {
  /** Seconds from the renames to the publisher's line saying they are published, per change. */
  latencies: number[];
  /** Seconds from start to watching (first publish of what changed while it was not running included). */
  startSeconds: number;
  rssBytes: number;
  peakRssBytes: number;
  /** Resident set and high-water mark right after each change was published. */
  memoryAfter: { rssBytes: number; peakRssBytes: number }[];
  /** What the publisher printed while each change was published. */
  changeLogs: string[];
  /**
   * CPU seconds (user + system, every thread of the publisher) each change took, from /proc: what the
   * change costs on a machine of its own, where the wall-clock latency also carries other programs' load.
   */
  cpuSeconds: number[];
  log: string;
  exitCode: number | null;
}

/** User + system CPU seconds of a process (all its threads), from /proc/<pid>/stat; 0 when unavailable. */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

export async function measureResident(options: {
  project: string;
  env: NodeJS.ProcessEnv;
  contentDir: string;
  changes: ResidentChange[];
  timeoutMs?: number;
}): Promise<ResidentResult> {
  const node = join(options.project, 'node_modules', '.bin', 'node');
  const child = spawn(node, [join(options.project, 'integrations/dateline/cli/publish.ts'), '--watch'], {
    cwd: options.project,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const waiters: { test: (line: string) => boolean; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    log += chunk.toString('utf8');
    const lines = log.split('\n');
    for (const w of [...waiters])
      if (lines.some(w.test)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const timeout = options.timeoutMs ?? 600_000;
  const until = (test: (line: string) => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`resident publisher: timed out waiting for ${what}\n${log.slice(-3000)}`)), timeout);
      waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
      onData(Buffer.alloc(0));
    });
  const started = performance.now();
  const latencies: number[] = [];
  const memoryAfter: ResidentResult['memoryAfter'] = [];
  const changeLogs: string[] = [];
  const cpuSeconds: number[] = [];
  try {
    await until((l) => /watching .* for wire files/.test(l), 'it to start');
    const startSeconds = (performance.now() - started) / 1000;
    // files the publisher has said it published (a change may come as one burst of events or two)
    const publishedFiles = () => [...log.matchAll(/published (\d+) changed file\(s\)/g)].reduce((n, m) => n + Number(m[1]), 0);
    for (const [k, change] of options.changes.entries()) {
      const before = publishedFiles();
      const logFrom = log.length;
      const cpuFrom = cpuOf(child.pid!);
      // written beside the folder, then renamed in: as an ingest script should deliver
      const t0 = performance.now();
      for (const { file, text } of change.files) {
        const target = join(options.contentDir, file);
        const tmp = join(dirname(options.contentDir), `.incoming-${process.pid}-${k}-${file.replace(/\W/g, '_')}`);
        writeFileSync(tmp, text);
        renameSync(tmp, target);
      }
      await until(() => publishedFiles() >= before + (change.expect ?? change.files.length), `change ${k + 1} to be published`);
      latencies.push((performance.now() - t0) / 1000);
      const m = memoryOf(child.pid!);
      memoryAfter.push({ rssBytes: m.rss, peakRssBytes: m.hwm });
      changeLogs.push(log.slice(logFrom).trim());
      cpuSeconds.push(cpuOf(child.pid!) - cpuFrom);
    }
    const memory = memoryOf(child.pid!);
    child.kill('SIGTERM');
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { latencies, startSeconds, rssBytes: memory.rss, peakRssBytes: memory.hwm, memoryAfter, changeLogs, cpuSeconds, log, exitCode };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}
