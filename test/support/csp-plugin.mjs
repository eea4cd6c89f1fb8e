// Serves the pages under /test/fixtures/csp/ with a strict Content-Security-Policy and Trusted
// Types, as a careful publisher would: no inline script or style, no eval.
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self' http://127.0.0.1:*",
  "img-src 'self' data:",
  "require-trusted-types-for 'script'",
].join('; ');

export function cspPlugin() {
  return {
    name: 'csp-headers',
    transform(context) {
      if (context.path.startsWith('/test/fixtures/csp/') && context.path.endsWith('.html')) {
        return { headers: { 'Content-Security-Policy': STRICT_CSP } };
      }
    },
  };
}
