// Recognising IPTC 7901 by content (a `.txt` like the wire text): the file opens, after at most some
// padding, with SOH and a 7901 header line (`eca062 4 i 211 …`), and has STX further on. ANPA 1312
// also opens with SOH, but its header is a letter and four digits then US (`z6715^_`), never this.
const HEADER = /^[\x16\s\x7f]*\x01[A-Za-z]{1,6}\d{1,8} \d [A-Za-z]{1,3} \d{1,6}(?: |\r|\n|$)/;

export function looksLikeIptc7901(bytes: Uint8Array): boolean {
  try {
    if (!(bytes instanceof Uint8Array)) return false;
    const head = String.fromCharCode(...bytes.subarray(0, 256));
    if (!HEADER.test(head)) return false;
    return bytes.subarray(0, 8192).includes(0x02);
  } catch {
    return false;
  }
}
