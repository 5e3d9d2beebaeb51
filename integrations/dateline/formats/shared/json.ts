// JSON from outside (ninjs), parsed with the platform's JSON.parse (no reviver, no prototype keys
// honoured: `__proto__` stays a plain key), with errors reported at their line, as every other
// format's are.
import type { Diagnostic } from '../item.ts';
import { lineAt, lineCount } from './decode.ts';

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: Diagnostic };

/** Parses JSON text. A syntax error names its line (V8 gives the position; it is turned into a line). */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = (error as Error).message;
    const line = /\(line (\d+) column \d+\)/.exec(message)?.[1];
    const position = /at position (\d+)/.exec(message)?.[1];
    const at = line !== undefined ? Number(line) : position !== undefined ? lineAt(text, Number(position)) : lineCount(text);
    const what = message
      .replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?/, '')
      .replace(/^Unexpected end of JSON input$/, 'the file ends inside a value');
    return { ok: false, error: { line: Math.min(Math.max(1, at), lineCount(text)), message: `not valid JSON: ${what}` } };
  }
}

/**
 * Lines where the elements of a JSON array start, found by scanning the text (JSON.parse keeps no
 * positions): `arrayElementLines(text, '"items"')` gives one line per element of the first array that
 * follows that key. Used to name an item's own line in a feed of several items.
 */
export function arrayElementLines(text: string, key: string): number[] {
  const keyAt = text.indexOf(key);
  if (keyAt === -1) return [];
  let i = text.indexOf('[', keyAt + key.length);
  if (i === -1) return [];
  const lines: number[] = [];
  let depth = 0;
  let inString = false;
  let line = lineAt(text, i);
  let expectElement = true;
  for (i = i + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (depth === 0 && expectElement && !/\s/.test(c) && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) expectElement = true;
  }
  return lines;
}
