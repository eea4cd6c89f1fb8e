import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { minifyCss } from '../build/vite-plugin-minify-css.js';
import { styles as article } from '../src/components/article/article.styles.js';
import { styles as comments } from '../src/components/comments/comments.styles.js';
import { rememberStyles } from '../src/components/comments/remember.styles.js';
import { styles as moderation } from '../src/components/moderation/moderation.styles.js';
import { styles as textSize } from '../src/components/text-size/text-size.styles.js';
import { controls, tokens } from '../src/styles/tokens.js';

// The build minifies every css`` literal of src/ (here the tests see them as written): the browser
// must read the minified text as the very same rules, or the bundle is styled otherwise than the tests.
// Values with var() and custom properties are kept as written (substituted later), so their
// serialisations are compared with their spacing and leading zeros evened out.
const rules = (text: string) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) => minifyCss(rule.cssText));
};

describe('the build’s CSS minifier', () => {
  const sheets = { tokens, controls, article, textSize, comments, rememberStyles, moderation } as Record<string, CSSResult | CSSResult[]>;
  for (const [name, value] of Object.entries(sheets)) {
    it(`leaves the rules of ${name} as they are`, () => {
      for (const result of [value].flat()) {
        const text = result.cssText;
        const minified = minifyCss(text);
        expect(minified.length, 'shorter').to.be.below(text.length);
        expect(rules(minified)).to.deep.equal(rules(text));
      }
    });
  }

  it('keeps what looks shortenable but is not', () => {
    const text = `@media (min-width: 40em) and (max-width: 60em) { .a * .b { margin: 0.5em -0.5em; } }
      [data-x='0.5'] { color: #ffffff; } [title="#aabbcc"] { background: #aabbcc; }`;
    expect(rules(minifyCss(text))).to.deep.equal(rules(text));
    expect(minifyCss(text)).to.include('and (').and.include(' * ').and.include("'0.5'").and.include('"#aabbcc"');
  });
});
