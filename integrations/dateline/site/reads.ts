// What a page read. While a route renders, every answer the library gives it is noted here: the
// stories it showed, each slice of a list it read (as the range of the list's order it covered), the
// counts and site-wide answers (navigation, agencies, market strip) it used. The archive keeps these
// per route (archive/reads.ts), and a change redraws the routes whose reads it touches
// (site/effects.ts). So a theme that shows other things (a box of the latest Business stories on every
// article, a story count in the footer) stays correct under publishing with no change here. The idea
// is Hugo's identity package and Eleventy's dependency map: record what was used; a false positive
// costs a redraw, a false negative a stale page, so every read errs on the wide side.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ReadRange } from '../archive/reads.ts';

/** The reads of one route. */
export class Reads {
  readonly keys = new Set<string>();
  readonly ranges: ReadRange[] = [];
}

const rendering = new AsyncLocalStorage<Reads>();

/** Runs a route's render with its reads recorded into `reads` (follows every await of the render). */
export function recordReads<T>(reads: Reads, render: () => T): T {
  return rendering.run(reads, render);
}

/** Notes a read of something named by a key (see effects.ts for the keys a change touches). */
export function readKey(key: string): void {
  rendering.getStore()?.keys.add(key);
}

export function readRange(list: string, lo: Uint8Array, hi: Uint8Array): void {
  rendering.getStore()?.ranges.push({ list, lo, hi });
}

/**
 * Lower than every order key (which start at 0x40) and day key (digits). One byte, not none: SQLite
 * stores an empty array that crossed from a render worker as NULL (no backing store to point at).
 */
export const LOWEST = Uint8Array.of(0x00);
/** Higher than every order key. */
export const HIGHEST = Uint8Array.of(0xff);

const TIME_OFFSET = 2n ** 62n;
const encoder = new TextEncoder();

/**
 * A story's place in every list, as bytes that sort oldest first (SQLite compares blobs byte by byte):
 * the time, then the path with each byte inverted and a closing 0xff, because lists are newest first
 * and, within one instant, by path A–Z (so oldest first is by path Z–A; the closing byte puts `a/b/`
 * after `a/b/c/`, as a path's inverse order wants).
 */
export function orderKey(at: { timestamp: number; path: string }): Uint8Array {
  const path = encoder.encode(at.path);
  const key = new Uint8Array(8 + path.length + 1);
  new DataView(key.buffer).setBigUint64(0, BigInt(Math.round(at.timestamp)) + TIME_OFFSET);
  for (let i = 0; i < path.length; i++) key[8 + i] = 0xff - path[i]!;
  key[8 + path.length] = 0xff;
  return key;
}

/** A day's place in the list of days (`yyyy/mm/dd` sorts as the bytes of its text). */
export const dayKey = (day: string) => encoder.encode(day);
