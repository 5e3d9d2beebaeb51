// Reading the live collections (src/live.config.ts) with Astro's getLiveEntry / getLiveCollection:
// a loader that fails fails the page (a page with a hole in it is never written); an entry that is
// not there is `undefined`.
type EntryResult<T> = { entry?: T; error?: Error | undefined };
type CollectionResult<T> = { entries?: T[]; error?: Error | undefined };

/** The entry a getLiveEntry() call found, or undefined. */
export function found<T>(result: EntryResult<T>): T | undefined {
  if (result.error && result.error.name !== 'LiveEntryNotFoundError') throw result.error;
  return result.entry;
}

/** The entries a getLiveCollection() call found. */
export function all<T>(result: CollectionResult<T>): T[] {
  if (result.error) throw result.error;
  return result.entries ?? [];
}
