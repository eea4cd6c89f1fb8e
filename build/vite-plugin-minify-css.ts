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
      return code.replace(/\bcss`([^`$]*)`/g, (_whole, body: string) => `css\`${minifyCss(body)}\``);
    },
  };
}

/**
 * Only rewrites that cannot change what a rule means: no space is removed before `(` (`and (`
 * in a media query is not `and(`), nor around `*` (a descendant `*` in a selector), and numbers
 * and colours are shortened only after a space, colon, comma or `(`, never inside a quoted string;
 * quotes are dropped only around an attribute selector's value that is a plain identifier.
 */
export function minifyCss(body: string): string {
  return body
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/ !important/g, '!important')
    .replace(/;}/g, '}')
    .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
    .replace(/([\s:,(])#([\da-f])\2([\da-f])\3([\da-f])\4\b/gi, '$1#$2$3$4')
    // An attribute selector's value needs no quotes when it is a plain identifier.
    .replace(/(\[[\w-]+[~|^$*]?=)(['"])([a-z_][\w-]*)\2\]/gi, '$1$3]')
    .trim();
}
