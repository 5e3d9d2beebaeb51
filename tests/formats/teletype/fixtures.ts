// Teletype messages written for these tests (no agency text): builders for IPTC 7901 and ANPA 1312
// messages with every part replaceable, and the byte encodings the services send.

export const SOH = '\u0001';
export const STX = '\u0002';
export const ETX = '\u0003';
export const EOT = '\u0004';
export const SYN = '\u0016';
export const US = '\u001f';
export const DEL = '\u007f';
export const FF = '\u000c';
export const BS = '\u0008';
export const RS = '\u001e';
export const DLE = '\u0010';

/** Latin-1 (ISO 8859-1) bytes of a text; every character must be at most U+00FF. */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from(
    Array.from(text, (ch) => {
      const c = ch.codePointAt(0)!;
      if (c > 0xff) throw new Error(`not Latin-1: U+${c.toString(16)}`);
      return c;
    }),
  );
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export interface IptcParts {
  header?: string;
  keyword?: string;
  /** Lines above the headline (`1ST LEAD`, `REFILE`). */
  marks?: string[];
  headline?: string;
  byline?: string;
  body?: string[];
  /** Lines of the notebook after the story (`# Notebook` heading added). */
  notebook?: string[];
  signOff?: string | null;
  /** The trailer line; null: none. */
  trailer?: string | null;
  etx?: boolean;
  eot?: boolean;
  eol?: string;
}

/** One IPTC 7901 message in dpa's layout. Paragraphs are wrapped at 60 characters. */
export function iptc(parts: IptcParts = {}): string {
  const eol = parts.eol ?? '\r\n';
  const wrap = (p: string) => {
    const out: string[] = [];
    let line = '';
    for (const word of p.split(' ')) {
      if (line !== '' && line.length + word.length + 1 > 60) {
        out.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    if (line !== '') out.push(line);
    return out;
  };
  const head = [...(parts.marks ?? []), parts.headline ?? 'Harbour ferry strike ends after overnight talks'];
  if (parts.byline !== undefined) head.push(parts.byline);
  head[head.length - 1] += ' =';
  const body = parts.body ?? [
    'Portmere (dpa) - Ferry crews in the harbour town of Portmere returned to work on Tuesday after union and operator agreed on new shift rules.',
    'The two-day stoppage had left island commuters waiting for hours at the quay.',
  ];
  const lines = [
    `${SOH}${parts.header ?? 'eca101 4 i 120 ccccb   dpa 042'}`,
    '',
    `${parts.keyword ?? 'Portmere-transport/strike'}/`,
    `${STX}${head.join(eol)}`,
    '',
    ...body.flatMap((p) => [...wrap(p), '']),
  ];
  if (parts.notebook) lines.push('# Notebook', '', ...parts.notebook, '');
  if (parts.signOff !== null) lines.push(parts.signOff ?? 'dpa xy zq', '');
  let text = lines.join(eol);
  if (parts.trailer !== null) text += `${parts.etx === false ? '' : ETX}${parts.trailer ?? '121530 GMT Mar 24'} ${eol}${DEL}${eol}`;
  else if (parts.etx !== false) text += `${ETX}${eol}`;
  if (parts.eot !== false) text += `${DEL}${EOT}`;
  return text;
}

export interface AnpaParts {
  number?: string;
  selector?: string;
  priority?: string;
  category?: string;
  tabular?: boolean;
  /** The header's keyword (up to 24 characters) with its version tail. */
  headerKeyword?: string;
  date?: string;
  /** The slug line without `^` and `<`; null: no slug line. */
  slug?: string | null;
  /** The headline; null: none (an alert). */
  headline?: string | null;
  notes?: string[];
  byline?: string[];
  /** Body paragraphs, each a TAB line. */
  body?: string[];
  /** Raw lines put after the body (tables, crossheads). */
  extra?: string[];
  trailer?: string | null;
  etx?: boolean;
  eol?: string;
}

/** One ANPA 1312 message in AP's layout. */
export function anpa(parts: AnpaParts = {}): string {
  const eol = parts.eol ?? '\r\n';
  const format = parts.tabular ? '\u0014\u0012' : '\u0013\u0011';
  const lines = [
    `${SYN}${SYN}${SOH}${parts.number ?? 'a1234'}${US}${parts.selector ?? '-----'}`,
    `${parts.priority ?? 'r'} ${parts.category ?? 'a'}${format} ${parts.headerKeyword ?? 'BC-US--Ferry-Strike'}     ${parts.date ?? '03-12'} 0420`,
  ];
  const text: string[] = [];
  if (parts.slug !== null) text.push(`^${parts.slug ?? 'BC-US--Ferry-Strike,410'}<`);
  if (parts.headline !== null) text.push(`^${parts.headline ?? 'Harbour ferry strike ends after overnight talks'}<`);
  for (const n of parts.notes ?? []) text.push(`^${n}<`);
  for (const b of parts.byline ?? ['By JANE ROE=', 'Associated Press=']) text.push(`^${b}`);
  for (const p of parts.body ?? [
    'PORTMERE, Maine (AP) _ Ferry crews returned to work Tuesday after the union and the operator agreed on new shift rules.',
    "``We got what we came for,'' said a deckhand at the quay.",
  ])
    text.push(`\t   ${p}`);
  text.push(...(parts.extra ?? []));
  lines.push(STX + text.join(eol), '');
  let out = lines.join(eol);
  if (parts.trailer !== null) out += `\t   ${parts.etx === false ? '' : ETX}${parts.trailer ?? 'AP-WF-03-12-24 1530GMT'}<${eol}${eol}${FF}${eol}`;
  else if (parts.etx !== false) out += `\t   ${ETX}${eol}${FF}${eol}`;
  return out + EOT;
}
