// The pending queue (table `pending`): work a publish has committed to but not finished. Entries are
// added in the same transaction as the change that needs them and removed as each is done, so a
// publisher killed mid-way leaves them here and the next one finishes them first, oldest first.
//
// Each entry is stored as one string (`route:world/`, `image:world/2023/08/07/x/`, `search:all`, …);
// only this module reads or writes those strings.
import { preparedStatements, type ArchiveDb } from './db.ts';

export type PendingWork =
  /** A route to draw (its page or feed), or to remove when the renderer no longer has it. */
  | { kind: 'route'; route: string }
  /** The social images of an article path: linked while it has an article, removed after. */
  | { kind: 'image'; path: string }
  /** A picture's derived set (its folder under photos/): placed while an article shows it. */
  | { kind: 'photo'; key: string }
  /** A month (`yyyy-mm`) whose search shard may have changed. */
  | { kind: 'month'; month: string }
  /** A page sitemap group whose pages appeared, went or changed their lastmod or pictures. */
  | { kind: 'sitemap'; group: string }
  /** The search index, for the months pending. */
  | { kind: 'search' }
  /** The whole search index (a full build). */
  | { kind: 'search:all' }
  /** Sitemaps, the news sitemap, the sitemap index, robots.txt and _headers. */
  | { kind: 'derived' }
  /** The theme's static files and the default social image. */
  | { kind: 'static' }
  /** A full build's removal of every file it did not write or find in place. */
  | { kind: 'sweep' };

export type PendingKind = PendingWork['kind'];
/** Kinds that name a thing (a route, a path, a key, …). */
type NamedKind = Exclude<PendingKind, 'search' | 'search:all' | 'derived' | 'static' | 'sweep'>;
export type PendingOf<K extends PendingKind> = Extract<PendingWork, { kind: K }>;

const NAMED: Record<NamedKind, string> = { route: 'route', image: 'path', photo: 'key', month: 'month', sitemap: 'group' };
const isNamed = (kind: string): kind is NamedKind => Object.hasOwn(NAMED, kind);
const SINGLE = new Set<string>(['search', 'search:all', 'derived', 'static', 'sweep']);

/** The stored string of an entry: `<kind>:<name>`, or the kind alone. */
export function encodePending(work: PendingWork): string {
  if (!isNamed(work.kind)) return work.kind;
  return `${work.kind}:${(work as Record<string, string>)[NAMED[work.kind]]}`;
}

/** The entry a stored string holds. */
export function decodePending(what: string): PendingWork {
  if (SINGLE.has(what)) return { kind: what } as PendingWork;
  const colon = what.indexOf(':');
  const kind = what.slice(0, colon);
  if (colon < 0 || !isNamed(kind)) throw new Error(`Dateline: unknown pending work in the archive: ${JSON.stringify(what)}`);
  return { kind, [NAMED[kind]]: what.slice(colon + 1) } as PendingWork;
}

/** The pending queue of one archive, with its statements prepared once. */
export class PendingQueue {
  readonly #sql: (sql: string) => ReturnType<ArchiveDb['prepare']>;

  constructor(db: ArchiveDb) {
    this.#sql = preparedStatements(db);
  }

  /** Records work to do (once: an entry already pending stays where it is in the order). */
  add(work: PendingWork): void {
    this.#sql('INSERT OR IGNORE INTO pending (what) VALUES (?)').run(encodePending(work));
  }

  /** Marks work done. */
  done(work: PendingWork): void {
    this.#sql('DELETE FROM pending WHERE what = ?').run(encodePending(work));
  }

  /** Whether this work is pending. */
  has(work: PendingOf<'search' | 'search:all' | 'derived' | 'static' | 'sweep'>): boolean {
    return this.#sql('SELECT 1 FROM pending WHERE what = ?').get(encodePending(work)) !== undefined;
  }

  /** The pending work of one named kind, oldest commitment first (a range of the key, in the order added). */
  list<K extends NamedKind>(kind: K): PendingOf<K>[] {
    // `route:` up to `route;` (the character after the colon): every entry with the prefix
    const rows = this.#sql('SELECT what FROM pending WHERE what >= ? AND what < ? ORDER BY rowid').all(`${kind}:`, `${kind};`) as { what: string }[];
    return rows.map((r) => decodePending(r.what) as PendingOf<K>);
  }
}
