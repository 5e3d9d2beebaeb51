// `npm run publish -- --watch`: a resident publisher. It holds the lock, the compiled theme and the
// archive open, and publishes the files the content folder reports changed (inotify through fs.watch),
// a few milliseconds after the last event of a burst. It also wakes when an embargo ends, and when a
// story leaves the news sitemap's 48-hour window. A bad file is reported and the watch goes on; a
// failed publish is retried on the next event. Each publish prints what it alone did (run.ts
// watchLines): its counts, the stories that went live or were taken down, or "nothing published" and
// why.
import { watch, type FSWatcher } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Project } from './project.ts';
import { NEWS_WINDOW_MS } from '../sitemaps/news.ts';
import { firstPublishedAfter } from '../archive/articles.ts';
import { nextDue } from '../archive/stories.ts';
import { buildNow } from '../time.ts';
import { openSession, watchLines, type SessionOptions } from './run.ts';

/** Quiet time after a file event before publishing (a writer's several events come as one burst). */
const SETTLE_MS = 25;

export interface Watcher {
  /** Resolves when the first publish (everything that changed since the last run) is done. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function watchAndPublish(project: Project, options: SessionOptions): Watcher {
  let session: Awaited<ReturnType<typeof openSession>> | undefined;
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let wake: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const changed = new Set<string>();
  let stopped = false;

  const nextWake = () => {
    if (!session || stopped) return;
    clearTimeout(wake);
    const db = session.publisher.db;
    const now = buildNow().getTime();
    // a scheduled story falls due, or the oldest story in the news sitemap's window leaves it
    const due = nextDue(db, now);
    const leaving = firstPublishedAfter(db, now - NEWS_WINDOW_MS);
    const times = [due, leaving === undefined ? undefined : leaving + NEWS_WINDOW_MS].filter((t): t is number => t !== undefined && t > now);
    if (!times.length) return;
    // Timers hold at most ~24.8 days; wake then and look again.
    const delay = Math.min(Math.min(...times) - now + 5, 2 ** 31 - 1);
    wake = setTimeout(() => run(undefined), delay);
  };

  const run = (files: string[] | undefined) => {
    running = running.then(async () => {
      if (!session || stopped) return;
      const started = performance.now();
      try {
        const result = await session.publisher.publish({ ...(files ? { files } : {}), now: buildNow() });
        // Nothing of a refused change is in the archive: its files go again with the next change (the mended file).
        if (result.refused !== undefined && files) for (const f of files) changed.add(f);
        for (const line of watchLines(project, result, files, (performance.now() - started) / 1000)) options.log(line);
      } catch (error) {
        options.log(`publish failed (it is tried again on the next change): ${(error as Error).message}`);
        if (files) for (const f of files) changed.add(f);
      }
      nextWake();
    });
    return running;
  };

  const ready = (async () => {
    session = await openSession(project, options);
    watcher = watch(project.config.contentPath, { recursive: true }, (_event, name) => {
      if (!name) return;
      const file = relative(project.config.contentPath, `${project.config.contentPath}${sep}${name}`).split(sep).join('/');
      changed.add(file);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const files = [...changed];
        changed.clear();
        void run(files);
      }, SETTLE_MS);
    });
    // What changed while no publisher watched: the whole folder, once.
    await run(undefined);
    options.log(`watching ${project.config.contentDirLabel} for wire files (Ctrl-C to stop)`);
  })();

  return {
    ready,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(wake);
      watcher?.close();
      await running;
      session?.close();
    },
  };
}
