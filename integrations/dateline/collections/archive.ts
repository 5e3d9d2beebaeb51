// The archive the theme's collections read. The publisher (and each render worker) hands its library to
// the compiled theme when it loads it (render/server-entry.ts exports attachLibrary), so the loaders
// read the publisher's archive through the publisher's library, and every read is recorded for the
// route being drawn (site/reads.ts). Under `astro dev`, where no publisher loads the theme, the loaders
// open the dev server's archive themselves, read-only (its path comes from the integration as a
// virtual module).
import devArchive from 'virtual:dateline/dev-archive';
import { openArchive } from '../archive/db.ts';
import { Library } from '../site/library.ts';

let attached: Library | undefined;

/** Hands the compiled theme the library its pages read (undefined: let go of it). */
export function attachLibrary(library: Library | undefined): void {
  attached = library;
}

let dev: { library: Library; version: number } | undefined;

/** The library pages read now. */
export function currentLibrary(): Library {
  if (attached) return attached;
  if (!devArchive) throw new Error('Dateline: no archive is attached (pages are rendered by `npm run build`, `npm run publish` or `npm run dev`)');
  // astro dev: the dev archive changes as wire files come and go; its data_version says when
  if (!dev) dev = { library: new Library(openArchive(devArchive.path, { readOnly: true }), devArchive.config), version: -1 };
  const version = dev.library.dataVersion();
  if (version !== dev.version) {
    dev.library.invalidate();
    dev.version = version;
  }
  return dev.library;
}
