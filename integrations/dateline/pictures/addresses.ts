// Which IP addresses a picture fetch may connect to. A wire file names the URL, so a hostile or careless
// one could point the build at the machine itself, the office network or a cloud metadata service
// (169.254.169.254): every address a host resolves to is checked here before connecting.
//
// Built on `node:net` BlockList, not an npm package: it is part of Node (no dependency to keep up), it
// matches IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`) against IPv4 ranges by itself, and the ranges
// below are a short table taken from the IANA special-purpose registries. (`ip-address` and `netmask`
// sit in node_modules only as deep dependencies of lighthouse, so they are not ours to rely on.)
// Addresses that embed an IPv4 address in other ways (6to4, NAT64) are checked by the IPv4 inside.
import { BlockList, isIP } from 'node:net';

/** Ranges that are not the public internet, each with the word used in messages. */
const RANGES: [kind: string, network: string, prefix: number][] = [
  // IPv4 (RFC 6890 and the IANA IPv4 special-purpose registry)
  ['unspecified', '0.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['carrier-grade NAT', '100.64.0.0', 10],
  ['loopback', '127.0.0.0', 8],
  ['link-local', '169.254.0.0', 16],
  ['private', '172.16.0.0', 12],
  ['reserved', '192.0.0.0', 24],
  ['documentation', '192.0.2.0', 24],
  ['private', '192.168.0.0', 16],
  ['benchmarking', '198.18.0.0', 15],
  ['documentation', '198.51.100.0', 24],
  ['documentation', '203.0.113.0', 24],
  ['multicast', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4], // includes the broadcast address 255.255.255.255
  // IPv6 (the IANA IPv6 special-purpose registry)
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['reserved', '::', 96], // IPv4-compatible addresses (deprecated)
  ['reserved', '64:ff9b:1::', 48], // local-use NAT64
  ['reserved', '100::', 64], // discard-only
  ['reserved', '2001::', 23], // IETF protocol assignments (Teredo, ORCHID…)
  ['documentation', '2001:db8::', 32],
  ['documentation', '3fff::', 20],
  ['unique-local', 'fc00::', 7],
  ['link-local', 'fe80::', 10],
  ['site-local', 'fec0::', 10], // deprecated, still routed privately in places
  ['multicast', 'ff00::', 8],
];

const lists = new Map<string, BlockList>();
for (const [kind, network, prefix] of RANGES) {
  let list = lists.get(kind);
  if (!list) lists.set(kind, (list = new BlockList()));
  list.addSubnet(network, prefix, isIP(network) === 6 ? 'ipv6' : 'ipv4');
}

/** The 16 bytes of an IPv6 address (already known valid), or undefined. */
function ipv6Bytes(address: string): number[] | undefined {
  let text = address;
  let tail: number[] = [];
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail = dotted[1]!.split('.').map(Number);
    text = `${text.slice(0, dotted.index)}:0:0`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const groups = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const words = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  if (words.length !== 8 || words.some((w) => !(w >= 0 && w <= 0xffff))) return undefined;
  const bytes = words.flatMap((w) => [w >> 8, w & 0xff]);
  if (dotted) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** The IPv4 address carried inside a 6to4 (2002::/16) or NAT64 (64:ff9b::/96) address. */
function embeddedIpv4(address: string): string | undefined {
  const b = ipv6Bytes(address);
  if (!b) return undefined;
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6).join('.');
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && b.slice(4, 12).every((x) => x === 0)) return b.slice(12, 16).join('.');
  return undefined;
}

/**
 * What kind of non-public address this is (`loopback`, `private`, `link-local`, `unique-local`,
 * `unspecified`, `multicast`, `carrier-grade NAT`, `documentation`, `reserved`, …), or undefined for a
 * public address. Anything that is not an IP address counts as `not an IP address` (never public).
 * IPv4-mapped IPv6 addresses are judged by their IPv4 address; a zone (`fe80::1%eth0`) is ignored.
 */
export function addressKind(address: string): string | undefined {
  const plain = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(plain);
  if (family === 0) return 'not an IP address';
  const type = family === 6 ? 'ipv6' : 'ipv4';
  for (const [kind, list] of lists) {
    if (list.check(plain, type)) return kind;
  }
  if (family === 6) {
    const inner = embeddedIpv4(plain);
    if (inner) {
      const kind = addressKind(inner);
      if (kind) return `${kind} (inside ${plain})`;
    }
  }
  return undefined;
}

/** Whether an address is anything but a public internet address (see `addressKind`). */
export function isPrivateAddress(address: string): boolean {
  return addressKind(address) !== undefined;
}
