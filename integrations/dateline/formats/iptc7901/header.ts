// The IPTC 7901 message header, the line after SOH (Recommendation 7901, the "message heading"):
//   `eca062 4 i 211 ccccb   dpa 061`
//    ^^^    source / service identifier (dpa's `eca` English service, `ecp` partner copy)
//       ^^^ message number (sequence on the service)
//           priority, 1 (flash) to 6
//             category (1 to 3 letters: `i`, `s`, `rs`, dpa's German `pl`, `wi`)
//               word count
//                   optional information (dpa: `ccccb`; may be absent), then the sender
//                   (`dpa`, `dpa-tns`, `KNA`) and the sender's own reference.

export interface Iptc7901Header {
  service: string;
  number: string;
  priority: number;
  category: string;
  wordCount: number;
  /** The agency that sent the message, when the header names it. */
  sender?: string;
}

export const HEADER_FORM = 'source and number, priority, category and word count, e.g. "eca062 4 i 211 … dpa 061"';

const HEADER = /^([A-Za-z]{1,6})(\d{1,8})\s+(\d)\s+([A-Za-z]{1,3})\s+(\d{1,6})(?:\s+(.*))?$/;

export function parseHeaderLine(text: string): Iptc7901Header | undefined {
  const m = HEADER.exec(text.trim());
  if (!m) return undefined;
  const [, service, number, priority, category, words, rest] = m;
  const tokens = (rest ?? '').split(/\s+/).filter((t) => t !== '');
  // The optional field is a run of one repeated letter (`ccccb`, `vvvvb`); the sender is the first
  // name after it.
  const sender = tokens.find((t, i) => /^[A-Za-z][A-Za-z-]{0,15}$/.test(t) && !(i === 0 && tokens.length > 1 && /^([a-z])\1{2,}[a-z]?$/.test(t)));
  const header: Iptc7901Header = { service: service!, number: number!, priority: Number(priority), category: category!, wordCount: Number(words) };
  if (sender) header.sender = sender;
  return header;
}
