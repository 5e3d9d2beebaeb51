// A resident publisher (`npm run publish -- --watch`) in a child process, for the watch tests: its
// output gathered as it comes, and a poll that waits for what a test expects and fails with that output.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, siteEnv } from '../helpers/build.ts';

export class Watcher {
  readonly process: ChildProcessWithoutNullStreams;
  /** Everything it printed so far (stdout and stderr). */
  log = '';
  readonly #timeoutMs: number;

  private constructor(child: ChildProcessWithoutNullStreams, timeoutMs: number) {
    this.process = child;
    this.#timeoutMs = timeoutMs;
    child.stdout.on('data', (d) => (this.log += d));
    child.stderr.on('data', (d) => (this.log += d));
  }

  /** Starts the watcher on test site `name` (built already) and waits until it watches. `timeoutMs`: until()'s default. */
  static async start(name: string, env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<Watcher> {
    const child = spawn(process.execPath, [join(repoRoot, 'integrations/dateline/cli/publish.ts'), '--watch'], { cwd: repoRoot, env: siteEnv(name, { env }) });
    const watcher = new Watcher(child, options.timeoutMs ?? 30_000);
    await watcher.until(() => /watching .* for wire files/.test(watcher.log), 'the watcher to start', 60_000);
    return watcher;
  }

  /** Waits until `check` holds (polled every 5 ms); returns the milliseconds it took. */
  async until(check: () => boolean, what: string, ms = this.#timeoutMs): Promise<number> {
    const started = performance.now();
    while (!check()) {
      if (performance.now() - started > ms) throw new Error(`timed out waiting for ${what}; watcher log:\n${this.log}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return performance.now() - started;
  }

  /** Kills it if it still runs (a test's afterAll). */
  kill(): void {
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
  }
}
