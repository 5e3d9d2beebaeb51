// Which ninjs generation an object follows. Declared by `standard.version` (2.x, 3.x), `$standard.version`
// (1.3+) or a `$schema` naming `ninjs-schema_<n>.…json`; otherwise told by its fields: ninjs 3 renamed
// every compound name to camelCase (`versionCreated`, `pubStatus`, `bodies[].contentType`), ninjs 2
// turned `headline`/`body_*`/`byline` into `headlines[]`/`bodies[]`/`by`. Feeds mix them (AP Media API
// and superdesk are ninjs 1 with extensions), so every reader accepts every spelling; the generation
// only decides which spelling wins when an item carries both.
import { elements, isObject, member, stringMember, type Located } from './positions.ts';

export type Generation = 1 | 2 | 3;

const CAMEL_FIELDS = [
  'versionCreated',
  'firstCreated',
  'contentCreated',
  'pubStatus',
  'embargoedUntil',
  'altIds',
  'copyrightHolder',
  'copyrightNotice',
  'usageTerms',
  'edNote',
  'representationType',
  'infoSources',
  'trustIndicators',
];

function declared(item: Located): Generation | undefined {
  for (const name of ['standard', '$standard']) {
    const version = stringMember(member(item, name), 'version')?.text ?? stringMember(member(item, name), 'schema')?.text;
    const m = version ? /(?:^|schema_)([123])(?:\.|$)/.exec(version.trim()) : null;
    if (m) return Number(m[1]) as Generation;
  }
  const schema = stringMember(item, '$schema')?.text;
  const m = schema ? /ninjs-schema_([123])\./.exec(schema) : null;
  return m ? (Number(m[1]) as Generation) : undefined;
}

export function generationOf(item: Located): Generation {
  const stated = declared(item);
  if (stated) return stated;
  if (!isObject(item.value)) return 1;
  const value = item.value;
  if (CAMEL_FIELDS.some((k) => Object.hasOwn(value, k))) return 3;
  if (elements(member(item, 'bodies')).some((b) => isObject(b.value) && Object.hasOwn(b.value, 'contentType'))) return 3;
  if (Object.hasOwn(value, 'headlines') || Object.hasOwn(value, 'bodies')) return 2;
  return 1;
}

/** Field names in the order a generation prefers them: `['firstCreated', 'firstcreated']` for ninjs 3. */
export function spellings(generation: Generation, lower: string, camel: string): string[] {
  return generation === 3 ? [camel, lower] : [lower, camel];
}
