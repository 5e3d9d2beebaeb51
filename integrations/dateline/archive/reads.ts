// The reads of every drawn route, kept in the archive (tables route_keys and route_ranges): written
// as each route is drawn, looked up by what a change touched. See site/reads.ts for what a read is.
import { preparedStatements, type ArchiveDb } from './db.ts';

/** A contiguous part of a list, by order key (../site/reads.ts orderKey()): a change inside it may change the read. */
export interface ReadRange {
  /** `all`, `section:<slug>`, `agency:<slug>`, `day:<yyyy/mm/dd>`, or `days` (the days that have stories). */
  list: string;
  lo: Uint8Array;
  hi: Uint8Array;
}

/** A route's reads as the renderer hands them over (plain data: they cross from render workers). */
export interface RouteReads {
  keys: string[];
  ranges: ReadRange[];
}

export class RouteReadIndex {
  readonly #db: ArchiveDb;
  readonly #sql: (sql: string) => ReturnType<ArchiveDb['prepare']>;

  constructor(db: ArchiveDb) {
    this.#sql = preparedStatements(db);
    this.#db = db;
  }

  /** Replaces what a route read (it was just drawn). */
  replace(route: string, reads: RouteReads): void {
    this.forget(route);
    const key = this.#sql('INSERT OR IGNORE INTO route_keys (key, route) VALUES (?, ?)');
    for (const k of reads.keys) key.run(k, route);
    const range = this.#sql('INSERT INTO route_ranges (list, hi, lo, route) VALUES (?, ?, ?, ?)');
    // one row per distinct range (a page reads the navigation's lists more than once)
    const seen = new Set<string>();
    for (const r of reads.ranges) {
      const id = `${r.list}\0${Buffer.from(r.lo).toString('hex')}\0${Buffer.from(r.hi).toString('hex')}`;
      if (seen.has(id)) continue;
      seen.add(id);
      range.run(r.list, r.hi, r.lo, route);
    }
  }

  /** Forgets a route (it is gone from the site). */
  forget(route: string): void {
    this.#sql('DELETE FROM route_keys WHERE route = ?').run(route);
    this.#sql('DELETE FROM route_ranges WHERE route = ?').run(route);
  }

  clear(): void {
    this.#db.exec('DELETE FROM route_keys; DELETE FROM route_ranges;');
  }

  /** Routes that read any of these keys. */
  routesReading(key: string): string[] {
    return (this.#sql('SELECT route FROM route_keys WHERE key = ?').all(key) as { route: string }[]).map((r) => r.route);
  }

  /** Routes that read a range of `list` holding this order key. */
  routesCovering(list: string, at: Uint8Array): string[] {
    return (this.#sql('SELECT route FROM route_ranges WHERE list = ? AND hi >= ? AND lo <= ?').all(list, at, at) as { route: string }[]).map((r) => r.route);
  }

  /** Every route with recorded reads. */
  routes(): string[] {
    return (this.#sql('SELECT DISTINCT route FROM route_keys').all() as { route: string }[]).map((r) => r.route);
  }
}
