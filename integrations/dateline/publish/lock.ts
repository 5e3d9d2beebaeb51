// One publisher at a time per site: two writing one output folder and archive would interleave their
// writes. The lock is a file created exclusively (O_EXCL) holding the owner's pid; a lock whose owner is
// no longer running (killed) is taken over. A second publisher waits for the first, saying so, and
// refuses after `waitMs` (or at once with `--no-wait`).
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface LockOwner {
  pid: number;
  started: string;
  command: string;
}

function owner(path: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class PublishLockError extends Error {}

export interface Lock {
  release(): void;
}

/** Takes the lock at `path`, waiting up to `waitMs` for a running owner; `onWait` is told once. */
export async function acquireLock(path: string, command: string, options: { waitMs: number; onWait?: (owner: LockOwner) => void }): Promise<Lock> {
  mkdirSync(dirname(path), { recursive: true });
  const deadline = Date.now() + options.waitMs;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, started: new Date().toISOString(), command } satisfies LockOwner));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (owner(path)?.pid === process.pid) rmSync(path, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = owner(path);
    if (!current || !alive(current.pid)) {
      // The owner was killed (or the file is half-written by one that was): take it over.
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new PublishLockError(
        `another publisher is running for this site (pid ${current.pid}, \`${current.command}\`, since ${current.started}); ` +
          `${options.waitMs > 0 ? `waited ${Math.round(options.waitMs / 1000)} s, ` : ''}refusing to publish at the same time (lock: ${path})`,
      );
    }
    if (!told) {
      options.onWait?.(current);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
