// Rendering many routes on every core: a pool of render workers (worker.ts), each with its own copy of
// the compiled theme. Used when a publish draws many routes (a full build); a publish of a few stories
// renders in the publisher's own thread, where the theme is already loaded.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResolvedDatelineConfig } from '../options.ts';
import type { RenderedRoute } from './renderer.ts';

/** Routes per message: enough to keep a worker busy between round trips. */
const CHUNK = 25;
/** Chunks a worker holds at once. */
const DEPTH = 3;

interface Pending {
  resolve: (results: RenderedRoute[]) => void;
  reject: (error: Error) => void;
}

export class RenderPool {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, Pending>();
  /** Chunks each worker has been sent and not answered. */
  readonly #inFlight = new Map<Worker, number>();
  readonly #queue: { id: number; routes: string[] }[] = [];
  #next = 0;

  private constructor(workers: Worker[]) {
    this.#workers = workers;
    for (const worker of workers) {
      worker.on('message', (message: { id: number; results?: RenderedRoute[]; error?: string }) => {
        const pending = this.#pending.get(message.id);
        if (!pending) return;
        this.#pending.delete(message.id);
        if (message.error) pending.reject(new Error(message.error));
        else pending.resolve(message.results!.map((r) => ({ ...r, body: new Uint8Array(r.body) })));
        this.#inFlight.set(worker, this.#inFlight.get(worker)! - 1);
        this.#pump();
      });
      worker.on('error', (error) => {
        for (const p of this.#pending.values()) p.reject(error);
        this.#pending.clear();
      });
    }
    for (const worker of workers) this.#inFlight.set(worker, 0);
  }

  /** Starts `size` workers (default: one per core) and waits until each has loaded the theme. */
  static async start(options: { bundleDir: string; archivePath: string; config: ResolvedDatelineConfig; size?: number }): Promise<RenderPool> {
    const size = options.size ?? Math.max(1, availableParallelism());
    const workers = await Promise.all(
      Array.from({ length: size }, () => {
        const worker = new Worker(new URL('./worker.ts', import.meta.url), {
          workerData: { bundleDir: options.bundleDir, archivePath: options.archivePath, config: options.config },
        });
        return new Promise<Worker>((resolve, reject) => {
          worker.once('message', () => resolve(worker));
          worker.once('error', reject);
        });
      }),
    );
    return new RenderPool(workers);
  }

  /** Renders the routes, in order. */
  async render(routes: string[]): Promise<RenderedRoute[]> {
    const chunks: Promise<RenderedRoute[]>[] = [];
    for (let i = 0; i < routes.length; i += CHUNK) {
      const id = this.#next++;
      chunks.push(new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject })));
      this.#queue.push({ id, routes: routes.slice(i, i + CHUNK) });
    }
    this.#pump();
    return (await Promise.all(chunks)).flat();
  }

  /**
   * Keeps every worker DEPTH chunks ahead: the publisher's thread may be busy writing files when a
   * worker finishes one, and the worker goes on with the next without waiting for it.
   */
  #pump(): void {
    while (this.#queue.length) {
      let least: Worker | undefined;
      for (const [worker, n] of this.#inFlight) if (n < DEPTH && (!least || n < this.#inFlight.get(least)!)) least = worker;
      if (!least) return;
      this.#inFlight.set(least, this.#inFlight.get(least)! + 1);
      least.postMessage(this.#queue.shift()!);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
