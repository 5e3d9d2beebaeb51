// Bylines: parts joined by ` | ` (`AFP | Reuters`, `Tahir Naseer | Dawn.com`), or one name (`By CHARLES ODUM`).
// Each part is an agency, a desk, or a named person.

import type { BylinePart } from '../item.ts';

/** News agencies whose name may stand alone as a byline part (matched case-insensitively, whole part). */
// biome-ignore format: a word list packed by hand, many to a line (the formatter would put one a line)
export const knownAgencies: readonly string[] = [
  'AFP', 'Agence France-Presse', 'Reuters', 'AP', 'Associated Press', 'APP', 'Associated Press of Pakistan',
  'PPI', 'Bloomberg', 'Xinhua', 'Anadolu', 'Anadolu Agency', 'NNI', 'INP', 'IANS', 'PTI', 'ANI', 'UNI',
  'Agencies', 'Online', 'Dow Jones', 'Kyodo', 'Yonhap', 'WAM', 'SPA', 'IRNA', 'TASS', 'Sputnik', 'dpa',
  'EFE', 'ANSA', 'Bernama', 'KUNA', 'QNA', 'Saba', 'Pajhwok', 'Tolo News', 'NewsRx', 'Wires',
];

const AGENCY_KEYS = new Set(knownAgencies.map((a) => a.toLowerCase()));

export function isAgency(name: string): boolean {
  return AGENCY_KEYS.has(name.trim().replace(/\s+/g, ' ').toLowerCase());
}

// Dawn.com is the publication's own web desk (its online newsroom), not a person and not an outside
// agency, so it is a desk, like `BR Web Desk`.
const DESK_NAMES = new Set(['dawn.com', 'dawn', 'brecorder', 'business recorder', 'images staff', 'newsroom', 'herald', 'eos', 'prism']);
const DESK_WORDS = /\b(?:desk|report|reporter|reporters|correspondent|correspondents|staff|editorial|bureau|monitoring|monitor|team|newsroom|editor)\b/i;

export function isDesk(name: string): boolean {
  const key = name.trim().replace(/\s+/g, ' ').toLowerCase();
  return DESK_NAMES.has(key) || DESK_WORDS.test(key);
}

export function classifyBylinePart(name: string): BylinePart['kind'] {
  if (isAgency(name)) return 'agency';
  if (isDesk(name)) return 'desk';
  return 'person';
}

/** Split a byline on `|` (spacing varies) and classify each part. An empty byline gives []. */
export function parseByline(text: string): BylinePart[] {
  return text
    .split('|')
    .map((part) => part.trim().replace(/^By\s+/i, ''))
    .filter((part) => part !== '')
    .map((name) => ({ name, kind: classifyBylinePart(name) }));
}
