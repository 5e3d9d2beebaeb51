// How the command-line tools end on an error. A mistake the user can fix (an option mistyped in
// astro.config.mjs, a bad environment override, another publisher holding the lock) is printed as its
// message alone: it says what to change, and a stack trace below it would only bury that. Anything
// else is a fault of Dateline's and is printed whole, stack and all.
import { DatelineOptionsError } from '../options.ts';
import { PublishLockError } from '../publish/lock.ts';

/** Prints the error as a user should see it; returns the exit code (75: another publisher runs). */
export function failed(error: unknown, prefix = '[dateline] '): number {
  if (error instanceof DatelineOptionsError || error instanceof PublishLockError) {
    console.error(
      error.message
        .split('\n')
        .map((line) => `${prefix}${line}`)
        .join('\n'),
    );
    return error instanceof PublishLockError ? 75 : 1;
  }
  console.error(error);
  return 1;
}
