// Whether a time zone name is a real IANA zone, as luxon tests it (an Intl.DateTimeFormat for it can be
// made). Every parse asks once per file, and making a formatter costs about 0.15 ms: at 10,000 agency
// files, read at ingest and again at render, that showed in build profiles. The answer for a name never
// changes within a process, so it is remembered (for a few names: a site has one zone).
import { IANAZone } from 'luxon';

const known = new Map<string, boolean>();
const MAX_REMEMBERED = 64;

export function isIanaZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  let valid = known.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (known.size >= MAX_REMEMBERED) known.clear();
    known.set(zone, valid);
  }
  return valid;
}
