// The search index's shards as the archive keeps them (table `search_shards`, planned by
// ../search/shards.ts, indexed and placed by ../publish/search.ts): a folder under pagefind/ each, named
// by its content, with the span it was planned in (a year, or the newest month), its place in the span,
// its stories and the newest story's time. A shard replaced by another is retired until its files are
// removed (the search page lists only live ones).
import { preparedStatements, type ArchiveDb } from './db.ts';

export interface ShardRow {
  folder: string;
  span: string;
  /** Its place among its span's shards. */
  idx: number;
  stories: number;
  /** The newest story's time (epoch ms): the order of the search page's list. */
  last: number;
}

export class SearchShards {
  readonly #sql: (sql: string) => ReturnType<ArchiveDb['prepare']>;

  constructor(db: ArchiveDb) {
    this.#sql = preparedStatements(db);
  }

  /** The month planned on its own last time (the newest month then), if any. */
  newestMonthSpan(): string | undefined {
    return (this.#sql('SELECT span FROM search_shards WHERE length(span) = 7 AND retired = 0 ORDER BY span DESC LIMIT 1').get() as { span: string } | undefined)
      ?.span;
  }

  /** Every span with live shards. */
  liveSpans(): string[] {
    return (this.#sql('SELECT DISTINCT span FROM search_shards WHERE retired = 0').all() as { span: string }[]).map((r) => r.span);
  }

  /** The live shards' folders of a span. */
  liveFolders(span: string): string[] {
    return (this.#sql('SELECT folder FROM search_shards WHERE span = ? AND retired = 0').all(span) as { folder: string }[]).map((r) => r.folder);
  }

  /** A shard replaced: its files go once the new list is in place. */
  retire(folder: string): void {
    this.#sql('UPDATE search_shards SET retired = 1 WHERE folder = ?').run(folder);
  }

  /** Records a live shard. */
  put(shard: ShardRow): void {
    this.#sql('INSERT OR REPLACE INTO search_shards (folder, span, idx, stories, last, retired) VALUES (?, ?, ?, ?, ?, 0)').run(
      shard.folder,
      shard.span,
      shard.idx,
      shard.stories,
      shard.last,
    );
  }

  /** The live shards as the search page lists them: newest first. */
  listed(): Pick<ShardRow, 'folder' | 'span' | 'stories'>[] {
    return this.#sql('SELECT folder, span, stories FROM search_shards WHERE retired = 0 ORDER BY last DESC, folder').all() as Pick<
      ShardRow,
      'folder' | 'span' | 'stories'
    >[];
  }

  /** Folders of retired shards (their files still to remove). */
  retiredFolders(): string[] {
    return (this.#sql('SELECT folder FROM search_shards WHERE retired = 1').all() as { folder: string }[]).map((r) => r.folder);
  }

  /** Forgets a retired shard (its files are gone). */
  forget(folder: string): void {
    this.#sql('DELETE FROM search_shards WHERE folder = ?').run(folder);
  }

  /** Every shard's folder, live or retired. */
  folders(): string[] {
    return (this.#sql('SELECT folder FROM search_shards').all() as { folder: string }[]).map((r) => r.folder);
  }
}
