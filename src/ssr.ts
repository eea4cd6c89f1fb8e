/**
 * `reading-widget/ssr`: what a page rendered on the server (with `@lit-labs/ssr`) needs besides
 * the elements' own declarative shadow DOM. Nothing here touches a DOM, so it loads in Node.
 *
 * Load order in the browser (see README, "Server-side rendering"): Lit's hydrate support
 * (`@lit-labs/ssr-client/lit-element-hydrate-support.js`) must be evaluated before any module that
 * defines a Lit element, i.e. before `reading-widget/define`, and both must use the same copy of Lit
 * (a bundler or an import map, not the script-tag bundle, which carries its own).
 */
import { lightRules } from './components/article/article.styles.js';

/**
 * A `<style>` element for the page's `<head>`: the rules `<rw-article>` adds to the document once
 * its script runs (for light-DOM content nested in slotted elements), so that the server-rendered
 * card already has its final layout before any script runs.
 */
export function ssrStyles(tags: readonly string[] = ['rw-article']): string {
  return `<style data-reading-widget>${tags.map(lightRules).join('')}</style>`;
}
