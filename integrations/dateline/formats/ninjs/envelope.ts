// The shapes a ninjs file arrives in: one ninjs object, or a feed that wraps several.
//  - AP Media API: `{"data": {"item": {…}}}` (an item request) and `{"data": {"items": [{"meta": …,
//    "item": {…}}, …]}}` (a feed request);
//  - BBC's superdesk feed: `{"total", "limit", "offset", "item": [{…}, …]}`; `{"items": […]}`;
//    superdesk's REST envelope `{"_items": […], "_meta": …}`;
//  - a bare array of ninjs objects.
// A JSON Schema (the ninjs schemas themselves) is recognised and refused by name.
import type { Diagnostic } from '../item.ts';
import { elements, isObject, keysOf, member, stringMember, type Located } from './positions.ts';
import { kindOf, quote } from './text.ts';

/** Fields only a ninjs object (of any generation, or a superdesk/AP relative) carries. */
export const NINJS_FIELDS = [
  'uri',
  'guid',
  'headline',
  'headlines',
  'versioncreated',
  'versionCreated',
  'firstcreated',
  'firstCreated',
  'body_html',
  'body_xhtml',
  'body_text',
  'bodies',
  'pubstatus',
  'pubStatus',
  'byline',
  'by',
  'altids',
  'altIds',
  'embargoed',
  'embargoedUntil',
  'renditions',
  'associations',
  'located',
  'slugline',
  'urgency',
] as const;

const FEED_KEYS = ['items', 'item', '_items'] as const;

export type Unwrapped = { ok: true; items: Located[]; feed: boolean } | { ok: false; error: Diagnostic };

/** `$schema` naming json-schema.org: a schema document, whatever else it holds. */
export function schemaTitle(root: Located): string | undefined {
  const schema = stringMember(root, '$schema');
  if (!schema || !/json-schema\.org/i.test(schema.text)) return undefined;
  return stringMember(root, 'title')?.text ?? stringMember(root, '$id')?.text ?? '';
}

export function looksLikeItem(value: unknown): boolean {
  return isObject(value) && NINJS_FIELDS.some((k) => Object.hasOwn(value, k));
}

/** A feed element may itself wrap its item (`{"meta": {}, "item": {…}}`, AP). */
function unwrapElement(element: Located): Located {
  const inner = member(element, 'item');
  return inner && isObject(inner.value) && !looksLikeItem(element.value) ? inner : element;
}

function feedOf(list: Located, where: string): Unwrapped {
  const items = elements(list).map(unwrapElement);
  if (items.length > 0 && !items.some((i) => isObject(i.value))) {
    const first = items[0]!;
    return {
      ok: false,
      error: { line: first.line, message: `not ninjs: expected news items (JSON objects) in ${where}, found ${kindOf(first.value)} and no object` },
    };
  }
  return { ok: true, items, feed: true };
}

export function unwrap(root: Located): Unwrapped {
  const value = root.value;
  if (Array.isArray(value)) {
    if (value.length === 0) return { ok: false, error: { line: root.line, message: 'not ninjs: the file is an empty JSON array, with no news item' } };
    return feedOf(root, 'the top-level array');
  }
  if (!isObject(value)) {
    return {
      ok: false,
      error: { line: root.line, message: `not ninjs: expected a ninjs object (uri, headline, versioncreated …) or a feed of them, found ${kindOf(value)}` },
    };
  }
  const title = schemaTitle(root);
  if (title !== undefined) {
    const line = member(root, '$schema')?.line ?? root.line;
    return {
      ok: false,
      error: { line, message: `a JSON Schema${title ? ` (${quote(title, 60)})` : ''}, not a news item: it describes ninjs objects but carries no story` },
    };
  }
  if (looksLikeItem(value)) return { ok: true, items: [root], feed: false };

  // AP Media API: the item or the feed is under `data`.
  const data = member(root, 'data');
  if (data && isObject(data.value)) {
    const item = member(data, 'item');
    if (item && isObject(item.value)) return { ok: true, items: [item], feed: false };
    const items = member(data, 'items');
    if (items && Array.isArray(items.value)) return feedOf(items, '"data.items"');
  }
  for (const key of FEED_KEYS) {
    const list = member(root, key);
    if (!list) continue;
    if (Array.isArray(list.value)) return feedOf(list, `"${key}"`);
    if (isObject(list.value)) return { ok: true, items: [list], feed: false };
  }
  const keys = keysOf(value)
    .slice(0, 6)
    .map((k) => quote(k, 30));
  return {
    ok: false,
    error: {
      line: root.line,
      message:
        `not ninjs: expected a ninjs object (uri, headline or headlines, versioncreated …) or a feed of them ` +
        `(data.item, data.items, items, item), found an object with ${keys.length ? `the keys ${keys.join(', ')}` : 'no keys'}`,
    },
  };
}
