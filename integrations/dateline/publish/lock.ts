// One publisher at a time per site: two writing one output folder and archive would interleave their
// writes. The lock is SQLite's own exclusive lock on a small lock database, held by an open transaction
// for as long as the publisher runs. The operating system drops it the moment its owner dies (even by
// SIGKILL), so there is never a stale lock to clean up, and no window where two publishers both see the
// lock free (a pid file has both problems). Who holds it is written beside it for the message. A second
// publisher waits for the first, saying so, and refuses after `waitMs` (or at once with `--no-wait`).
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadSqlite } from '../archive/db.ts';

export interface LockOwner {
  pid: number;
  started: string;
  command: string;
}

export class PublishLockError extends Error {}

export interface Lock {
  release(): void;
}

function readOwner(path: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

const isBusy = (error: unknown) => /database is locked|SQLITE_BUSY/i.test(String((error as Error)?.message ?? error));

/** Takes the lock at `path`, waiting up to `waitMs` for a running owner; `onWait` is told once. */
export async function acquireLock(path: string, command: string, options: { waitMs: number; onWait?: (owner: LockOwner | undefined) => void }): Promise<Lock> {
  const { DatabaseSync } = loadSqlite();
  mkdirSync(dirname(path), { recursive: true });
  const ownerPath = `${path}.owner.json`;
  const db = new DatabaseSync(path, { timeout: 0 });
  const deadline = Date.now() + options.waitMs;
  let told = false;
  for (;;) {
    try {
      db.exec('BEGIN EXCLUSIVE');
      break;
    } catch (error) {
      if (!isBusy(error)) {
        db.close();
        throw error;
      }
    }
    const current = readOwner(ownerPath);
    if (Date.now() >= deadline) {
      db.close();
      const who = current ? `pid ${current.pid}, \`${current.command}\`, since ${current.started}` : 'starting';
      throw new PublishLockError(
        `another publisher is running for this site (${who}); ${options.waitMs > 0 ? `waited ${Math.round(options.waitMs / 1000)} s, ` : ''}` +
          `refusing to publish at the same time (lock: ${path})`,
      );
    }
    if (!told) {
      options.onWait?.(current);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const me: LockOwner = { pid: process.pid, started: new Date().toISOString(), command };
  const tmp = `${ownerPath}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(me));
  renameSync(tmp, ownerPath);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (readOwner(ownerPath)?.pid === process.pid) rmSync(ownerPath, { force: true });
    try {
      db.exec('ROLLBACK');
    } finally {
      db.close();
    }
  };
  process.once('exit', release);
  return { release };
}
