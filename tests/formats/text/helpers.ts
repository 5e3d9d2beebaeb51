// Shared helpers for the parser tests. The reference article is the demo content's copy; the corpus is
// read through tests/helpers/test-data.ts by the tests that need it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const seedPath = fileURLToPath(new URL('../../../content/world-china-russia-call.txt', import.meta.url));

export function readSeed(): string {
  return readFileSync(seedPath, 'utf8');
}

// Windows-1252 code points 0x80–0x9F (the rest of 0xA0–0xFF is Latin-1).
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** Encode text as Windows-1252 bytes; throws on a character the code page lacks. */
export function encodeCp1252(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out.push(code);
    else if (CP1252_HIGH[ch] !== undefined) out.push(CP1252_HIGH[ch]);
    else throw new Error(`not in Windows-1252: U+${code.toString(16)}`);
  }
  return Uint8Array.from(out);
}

export interface WireParts {
  capture?: string;
  section?: string;
  headline?: string;
  published?: string;
  body?: string[];
}

/** A minimal wire file in the reference layout (line 1 and 2 adjacent, blank lines between blocks). */
export function wire(parts: WireParts = {}): string {
  const capture = parts.capture ?? ' date 2025-01-02';
  const head = parts.section === undefined ? [capture, ''] : [capture, parts.section, ''];
  const blocks = [
    parts.headline ?? 'Government announces new budget measures for farmers',
    parts.published ?? 'APP Published 01 Jan, 2025 10:15am',
    ...(parts.body ?? ['KARACHI: The government announced new measures on Wednesday.', 'Officials said the plan would start soon.']),
  ];
  return `${head.join('\n')}\n${blocks.join('\n\n')}\n`;
}
