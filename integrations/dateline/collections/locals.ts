// What every page finds in `Astro.locals.dateline`: the publisher's resolved options (site URL, base,
// names, language, time zone, list sizes). Set for each request by the middleware beside this file,
// from the archive the pages read, so one compiled theme serves any content folder or options.
import type { ResolvedDatelineConfig } from '../options.ts';

export interface DatelineLocals {
  config: ResolvedDatelineConfig;
}
