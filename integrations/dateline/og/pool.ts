// Bounded concurrency for the render jobs.
//
// Why no worker_threads: every expensive step (Pango text rendering, compositing, libimagequant
// palette quantisation, zlib, mozjpeg) runs inside libvips on libuv's thread pool, off the JS thread.
// A few renders in flight keep both cores busy (measured: CPU time / wall time ≈ 1.9 on 2 cores for
// 100 cards, see bench/og-cost.ts), with no worker file to locate inside Vite's bundle and no second copy of
// sharp/fontconfig per thread. The JS work per card (markup building, cache bookkeeping) is < 1 ms.
import { availableParallelism } from 'node:os';

export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

/** Runs `fn` over `items` with at most `limit` promises in flight; results keep input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  });
  await Promise.all(lanes);
  return out;
}
