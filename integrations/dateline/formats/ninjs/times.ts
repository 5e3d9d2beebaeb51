// The times of a ninjs item: `firstcreated`/`firstCreated` (the first version's), `versioncreated`/
// `versionCreated` (this version's) and `embargoed` (ninjs 1/2) / `embargoedUntil` (ninjs 3). Each is
// read in any ISO 8601 form agencies send (`+0000` without a colon from superdesk, zone-less from the
// BBC feed: local to the configured zone).
import type { Diagnostic } from '../item.ts';
import { parseIsoTime } from '../shared/times.ts';
import { spellings, type Generation } from './generation.ts';
import { firstMember, type Located } from './positions.ts';
import { kindOf, quote } from './text.ts';

export interface ItemTimes {
  published: string;
  modified?: string;
  embargoedUntil?: string;
}

export type TimesRead = { ok: true; times: ItemTimes } | { ok: false; errors: Diagnostic[] };

interface Stamp {
  iso: string;
  ms: number;
}

type FieldRead = { found: false } | { found: true; stamp: Stamp } | { found: true; error: Diagnostic };

function readField(item: Located, names: string[], zone: string, warnings: Diagnostic[]): FieldRead {
  const field = firstMember(item, ...names);
  if (!field || field.value === '') return { found: false };
  const name = names.find((n) => firstMember(item, n) !== undefined) ?? names[0]!;
  if (typeof field.value !== 'string') {
    return {
      found: true,
      error: { line: field.line, message: `"${name}" must be an ISO 8601 time such as "2019-05-10T16:02:28+02:00", found ${kindOf(field.value)}` },
    };
  }
  const t = parseIsoTime(field.value, zone);
  if (!t.ok) {
    return {
      found: true,
      error: { line: field.line, message: `"${name}" is not a readable time (${t.reason}); expected ISO 8601 such as "2019-05-10T16:02:28+02:00"` },
    };
  }
  if (!t.hasTime) warnings.push({ line: field.line, message: `"${name}" ${quote(field.value)} has a date but no time of day; read as midnight in ${zone}` });
  return { found: true, stamp: { iso: t.iso, ms: t.ms } };
}

export interface TimeOptions {
  zone: string;
  generation: Generation;
  /** A kill or withdrawal without any time may fall back to the file's own time. */
  fallbackMs?: number;
  fallbackIso?: string;
}

export function readTimes(item: Located, opts: TimeOptions, warnings: Diagnostic[]): TimesRead {
  const errors: Diagnostic[] = [];
  const g = opts.generation;
  const first = readField(item, spellings(g, 'firstcreated', 'firstCreated'), opts.zone, warnings);
  const version = readField(item, spellings(g, 'versioncreated', 'versionCreated'), opts.zone, warnings);
  const embargoNames = spellings(g, 'embargoed', 'embargoedUntil');
  const embargo = readField(item, embargoNames, opts.zone, warnings);
  for (const f of [first, version]) if (f.found && 'error' in f) errors.push(f.error);
  // `embargoed: true` (a flag without a time, seen in provider variants) cannot be honoured: refused.
  const flag = firstMember(item, ...embargoNames);
  if (flag && flag.value === true) {
    errors.push({
      line: flag.line,
      message: 'the item is marked embargoed but gives no time: expected "embargoed" as an ISO 8601 time, such as "2022-06-29T02:30:00+00:00"',
    });
  } else if (embargo.found && 'error' in embargo && flag?.value !== false) errors.push(embargo.error);
  if (errors.length) return { ok: false, errors };

  const firstStamp = first.found && 'stamp' in first ? first.stamp : undefined;
  const versionStamp = version.found && 'stamp' in version ? version.stamp : undefined;
  let published = firstStamp ?? versionStamp;
  if (!published) {
    if (opts.fallbackIso !== undefined && opts.fallbackMs !== undefined) {
      published = { iso: opts.fallbackIso, ms: opts.fallbackMs };
      warnings.push({ line: item.line, message: 'no "firstcreated" or "versioncreated": the file\'s own time is used for this kill or withdrawal' });
    } else {
      return {
        ok: false,
        errors: [
          { line: item.line, message: 'no time: expected "firstcreated" or "versioncreated" ("firstCreated"/"versionCreated" in ninjs 3) as an ISO 8601 time' },
        ],
      };
    }
  }
  const times: ItemTimes = { published: published.iso };
  if (versionStamp && versionStamp.ms > published.ms) times.modified = versionStamp.iso;
  if (embargo.found && 'stamp' in embargo) times.embargoedUntil = embargo.stamp.iso;
  return { ok: true, times };
}

export type EmbargoRead = { found: false } | { found: true; iso: string } | { found: true; error: Diagnostic };

/**
 * The embargo of an object on its own (an association: a picture may be embargoed apart from its
 * story): `embargoed` / `embargoedUntil` read as the item's are, `embargoed: true` without a time an
 * error (it cannot be honoured), `false` or empty no embargo.
 */
export function readEmbargo(at: Located, zone: string, generation: Generation, warnings: Diagnostic[]): EmbargoRead {
  const names = spellings(generation, 'embargoed', 'embargoedUntil');
  const flag = firstMember(at, ...names);
  if (!flag || flag.value === false) return { found: false };
  if (flag.value === true)
    return { found: true, error: { line: flag.line, message: 'marked embargoed without a time: expected "embargoed" as an ISO 8601 time' } };
  const read = readField(at, names, zone, warnings);
  if (!read.found) return { found: false };
  return 'stamp' in read ? { found: true, iso: read.stamp.iso } : { found: true, error: read.error };
}
