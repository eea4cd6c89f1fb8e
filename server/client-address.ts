/**
 * Who a request comes from, as a rate-limit key. One client must be one key however its address is
 * written: proxies write `[2001:db8::1]:443`, `7.7.7.7:1111` or IPv4-mapped IPv6 (`::ffff:7.7.7.7`,
 * also spelled `::ffff:707:707`), and each spelling must not buy a bucket of its own.
 */
import { isIP } from 'node:net';

const PORT = /^\d{1,5}$/;
const validPort = (port: string) => PORT.test(port) && Number(port) <= 65535;

/** The eight 16-bit groups of a valid IPv6 address (without zone id). */
function ipv6Groups(address: string): number[] {
  // The WHATWG URL parser writes every valid IPv6 address in one canonical form, with IPv4 tails
  // turned into hex groups, which leaves only the `::` to expand.
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const [head, tail] = canonical.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16));
}

/**
 * The plain form of an address as a proxy or the socket may write it: IPv4 dotted, IPv6 in
 * canonical compressed form, IPv4-mapped IPv6 as IPv4; brackets, ports and zone ids dropped.
 * Null when it is not an address at all.
 */
export function parseAddress(raw: string): string | null {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d*))?$/.exec(address);
  if (bracketed) {
    if (bracketed[2] !== undefined && !validPort(bracketed[2])) return null;
    address = bracketed[1];
  } else if (/^[\d.]+:[^:]*$/.test(address)) {
    const [host, port] = address.split(':');
    if (!validPort(port)) return null;
    address = host;
  }
  address = address.split('%')[0];
  const family = isIP(address);
  if (family === 4) return address;
  if (family !== 6) return null;
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.');
  }
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}

/**
 * The rate-limit key of an address. IPv6 clients usually own a whole /64, so they are limited per
 * /64 rather than per address. Something that is not an address is keyed as it is.
 */
export function clientKey(raw: string): string {
  const address = parseAddress(raw);
  if (address === null) return raw;
  if (!address.includes(':')) return address;
  return ipv6Groups(address).slice(0, 4).map((g) => g.toString(16)).join(':') + '::/64';
}

/**
 * The key of the client behind a request. With one trusted proxy in front, the last
 * X-Forwarded-For entry is the address the proxy saw; if that entry is not an address, the proxy's
 * own address is used, so a malformed header can never buy a fresh bucket.
 */
export function requestClientKey(forwardedFor: string | undefined, socketAddress: string | undefined, trustProxy: boolean): string {
  if (trustProxy && forwardedFor) {
    const last = forwardedFor.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (last && parseAddress(last) !== null) return clientKey(last);
  }
  return clientKey(socketAddress ?? 'unknown');
}
