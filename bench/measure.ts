// Runs one command and measures it as a whole process tree:
// - wall seconds: high-resolution clock around spawn → exit;
// - CPU seconds: user + sys of the command and every descendant it waited for (the kernel's
//   RUSAGE_CHILDREN, read through GNU `/usr/bin/time` when installed, else bash's `times` builtin);
// - peak memory: the largest sum of RSS over the command's live descendants, sampled from /proc every
//   ~50 ms (GNU time's %M is only the largest single process, kept as `maxProcessRssBytes`).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measurement {
  wallSeconds: number;
  userSeconds: number;
  sysSeconds: number;
  cpuSeconds: number;
  /** Peak of the summed RSS of the whole process tree (sampled); 0 when /proc is unavailable. */
  peakRssBytes: number;
  /** Largest RSS of any single process (GNU time %M); undefined with the bash fallback. */
  maxProcessRssBytes?: number;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** How the CPU time was read. */
  cpuSource: 'gnu-time' | 'bash-times';
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Sampling interval for the memory sampler, ms. */
  sampleMs?: number;
  /** Echo the command's output live (prefixed) as well as capturing it. */
  echo?: boolean;
}

const GNU_TIME = '/usr/bin/time';
const PAGE = 4096;

/** pid → [ppid, rssPages] for every process, from /proc/<pid>/stat. */
function processTable(): Map<number, [number, number]> {
  const table = new Map<number, [number, number]>();
  let pids: string[];
  try {
    pids = readdirSync('/proc');
  } catch {
    return table;
  }
  for (const name of pids) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'latin1');
    } catch {
      continue; // exited between readdir and read
    }
    // Fields after the `(comm)` (which may hold spaces): state ppid … rss is field 24 overall.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    table.set(Number(name), [Number(rest[1]), Number(rest[21])]);
  }
  return table;
}

/** Sum of RSS (bytes) of `root`'s descendants (and root itself unless excluded). */
function treeRss(root: number, includeRoot: boolean): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, [ppid]] of table) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    if (pid !== root || includeRoot) total += (table.get(pid)?.[1] ?? 0) * PAGE;
    for (const c of children.get(pid) ?? []) stack.push(c);
  }
  return total;
}

function parseBashTimes(text: string): { user: number; sys: number } {
  // `times` prints the shell's own times, then its children's: "0m1.234s 0m0.456s".
  const lines = text.trim().split('\n');
  const m = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(lines[lines.length - 1] ?? '');
  if (!m) return { user: 0, sys: 0 };
  return { user: Number(m[1]) * 60 + Number(m[2]), sys: Number(m[3]) * 60 + Number(m[4]) };
}

export function measure(cmd: string, args: string[], opts: RunOptions = {}): Promise<Measurement> {
  const gnu = existsSync(GNU_TIME) && process.env.BENCH_NO_GNU_TIME !== '1';
  const scratch = mkdtempSync(join(tmpdir(), 'dateline-bench-'));
  const timeFile = join(scratch, 'time.txt');
  const [file, argv] = gnu
    ? [GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, cmd, ...args]]
    : ['bash', ['-c', '"$@"; rc=$?; times > "$TIMES_FILE"; exit $rc', 'bash', cmd, ...args]];
  const env = { ...(opts.env ?? process.env), ...(gnu ? {} : { TIMES_FILE: timeFile }) };
  const sampleMs = opts.sampleMs ?? 50;

  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => {
      out.push(b);
      if (opts.echo) process.stdout.write(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      err.push(b);
      if (opts.echo) process.stderr.write(b);
    });
    let peak = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      // The wrapper (GNU time or bash) is a couple of MB and not part of the build: leave it out.
      peak = Math.max(peak, treeRss(child.pid, false));
    };
    const timer = setInterval(sample, sampleMs);
    child.on('error', (e) => {
      clearInterval(timer);
      rmSync(scratch, { recursive: true, force: true });
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      let userSeconds = 0;
      let sysSeconds = 0;
      let maxProcessRssBytes: number | undefined;
      try {
        const text = readFileSync(timeFile, 'utf8');
        if (gnu) {
          // GNU time writes "Command exited with non-zero status N" first on failure.
          const last = text.trim().split('\n').pop() ?? '';
          const [u, s, m] = last.split(' ').map(Number);
          userSeconds = u;
          sysSeconds = s;
          maxProcessRssBytes = m * 1024;
        } else {
          ({ user: userSeconds, sys: sysSeconds } = parseBashTimes(text));
        }
      } catch {
        // no timing file: the command could not be started
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({
        wallSeconds,
        userSeconds,
        sysSeconds,
        cpuSeconds: userSeconds + sysSeconds,
        peakRssBytes: peak,
        maxProcessRssBytes,
        exitCode: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        cpuSource: gnu ? 'gnu-time' : 'bash-times',
      });
    });
  });
}
