import type { Plugin } from 'vite';

/**
 * Lit's css`` literals reach the bundle verbatim: collapse their whitespace and comments. Only
 * literals without interpolations are touched, so no JavaScript is ever rewritten.
 */
export function minifyCssLiterals(): Plugin {
  return {
    name: 'rw:minify-css-literals',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return;
      return code.replace(/\bcss`([^`$]*)`/g, (_whole, body: string) => {
        const out = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/ ?([{};,>]) ?/g, '$1')
          .replace(/: /g, ':');
        return `css\`${out.trim()}\``;
      });
    },
  };
}
