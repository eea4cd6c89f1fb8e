/**
 * Path parameters decoded strictly. The router's own decoding keeps a segment that is not valid
 * percent-encoded UTF-8 as it is, so `/threads/%FF/…` would reach the thread "%FF", which is also
 * `/threads/%25FF/…`: two URLs for one thread. Here such a segment is refused instead.
 */

/**
 * The decoded path segment `fromEnd` places before the last one (0 is the last), taken from the
 * URL as received; null when it is not valid percent-encoded UTF-8.
 */
export function pathSegment(url: string, fromEnd: number): string | null {
  const path = url.slice(url.indexOf('/', url.indexOf('//') + 2)).split(/[?#]/)[0];
  const segments = path.split('/');
  const raw = segments[segments.length - 1 - fromEnd] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
