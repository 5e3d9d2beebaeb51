// Who a ninjs item is: `uri` (the one required property of every generation, nar:newsItem@guid), else
// superdesk's `guid`, else AP's `altids.itemid`; and its `version`.
import type { Diagnostic } from '../item.ts';
import { elements, firstMember, isObject, member, stringMember, type Located } from './positions.ts';
import { clean, quote } from './text.ts';

export interface Identified {
  /** The identifier without the `id:` prefix, or undefined when the item has none. */
  id?: string;
  /** Which field gave it, for messages. */
  field?: string;
  version?: number;
}

// AP Media API uris carry the request's query token and the version's etag (`?qt=…&et=0a4aza0c0`): the
// same story has another uri in every version and every request. The path (`/media/v/content/<itemid>`)
// is the story's; the two per-request parameters are dropped.
const AP_PER_REQUEST = ['qt', 'et'];

function stableUri(uri: string): string {
  if (!/\/media\/v\/content\//.test(uri) || !uri.includes('?')) return uri;
  try {
    const url = new URL(uri);
    for (const p of AP_PER_REQUEST) url.searchParams.delete(p);
    return url.toString().replace(/\?$/, '');
  } catch {
    return uri;
  }
}

/** `altids.itemid` (ninjs 1 object form) or an `altids` / `altIds` entry with role `itemid` (ninjs 2/3 array form). */
function altItemId(item: Located): string | undefined {
  const alt = firstMember(item, 'altids', 'altIds');
  if (!alt) return undefined;
  if (isObject(alt.value)) return stringMember(alt, 'itemid', 'itemId')?.text;
  for (const e of elements(alt)) {
    const role = stringMember(e, 'role')?.text.toLowerCase();
    if (role === 'itemid') return stringMember(e, 'value')?.text;
  }
  return undefined;
}

/** A version as delivered: `"2"` or `2` (ninjs 1–3 say string; AP and superdesk send numbers too). */
export function readVersion(item: Located, warnings: Diagnostic[]): number | undefined {
  const v = member(item, 'version');
  if (!v || v.value === null || v.value === '') return undefined;
  const raw = v.value;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+(?:\.0+)?\s*$/.test(raw) ? Number(raw) : NaN;
  if (Number.isSafeInteger(n) && n >= 0) return n;
  warnings.push({ line: v.line, message: `version ${quote(raw)} is not a whole number (expected "1", "2" …); the item's version is left unset` });
  return undefined;
}

export function identify(item: Located, warnings: Diagnostic[]): Identified {
  const version = readVersion(item, warnings);
  const withVersion = (found: Identified): Identified => (version === undefined ? found : { ...found, version });
  for (const field of ['uri', 'guid'] as const) {
    const s = stringMember(item, field);
    const id = s ? clean(field === 'uri' ? stableUri(s.text) : s.text) : '';
    if (id) return withVersion({ id, field });
  }
  const alt = clean(altItemId(item) ?? '');
  if (alt) return withVersion({ id: alt, field: 'altids.itemid' });
  return withVersion({});
}
