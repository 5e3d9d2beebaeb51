// One picture worker thread (see pool.ts): runs derivePhoto for each job the pool sends, one at a time.
// A job names its source by path (read here, off the main thread) or carries its bytes.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { derivePhoto } from './derive-cache.ts';
import type { PhotoJob, WorkerReply, WorkerRequest } from './pool.ts';

// One libvips thread per picture: the pool already runs one picture per core.
sharp.concurrency(1);

async function run(job: PhotoJob) {
  let bytes: Uint8Array;
  if (job.bytes) bytes = job.bytes;
  else if (job.path) {
    try {
      bytes = await readFile(job.path);
    } catch (e) {
      return {
        ok: false as const,
        key: '',
        cached: false,
        reason: `the picture file could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      };
    }
  } else return { ok: false as const, key: '', cached: false, reason: 'the job names no picture (neither path nor bytes)' };
  return derivePhoto(bytes, job.input, job.settings, job.cacheDir);
}

parentPort!.on('message', (msg: WorkerRequest) => {
  run(msg.job).then(
    (result) => parentPort!.postMessage({ id: msg.id, result } satisfies WorkerReply),
    (e: unknown) => parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerReply),
  );
});
