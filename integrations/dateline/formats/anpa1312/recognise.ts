// Recognising ANPA 1312 by content: SYN SYN SOH (the SYNs may be lost in a capture), then the
// service-level letter and a four-digit message number with US after it (`z6715^_`), or a header line
// of priority, category and the DC1–DC4 format identifier (`r z^S^Q BC-…`). A `.txt` of the wire text
// or an IPTC 7901 message (`eca062 4 i …`) has neither.
const START = /^[\x16\s\x7f]*\x01[A-Za-z]\d{4}\x1f/;
const HEADER_LINE = /(?:^|[\r\n])[A-Za-z] [A-Za-z][\x11-\x14]{2} /;

export function looksLikeAnpa1312(bytes: Uint8Array): boolean {
  try {
    if (!(bytes instanceof Uint8Array)) return false;
    const head = String.fromCharCode(...bytes.subarray(0, 512));
    if (!/^[\x16\s\x7f]*\x01/.test(head)) return false;
    return START.test(head) || HEADER_LINE.test(head);
  } catch {
    return false;
  }
}
