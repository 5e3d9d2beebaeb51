// Shared helpers for the ninjs parser tests.
import { expect } from 'vitest';
import type { FileParse, FormatOptions, ItemParse, WireItem } from '../../../integrations/dateline/formats/item.ts';
import { parseNinjs } from '../../../integrations/dateline/formats/ninjs/index.ts';

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** Parses JSON text (or a value, serialised with two-space indentation) in Asia/Karachi (the house default) unless told otherwise. */
export function parse(input: string | unknown, options: Partial<FormatOptions> = {}): FileParse {
  const text = typeof input === 'string' ? input : JSON.stringify(input, null, 2);
  return parseNinjs(utf8(text), { timeZone: 'Asia/Karachi', ...options });
}

/** The one item of a file that must parse. */
export function only(result: FileParse): WireItem & { warnings: ItemParse['warnings'] } {
  expect(result.errors, JSON.stringify(result.errors)).toEqual([]);
  expect(result.items).toHaveLength(1);
  const parsed = result.items[0]!;
  if (!parsed.ok) throw new Error(`item rejected: ${JSON.stringify(parsed.errors)}`);
  return { ...parsed.item, warnings: parsed.warnings };
}

/** The file-level error of a rejected file. */
export function rejected(result: FileParse): { line: number; message: string } {
  expect(result.items).toEqual([]);
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors[0]!;
}

export const paragraphs = (item: WireItem) => item.body.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
