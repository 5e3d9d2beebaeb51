// The ANPA trailer after ETX: the sender, its desk, the date as MM-DD-YY and the time with its zone:
// `AP-WF-02-20-16 0337GMT` is 20 February 2016, 03:37 GMT. The 2-digit year takes the century that
// puts the message latest but not after the file time (../shared/teletype/trailer-date.ts).
import { zoneFromName, type TrailerDate } from '../shared/teletype.ts';

export const TRAILER_FORM = 'sender, date and time after ETX, e.g. "AP-WF-02-20-16 0337GMT"';

const TRAILER = /\b([A-Za-z]{1,8})-([A-Za-z0-9]{1,8})-(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})\s+(\d{2}):?(\d{2})\s*([A-Za-z]{1,5})?/;

export interface AnpaTrailer {
  sender: string;
  date: TrailerDate;
}

export function parseTrailer(text: string): AnpaTrailer | undefined {
  const m = TRAILER.exec(text);
  if (!m) return undefined;
  const [, sender, , mm, dd, yy, hh, mi, zoneName] = m;
  const date: TrailerDate = {
    month: Number(mm),
    day: Number(dd),
    hour: Number(hh),
    minute: Number(mi),
    year: { digits: yy!.length, value: Number(yy) },
  };
  if (zoneName !== undefined) {
    const zone = zoneFromName(zoneName);
    if (zone === undefined) return undefined;
    date.zone = zone;
  }
  return { sender: sender!, date };
}
