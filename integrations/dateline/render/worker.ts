// A render worker: its own copy of the compiled theme and a read-only connection to the archive (SQLite
// in WAL mode: it reads what the publisher committed, while the publisher writes files). The publisher
// hands it routes and gets the pages' bytes back.
import { parentPort, workerData } from 'node:worker_threads';
import { openArchive } from '../archive/db.ts';
import type { ResolvedDatelineConfig } from '../options.ts';
import { Library } from '../site/library.ts';
import { Renderer } from './renderer.ts';

const { bundleDir, archivePath, config } = workerData as { bundleDir: string; archivePath: string; config: ResolvedDatelineConfig };
const db = openArchive(archivePath, { readOnly: true });
const renderer = await Renderer.load(bundleDir, new Library(db, config));

parentPort!.on('message', async (message: { id: number; routes: string[] }) => {
  try {
    const results = [];
    for (const route of message.routes) results.push(await renderer.render(route));
    parentPort!.postMessage(
      { id: message.id, results },
      results.map((r) => r.body.buffer as ArrayBuffer),
    );
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error).stack ?? String(error) });
  }
});
parentPort!.postMessage({ ready: true });
