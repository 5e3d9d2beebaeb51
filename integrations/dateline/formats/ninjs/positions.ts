// Where each JSON value sits in the file. JSON.parse keeps no positions, so a second pass over the
// (already validated) text records the line of every object member and array element, in a tree that
// mirrors the parsed value. The pass is a loop with an explicit stack: a hostile file nested a million
// levels deep costs memory in proportion to its size, never the call stack.
//
// Reading goes through `Located` values (a parsed value with its position), and only through own
// properties: a `__proto__` or `constructor` key in the file is an ordinary field name here, never
// the prototype's.

export interface JsonPos {
  /** 1-based line: of the member's key in an object, of the value's first character elsewhere. */
  line: number;
  members?: Map<string, JsonPos>;
  elements?: JsonPos[];
}

interface Open {
  pos: JsonPos;
  object: boolean;
  expectKey: boolean;
  key?: string;
  keyLine?: number;
}

/** The position tree of valid JSON text (call after JSON.parse succeeded); undefined for empty text. */
export function jsonPositions(text: string): JsonPos | undefined {
  let root: JsonPos | undefined;
  const stack: Open[] = [];
  let line = 1;
  const attach = (pos: JsonPos) => {
    const top = stack.at(-1);
    if (!top) root ??= pos;
    else if (!top.object) top.pos.elements!.push(pos);
    else if (top.key !== undefined) {
      // A repeated key replaces the earlier one, as it does in JSON.parse.
      pos.line = top.keyLine ?? pos.line;
      top.pos.members!.set(top.key, pos);
      top.key = undefined;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) !== 10) line++;
    } else if (c === 32 || c === 9) continue;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      const pos: JsonPos = c === 123 ? { line, members: new Map() } : { line, elements: [] };
      attach(pos);
      stack.push({ pos, object: c === 123, expectKey: c === 123 });
    } else if (c === 125 /* } */ || c === 93 /* ] */) stack.pop();
    else if (c === 44 /* , */) {
      const top = stack.at(-1);
      if (top?.object) top.expectKey = true;
    } else if (c === 58 /* : */) {
      const top = stack.at(-1);
      if (top) top.expectKey = false;
    } else if (c === 34 /* " */) {
      const start = i;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
      const top = stack.at(-1);
      if (top?.object && top.expectKey) {
        top.key = JSON.parse(text.slice(start, i + 1)) as string;
        top.keyLine = line;
      } else attach({ line });
    } else {
      // A number, true, false or null: it ends at white space or punctuation.
      attach({ line });
      while (i + 1 < text.length && !/[\s,\]}]/.test(text[i + 1]!)) i++;
    }
  }
  return root;
}

/** A parsed JSON value with its place in the file. */
export interface Located {
  value: unknown;
  /** Line of the value (of its key, for an object member). */
  line: number;
  pos?: JsonPos;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The member `name` of an object (own properties only), or undefined. */
export function member(at: Located | undefined, name: string): Located | undefined {
  if (!at || !isObject(at.value) || !Object.hasOwn(at.value, name)) return undefined;
  const pos = at.pos?.members?.get(name);
  return { value: at.value[name], line: pos?.line ?? at.line, pos };
}

/** The first of several member names that is present (`firstcreated`, `firstCreated`). */
export function firstMember(at: Located | undefined, ...names: string[]): Located | undefined {
  for (const name of names) {
    const m = member(at, name);
    if (m !== undefined && m.value !== null) return m;
  }
  return undefined;
}

/** The elements of an array (an empty list for anything else). */
export function elements(at: Located | undefined): Located[] {
  if (!at || !Array.isArray(at.value)) return [];
  return at.value.map((value, i) => {
    const pos = at.pos?.elements?.[i];
    return { value, line: pos?.line ?? at.line, pos };
  });
}

/** A member that holds a string, or undefined (numbers and other kinds are not strings here). */
export function stringMember(at: Located | undefined, ...names: string[]): { text: string; line: number } | undefined {
  for (const name of names) {
    const m = member(at, name);
    if (m && typeof m.value === 'string') return { text: m.value, line: m.line };
  }
  return undefined;
}

/** The own keys of an object, for messages. */
export function keysOf(value: unknown): string[] {
  return isObject(value) ? Object.keys(value) : [];
}
