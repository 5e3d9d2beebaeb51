// Worker threads for the pictures: one per core, each making one picture at a time with
// `sharp.concurrency(1)` (worker.ts). Unlike the social cards (../og/pool.ts, which keep every step
// inside libvips and need no threads), a picture's JS-side work is not small: reading a source of up to
// 40 MB, its sha256 digest (~20 ms for 8 MB), copying and writing ~20 files. In threads that work stays
// off the publisher's event loop, and the pictures of a publish run side by side, one per core.
//
//   const pool = await PhotoPool.start();
//   const results = await pool.derive([{ path, input, settings, cacheDir }]); // input order kept
//   await pool.close();
//
// A job's source is a file path (the worker reads it) or bytes (copied to the worker). Results are
// derivePhoto's (derive-cache.ts); a job whose worker dies gives `{ ok: false }` and is not cached, and
// the worker is replaced. Idle workers don't keep the process alive.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DeriveResult } from './derive-cache.ts';
import type { PhotoInput } from './process.ts';
import type { PhotoSettings } from './settings.ts';

export interface PhotoJob {
  /** The source file (read by the worker)… */
  path?: string;
  /** …or its bytes. */
  bytes?: Uint8Array;
  input: PhotoInput;
  settings: PhotoSettings;
  /** The derive cache folder (derivePhoto's `cacheDir`). */
  cacheDir: string;
}

export interface WorkerRequest {
  id: number;
  job: PhotoJob;
}
export type WorkerReply = { id: number; result: DeriveResult } | { id: number; error: string };

interface Task {
  id: number;
  job: PhotoJob;
  resolve: (r: DeriveResult) => void;
  reject: (e: Error) => void;
}
interface Slot {
  worker: Worker;
  task?: Task;
}

const WORKER_URL = new URL('./worker.ts', import.meta.url);
const MAX_RESPAWNS = 8;

/** One worker per core (at least one). */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

export class PhotoPool {
  readonly size: number;
  #slots: Slot[] = [];
  #queue: Task[] = [];
  #nextId = 1;
  #closed = false;
  #respawns = 0;

  private constructor(size: number) {
    this.size = size;
  }

  /** Starts the workers and waits until each is running. */
  static async start(options: { size?: number } = {}): Promise<PhotoPool> {
    const pool = new PhotoPool(Math.max(1, Math.floor(options.size ?? defaultPoolSize())));
    try {
      await Promise.all(Array.from({ length: pool.size }, () => pool.#spawn()));
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  #spawn(): Promise<void> {
    const worker = new Worker(WORKER_URL);
    const slot: Slot = { worker };
    this.#slots.push(slot);
    let online = false;
    worker.on('message', (reply: WorkerReply) => {
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      slot.task = undefined;
      if ('error' in reply) task.reject(new Error(`picture worker: ${reply.error}`));
      else task.resolve(reply.result);
      this.#pump();
    });
    const lost = (why: string) => {
      if (!this.#slots.includes(slot)) return;
      this.#slots = this.#slots.filter((s) => s !== slot);
      const task = slot.task;
      slot.task = undefined;
      if (task) task.resolve({ ok: false, key: '', cached: false, reason: `the picture worker stopped (${why})` });
      // A worker that ran and died is replaced (a few times at most); one that never started is not.
      if (!this.#closed && online && this.#respawns++ < MAX_RESPAWNS) {
        this.#spawn().then(
          () => this.#pump(),
          (e: Error) => this.#failAll(e),
        );
      } else if (!this.#slots.length) {
        this.#failAll(new Error(`no picture worker left (${why})`));
      } else {
        this.#pump();
      }
    };
    worker.on('error', (e) => lost(e.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    return new Promise((resolve, reject) => {
      worker.once('online', () => {
        online = true;
        // Idle workers don't keep the process alive (#pump refs a busy one).
        if (!slot.task) worker.unref();
        resolve();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the picture worker exited while starting (code ${code})`)));
    });
  }

  #failAll(e: Error): void {
    for (const t of this.#queue.splice(0)) t.reject(e);
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (slot.task) continue;
      const task = this.#queue.shift();
      if (!task) break;
      slot.task = task;
      slot.worker.ref();
      slot.worker.postMessage({ id: task.id, job: task.job } satisfies WorkerRequest);
    }
    for (const slot of this.#slots) if (!slot.task) slot.worker.unref();
  }

  /** Derives every job's picture set; results in the jobs' order. */
  derive(jobs: readonly PhotoJob[]): Promise<DeriveResult[]> {
    if (this.#closed) return Promise.reject(new Error('the picture pool is closed'));
    if (!this.#slots.length) return Promise.reject(new Error('the picture pool has no worker left'));
    const all = jobs.map(
      (job) =>
        new Promise<DeriveResult>((resolve, reject) => {
          this.#queue.push({ id: this.#nextId++, job, resolve, reject });
        }),
    );
    this.#pump();
    return Promise.all(all);
  }

  /** Stops the workers; jobs still queued are rejected. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#failAll(new Error('the picture pool was closed'));
    const slots = this.#slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
