// Serves the pages under /test/fixtures/csp/ (and the theme gallery demo) with a strict
// Content-Security-Policy and Trusted Types, as a careful publisher would: no inline script or
// style, no eval.
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
      const path = context.path;
      if ((path.startsWith('/test/fixtures/csp/') && path.endsWith('.html')) || path === '/demo/themes.html') {
        return { headers: { 'Content-Security-Policy': STRICT_CSP } };
      }
    },
  };
}
